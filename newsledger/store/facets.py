"""Lists with facets (Datasette is the model): one description per list, read in SQL.

A ``ListSpec`` says where a list's rows come from, which filters it takes (each a SQL
condition with ``?`` for the value, or a function building one), which columns it counts
values of (facets) and which it may be sorted by. ``page`` filters, counts, sorts and cuts
a page; ``facet`` counts the values of one column over the same view without that column's
own filter, so every value stays reachable. Only whitelisted sort columns reach ORDER BY.
Records an analyst marked wrong (store/feedback.py) leave every list and count unless
``marked`` is asked for; each row carries its latest mark.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from newsledger.errors import StoreError
from newsledger.kb.names import fold
from newsledger.store.db import Store
from newsledger.store.feedback import TABLES, wrong_ids
from newsledger.store.paging import COUNT_CAP, capped_count
from newsledger.store.queries import (
    FREQUENT,
    _fts_phrase,
    _quote_filters,
    actor_names,
    by_index,
    date_window,
)
from newsledger.store.state import cached, cached_within

# A filter: SQL with one or more "?" (each gets the value), or value -> (SQL, params) / None
# when nothing can match.
Filter = str | Callable[[Store, str], tuple[str, list] | None]
MODE_SQL = (
    "COALESCE(e.factuality, CASE WHEN COALESCE(e.negated, 0) THEN 'negated' "
    "WHEN COALESCE(e.hypothetical, 0) THEN 'hypothetical' ELSE 'asserted' END)"
)


@dataclass(frozen=True)
class ListSpec:
    name: str
    source: str  # FROM ... (joins included)
    select: str
    id_expr: str
    filters: dict[str, Filter]
    facets: dict[str, str]  # facet -> SQL expression (its filter has the same name)
    sorts: dict[str, str]  # sort key -> SQL expression
    default_sort: str
    date_expr: str | None = None  # since / until apply to it
    kind: str | None = None  # feedback kind: marked-wrong rows are left out
    defaults: dict[str, str] = field(default_factory=dict)  # a filter applied when not given
    # the same rows with the records outermost (``CROSS JOIN``): a page filtered by a frequent
    # outlet walks the records' sort index and tests each row's article (``_plan``)
    walk_source: str | None = None


def _actor_ids(store: Store, name: str) -> list[str]:
    want = fold(name).split()
    return sorted(actor_names(store).matching(want)) if want else []


def _sides_actor(alias: str):
    """The filter "the actor is a side": its ids, or the name as written, on either side of
    the rows of ``alias`` (events ``e``, merged events ``c``)."""

    def where(store: Store, name: str):
        ids = json.dumps(_actor_ids(store, name))
        return (
            f"({alias}.source_id IN (SELECT value FROM json_each(?)) OR {alias}.target_id IN "
            f"(SELECT value FROM json_each(?)) OR {alias}.source_name = ? OR {alias}.target_name = ?)",
            [ids, ids, name, name],
        )

    return where


def _quote_speaker(store: Store, name: str):
    where, params = _quote_filters(store, name, None, None, None, marked=True)
    return None if where is None else (" AND ".join(where), params)


def _actor_search(store: Store, name: str):
    return "a.id IN (SELECT value FROM json_each(?))", [json.dumps(_actor_ids(store, name))]


def _doc_actor(store: Store, name: str):
    return (
        "d.id IN (SELECT m.doc_id FROM mentions m WHERE m.entity_id IN (SELECT value FROM json_each(?)))",
        [json.dumps(_actor_ids(store, name))],
    )


def _fts(table: str, key: str):
    def build(store: Store, text: str):
        return f"{key} IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [_fts_phrase(text)]

    return build


def _mode(store: Store, value: str):
    if value == "all":
        return "1", []
    modes = [m.strip() for m in value.split(",") if m.strip()]
    return f"{MODE_SQL} IN ({', '.join('?' * len(modes))})", modes


_YEAR = "substr({}, 1, 4)"
QUOTES = ListSpec(
    name="quotes",
    source="FROM quotes q JOIN documents d ON d.id = q.doc_id",
    walk_source="FROM quotes q CROSS JOIN documents d ON d.id = q.doc_id",
    select="q.*, d.name AS doc_name, d.outlet, d.published, d.title",
    id_expr="q.id",
    filters={
        "speaker": _quote_speaker,
        "q": _fts("quotes_fts", "q.id"),
        "outlet": "d.outlet = ?",
        "kind": "q.kind = ?",
        "year": "substr(q.sort_date, 1, 4) = ?",
        "min_confidence": "COALESCE(q.confidence, 0) >= ?",
    },
    facets={
        "outlet": "d.outlet",
        "speaker": "q.speaker_name",
        "kind": "q.kind",
        "year": _YEAR.format("q.sort_date"),
    },
    sorts={
        "date": "q.sort_date IS NULL, q.sort_date",
        "speaker": "q.speaker_name",
        "outlet": "d.outlet",
        "confidence": "q.confidence",
    },
    default_sort="date",
    date_expr="q.sort_date",
    kind="quotes",
)
EVENTS = ListSpec(
    name="events",
    source="FROM events e JOIN documents d ON d.id = e.doc_id",
    walk_source="FROM events e CROSS JOIN documents d ON d.id = e.doc_id",
    select="e.*, d.name AS doc_name, d.outlet, d.published, d.title, " + MODE_SQL + " AS mode_",
    id_expr="e.id",
    filters={
        "actor": _sides_actor("e"),
        "type": "e.type = upper(?)",
        "mode": _mode,
        "outlet": "d.outlet = ?",
        "year": "substr(e.sort_date, 1, 4) = ?",
        "min_confidence": "COALESCE(e.confidence, 0) >= ?",
    },
    facets={
        "type": "e.type",
        "mode": MODE_SQL,
        "outlet": "d.outlet",
        "year": _YEAR.format("e.sort_date"),
    },
    sorts={
        "date": "e.sort_date IS NULL, e.sort_date",
        "type": "e.type",
        "outlet": "d.outlet",
        "confidence": "e.confidence",
    },
    default_sort="date",
    date_expr="e.sort_date",
    kind="events",
    defaults={"mode": "asserted"},
)
MERGED_EVENTS = ListSpec(
    name="merged-events",
    source="FROM event_clusters c",
    select="c.*",
    id_expr="c.id",
    filters={
        "actor": _sides_actor("c"),
        "type": "c.type = upper(?)",
        "year": "substr(c.date, 1, 4) = ?",
        "min_reports": "c.reports >= ?",
        "outlet": "c.id IN (SELECT e.event_id FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE d.outlet = ?)",
    },
    facets={"type": "c.type", "year": _YEAR.format("c.date"), "source": "c.source_name"},
    sorts={"date": "c.date IS NULL, c.date", "reports": "c.reports", "articles": "c.docs", "type": "c.type"},
    default_sort="date",
    date_expr="c.date",
)
ACTORS = ListSpec(
    name="actors",
    source="FROM entities a LEFT JOIN actor_counts c ON c.entity_id = a.id",
    select="a.*, COALESCE(c.mentions, 0) AS mentions, COALESCE(c.articles, 0) AS articles",
    id_expr="a.id",
    filters={
        "q": _actor_search,
        "type": "upper(a.type) = upper(?)",
        "min_mentions": "COALESCE(c.mentions, 0) >= ?",
    },
    facets={"type": "a.type"},
    sorts={
        "mentions": "COALESCE(c.mentions, 0) DESC",
        "articles": "COALESCE(c.articles, 0) DESC",
        "name": "a.name",
        "type": "a.type",
    },
    default_sort="mentions",
    kind="actors",
)
CONTRADICTIONS = ListSpec(
    name="contradictions",
    source="FROM contradictions c",
    select="c.*",
    id_expr="c.id",
    filters={
        "about": "COALESCE(c.subject_name, c.subject) = ?",
        "what": "c.predicate = ?",
        "min_confidence": "COALESCE(c.confidence, 0) >= ?",
        "outlet": "EXISTS (SELECT 1 FROM json_each(c.docs) j JOIN documents d ON d.id = j.value "
        "WHERE d.outlet = ?)",
    },
    facets={"what": "c.predicate", "about": "COALESCE(c.subject_name, c.subject)"},
    sorts={
        "about": "COALESCE(c.subject_name, c.subject)",
        "what": "c.predicate",
        "confidence": "c.confidence",
    },
    default_sort="about",
    kind="contradictions",
)
_COUNTS = ", ".join(
    f"(SELECT count(*) FROM {t} WHERE doc_id = d.id) AS n_{t}" for t in ("quotes", "events", "timexes")
)
ARTICLES = ListSpec(
    name="articles",
    source="FROM documents d",
    select="d.id, d.name, d.title, d.outlet, d.url, d.published, d.chars, substr(d.text, 1, 160) AS lead",
    id_expr="d.id",
    filters={
        "q": _fts("documents_fts", "d.rowid"),
        "outlet": "d.outlet = ?",
        "actor": _doc_actor,
        "year": "substr(d.published, 1, 4) = ?",
    },
    facets={"outlet": "d.outlet", "year": _YEAR.format("d.published")},
    sorts={
        "published": "d.published IS NULL, d.published DESC",
        "title": "d.title",
        "outlet": "d.outlet",
        "chars": "d.chars DESC",
    },
    default_sort="published",
    date_expr="d.published",
)
LISTS = {s.name: s for s in (QUOTES, EVENTS, MERGED_EVENTS, ACTORS, CONTRADICTIONS, ARTICLES)}


def _where(store: Store, spec: ListSpec, filters: dict, *, skip: str | None = None, marked: bool = False):
    """(WHERE SQL, params), or None when nothing can match."""
    where, params = [], []
    if spec.kind and not marked:
        where.append(f"{spec.id_expr} NOT IN ({wrong_ids(spec.kind)})")
    values = {**spec.defaults, **{k: v for k, v in filters.items() if v not in (None, "")}}
    for name, value in values.items():
        if name == skip or name in ("since", "until"):
            continue
        f = spec.filters.get(name)
        if f is None:
            raise StoreError(
                f"the {spec.name} list has no filter {name!r}; use one of {', '.join(spec.filters)}",
                code="NL-QUERY-FILTER",
            )
        if callable(f):
            built = f(store, str(value))
            if built is None:
                return None
            where.append(built[0])
            params += built[1]
        else:
            where.append(f)
            params += [value] * f.count("?")
    if spec.date_expr:
        date_window(where, params, spec.date_expr, filters.get("since"), filters.get("until"))
    return (" WHERE " + " AND ".join(where) if where else ""), params


def order_by(spec: ListSpec, sort: str | None) -> str:
    key = sort or spec.default_sort
    if key not in spec.sorts:
        raise StoreError(
            f"the {spec.name} list sorts by {', '.join(spec.sorts)}, not {key!r}", code="NL-QUERY-SORT"
        )
    # the id last: pages never overlap when the sort column ties
    return f" ORDER BY {spec.sorts[key]}, {spec.id_expr}"


def _freeze(filters: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in filters.items() if v not in (None, "")))


def page(
    store: Store,
    spec: ListSpec,
    filters: dict,
    *,
    sort: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
    marked: bool = False,
    exact: bool = True,
) -> tuple[int, list[dict]]:
    """(how many rows the filters select, the page of them, each with its ``mark``).
    ``exact=False`` counts only up to ``paging.COUNT_CAP`` rows past the page (a negative
    count: at least that many), where an exact count is a scan of the whole view."""
    order = order_by(spec, sort)
    built = _where(store, spec, filters, marked=marked)
    if built is None:
        return 0, []
    cond, params = built
    key = (spec.name, _freeze(filters), marked)
    source, where, walk = _plan(store, spec, filters, sort, cond, order)
    if exact:
        total = cached(
            store,
            (*key, "total"),
            lambda: store.db.execute(f"SELECT COUNT(*) {spec.source}{cond}", params).fetchone()[0],
        )
    else:
        # in a date window, counted along the page's own walk of the date index (an outlet's
        # articles read first would be read from its oldest, outside a recent window)
        counted = f"{source}{where}{walk}" if where != cond else f"{spec.source}{by_index(cond)}"
        n, is_exact = capped_count(store.db, counted, params, cap=offset + COUNT_CAP)
        total = n if is_exact else -n
    cut = f" LIMIT {int(limit) if limit else -1} OFFSET {int(offset)}"
    sql = f"SELECT {spec.select} {source}{where}{walk}{cut}"
    rows = (
        cached(store, (*key, order, cut), lambda: store.query(sql, params))
        if limit and limit <= 200
        else None
    )
    rows = [dict(r) for r in rows] if rows is not None else store.query(sql, params)
    return total, with_marks(store, spec.kind, rows)


def _plan(store: Store, spec: ListSpec, filters: dict, sort: str | None, cond: str, order: str):
    """(FROM, WHERE, ORDER BY) of a page, the same rows read through the sort index:

    - in a date window (since / until) only dated rows are left, so the date order's "undated
      last" term is constant: stated as ``(date IS NULL) = 0`` it lets SQLite search the window
      in the (date IS NULL, date, id) index instead of walking it from the oldest row;
    - a frequent outlet (more than ``FREQUENT`` rows of the list) is tested row by row along
      the sort index, where reading its articles' records first sorted 50k of them."""
    source = spec.source
    expr = spec.date_expr
    dated = expr and spec.sorts.get(sort or spec.default_sort) == f"{expr} IS NULL, {expr}"
    if dated and (filters.get("since") or filters.get("until")):
        cond += f" AND ({expr} IS NULL) = 0"
        order = f" ORDER BY {expr}, {spec.id_expr}"
    outlet = filters.get("outlet")
    if outlet and spec.walk_source and _frequent_outlet(store, spec, outlet):
        source = spec.walk_source
    return source, cond, order


