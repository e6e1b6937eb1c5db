"""The SQLite ledger: migrations, atomic writes, no duplicates, attrs round-trip."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsledger.extract.base import Extraction
from newsledger.ingest import make_article
from newsledger.records import Entity, Mention, Quote
from newsledger.store import Store

TEXT = "Envoy Lina Haddad said talks would resume.\n"


def _extraction(art, speaker=True):
    ex = Extraction(art)
    ex.add(
        [
            Entity("lina_haddad", "Lina Haddad", "PERSON"),
            Mention(art.id, 6, 17, "Lina Haddad", "PERSON", "lina_haddad", "Lina Haddad"),
            Quote(
                art.id,
                23,
                41,
                "talks would resume",
                "indirect",
                cue="said",
                speaker_id="lina_haddad" if speaker else None,
                speaker_name="Lina Haddad",
            ),
        ]
    )
    return ex


def test_migrations_are_recorded_and_rerun_safely(db_path):
    s = Store(db_path)
    n = s.query("SELECT count(*) AS n FROM migrations")[0]["n"]
    assert n >= 1
    s.close()
    s = Store(db_path)
    assert s.migrate() == []
    assert s.query("SELECT count(*) AS n FROM migrations")[0]["n"] == n
    assert s.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"


def test_write_twice_keeps_one_copy(db_path):
    s = Store(db_path)
    art = make_article(TEXT, "n1", fmt="txt", source="x")
    s.write(art, _extraction(art), model="sm", pipeline_version="v1")
    s.write(art, _extraction(art), model="sm", pipeline_version="v2")
    c = s.counts()
    assert (c["documents"], c["mentions"], c["quotes"], c["entities"]) == (1, 1, 1, 1)
    [q] = s.records("quotes", art.id)
    assert TEXT[q["start"] : q["end"]] == q["text"] == "talks would resume"
    assert s.pipeline_version(art.id) == "v2"
    fts = s.query("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'resume'")
    assert len(fts) == 1


def test_interrupted_write_leaves_nothing_half_done(db_path, monkeypatch):
    s = Store(db_path)
    art = make_article(TEXT, "n1", fmt="txt", source="x")
    s.write(art, _extraction(art, speaker=False), model="sm", pipeline_version="v1")
    real = Store._insert_rows

    def boom(self, table, rows):
        if table == "quotes":
            raise KeyboardInterrupt
        return real(self, table, rows)

    monkeypatch.setattr(Store, "_insert_rows", boom)
    with pytest.raises(KeyboardInterrupt):
        s.write(art, _extraction(art), model="sm", pipeline_version="v2")
    monkeypatch.undo()
    # The earlier version of the article is intact: the failed rewrite rolled back whole.
    assert s.pipeline_version(art.id) == "v1"
    [q] = s.records("quotes", art.id)
    assert q["speaker_id"] is None
    assert s.counts()["mentions"] == 1


def test_fields_without_columns_round_trip_through_attrs(db_path):
    @dataclass(frozen=True)
    class RichQuote(Quote):
        co_speakers: tuple = ()

    s = Store(db_path)
    art = make_article(TEXT, "n1", fmt="txt", source="x")
    ex = Extraction(art)
    ex.quotes.append(RichQuote(art.id, 23, 41, "talks would resume", "indirect", co_speakers=("a", "b")))
    s.write(art, ex, model="sm", pipeline_version="v1")
    [q] = s.records("quotes", art.id)
    assert q["co_speakers"] == ["a", "b"]


def test_not_a_database_is_a_clear_error(tmp_path):
    from newsledger.errors import StoreError

    bad = tmp_path / "x.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError) as e:
        Store(str(bad))
    assert e.value.code == "NL-STORE-OPEN" and str(bad) in e.value.message


def test_every_name_of_a_copy_is_kept_even_within_one_batch(tmp_path, db_path):
    from newsledger import Ledger

    for name in ("first", "second", "third"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    led = Ledger(db_path, model="sm")
    rep = led.ingest([str(tmp_path / n) for n in ("first.txt", "second.txt", "third.txt")], analyze=False)
    assert (rep.stored, rep.unchanged) == (1, 2)
    names = [r["name"] for r in led.store.query("SELECT name FROM document_sources ORDER BY name")]
    assert names == ["first", "second", "third"]
    led.close()
