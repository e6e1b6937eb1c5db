"""store/facets.py: filters, facet counts without their own filter, the sort whitelist,
marked records, and counts kept only for the ledger state they were read in."""

from __future__ import annotations

import pytest

from newsledger.errors import StoreError
from newsledger.store import Store
from newsledger.store import facets as F
from newsledger.store import feedback as fb


def _event(store, doc, type_, factuality="asserted", source=None):
    store.db.execute(
        'INSERT INTO events (doc_id, start, "end", text, type, source_name, factuality, confidence) '
        "VALUES (?, 0, 1, 'x', ?, ?, ?, 0.9)",
        (doc, type_, source, factuality),
    )


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "facets.db"))
    for doc, outlet, day in (("a", "Post", "2023-05-01"), ("b", "Post", "2024-02-01"), ("c", "Times", None)):
        s.db.execute(
            "INSERT INTO documents (id, name, text, outlet, published, chars, ingested_at) "
            "VALUES (?, ?, 'Some text here.', ?, ?, 15, '2026-01-01')",
            (doc, doc, outlet, day),
        )
    _event(s, "a", "ACCUSE", source="Spain")
    _event(s, "a", "ACCUSE", "denied")
    _event(s, "b", "AGREE")
    _event(s, "c", "ACCUSE")
    return s


def test_filters_combine_and_events_default_to_asserted(store):
    total, rows = F.page(store, F.EVENTS, {"type": "accuse"})
    assert total == 2 and {r["doc_id"] for r in rows} == {"a", "c"}
    assert F.page(store, F.EVENTS, {"type": "accuse", "mode": "all"})[0] == 3
    assert F.page(store, F.EVENTS, {"outlet": "Post", "since": "2024"})[0] == 1


def test_a_facet_counts_the_view_without_its_own_filter(store):
    assert F.facet(store, F.EVENTS, "type", {"type": "AGREE"}) == [("ACCUSE", 2), ("AGREE", 1)]
    assert F.facet(store, F.EVENTS, "outlet", {"type": "ACCUSE"}) == [("Post", 1), ("Times", 1)]
    assert F.facet(store, F.EVENTS, "mode", {}) == [("asserted", 3), ("denied", 1)]
    assert F.facet(store, F.ARTICLES, "year", {}) == [("2023", 1), ("2024", 1)]  # undated: no value


def test_only_whitelisted_sorts_and_known_filters(store):
    rows = F.page(store, F.ARTICLES, {}, sort="published")[1]
    assert [r["id"] for r in rows] == ["b", "a", "c"]  # newest first, undated last
    with pytest.raises(StoreError) as e:
        F.page(store, F.ARTICLES, {}, sort="chars; DROP TABLE documents")
    assert e.value.code == "NL-QUERY-SORT"
    with pytest.raises(StoreError) as e:
        F.page(store, F.ARTICLES, {"nope": "1"})
    assert e.value.code == "NL-QUERY-FILTER"


def test_a_mark_leaves_the_list_and_a_new_state_is_read_again(store):
    assert F.page(store, F.EVENTS, {"type": "ACCUSE"})[0] == 2
    fb.mark(store, "events", 1, "wrong", note="misread")
    total, rows = F.page(store, F.EVENTS, {"type": "ACCUSE"})
    assert total == 1 and [r["id"] for r in rows] == [4]
    _, rows = F.page(store, F.EVENTS, {"type": "ACCUSE"}, marked=True)
    assert [(r["id"], r["mark"], r["mark_note"]) for r in rows] == [(1, "wrong", "misread"), (4, None, None)]
    assert F.facet(store, F.EVENTS, "outlet", {"type": "ACCUSE"}) == [("Times", 1)]


def test_actor_counts_follow_the_mentions(store):
    store.db.execute("INSERT INTO entities (id, name, type, aliases) VALUES ('es', 'Spain', 'GPE', '[]')")
    store.db.execute(
        "INSERT INTO mentions (doc_id, start, \"end\", text, entity_id) VALUES ('a', 0, 1, 'S', 'es')"
    )
    assert [(r["id"], r["mentions"]) for r in F.page(store, F.ACTORS, {})[1]] == [("es", 1)]
    store.db.execute(
        "INSERT INTO mentions (doc_id, start, \"end\", text, entity_id) VALUES ('b', 0, 1, 'S', 'es')"
    )
    assert [(r["mentions"], r["articles"]) for r in F.page(store, F.ACTORS, {})[1]] == [(2, 2)]
