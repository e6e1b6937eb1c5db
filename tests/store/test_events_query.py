"""Listing events: pages cut in SQL equal the same slice of the whole list."""

from __future__ import annotations

from newsledger.records import Event
from newsledger.store import Store
from newsledger.store.events_query import count_events, event_rows


def test_a_page_cut_in_sql_is_the_slice_of_the_whole_list(tmp_path):
    st = Store(tmp_path / "x.db")
    text = "Ruritania shelled Kelmar. Freedonia condemned the shelling.\nPeople fled Kelmar."
    with st.transaction():
        st.db.execute(
            "INSERT INTO documents (id, name, text, published, ingested_at) "
            "VALUES ('a', 'a', ?, '2022-08-14', 'now')",
            (text,),
        )
        for typ, word, s0, s1 in (
            ("ASSAULT", "shelled", 0, 25),
            ("ACCUSE", "condemned", 26, 59),
            ("RETREAT", "fled", 60, 79),
        ):
            start = text.index(word)
            rec = Event("a", start, start + len(word), word, typ, sent_start=s0, sent_end=s1)
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
    whole = event_rows(st)
    assert [r["sentence"] for r in whole] == [
        "Ruritania shelled Kelmar.",
        "Freedonia condemned the shelling.",
        "People fled Kelmar.",
    ]
    assert [r["id"] for r in event_rows(st, limit=1, offset=1)] == [whole[1]["id"]]
    assert [r["id"] for r in event_rows(st, limit=5, offset=2)] == [whole[2]["id"]]
    assert count_events(st) == 3 and count_events(st, type_="accuse") == 1


def test_events_of_an_actor_by_id_or_by_name_are_paged_and_counted_in_sql(tmp_path):
    """A side held by the actor's id, or named without an id, both count; a side held by
    another actor whose name only contains the words does not."""
    st = Store(tmp_path / "y.db")
    text = "Ana Ruiz met Omar. Ruiz thanked Omar. Ana Ruizova sued Omar."
    with st.transaction():
        st.db.execute(
            "INSERT INTO documents (id, name, text, published, ingested_at) VALUES ('b', 'b', ?, '2023-01-02', 'now')",
            (text,),
        )
        st.db.execute(
            "INSERT INTO entities (id, name, type, aliases) VALUES ('ruiz', 'Ana Ruiz', 'PERSON', '[]'), "
            "('ruizova', 'Ana Ruizova', 'PERSON', '[]')"
        )
        for word, src_id, src_name in (
            ("met", "ruiz", "Ana Ruiz"),
            ("thanked", None, "Ruiz"),
            ("sued", "ruizova", "Ana Ruizova"),
        ):
            start = text.index(word)
            rec = Event(
                "b", start, start + len(word), word, "CONSULT", source_id=src_id, source_name=src_name
            )
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
    assert [r["text"] for r in event_rows(st, actor="Ruiz")] == ["met", "thanked"]
    assert [r["text"] for r in event_rows(st, actor="Ruiz", limit=1, offset=1)] == ["thanked"]
    assert count_events(st, actor="Ruiz") == 2
    assert [r["text"] for r in event_rows(st, actor="Ana Ruizova")] == ["sued"]
