"""The speaker filter reads the matching actors' quotes through indexes, never every quote."""

from __future__ import annotations

import json

from newsledger.store import Store
from newsledger.store import queries as Q


def plan(store, sql, params) -> list[str]:
    return [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_speaker_candidates_use_indexes_only(tmp_path):
    store = Store(str(tmp_path / "p.db"))
    where, params = Q._quote_filters(store, "Khazali", None, None, None)
    steps = plan(store, f"SELECT q.id {Q._QUOTES_FROM} WHERE {' AND '.join(where)}", params)
    steps += plan(store, Q._SPEAKER_EXTRA, ())
    quote_steps = [s for s in steps if " quotes" in f" {s}"]
    assert quote_steps and all(s.startswith("SEARCH") or "USING INDEX" in s for s in quote_steps), steps
    assert any("quotes_with_co_speakers" in s for s in steps)


def add_doc(store, doc_id):
    store.db.execute(
        "INSERT INTO documents (id, name, text, chars, ingested_at) VALUES (?, ?, 'x', 1, '2024-01-01')",
        (doc_id, doc_id),
    )


def add_quote(store, doc_id, speaker_id, speaker_name, co=()):
    attrs = json.dumps({"co_speakers": list(co), "co_speaker_names": []}, ensure_ascii=False)
    store.db.execute(
        'INSERT INTO quotes (doc_id, start, "end", text, speaker_id, speaker_name,'
        " attrs) VALUES (?, 0, 1, 'x', ?, ?, ?)",
        (doc_id, speaker_id, speaker_name, attrs),
    )


def test_speaker_filter_finds_aliases_unresolved_names_and_co_speakers(tmp_path):
    store = Store(str(tmp_path / "q.db"))
    add_doc(store, "d1")
    store.db.execute(
        "INSERT INTO entities (id, name, type, aliases) VALUES "
        "('e1', 'Qais al-Khazali', 'PERSON', '[\"Al-Khazali\"]'), "
        "('e2', 'Khalid Ali', 'PERSON', '[]')"
    )
    add_quote(store, "d1", "e1", "Qais al-Khazali")
    add_quote(store, "d1", None, "Qais Khazali")
    add_quote(store, "d1", "e2", "Khalid Ali", co=("e1",))
    add_quote(store, "d1", "e2", "Khalid Ali")
    got = [(r["speaker_id"], r["speaker_name"]) for r in Q.quotes(store, speaker="Khazali")]
    assert got == [("e1", "Qais al-Khazali"), (None, "Qais Khazali"), ("e2", "Khalid Ali")]
    assert Q.quotes(store, speaker="Ali")[0]["speaker_id"] == "e2"
    assert len(Q.quotes(store, speaker="Ali")) == 2


def test_a_page_is_counted_and_cut_in_sql(tmp_path):
    store = Store(str(tmp_path / "p.db"))
    add_doc(store, "d1")
    store.db.execute(
        "INSERT INTO entities (id, name, type, aliases) VALUES ('e1', 'Ana Ruiz', 'PERSON', '[]')"
    )
    for _ in range(5):
        add_quote(store, "d1", "e1", "Ana Ruiz")
    total, rows = Q.quotes_page(store, speaker="Ruiz", limit=2, offset=3)
    assert (total, [r["id"] for r in rows]) == (5, [4, 5])
    assert Q.quotes_page(store, speaker="Nobody") == (0, [])


def test_events_by_actor_read_only_candidate_rows_through_indexes(tmp_path):
    from newsledger.store import events_query as E

    store = Store(str(tmp_path / "e.db"))
    where, params = E._with_actor(store, "Ruiz", "", [])
    steps = plan(store, f"SELECT e.id FROM events e{where}", params)
    reads = [s for s in steps if s.startswith(("SEARCH e ", "SCAN e ")) or s == "SCAN e"]
    assert reads and all(s.startswith("SEARCH e USING") for s in reads), steps


def test_pages_are_read_in_date_order_from_the_index(tmp_path):
    """An unfiltered page of quotes or events walks the (sort_date, ...) index: no sort of the
    whole table (at most of the ties within one date)."""
    from newsledger.store import events_query as E

    store = Store(str(tmp_path / "s.db"))
    for sql in (
        f"SELECT q.id {Q._QUOTES_FROM} {Q._QUOTES_ORDER} LIMIT 50",
        E._EVENT_SQL + E._ORDER + " LIMIT 50",
    ):
        steps = plan(store, sql, ())
        assert any("quotes_sort" in s or "events_sort" in s for s in steps), steps
        assert "USE TEMP B-TREE FOR ORDER BY" not in steps, steps


def test_sort_date_is_the_record_date_else_the_article_date(tmp_path):
    store = Store(str(tmp_path / "d.db"))
    add_doc(store, "d1")
    store.db.execute("UPDATE documents SET published = '2024-03-02' WHERE id = 'd1'")
    for date in ("2024-02-28", None):
        store.db.execute(
            "INSERT INTO events (doc_id, start, \"end\", text, type, date) VALUES ('d1', 0, 1, 'x', 'AID', ?)",
            (date,),
        )
    add_quote(store, "d1", None, "Someone")

    def got(table):
        return [r[0] for r in store.db.execute(f"SELECT sort_date FROM {table} ORDER BY id")]

    assert (got("events"), got("quotes")) == (["2024-02-28", "2024-03-02"], ["2024-03-02"])
    # the article's date corrected (a reprocess): records without their own date follow it
    store.db.execute("UPDATE documents SET published = '2024-03-05' WHERE id = 'd1'")
    assert (got("events"), got("quotes")) == (["2024-02-28", "2024-03-05"], ["2024-03-05"])
