"""The sources page: feeds and pages followed, their last poll, counts and errors."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsledger.api.app import open_ledger
from newsledger.store import sources
from newsledger.web.html import esc, page, safe_url, table

router = APIRouter(include_in_schema=False)


def _status(r: dict) -> str:
    s = r.get("last_status") or "not polled yet"
    if r.get("last_error_code"):
        return f"{esc(s)}: <code>{esc(r['last_error_code'])}</code> {esc(r.get('last_error'))}"
    return esc(s)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request):
    with open_ledger(request) as led:
        rows = sources.listing(led.store)
    cols = [
        ("source", lambda r: safe_url(r["url"])),
        ("title", "title"),
        ("kind", "kind"),
        ("last poll", "last_poll"),
        ("status", _status),
        ("articles", "articles"),
        ("polls", "polls"),
        ("failures", "failures"),
    ]
    intro = (
        "<p class='muted'>Followed with <code>newsledger watch</code>; added and removed "
        "with <code>POST</code>/<code>DELETE /api/sources</code>.</p>"
    )
    return page("Sources", intro + table(rows, cols, empty="no sources followed yet"))
