"""Pages about actors and what crosses articles: actors, actor, events, merged
events, contradictions, stories."""

from __future__ import annotations

import json
import time
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.api.app import NotFound, open_ledger
from newsledger.store.queries import actor_seen
from newsledger.store.state import cached, cached_within
from newsledger.web import actor_charts, corrections
from newsledger.web.brief import brief_link
from newsledger.web.html import (
    actor_link,
    conf,
    counting,
    doc_link,
    doc_title,
    esc,
    link,
    page,
    pager,
    table,
)
from newsledger.web.pages import PER_PAGE, event_cols, quote_cols

router = APIRouter(include_in_schema=False)
Offset = Annotated[int, Query(ge=0, le=10**12)]


ACTOR_ROWS = 50  # quotes and events shown on the actor page; the lists hold the rest
# Seconds each count of the actor page may take before it is finished in the background
# (a frequent actor's overview groups 100k+ mentions and events): the page says so.
ACTOR_BUDGET = 0.05
# and all of them together: four counts of a frequent actor cost four budgets before the page
ACTOR_PAGE_BUDGET = 0.1


class _Deadline:
    """The seconds a count may take: its own budget, within what is left of the page's."""

    def __init__(self, total: float):
        self.end = time.monotonic() + total

    def __call__(self) -> float:
        return min(ACTOR_BUDGET, max(0.001, self.end - time.monotonic()))


@router.get("/actor/{name}", response_class=HTMLResponse)
def actor(request: Request, name: str):
    left = _Deadline(ACTOR_PAGE_BUDGET)
    with open_ledger(request) as led:
        profiles = led.actor(name, budget=left())
        parts = [_actor_parts(led, p, left) for p in profiles]
    if not profiles:
        return _candidates(request, name)
    body = []
    for p, (recs, activity, partners, log) in zip(profiles, parts):
        body.append(_profile(p, len(profiles) > 1))
        body += [
            brief_link(actor=p["name"]),
            "<p>" + link("/feedback/actors/" + quote(p["id"], safe=""), "mark this actor…") + "</p>",
            corrections.suggestions(p),
            activity,
            "<h2>Acts on and acted on by</h2>",
            partners,
            f"<h2>Quotes ({_counted(p['quotes'])})</h2>",
            table(recs["quotes"], quote_cols()),
            _more("/quotes", p["quotes"], speaker=p["name"]),
            f"<h2>Events ({_counted(p['events'])})</h2>",
            table(recs["events"], event_cols()),
            _more("/events", p["events"], actor=p["name"], mode="all"),
            "<h2>Stance over time</h2>",
            actor_charts.stances(recs["stances"], p),
            _stances(recs["stances"]),
            "<h2>Corrections</h2>",
            log,
        ]
    return page(profiles[0]["name"] if len(profiles) == 1 else f"Actors named {name}", "".join(body))


def _actor_parts(led, p: dict, left: _Deadline) -> tuple:
    """The actor's records and overview, read once per ledger state (store/facets.cached):
    on a large ledger a frequent actor's charts scan thousands of rows."""
    store, aid = led.store, p["id"]
    seen = cached_within(store, ("seen", aid), lambda st: actor_seen(st, aid), left())
    p["first_seen"], p["last_seen"] = seen or (None, None)
    p["seen_pending"] = seen is None
    activity = cached_within(
        store, ("activity", aid, p["name"]), lambda st: actor_charts.activity(st, p), left()
    )
    partners = cached_within(store, ("partners", aid), lambda st: actor_charts.partners(st, p), left())
    return (
        cached(store, ("records", aid), lambda: led.actor_records(aid, limit=ACTOR_ROWS)),
        counting() if activity is None else activity,
        counting() if partners is None else partners,
        corrections.decision_log(store, aid),
    )


def _counted(value, render=esc) -> str:
    """A count or list, or a mark that it is still being counted (the page is partial)."""
    return counting("counting…", "span") if value is None else render(value)


def _more(path: str, total: int | None, **params) -> str:
    if total is not None and total <= ACTOR_ROWS:
        return ""
    return f"<p>{link(path, 'all →' if total is None else f'all {total} →', **params)}</p>"


