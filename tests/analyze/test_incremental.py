"""The incremental cross-report pass gives the tables a full rebuild gives (the default
window blocks, month blocks, one block).

A corpus over three months (and undated articles) is ingested in shuffled batches, with a
reprocess, a delete and actor corrections between them; after each step the analysis
tables must equal ``analyze --full`` on the same ledger, row for row (autonumber ids
left out). A pass killed half-way, then rerun, equals a clean one.
"""

from __future__ import annotations

import json
import random

import pytest

from newsledger import analyze
from newsledger.analyze import contradictions, events
from newsledger.kb import decisions
from newsledger.ledger import Ledger
from tests.conftest import TEST_MODEL

FLOOD = (
    "Heavy rain flooded the river valley of Dunmore on Tuesday. Rescue teams evacuated "
    "hundreds of families from the flooded villages while the river kept rising. "
)
FLOOD_2 = (
    "Rescue teams in Dunmore evacuated families as the flooded river valley kept rising "
    "after heavy rain. Villages along the river were cut off by the flood waters. "
)
VOTE_A = (
    "On March 3, 2019, the Ruritanian parliament approved a resolution on elections. "
    "Militias attacked the occupation forces."
)
VOTE_B = "The Ruritanian parliament approved a law on March 5, 2019. Coalition forces stayed."
PORT = (
    "The mayor of Lisbon, Carlos Moedas, said on Monday that the port strike had ended. "
    "Portugal accused Spain of blocking the ships."
)
PORT_2 = (
    "Carlos Moedas, the mayor of Lisbon, said on Monday the port strike was over. "
    'Spain denied the accusation. "We blocked nothing," the Spanish minister Ana Ruiz said.'
)
ARTICLES = [
    ("f1", "Daily A", "2019-03-10", FLOOD * 2),
    ("f2", "Daily B", "2019-03-11", FLOOD_2 * 2),
    ("f3", "Daily C", "2019-03-11", FLOOD * 2 + "Reporting by Daily C."),  # a syndicated copy
    ("v1", "Daily A", "2019-03-10", VOTE_A),
    ("v2", "Daily B", "2019-03-12", VOTE_B),
    ("p1", "Daily A", "2019-04-02", PORT),
    ("p2", "Daily B", "2019-04-03", PORT_2),
    ("p3", "Daily C", "2019-06-20", PORT_2 + " The talks go on."),
    ("u1", "Daily C", None, PORT + " More later."),
    ("u2", "Daily A", None, VOTE_B + " More later."),
]

# derived tables, with the columns that identify a row (autonumbered ids left out)
TABLES = {
    "stories": "id, label, size, first_date, last_date, attrs, block",
    "story_docs": "story_id, doc_id, duplicate_of, similarity",
    "event_clusters": "id, type, date, source_id, source_name, target_id, target_name, label, "
    "reports, docs, block",
    "event_arguments": "event_row, doc_id, role, actor_id, actor_name, via, from_row, from_doc, "
    "event_id, confidence",
    "contradictions": 'subject, subject_name, predicate, "values", docs, sides, confidence, why, block',
    "stances": 'doc_id, issue, actor_id, actor_name, stance, date, record, start, "end", text, cue',
    "framing_terms": "doc_id, concept, frame, term, count",
    "events": 'doc_id, start, "end", type, event_id',
    "analysis_docs": "doc_id, block",
}


def snapshot(led) -> dict[str, list]:
    return {
        t: sorted(map(tuple, led.store.db.execute(f"SELECT {cols} FROM {t}")), key=repr)
        for t, cols in TABLES.items()
    }


def full(led) -> dict[str, list]:
    led.analyze(full=True)
    assert not led.analysis_stale()
    return snapshot(led)


def jsonl(tmp_path, name: str, arts) -> str:
    p = tmp_path / f"{name}.jsonl"
    p.write_text(
        "\n".join(json.dumps({"id": i, "outlet": o, "published": d, "text": t}) for i, o, d, t in arts)
        + "\n",
        encoding="utf-8",
    )
    return str(p)


@pytest.fixture(scope="module")
def batches():
    arts = list(ARTICLES)
    random.Random(7).shuffle(arts)
    return [arts[:3], arts[3:4], arts[4:8], arts[8:]]


