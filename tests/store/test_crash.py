"""Killed at any point, a rerun completes the ledger: SIGKILL (seeded points) during
parsing, storing and the cross-report pass, for ingest, --reprocess and 2 workers;
then PRAGMA integrity_check is ok and the eval export equals a clean one-shot ingest."""

from __future__ import annotations

import io
import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.conftest import TEST_MODEL

ARTICLES = {
    "port": 'Port strike ends\n\nThe mayor of Lisbon, Carlos Moedas, said on Monday that "the '
    'dock workers will return next week". Portugal accused Spain of blocking the ships.',
    "valley": 'Spain denied the accusation on Tuesday. "We blocked nothing," the Spanish '
    "minister Ana Ruiz said in Madrid.",
    "harbour": "Harbour talks resume\n\nThe port authority said on 4 March 2024 that ships would "
    'sail again. "We will reopen the quay within a week," said Omar Nasser.',
    "river": "Floods close the river port\n\nOfficials in Basra said on Sunday that the river "
    "port would stay closed until Friday, the governor told reporters.",
}
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _child(db: Path, corpus: Path, workers: int, mode: str, out: int) -> None:
    """The ingest, forked from this (model-loaded) process, marking each phase on `out`."""
    from newsledger.ledger import Ledger
    from newsledger.nlp import process
    from newsledger.store.db import Store

    def wrap(obj, name, word):
        orig = getattr(obj, name)

        def marked(*a, **k):
            os.write(out, word.encode() + b"\n")
            return orig(*a, **k)

        setattr(obj, name, marked)

    wrap(Store, "write", "store")
    wrap(Ledger, "analyze", "analyze")
    wrap(process, "_extract", "parse")
    led = Ledger(str(db), model=TEST_MODEL)
    if mode == "reprocess":
        led.reprocess(only_stale=False, workers=workers)
    else:
        led.ingest([str(corpus)], workers=workers)
    led.close()


def _run(
    db: Path,
    corpus: Path,
    *,
    workers=1,
    mode="ingest",
    kill_at: str | None = None,
    rng: random.Random | None = None,
) -> bool:
    """Run the ingest in a forked child; with ``kill_at``, SIGKILL it (and its workers)
    just after that phase starts. True when it was killed before finishing."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.setsid()
            os.close(r)
            _child(db, corpus, workers, mode, w)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r) as marks:
        for line in marks:
            if kill_at and line.strip() == kill_at:
                time.sleep(rng.uniform(0, 0.05))
                os.killpg(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return True
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return False


def _export(db: Path) -> str:
    from newsledger.export import export
    from newsledger.store import Store

    st = Store(str(db))
    try:
        assert st.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        out = io.StringIO()
        export(st, "eval", out)
        return out.getvalue()
    finally:
        st.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    from newsledger.nlp.pipeline import load

    load(TEST_MODEL)  # once, here: every forked run has it
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    _run(db, corpus)
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    out = _export(db)
    assert out.count("\n") == len(ARTICLES) and '"quotes": [{' in out
    return db, out


@pytest.mark.parametrize(
    "workers,mode,kills",
    [
        (1, "ingest", ["parse", "store", "analyze"]),
        (1, "reprocess", ["store", "analyze"]),
        (2, "ingest", ["store", "analyze"]),
    ],
)
def test_killed_runs_resume_to_the_clean_ledger(corpus, clean, tmp_path, workers, mode, kills):
    rng = random.Random(f"{workers}{mode}")
    db = tmp_path / "crash.db"
    if mode == "reprocess":  # a full ledger whose extractions are redone
        shutil.copy(clean[0], db)
    killed = [_run(db, corpus, workers=workers, mode=mode, kill_at=k, rng=rng) for k in kills]
    assert all(killed)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    _run(db, corpus, workers=workers, mode=mode)  # the rerun
    assert _export(db) == clean[1]


def test_an_analysis_killed_midway_is_redone_by_the_next_ingest(corpus, clean, tmp_path):
    """Found by the test above: every article was stored, the cross-report pass was
    killed, and the rerun (nothing new to store) skipped the pass: merged events were
    missing. The ledger now counts article writes and a finished pass records the count it
    saw (analysis_state, migration 0010), in the pass's own transaction."""
    from newsledger.ledger import Ledger

    db = tmp_path / "l.db"
    shutil.copy(clean[0], db)
    led = Ledger(str(db), model=TEST_MODEL)
    led.store.db.execute("DELETE FROM event_clusters")
    # as a killed run leaves it: articles still pending (analysis_pending, migration 0014)
    led.store.db.execute("INSERT INTO analysis_pending SELECT id FROM documents")
    assert led.analysis_stale()
    rep = led.ingest([str(corpus)])
    assert rep.stored == 0 and not led.analysis_stale()
    assert led.store.query("SELECT count(*) AS n FROM event_clusters")[0]["n"] > 0