def _candidates(request: Request, name: str):
    """A part of a name ("Macron") is no actor's spelling: offer the actors it is part of."""
    with open_ledger(request) as led:
        rows = led.actors(search=name, limit=PER_PAGE)
    if not rows:
        raise NotFound(f"no actor is named or spelled {name!r}; search on /actors")
    cols = [
        ("actor", lambda r: actor_link(r["name"], r["id"])),
        ("type", "type"),
        ("mentions", "mentions"),
        ("aliases", "aliases"),
    ]
    return page(f"Actors matching {name}", table(rows, cols))


def _pairs(pairs) -> str:
    return ", ".join(f"{esc(t)} <span class='muted'>×{esc(n)}</span>" for t, n in pairs) or "—"


def _profile(p: dict, heading: bool) -> str:
    kinds = " / ".join(x for x in (p.get("type"), p.get("kb_type")) if x)
    first, last = p.get("first_seen") or "undated", p.get("last_seen") or "undated"
    seen = f"{esc(first)} – {esc(last)} in {esc(p['articles'])} articles"
    if p["articles"] is None or p.get(
        "seen_pending"
    ):  # counted in the background (kb.actors.profile's budget)
        seen = counting("counting…", "span")
    rows = [
        ("id", esc(p["id"])),
        ("type", esc(kinds)),
        ("spellings", _counted(p["aliases"], _pairs)),
        ("described as", _counted(p["descriptions"], _pairs)),
        ("roles", "<br>".join(esc(r) for r in p["roles"]) or "—"),
        ("affiliations", "<br>".join(esc(a) for a in p["affiliations"]) or "—"),
        ("seen", seen),
        ("outlets", _counted(p["outlets"], _pairs)),
    ]
    head = f"<h2>{esc(p['name'])}</h2>" if heading else ""
    return (
        head
        + "<table class='meta'>"
        + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
    )


def _stances(rows: list[dict]) -> str:
    return table(
        rows,
        [
            ("date", lambda r: esc(r.get("date") or r.get("published"))),
            ("issue", "issue"),
            ("stance", lambda r: f'<span class="stance-{esc(r["stance"])}">{esc(r["stance"])}</span>'),
            ("cue", "cue"),
            ("words", "text"),
            ("article", doc_link),
            ("conf", conf),
        ],
        empty="no stance on a tracked issue found",
    )


STORIES_PER_PAGE = 20


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, offset: Offset = 0):
    with open_ledger(request) as led:
        total = led.store.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        rows = led.store.query(
            "SELECT * FROM stories ORDER BY size DESC, first_date, id LIMIT ? OFFSET ?",
            (STORIES_PER_PAGE, offset),
        )
        docs = led.store.query(
            "SELECT s.story_id, s.duplicate_of, d.id, d.name, d.outlet, d.published, d.title, "
            "substr(d.text, 1, 160) AS lead FROM story_docs s JOIN documents d ON d.id = s.doc_id "
            "WHERE s.story_id IN (SELECT value FROM json_each(?)) ORDER BY d.published, d.name",
            (json.dumps([r["id"] for r in rows]),),
        )
    by_story: dict[str, list] = {}
    for d in docs:
        by_story.setdefault(d["story_id"], []).append(d)
    body = [pager("/stories", {}, total, STORIES_PER_PAGE, offset)]
    for s in rows:
        title = link("/story/" + s["id"], s.get("label") or s["id"])
        body.append(
            f"<h2 id='{esc(s['id'])}'>{title} "
            f"<span class='muted'>{esc(s['size'])} articles, {esc(s.get('first_date'))} – "
            f"{esc(s.get('last_date'))}</span></h2>"
        )
        body.append(
            table(
                by_story.get(s["id"], []),
                [
                    ("published", lambda a: esc(a.get("published") or "undated")),
                    ("outlet", "outlet"),
                    ("article", lambda a: doc_link(a, doc_title(a))),
                    ("near-duplicate of", lambda a: esc(a.get("duplicate_of") or "")),
                ],
            )
        )
    return page("Stories", "".join(body) if rows else '<p class="muted">no stories yet</p>')
