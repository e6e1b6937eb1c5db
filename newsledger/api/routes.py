"""Read endpoints: thin layers over ``Ledger`` methods, JSON out, long lists paginated.

Every list comes as ``{"total", "limit", "offset", "next", "items"}``; every record
keeps its doc_id, start, end, text, extractor and confidence and gets a
``document`` link to the article it was read from.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request

from newsledger import __version__
from newsledger.api.app import NotFound, open_ledger
from newsledger.api.queries import HIT_END, HIT_START, clean_text
from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE

router = APIRouter(prefix="/api", tags=["read"])
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
MAX_OFFSET = 10**12  # SQLite integers are 64-bit: a larger number is a client error
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
After = Annotated[
    str | None,
    Query(
        max_length=2000,
        description="The `cursor` of the previous page: the page after it (`offset` is then ignored).",
    ),
]
Since = Annotated[str | None, Query(description="On or after YYYY[-MM[-DD]].")]
Until = Annotated[
    str | None, Query(description="On or before YYYY[-MM[-DD]] (a month or year prefix includes all of it).")
]


def doc_link(doc_key: str) -> str:
    # names come from file names and feeds: "/", "?" or "#" in one must not break the link
    return f"/api/documents/{quote(str(doc_key), safe='')}"


def linked(rows: list[dict]) -> list[dict]:
    """Give each record a link to its article (by id, else by the name it came as)."""
    for r in rows:
        key = r.get("doc_id") or r.get("doc_name")
        if key:
            r["document"] = doc_link(key)
    return rows


def page(request: Request, rows: list[dict], limit: int, offset: int, total: int | None = None) -> dict:
    """A page of `rows` (already cut when `total` is given)."""
    if total is None:
        total, rows = len(rows), rows[offset : offset + limit]
    nxt = None
    if offset + limit < total:
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"total": total, "limit": limit, "offset": offset, "next": nxt, "items": linked(rows)}


def capped_page(request: Request, rows: list[dict], limit: int, offset: int, total: int) -> dict:
    """A page read with one row more than ``limit``; ``total`` as in ``keyset_page``."""
    more, rows = len(rows) > limit, rows[:limit]
    body = page(request, rows, limit, offset, total=abs(total))
    body["total_exact"] = total >= 0
    if more and not body["next"]:  # past the cap
        body["next"] = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return body


def keyset_page(request: Request, rows: list[dict], limit: int, offset: int, total: int, cursor) -> dict:
    """A page read with one row more than ``limit`` (whether a next page exists, without counting
    them all). ``total`` is exact up to paging.COUNT_CAP, negative past it ("at least"): then
    ``total_exact`` is false. ``cursor`` (the last row's key) is the ``after`` of the next page,
    which the ``next`` link carries: it starts there through the index, however deep."""
    more, rows = len(rows) > limit, rows[:limit]
    nxt = token = None
    if more and rows:
        token = cursor(rows[-1])
        nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit, after=token))
    return {
        "total": abs(total),
        "total_exact": total >= 0,
        "limit": limit,
        "offset": offset,
        "next": nxt,
        "cursor": token,
        "items": linked(rows),
    }


@router.get("", summary="What this API offers")
def index(request: Request) -> dict:
    paths = sorted(p for p in request.app.openapi()["paths"] if p.startswith("/api/"))
    return {"name": "newsledger", "version": __version__, "docs": "/api/docs", "endpoints": paths}


@router.get("/stats", summary="Counts of what the ledger holds")
def stats(request: Request) -> dict:
    from newsledger.store.stats_query import counts

    with open_ledger(request) as led:  # kept by triggers (0024): a few row lookups
        return {**counts(led.store, led.version), "pipeline_version": led.version, "model": led.model}


@router.get("/documents", summary="Articles, newest first (full-text search with q)")
def documents(
    request: Request,
    outlet: str | None = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="Full-text search in title and text.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    from newsledger.api.queries import documents as documents_page

    with open_ledger(request) as led:  # counted up to a cap, read in order from an index
        total, rows = documents_page(
            led.store,
            outlet=outlet,
            since=since,
            until=until,
            search=clean_text(q),
            limit=limit + 1,
            offset=offset,
            exact=False,
        )
    for r in rows:
        r["document"] = doc_link(r["id"])
        if "snippet" in r:
            r["snippet"] = r["snippet"].replace(HIT_START, "«").replace(HIT_END, "»")
    return capped_page(request, rows, limit, offset, total)


@router.get("/documents/{key}", summary="One article with all its records")
def document(request: Request, key: str) -> dict:
    with open_ledger(request) as led:
        doc = led.article(key)
    if doc is None:
        raise NotFound(
            f"no single article has the id, name or id prefix {key!r}; list them with GET /api/documents"
        )
    for rows in doc["records"].values():
        linked(rows)
    doc["document"] = doc_link(doc["id"])
    return doc


@router.get("/quotes", summary="Who said what")
def quotes(
    request: Request,
    speaker: str | None = None,
    q: Annotated[str | None, Query(description="Full-text search in the quote.")] = None,
    outlet: str | None = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> dict:
    from newsledger.store.queries import quote_cursor, quotes_page

    with open_ledger(request) as led:  # counted (up to a cap) and cut in SQL: a page costs a page
        total, rows = quotes_page(
            led.store,
            speaker=clean_text(speaker),
            search=clean_text(q),
            since=since,
            until=until,
            outlet=clean_text(outlet),
            limit=limit + 1,
            offset=offset,
            after=after,
            exact=False,
        )
    return keyset_page(request, rows, limit, offset, total, quote_cursor)


@router.get("/events", summary="Coded event mentions (PLOVER)")
def events(
    request: Request,
    actor: str | None = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. ACCUSE.")] = None,
    since: Since = None,
    until: Until = None,
    include_unreal: bool = False,
    min_confidence: Annotated[
        float | None,
        Query(
            ge=0,
            le=1,
            description="Leave out less confident events (default: "
            "events_query.DEFAULT_MIN_CONFIDENCE; its measured precision is in bench/audit).",
        ),
    ] = None,
    marked: Annotated[bool, Query(description="Include events an analyst marked wrong.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> dict:
    from newsledger.store.events_query import count_events, event_cursor, event_rows

    if min_confidence is None:
        min_confidence = 0.0 if include_unreal else DEFAULT_MIN_CONFIDENCE
    filters = dict(
        actor=actor,
        type_=type,
        since=since,
        until=until,
        include_unreal=include_unreal,
        min_confidence=min_confidence,
        marked=marked,
    )
    with open_ledger(request) as led:  # counted (up to a cap) and cut in SQL, the actor filter too
        total = count_events(led.store, **filters, exact=False)
        rows = event_rows(led.store, **filters, limit=limit + 1, offset=offset, after=after)
    return keyset_page(request, rows, limit, offset, total, event_cursor)


@router.get("/merged-events", summary="Real-world events with their reports")
def merged_events(
    request: Request,
    min_reports: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> dict:
    from newsledger.store.analysis_query import cluster_cursor, merged_events_page

    with open_ledger(request) as led:  # the page's clusters, then the reports of those only
        total, rows = merged_events_page(
            led.store, min_reports=min_reports, limit=limit + 1, offset=offset, after=after
        )
    for r in rows:
        linked(r["report_list"])
    return keyset_page(request, rows, limit, offset, total, cluster_cursor)


@router.get("/actors", summary="Actors, most mentioned first")
def actors(
    request: Request,
    type: str | None = None,
    q: Annotated[str | None, Query(description="Any spelling or part of a name.")] = None,
    marked: Annotated[bool, Query(description="Include actors an analyst marked wrong.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    from newsledger.store.actors_query import actors_page

    with open_ledger(request) as led:  # filtered, counted (up to a cap) and cut in SQL
        total, rows = actors_page(
            led.store, type=type, search=clean_text(q), limit=limit + 1, offset=offset, marked=marked
        )
    for r in rows:
        r["actor"] = f"/api/actors/{r['id']}"
    return capped_page(request, rows, limit, offset, total)


@router.get("/actors/{name}", summary="The actors a name stands for, with their records")
def actor(
    request: Request,
    name: str,
    limit: Annotated[int, Query(ge=1, le=1000, description="Records per kind.")] = 100,
) -> dict:
    with open_ledger(request) as led:
        profiles = led.actor(name)
        for p in profiles:
            p["records"] = {k: linked(v) for k, v in led.actor_records(p["id"], limit=limit).items()}
    if not profiles:
        raise NotFound(f"no actor is named or spelled {name!r}; search with GET /api/actors?q=")
    return {"name": name, "actors": profiles}


@router.get("/stories", summary="Stories: articles about the same thing")
def stories(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    with open_ledger(request) as led:
        rows = led.stories()
    for r in rows:
        for a in r["articles"]:
            a["document"] = doc_link(a["id"])
    return page(request, rows, limit, offset)


@router.get("/contradictions", summary="Conflicting claims across sources")
def contradictions(
    request: Request,
    marked: Annotated[bool, Query(description="Include those an analyst marked wrong.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
    after: After = None,
) -> dict:
    from newsledger.store.analysis_query import contradiction_cursor, contradictions_page

    with open_ledger(request) as led:  # filtered and cut in SQL
        total, rows = contradictions_page(
            led.store, marked=marked, limit=limit + 1, offset=offset, after=after
        )
    return keyset_page(request, rows, limit, offset, total, contradiction_cursor)


@router.get("/timeline", summary="Events, statements and dated facts in date order")
def timeline(
    request: Request,
    actor: str | None = None,
    story: str | None = None,
    since: Since = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict:
    from newsledger.api.timeline import timeline as rows_of
    from newsledger.store import recent
    from newsledger.store.state import cached

    with open_ledger(request) as led:  # the actor's or story's records only
        cut = None if since or not actor else recent.recent_since(led.store, recent.named(led.store, actor))
        # built once per ledger state: every page of it (offset) is then a slice
        rows = cached(
            led.store,
            ("timeline", actor, story, since or cut),
            lambda: rows_of(led.store, actor=actor, story=story, since=since or cut),
        )
        out = page(request, rows, limit, offset)
    if cut:  # said, never silent: the older stretch is there with ?since=
        out["since"] = cut
        out["truncated"] = True
    return out


@router.get("/stance", summary="An actor's stance on tracked issues over time")
def stance(
    request: Request, actor: str, issue: str | None = None, limit: Limit = 200, offset: Offset = 0
) -> dict:
    with open_ledger(request) as led:
        return page(request, led.stance(actor, issue), limit, offset)


@router.get("/framing", summary="Loaded and neutral terms per outlet")
def framing(request: Request) -> dict:
    with open_ledger(request) as led:
        rows = led.framing()
    return {"total": len(rows), "items": rows}
