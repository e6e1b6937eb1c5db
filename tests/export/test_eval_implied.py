"""The eval record fills an event's unsaid side from the other reports, and says so."""
from __future__ import annotations

from newsledger.analyze import implicit
from newsledger.export.eval import document_record
from newsledger.records import Event
from newsledger.store import Store


def test_unsaid_source_is_filled_and_marked_implied(tmp_path):
    st = Store(tmp_path / "x.db")
    texts = {"a": "The assassination of Ivan Petrovic shocked Kelmar.",
             "b": "The Ruritanian assassination of Ivan Petrovic was condemned."}
    with st.transaction():
        for doc, text in texts.items():
            st.db.execute("INSERT INTO documents (id, name, text, ingested_at) VALUES (?,?,?,?)",
                          (doc, doc, text, "now"))
        for doc, src in (("a", None), ("b", "Ruritania")):
            start = texts[doc].index("assassination")
            rec = Event(doc, start, start + 13, "assassination", "ASSAULT", source_name=src,
                        source_id=src and src.lower(), target_name="Ivan Petrovic",
                        target_id="ivan_petrovic", event_id="ev1", trigger="assassination")
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
        assert implicit.refresh(st) == 1
    doc_a = st.query("SELECT * FROM documents WHERE id='a'")[0]
    ev = document_record(st, doc_a, "a")["events"][0]
    assert (ev["source"], ev["source_name"], ev["target"], ev["implied"]) == \
        ("ruritania", "Ruritania", "ivan_petrovic", ["source"])
    doc_b = st.query("SELECT * FROM documents WHERE id='b'")[0]
    assert document_record(st, doc_b, "b")["events"][0]["implied"] == []