@pytest.mark.parametrize("blocks", ["window", "month", "ledger"])
def test_shuffled_batches_reprocess_delete_and_actor_corrections_equal_a_full_rebuild(
    tmp_path, batches, blocks
):
    led = Ledger(str(tmp_path / "l.db"), model=TEST_MODEL)
    if blocks != "window":  # the default
        led.analyze(blocks=blocks)
    try:
        seen = []
        for k, batch in enumerate(batches):
            rep = led.ingest([jsonl(tmp_path, f"b{k}", batch)])
            assert rep.ok and rep.stored == len(batch)
            assert not led.analysis_stale()
            got = snapshot(led)
            assert got == full(led), f"after batch {k}"
            seen.append(got)
        # the tables are not empty: the comparison has rows to compare
        last = seen[-1]
        assert len(last["stories"]) < len(ARTICLES) and last["contradictions"] and last["framing_terms"]
        want = {
            "month": {"2019-03", "2019-04", "2019-06", ""},
            "ledger": {""},
            # dated articles (and u2, whose vote is dated March 5) on one stretch of the date
            # line from the vote of March 3; u1 states no date: the first undated chunk
            "window": {"d:2019-03-03", "u:0"},
        }[blocks]
        assert {b for (b,) in led.store.db.execute("SELECT DISTINCT block FROM stories")} == want
        assert any(dup for *_, dup, _sim in last["story_docs"])

        # a reprocess (every article written again) leaves the same tables
        led.reprocess(only_stale=False)
        assert snapshot(led) == last == full(led)

        # an actor correction marks the articles that mention the actors pending
        ids = dict(led.store.db.execute("SELECT name, id FROM entities WHERE name IN ('Spain', 'Portugal')"))
        decisions.merge(led.store, ids["Spain"], ids["Portugal"])
        assert led.analysis_stale()
        led.analyze()
        merged = snapshot(led)
        assert merged != last and merged == full(led)

        # an article whose date changes moves to another month: both months are redone
        with led.store.transaction():
            led.store.db.execute(
                "UPDATE documents SET published = '2019-03-15' WHERE id = ?", (_doc(led, "p1"),)
            )
        led.analyze()
        moved = snapshot(led)
        assert moved != merged and moved == full(led)
        merged = moved

        # a deleted article leaves its month redone without it
        with led.store.transaction():
            led.store.db.execute("DELETE FROM documents WHERE id = ?", (_doc(led, "f1"),))
        led.analyze()
        gone = snapshot(led)
        assert gone == full(led) and len(gone["story_docs"]) == len(merged["story_docs"]) - 1
    finally:
        led.close()


def _doc(led, name: str) -> str:
    return led.store.db.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()[0]


@pytest.mark.parametrize("blocks", ["window", "month"])
def test_a_pass_killed_in_the_second_block_then_rerun_equals_a_clean_run(
    tmp_path, monkeypatch, batches, blocks
):
    arts = [a for b in batches for a in b]
    clean = Ledger(str(tmp_path / "clean.db"), model=TEST_MODEL)
    clean.analyze(blocks=blocks)
    clean.ingest([jsonl(tmp_path, "all", arts)])
    want = snapshot(clean)
    clean.close()

    led = Ledger(str(tmp_path / "k.db"), model=TEST_MODEL)
    led.analyze(blocks=blocks)
    try:
        calls = []
        real = contradictions.refresh

        def killed(store, block=None):
            calls.append(block)
            if len(calls) == 2:  # after the first block's commit, inside the second's transaction
                raise KeyboardInterrupt("killed during the cross-report pass")
            return real(store, block)

        monkeypatch.setattr(contradictions, "refresh", killed)
        with pytest.raises(KeyboardInterrupt):
            led.ingest([jsonl(tmp_path, "all", arts)])
        monkeypatch.undo()
        pending = {r[0] for r in led.store.db.execute("SELECT doc_id FROM analysis_pending")}
        assert led.analysis_stale() and 0 < len(pending) < len(arts)
        # the first block is done and kept; the second rolled back
        assert led.store.db.execute("SELECT count(*) FROM stories WHERE block = ?", (calls[0],)).fetchone()[0]
        assert not led.store.db.execute("SELECT 1 FROM stories WHERE block = ?", (calls[1],)).fetchone()
        rep = led.ingest([jsonl(tmp_path, "all", arts)])  # nothing new to store: it still finishes
        assert rep.stored == 0 and not led.analysis_stale()
        assert snapshot(led) == want
    finally:
        led.close()


def test_new_articles_redo_only_their_month(tmp_path, monkeypatch):
    led = Ledger(str(tmp_path / "m.db"), model=TEST_MODEL)
    led.analyze(blocks="month")
    try:
        led.ingest([jsonl(tmp_path, "a", ARTICLES[:5])])  # March 2019
        before = led.store.db.execute("SELECT id FROM event_clusters WHERE block = '2019-03'").fetchall()
        calls = []
        real = events.refresh
        monkeypatch.setattr(
            events, "refresh", lambda store, block=None: calls.append(block) or real(store, block)
        )
        got = led.ingest([jsonl(tmp_path, "b", ARTICLES[5:7])])  # April 2019
        assert got.stored == 2 and calls == ["2019-04"]
        assert (
            led.store.db.execute("SELECT id FROM event_clusters WHERE block = '2019-03'").fetchall() == before
        )
        assert analyze.stale(led.store) is False
    finally:
        led.close()


def test_window_blocks_redo_only_the_stretch_new_articles_reach(tmp_path, monkeypatch):
    led = Ledger(str(tmp_path / "w.db"), model=TEST_MODEL)
    try:
        led.ingest([jsonl(tmp_path, "a", ARTICLES[:5])])  # March 2019, one stretch
        before = snapshot(led)
        calls = []
        real = events.refresh
        monkeypatch.setattr(
            events, "refresh", lambda store, block=None: calls.append(block) or real(store, block)
        )
        far = [
            (f"x{i}", "Daily D", "2021-06-01", PORT.replace("Monday", "Friday") + str(i)) for i in range(2)
        ]
        assert led.ingest([jsonl(tmp_path, "b", far)]).stored == 2
        # "said on Friday": May 28, the stretch's first day; far from March 2019, which stays
        assert calls == ["d:2021-05-28"]
        after = snapshot(led)
        assert [r for r in after["event_clusters"] if r[-1] != "d:2021-05-28"] == before["event_clusters"]
        assert after == full(led)
    finally:
        led.close()
