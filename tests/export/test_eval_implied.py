"""A side a report leaves unsaid is filled from the other reports of the event, and says so."""

from __future__ import annotations

import pytest

from newsledger.analyze import implicit
from newsledger.export.eval import document_record
from newsledger.records import Event
from newsledger.store import Store
from newsledger.store.events_query import event_rows


@pytest.fixture
def store(tmp_path):
    st = Store(tmp_path / "x.db")
    texts = {
        "a": "The assassination of Ivan Petrovic shocked Kelmar.",
        "b": "The Ruritanian assassination of Ivan Petrovic was condemned.",
    }
    with st.transaction():
        for doc, text in texts.items():
            st.db.execute(
                "INSERT INTO documents (id, name, text, ingested_at) VALUES (?,?,?,?)",
                (doc, doc, text, "now"),
            )
        for doc, src in (("a", None), ("b", "Ruritania")):
            start = texts[doc].index("assassination")
            rec = Event(
                doc,
                start,
                start + 13,
                "assassination",
                "ASSAULT",
                source_name=src,
                source_id=src and src.lower(),
                target_name="Ivan Petrovic",
                target_id="ivan_petrovic",
                event_id="ev1",
                trigger="assassination",
            )
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
        assert implicit.refresh(st) == 1
    return st


def test_the_eval_record_fills_the_unsaid_source_and_marks_it(store):
    doc_a = store.query("SELECT * FROM documents WHERE id='a'")[0]
    ev = document_record(store, doc_a, "a")["events"][0]
    assert (ev["source"], ev["source_name"], ev["target"], ev["implied"]) == (
        "ruritania",
        "Ruritania",
        "ivan_petrovic",
        ["source"],
    )
    doc_b = store.query("SELECT * FROM documents WHERE id='b'")[0]
    assert document_record(store, doc_b, "b")["events"][0]["implied"] == []


def test_event_listing_fills_and_marks_the_same_side(store):
    got = [(r["doc_id"], r["source_name"], r["implied"]) for r in event_rows(store)]
    assert sorted(got) == [("a", "Ruritania", ["source"]), ("b", "Ruritania", [])]