def _frequent_outlet(store: Store, spec: ListSpec, outlet: str) -> bool:
    """The outlet holds more than FREQUENT rows of the list: counted through its articles'
    index (0024), at most FREQUENT + 1 rows."""
    n = store.db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 {spec.source} WHERE d.outlet = ? LIMIT {FREQUENT + 1})", (outlet,)
    ).fetchone()[0]
    return n > FREQUENT


FACET_BUDGET = 0.04  # seconds a facet may count within a page view before it is left out


def facet(
    store: Store,
    spec: ListSpec,
    column: str,
    filters: dict,
    *,
    top: int = 15,
    marked=False,
    budget: float | None = None,
):
    """(value, count) pairs of one facet over the view, most frequent first; None when the
    count did not finish within ``budget`` seconds (Datasette's facet time limit): it is then
    finished in the background, and a later view of the same ledger state shows it."""
    built = _where(store, spec, filters, skip=column, marked=marked)
    if built is None:
        return []
    cond, params = built
    sql = (
        f"SELECT {spec.facets[column]} AS v, COUNT(*) AS n {spec.source}{cond} "
        f"GROUP BY v ORDER BY n DESC, v LIMIT {int(top)}"
    )
    key = (spec.name, column, _freeze(filters), marked, top)
    if budget is None:
        rows = cached(store, key, lambda: store.db.execute(sql, params).fetchall())
    else:
        rows = cached_within(store, key, lambda st: st.db.execute(sql, params).fetchall(), budget)
        if rows is None:
            return None
    return [(v, n) for v, n in rows if v not in (None, "")]


def with_marks(store: Store, kind: str | None, rows: list[dict]) -> list[dict]:
    """Each row's latest analyst mark (``mark``, ``mark_note``), None when unmarked."""
    if not kind:
        return rows
    marks = {
        r["record_id"]: r
        for r in store.query(
            "SELECT record_id, mark, note FROM feedback_current WHERE record_table = ?", (TABLES[kind],)
        )
    }
    for r in rows:
        m = marks.get(str(r["id"]))
        r["mark"], r["mark_note"] = (m["mark"], m["note"]) if m and m["mark"] != "cleared" else (None, None)
    return rows
