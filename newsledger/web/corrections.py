"""An analyst's corrections from the pages: marks on records, and merging or splitting actors.

Each correction is a GET page that shows what will change (the confirm step) and a plain
HTML form that posts to /form/...; a browser cannot add an Authorization header to a form,
so the form carries the write token as a field and ``form_write`` checks it (the Guard lets
only /form/ posts through without the header). Pages work without JavaScript; every
correction is kept with who, when and the note (feedback table, actor_decisions).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from newsledger.api.app import ApiError, NotFound, open_ledger
from newsledger.api.security import form_write
from newsledger.store import feedback as fb
from newsledger.web.html import actor_link, doc_link, esc, link, page, table

router = APIRouter(include_in_schema=False)
KINDS = tuple(fb.TABLES)


def _field(name: str, label: str, typ: str = "text", value: str = "") -> str:
    return (
        f'<label>{esc(label)} <input type="{typ}" name="{name}" value="{esc(value)}"'
        f"{' required autocomplete=off' if typ == 'password' else ''}></label>"
    )


def _post_form(action: str, hidden: dict, fields: str, button: str) -> str:
    keep = "".join(f'<input type="hidden" name="{esc(k)}" value="{esc(v)}">' for k, v in hidden.items())
    return (
        f'<form class="correction" action="{esc(action)}" method="post">{keep}{fields}'
        + _field("by", "by (your name)")
        + _field("note", "note")
        + _field("token", "write token (printed by serve)", "password")
        + f'<button type="submit">{esc(button)}</button></form>'
    )


@router.get("/feedback/{kind}/{record_id}", response_class=HTMLResponse)
def feedback_page(request: Request, kind: str, record_id: str):
    if kind not in KINDS:
        raise NotFound(f"no records of kind {kind!r}; one of {', '.join(KINDS)}")
    with open_ledger(request) as led:
        rec = fb.record(led.store, kind, record_id)
        marks = fb.history(led.store, kind, record_id) if rec else []
    if rec is None:
        raise NotFound(f"no {kind} record with id {record_id!r}")
    about = [
        ("record", esc(f"{kind} {rec['id']}")),
        ("text", esc(rec.get("text"))),
        ("who / what", actor_link(rec["text"], rec["id"]) if kind == "actors" else esc(rec.get("who"))),
    ]
    if rec.get("doc_id"):
        about.append(("article", doc_link(rec) + f" <span class='muted'>{esc(rec.get('outlet'))}</span>"))
    meta = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in about)
    choice = "".join(
        f'<label><input type="radio" name="mark" value="{m}"{" checked" if m == "wrong" else ""}> {m}</label>'
        for m in fb.MARKS
    )
    body = [
        f"<table class='meta'>{meta}</table>",
        "<h2>Mark it</h2>",
        "<p class='muted'>Records marked wrong leave the lists, facets, counts and downloads "
        "(include them with “include records marked wrong”); every mark is kept.</p>",
        _post_form(
            "/form/feedback",
            {"kind": kind, "id": rec["id"]},
            f"<fieldset><legend>mark</legend>{choice}</fieldset>",
            "Save the mark",
        ),
        "<h2>Marks so far</h2>",
        table(marks, [("when", "at"), ("mark", "mark"), ("by", "by"), ("note", "note")], empty="none yet"),
    ]
    return page(f"Feedback on {kind[:-1] if kind != 'actors' else 'actor'} {rec['id']}", "".join(body))


@router.post("/form/feedback")
async def feedback_post(request: Request):
    f = await form_write(request)
    kind, rid = f.get("kind", ""), f.get("id", "")

    def write() -> None:  # in the thread pool: the event loop never waits on the ledger
        with open_ledger(request) as led:
            fb.mark(
                led.store, kind, rid, f.get("mark", ""), note=f.get("note") or None, by=f.get("by") or None
            )

    await run_in_threadpool(write)
    return RedirectResponse(f"/feedback/{quote(kind)}/{quote(rid, safe='')}", status_code=303)


def _actor_rows(led, *ids: str) -> list[dict]:
    rows = []
    for aid in ids:
        r = led.store.query(
            "SELECT e.id, e.name, e.type, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) "
            "AS mentions FROM entities e WHERE e.id = ?",
            (aid,),
        )
        if not r:
            raise NotFound(f"no actor with id {aid!r}; ids are on /actors")
        rows.append(r[0])
    return rows


_ACTOR_COLS = [
    ("actor", lambda r: actor_link(r["name"], r["id"])),
    ("id", "id"),
    ("type", "type"),
    ("mentions", "mentions"),
]


@router.get("/actor-merge", response_class=HTMLResponse)
def merge_confirm(request: Request, keep: str, other: str):
    with open_ledger(request) as led:
        rows = _actor_rows(led, keep, other)
    body = (
        f"<p>Merge <b>{esc(rows[1]['name'])}</b> into <b>{esc(rows[0]['name'])}</b>: every mention, "
        "quote and event of the second becomes the first's, now and in every later ingest "
        "(logged in the decision log).</p>"
        + table(rows, _ACTOR_COLS)
        + _post_form(
            "/form/actor-merge", {"keep": rows[0]["id"], "other": rows[1]["id"]}, "", "Confirm merge"
        )
        + f"<p>{link('/actor/' + quote(rows[0]['id'], safe=''), 'cancel')}</p>"
    )
    return page("Merge two actors?", body)


@router.get("/actor-split", response_class=HTMLResponse)
def split_confirm(request: Request, actor: str, name: str):
    with open_ledger(request) as led:
        rows = _actor_rows(led, actor)
    body = (
        f"<p>Split the mentions of <b>{esc(rows[0]['name'])}</b> spelled “{esc(name)}” off into an "
        "actor of their own, now and in every later ingest (logged in the decision log).</p>"
        + table(rows, _ACTOR_COLS)
        + _post_form("/form/actor-split", {"actor": rows[0]["id"], "name": name}, "", "Confirm split")
        + f"<p>{link('/actor/' + quote(rows[0]['id'], safe=''), 'cancel')}</p>"
    )
    return page("Split an actor?", body)


async def _decide(request: Request, action: str, *fields: str):
    """Apply a merge or split posted from a confirm page (kb/decisions.py), then show the actor."""
    from newsledger.kb import decisions

    f = await form_write(request)

    def decide() -> dict:  # in the thread pool: a merge rewrites many rows
        with open_ledger(request) as led:
            try:
                return getattr(decisions, action)(
                    led.store,
                    *(f.get(k, "") for k in fields),
                    by=f.get("by") or None,
                    note=f.get("note") or None,
                )
            except decisions.DecisionError as e:
                raise ApiError(e.message, code="NL-API-INPUT") from None

    d = await run_in_threadpool(decide)
    return RedirectResponse(f"/actor/{quote(d['actor'], safe='')}", status_code=303)


@router.post("/form/actor-merge")
async def merge_post(request: Request):
    return await _decide(request, "merge", "keep", "other")


@router.post("/form/actor-split")
async def split_post(request: Request):
    return await _decide(request, "split", "actor", "name")


def decision_log(store, aid: str) -> str:
    """The corrections that name this actor, newest first."""
    rows = store.query(
        "SELECT * FROM actor_decisions WHERE actor = ? OR other = ? OR new_id = ? ORDER BY id DESC",
        (aid, aid, aid),
    )
    return table(
        rows,
        [
            ("when", "created_at"),
            ("action", "action"),
            ("actor", "actor"),
            ("other / spelling", lambda r: esc(r.get("other") or r.get("name"))),
            ("by", "decided_by"),
            ("note", "note"),
        ],
        empty="no corrections yet",
    )


def suggestions(p: dict) -> str:
    """`possibly the same as` with a merge button each, and a split button per spelling."""
    same = p.get("possibly_same") or []
    rows = [
        f"<li>{actor_link(s['name'], s['id'])} <span class='muted'>{esc(s.get('reason'))} "
        f"({esc(round(s['score'], 2) if isinstance(s.get('score'), float) else s.get('score'))})</span> "
        f"{link('/actor-merge', 'merge into this actor…', keep=p['id'], other=s['id'])}</li>"
        for s in same
    ]
    spell = [
        f"<li>{esc(t)} <span class='muted'>×{esc(n)}</span> "
        f"{link('/actor-split', 'split off…', actor=p['id'], name=t)}</li>"
        for t, n in p.get("aliases") or []
    ]
    out = "<h2>Possibly the same as</h2>" + (
        f"<ul class='same'>{''.join(rows)}</ul>" if rows else "<p class='muted'>no suggestions</p>"
    )
    if len(spell) > 1:
        out += f"<h3>Spellings</h3><ul class='spellings'>{''.join(spell)}</ul>"
    return out
