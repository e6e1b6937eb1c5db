"""Pages of the lists at scale: keyset cursors, capped counts, actor counts kept by triggers,
actor names found in SQL, and the query plans of the main lists (indexes, no sort of a table)."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import StoreError
from newsledger.store import Store
from newsledger.store import analysis_query as A
from newsledger.store import events_query as E
from newsledger.store import paging as P
from newsledger.store import queries as Q
from newsledger.store import spellings as S
from newsledger.store.actors_query import actors_page


def plan(store, sql, params=()) -> list[str]:
    return [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql, params)]


def add_doc(store, doc_id, published=None):
    store.db.execute(
        "INSERT INTO documents (id, name, text, chars, ingested_at, published) "
        "VALUES (?, ?, 'x', 1, '2024-01-01', ?)",
        (doc_id, doc_id, published),
    )


def add_quote(store, doc_id, start, speaker_id=None, speaker_name=None, text="x"):
    attrs = json.dumps({"co_speakers": [], "co_speaker_names": []})
    store.db.execute(
        'INSERT INTO quotes (doc_id, start, "end", text, speaker_id, speaker_name, attrs) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (doc_id, start, start + 1, text, speaker_id, speaker_name, attrs),
    )


def add_event(store, doc_id, start, source_id=None, type_="ASSAULT"):
    store.db.execute(
        'INSERT INTO events (doc_id, start, "end", text, type, source_id, factuality, confidence) '
        "VALUES (?, ?, ?, 'x', ?, ?, 'asserted', 0.9)",
        (doc_id, start, start + 1, type_, source_id),
    )


def add_mention(store, doc_id, entity_id, start=0):
    store.db.execute(
        'INSERT INTO mentions (doc_id, start, "end", text, entity_id) VALUES (?, ?, ?, ?, ?)',
        (doc_id, start, start + 1, entity_id, entity_id),
    )


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "l.db"))
    # undated first (NULL sorts first), then by date, then by article name
    for doc, day in (("d0", None), ("d1", "2024-01-02"), ("d2", "2024-01-02"), ("d3", "2024-01-05")):
        add_doc(s, doc, day)
    s.db.execute(
        "INSERT INTO entities (id, name, type, aliases) VALUES "
        "('e1', 'Ana Ruiz', 'PERSON', '[\"A. Ruiz\"]'), ('e2', 'Bo Chan', 'PERSON', '[]'), "
        "('e3', 'Rúizville Council', 'ORG', '[]')"
    )
    for doc in ("d0", "d1", "d2", "d3"):
        for start in (5, 1):
            add_quote(s, doc, start, "e1", "Ana Ruiz")
            add_event(s, doc, start, "e1")
    return s


def test_keyset_pages_are_the_offset_pages(store):
    every = [r["id"] for r in Q.quotes(store)]
    assert len(every) == 8
    got, after = [], None
    while True:
        _, rows = Q.quotes_page(store, limit=3, after=after)
        got += [r["id"] for r in rows]
        if len(rows) < 3:
            break
        after = Q.quote_cursor(rows[-1])
    assert got == every
    events = [r["id"] for r in E.event_rows(store)]
    first = E.event_rows(store, limit=5)
    rest = E.event_rows(store, limit=5, after=E.event_cursor(first[-1]))
    assert [r["id"] for r in first + rest] == events
    # the undated article's records come first; a cursor on one of them still follows on
    assert first[0]["doc_id"] == "d0" and first[1]["doc_id"] == "d0"
    after_undated = E.event_rows(store, limit=1, after=E.event_cursor(first[1]))
    assert after_undated[0]["id"] == events[2]


def test_a_cursor_that_is_not_one_is_a_client_error(store):
    with pytest.raises(StoreError) as e:
        Q.quotes_page(store, limit=3, after="not-a-cursor")
    assert e.value.code == "NL-QUERY-CURSOR"
    with pytest.raises(StoreError):
        P.decode_cursor(P.encode_cursor([1, 2]), 4)


def test_capped_counts_say_when_there_are_more(store):
    assert P.capped_count(store.db, "FROM quotes", [], cap=5) == (5, False)
    assert P.capped_count(store.db, "FROM quotes", [], cap=8) == (8, True)
    assert Q.quotes_page(store, limit=2, exact=False)[0] == 8


def test_actor_counts_follow_inserts_deletes_and_moves(store):
    def counts():
        return {r[0]: (r[1], r[2]) for r in store.db.execute("SELECT * FROM actor_counts")}

    add_mention(store, "d1", "e1")
    add_mention(store, "d1", "e1", 3)
    add_mention(store, "d2", "e1")
    add_mention(store, "d2", "e2")
    assert counts() == {"e1": (3, 2), "e2": (1, 1)}
    store.db.execute("UPDATE mentions SET entity_id = 'e2' WHERE doc_id = 'd1' AND start = 3")
    assert counts() == {"e1": (2, 2), "e2": (2, 2)}
    store.db.execute("DELETE FROM documents WHERE id = 'd2'")  # cascades to its mentions
    assert counts() == {"e1": (1, 1), "e2": (1, 1)}
    store.db.execute("UPDATE mentions SET entity_id = NULL WHERE entity_id = 'e2'")
    assert counts() == {"e1": (1, 1)}
    total, rows = actors_page(store)
    assert total == 3 and [(r["id"], r["mentions"], r["articles"]) for r in rows][:1] == [("e1", 1, 1)]


def test_actor_names_are_found_in_sql_and_follow_renames(store):
    assert S.with_words(store, ["ruiz"]) == {"e1"}
    assert S.with_words(store, ["ana", "ruiz"]) == {"e1"}
    assert S.with_words(store, ["ruiz", "ana"]) == set()  # the words in sequence
    assert S.containing(store, "ruiz") == {"e1", "e3"}  # folded: "Rúizville" holds it
    assert S.containing(store, "e2") == {"e2"}  # an id is a spelling of a name search
    assert S.with_words(store, ["e2"]) == set()  # but not a word of a name
    assert S.naming(store, "chan") == {"e2"}
    store.db.execute("UPDATE entities SET aliases = '[\"Bo Chan-Lee\"]' WHERE id = 'e2'")
    assert S.with_words(store, ["lee"]) == {"e2"}
    store.db.execute("DELETE FROM entities WHERE id = 'e3'")
    assert S.containing(store, "ruiz") == {"e1"}
    assert S.naming(store, "an") == {"e1", "e2"}  # shorter than a trigram: scanned


def test_a_read_only_reader_folds_new_actors_in_memory(store, tmp_path):
    store.db.execute(
        "INSERT INTO entities (id, name, type, aliases) VALUES ('e9', 'Cy Dunne', 'PERSON', '[]')"
    )
    ro = Store(store.path, read_only=True)
    assert S.with_words(ro, ["dunne"]) == {"e9"}
    assert S.containing(ro, "dunn") == {"e9"}


def test_merged_events_are_paged_with_their_reports_only(store):
    for cid, date in (("c1", "2024-01-03"), ("c2", None), ("c3", "2024-01-01")):
        store.db.execute(
            "INSERT INTO event_clusters (id, type, date, reports, docs) VALUES (?, 'ASSAULT', ?, 1, 1)",
            (cid, date),
        )
    store.db.execute("UPDATE events SET event_id = 'c1' WHERE doc_id = 'd1'")
    total, rows = A.merged_events_page(store, limit=2)
    assert total == 3 and [r["id"] for r in rows] == ["c3", "c1"]
    assert [x["start"] for x in rows[1]["report_list"]] == [1, 5]
    _, rest = A.merged_events_page(store, limit=2, after=A.cluster_cursor(rows[-1]))
    assert [r["id"] for r in rest] == ["c2"]


def test_main_lists_read_indexes_and_never_sort_a_table(store):
    """No full scan of quotes, events or mentions, and no sort of a whole result (a sort of
    the ties within one date, "RIGHT PART OF ORDER BY", is bounded by one day's records).
    A rare actor's rows (at most queries.FREQUENT) are read by its index and sorted; a
    frequent actor's page walks the date index instead."""
    where, params = Q._quote_filters(store, "Ruiz", None, None, None)
    by_speaker = f"SELECT q.id {Q._QUOTES_FROM} WHERE {' AND '.join(where)} {Q._QUOTES_ORDER} LIMIT 50"
    w, p = E._where("ASSAULT", "2024-01", "2024-01", False, ("asserted",), 0.6)
    aw, ap = E._with_actor(store, "Ruiz", w, p)
    by_actor = E._EVENT_SQL + aw + E._ORDER + " LIMIT 50"
    more, more_p = P.after_clause(E._KEY, [None, "d0", 5, 3])
    walks = [
        (f"SELECT q.id {Q._QUOTES_FROM} {Q._QUOTES_ORDER} LIMIT 50", ()),
        (by_speaker.replace("(q.speaker_id IN", "(+q.speaker_id IN"), params),
        (E._EVENT_SQL + E._ORDER + " LIMIT 50", ()),
        (E._EVENT_SQL + w + E._ORDER + " LIMIT 50", p),
        (
            by_actor.replace("(e.source_id IN", "(+e.source_id IN").replace(
                "OR e.target_id", "OR +e.target_id"
            ),
            ap,
        ),
        (E._EVENT_SQL + " WHERE " + more + E._ORDER + " LIMIT 50", more_p),
        (f"SELECT * FROM event_clusters ORDER BY {A.CLUSTER_DATE}, id LIMIT 50", ()),
        ("SELECT entity_id FROM actor_counts ORDER BY mentions DESC LIMIT 50", ()),
        (
            "SELECT d.id FROM documents d ORDER BY d.published IS NULL, d.published DESC, d.name LIMIT 50",
            (),
        ),
    ]
    for sql, params_ in walks:
        steps = plan(store, sql, params_)
        assert not [s for s in steps if _full_scan(s)], steps
        assert "USE TEMP B-TREE FOR ORDER BY" not in steps, (sql, steps)
    for sql, params_ in ((by_speaker, params), (by_actor, ap)):
        reads = [
            s
            for s in plan(store, sql, params_)
            if s.startswith(("SEARCH q ", "SEARCH e ", "SCAN q", "SCAN e"))
        ]
        assert reads and all(s.startswith("SEARCH") for s in reads), reads


def _full_scan(step: str) -> bool:
    return (
        step.startswith("SCAN") and "USING" not in step and step.split()[1] in ("q", "e", "quotes", "events")
    )


def test_actors_page_in_the_order_of_their_mentions_then_the_unmentioned_by_name(store):
    for doc, eid in (("d1", "e2"), ("d2", "e2"), ("d1", "e1")):
        add_mention(store, doc, eid)
    store.db.execute(
        "INSERT INTO entities (id, name, type, aliases) VALUES ('e0', 'Abe Zed', 'PERSON', '[]')"
    )
    every = ["e2", "e1", "e0", "e3"]  # 2 mentions, 1, then none: Abe Zed, Rúizville Council
    assert [r["id"] for r in actors_page(store, limit=10)[1]] == every
    for offset in range(4):
        assert [r["id"] for r in actors_page(store, limit=2, offset=offset)[1]] == every[offset : offset + 2]
    assert [r["id"] for r in actors_page(store, limit=2, offset=3, type="ORG")[1]] == []
    assert [r["id"] for r in actors_page(store, search="ruiz")[1]] == ["e1", "e3"]


def _slow_stats(store, version):
    c = store.counts()
    c["stale"] = store.db.execute(
        "SELECT count(*) FROM documents WHERE pipeline_version IS NOT ?", (version,)
    ).fetchone()[0]
    return c


def test_counts_kept_by_triggers_are_the_counted_ones(store):
    from newsledger.store.stats_query import counts

    assert (
        counts(store, "v2")
        == _slow_stats(store, "v2")
        == {
            "documents": 4,
            "mentions": 0,
            "quotes": 8,
            "timexes": 0,
            "events": 8,
            "claims": 0,
            "entities": 3,
            "stale": 4,
        }
    )
    add_mention(store, "d1", "e1")
    store.db.execute("UPDATE documents SET pipeline_version = 'v2' WHERE id IN ('d1', 'd2')")
    store.db.execute("UPDATE documents SET pipeline_version = 'v1' WHERE id = 'd2'")
    store.db.execute("DELETE FROM documents WHERE id = 'd3'")  # cascades to its quotes and events
    store.db.execute("DELETE FROM entities WHERE id = 'e3'")
    add_doc(store, "d4", "2024-02-01")
    store.db.execute("UPDATE documents SET pipeline_version = 'v2' WHERE id = 'd4'")
    got = counts(store, "v2")
    assert got == _slow_stats(store, "v2")
    assert (got["documents"], got["quotes"], got["events"], got["mentions"], got["stale"]) == (4, 6, 6, 1, 2)
    assert counts(store, "v3")["stale"] == 4


def _dated(store):
    """Quotes and events with their own dates, and two outlets."""
    store.db.execute("UPDATE documents SET outlet = CASE WHEN id IN ('d1', 'd3') THEN 'A' ELSE 'B' END")
    for table in ("quotes", "events"):
        store.db.execute(
            f"UPDATE {table} SET sort_date = (SELECT published FROM documents d WHERE d.id = doc_id), "
            "confidence = 0.5 + (id % 4) / 10.0"
        )


def test_a_date_window_is_searched_in_the_date_index_with_the_same_rows(store):
    from newsledger.store import facets as F

    _dated(store)
    for spec in (F.QUOTES, F.EVENTS):
        alias = spec.id_expr.split(".")[0]
        for window in ({"since": "2024-01-03"}, {"until": "2024-01-02"}, {"since": "2024", "until": "2024"}):
            filters = {**window, "mode": "all"} if spec is F.EVENTS else window
            cond, params = F._where(store, spec, filters)
            order = F.order_by(spec, None)
            source, where, walk = F._plan(store, spec, filters, None, cond, order)
            assert (source, walk) == (spec.source, f" ORDER BY {spec.date_expr}, {spec.id_expr}")
            fast = [r[0] for r in store.db.execute(f"SELECT {spec.id_expr} {source}{where}{walk}", params)]
            slow = [
                r[0] for r in store.db.execute(f"SELECT {spec.id_expr} {spec.source}{cond}{order}", params)
            ]
            assert fast == slow and fast
            assert [r["id"] for r in F.page(store, spec, filters)[1]] == slow
            assert F.page(store, spec, filters, exact=False)[0] == len(slow)  # counted along the walk
            steps = plan(store, f"SELECT {spec.id_expr} {source}{where}{walk} LIMIT 50", params)
            index = "quotes_dated" if spec is F.QUOTES else "events_dated"
            assert any(s.startswith(f"SEARCH {alias} USING") and index in s for s in steps), steps
            assert not [s for s in steps if "TEMP B-TREE" in s], steps


def test_a_frequent_outlet_walks_the_sort_index_with_the_same_rows(store, monkeypatch):
    from newsledger.store import facets as F

    _dated(store)
    cases = [(F.QUOTES, None, "quotes_dated"), (F.EVENTS, "confidence", "events_confidence")]
    for spec, sort, index in cases:
        alias = spec.id_expr.split(".")[0]
        filters = {"outlet": "A", **({"mode": "all"} if spec is F.EVENTS else {})}
        cond, params = F._where(store, spec, filters)
        order = F.order_by(spec, sort)
        slow = [r[0] for r in store.db.execute(f"SELECT {spec.id_expr} {spec.source}{cond}{order}", params)]
        assert len(slow) == 4
        # a rare outlet (here every one: 4 rows) is read from its articles' index
        assert F._plan(store, spec, filters, sort, cond, order)[0] == spec.source
        steps = plan(store, f"SELECT {spec.id_expr} {spec.source}{cond}{order} LIMIT 50", params)
        assert any("documents_outlet" in s for s in steps), steps
        monkeypatch.setattr(F, "FREQUENT", 3)
        source, where, walk = F._plan(store, spec, filters, sort, cond, order)
        assert source == spec.walk_source
        fast = [r[0] for r in store.db.execute(f"SELECT {spec.id_expr} {source}{where}{walk}", params)]
        assert fast == slow
        assert [r["id"] for r in F.page(store, spec, filters, sort=sort)[1]] == slow
        assert F.page(store, spec, filters, sort=sort, exact=False)[0] == len(slow)
        steps = plan(store, f"SELECT {spec.id_expr} {source}{where}{walk} LIMIT 50", params)
        assert steps[0].startswith(f"SCAN {alias} USING") and index in steps[0], steps
        # each row's outlet is read from the (id, outlet) index, not from the article's row
        assert any(s.startswith("SEARCH d") and "documents_id_outlet" in s for s in steps), steps
        since = {**filters, "since": "2024-01-02"}
        cond, params = F._where(store, spec, since)
        source, where, walk = F._plan(store, spec, since, None, cond, F.order_by(spec, None))
        counted = plan(store, f"SELECT COUNT(*) FROM (SELECT 1 {source}{where}{walk} LIMIT 1001)", params)
        assert any(f"COVERING INDEX {spec.name}_dated" in s for s in counted), counted
        assert any("COVERING INDEX documents_id_outlet" in s for s in counted), counted
        assert not [s for s in steps if "TEMP B-TREE" in s], steps
        monkeypatch.undo()


def test_a_name_as_spelled_is_found_by_index(store):
    assert S.spelled(store, "A. Ruiz")[0] == {"e1"}
    steps = plan(
        store, "SELECT DISTINCT entity_id FROM actor_spellings WHERE folded = ? AND NOT is_id", ["x"]
    )
    assert any("actor_spellings_folded" in s for s in steps), steps


def test_an_article_is_found_by_index_as_the_store_finds_it(store):
    from newsledger.api.queries import document

    store.db.execute("UPDATE documents SET name = 'shared' WHERE id IN ('d2', 'd3')")
    store.db.execute(
        "INSERT INTO document_sources (doc_id, name, seen_at) VALUES ('d1', 'wire-1', '2024-01-01'), "
        "('d0', 'd1', '2024-01-01')"
    )
    for key in ("d1", "d0", "wire-1", "shared", "d3", "nope", "d1x"):
        want = store.document(key)
        got = document(store, key)
        assert (got and got["id"]) == (want and want["id"]), key
    assert document(store, "wire-1")["id"] == "d1" and document(store, "shared") is None
    for sql in (
        "SELECT * FROM documents WHERE name = ?",
        "SELECT doc_id FROM document_sources WHERE name = ?",
    ):
        assert all(s.startswith("SEARCH") for s in plan(store, sql, ["x"])), sql


def test_words_alone_are_counted_in_the_full_text_index(store):
    from newsledger.api.queries import documents

    store.db.execute("UPDATE documents SET text = 'peace talks' WHERE id IN ('d1', 'd2')")
    store.db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    for exact in (True, False):
        total, rows = documents(store, search="talks", exact=exact)
        assert total == 2 and {r["id"] for r in rows} == {"d1", "d2"}
        assert documents(store, search="talks", since="2024-01-03", exact=exact)[0] == 0
