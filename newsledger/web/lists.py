"""/quotes: who said what, with facets (counts per outlet, speaker, year) and downloads.

The URL holds the whole state (filters and page), so a view can be shared; the same filters
give the CSV and JSON downloads.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsledger.api.app import open_ledger
from newsledger.store.queries import quote_facet, quotes_page
from newsledger.web.html import esc, form, href, link, page, pager, table
from newsledger.web.pages import PER_PAGE, quote_cols

router = APIRouter(include_in_schema=False)
Offset = Annotated[int, Query(ge=0, le=10**9)]
DOWNLOAD_MAX = 50_000
FACETS = (("outlet", "outlet"), ("speaker", "speaker"), ("year", "since"))
CSV_COLS = [
    "doc_name",
    "outlet",
    "published",
    "date",
    "speaker_name",
    "kind",
    "cue",
    "text",
    "start",
    "end",
    "confidence",
    "doc_id",
]


def _filters(speaker, q, since, until, outlet) -> dict:
    return dict(
        speaker=speaker or None,
        search=q or None,
        since=since or None,
        until=until or None,
        outlet=outlet or None,
    )


def facets_html(store, params: dict, filters: dict) -> str:
    """Each facet value links to the same view narrowed by it; counts are of the view."""
    out = []
    for column, param in FACETS:
        pairs = quote_facet(store, column, **filters)
        if not pairs:
            continue
        items = []
        for value, n in pairs:
            narrowed = {**params, param: value, "offset": None}
            if column == "year":
                narrowed["until"] = value
            items.append(f"<li>{link('/quotes', value, **narrowed)} <span class='muted'>{n}</span></li>")
        out.append(f"<div class='facet'><h3>{esc(column)}</h3><ul>{''.join(items)}</ul></div>")
    return f"<div class='facets'>{''.join(out)}</div>" if out else ""


@router.get("/quotes", response_class=HTMLResponse)
def quotes_list(
    request: Request,
    speaker: str = "",
    q: str = "",
    since: str = "",
    until: str = "",
    outlet: str = "",
    offset: Offset = 0,
):
    filters = _filters(speaker, q, since, until, outlet)
    params = dict(speaker=speaker, q=q, since=since, until=until, outlet=outlet)
    with open_ledger(request) as led:
        total, rows = quotes_page(led.store, **filters, limit=PER_PAGE, offset=offset)
        facets = facets_html(led.store, params, filters)
    controls = form(
        "/quotes",
        [
            ("speaker", "speaker", "search"),
            ("q", "words", "search"),
            ("outlet", "outlet", "text"),
            ("since", "since", "text"),
            ("until", "until", "text"),
        ],
        params,
    )
    downloads = (
        f"<p class='downloads'>download: <a href=\"{href('/quotes.csv', **params)}\">"
        f'CSV</a> · <a href="{href("/quotes.json", **params)}">JSON</a></p>'
    )
    return page(
        "Quotes",
        controls
        + facets
        + downloads
        + pager("/quotes", params, total, PER_PAGE, offset)
        + table(rows, quote_cols(), empty="no quotes match"),
    )


@router.get("/quotes.{fmt}")
def quotes_download(
    request: Request,
    fmt: Annotated[str, Path(pattern="^(csv|json)$")],
    speaker: str = "",
    q: str = "",
    since: str = "",
    until: str = "",
    outlet: str = "",
):
    with open_ledger(request) as led:
        _, rows = quotes_page(led.store, **_filters(speaker, q, since, until, outlet), limit=DOWNLOAD_MAX)
    if fmt == "json":
        return Response(
            json.dumps(rows, ensure_ascii=False, default=str),
            media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="quotes.json"'},
        )
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLS, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="quotes.csv"'},
    )
