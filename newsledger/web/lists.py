"""The lists (quotes, events, merged events, actors, contradictions, articles) with facets,
column sorting, pages and CSV / JSON downloads: one renderer over store/facets.py.

The URL holds the whole state (filters, sort, page), so a view can be shared; the download
links carry the same filters. Records marked wrong are left out unless ``marked=true``.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from newsledger.api.app import ApiError, open_ledger
from newsledger.store import facets as F
from newsledger.web.html import (
    actor_link,
    conf,
    counting,
    doc_link,
    doc_title,
    esc,
    form,
    href,
    link,
    page,
    pager,
    table,
)
from newsledger.web.pages import PER_PAGE, event_cols, quote_cols

router = APIRouter(include_in_schema=False)
DOWNLOAD_MAX = 50_000
FACETS_BUDGET = 0.06  # seconds all facets of a page may count before the rest is left to the background
DATES = [("since", "since", "text"), ("until", "until", "text")]


@dataclass(frozen=True)
class ListView:
    spec: F.ListSpec
    title: str
    fields: list  # the filter form: (name, label, input type)
    columns: Callable[[], list]
    csv_cols: list[str]
    sortable: dict[str, str] = field(default_factory=dict)  # column heading -> sort key
    empty: str = "nothing matches"
    prepare: Callable | None = None  # (store, rows) -> rows, for a page or a download


def mark_col(kind: str):
    """The record's mark and a link to mark it (a page with the form: no JS needed)."""

    def cell(r: dict) -> str:
        badge = f'<span class="mark-{esc(r["mark"])}">{esc(r["mark"])}</span> ' if r.get("mark") else ""
        return badge + link(f"/feedback/{kind}/{r['id']}", "mark…")

    return ("feedback", cell)


def _merged_reports(store, rows: list[dict]) -> list[dict]:
    ids = [r["id"] for r in rows]
    reps: dict[str, list] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for x in store.query(
            'SELECT e.event_id, e.text, e.start, e."end", e.doc_id, d.name AS doc_name, d.outlet, '
            f"d.published FROM events e JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.event_id IN ({','.join('?' * len(chunk))}) ORDER BY d.published, d.name, e.start",
            chunk,
        ):
            reps.setdefault(x["event_id"], []).append(x)
    for r in rows:
        r["report_list"] = reps.get(r["id"], [])
    return rows


def _decode_contradictions(store, rows: list[dict]) -> list[dict]:
    for r in rows:
        for k in ("values", "docs", "sides"):
            r[k] = json.loads(r[k]) if isinstance(r.get(k), str) else (r.get(k) or [])
    return rows


def _actor_aliases(store, rows: list[dict]) -> list[dict]:
    for r in rows:
        names = json.loads(r["aliases"]) if r.get("aliases") else []
        r["aliases"] = ", ".join(n for n in names if n != r["name"])
    return rows


def _sides(r: dict) -> str:
    return "<br>".join(
        f"<b>{esc(s.get('value'))}</b> — {doc_link(s)} "
        f"<span class='muted'>{esc(s.get('outlet'))}</span>: {esc(s.get('sentence'))}"
        for s in r["sides"]
    )


def _reports(r: dict) -> str:
    return "<br>".join(f"{doc_link(x)}: “{esc(x['text'])}”" for x in r["report_list"])


VIEWS = {
    "quotes": ListView(
        F.QUOTES,
        "Quotes",
        [("speaker", "speaker", "search"), ("q", "words", "search"), ("outlet", "outlet", "text"), *DATES],
        lambda: quote_cols() + [mark_col("quotes")],
        "id doc_name outlet published date speaker_name kind cue text start end confidence doc_id".split(),
        {"date": "date", "speaker": "speaker", "conf": "confidence"},
        "no quotes match",
    ),
    "events": ListView(
        F.EVENTS,
        "Events",
        [
            ("actor", "actor", "search"),
            ("type", "PLOVER type", "text"),
            ("mode", "mode (asserted, reported, …, all)", "text"),
            ("outlet", "outlet", "text"),
            *DATES,
            ("min_confidence", "confidence at least", "text"),
        ],
        lambda: event_cols() + [("mode", "mode_"), mark_col("events")],
        "id doc_name outlet published date type source_name target_name text mode_ cameo start end "
        "confidence doc_id".split(),
        {"date": "date", "type": "type", "conf": "confidence"},
        "no events match",
    ),
    "merged-events": ListView(
        F.MERGED_EVENTS,
        "Merged events",
        [
            ("actor", "actor", "search"),
            ("type", "PLOVER type", "text"),
            ("outlet", "outlet", "text"),
            *DATES,
            ("min_reports", "at least reports", "number"),
        ],
        lambda: [
            ("date", "date"),
            ("type", "type"),
            ("source", lambda r: actor_link(r.get("source_name"), r.get("source_id"))),
            ("target", lambda r: actor_link(r.get("target_name"), r.get("target_id"))),
            ("reports", "reports"),
            ("articles", "docs"),
            ("as reported", _reports),
        ],
        "id date type source_name target_name label reports docs".split(),
        {"date": "date", "type": "type", "reports": "reports", "articles": "articles"},
        "no merged events match",
        _merged_reports,
    ),
    "actors": ListView(
        F.ACTORS,
        "Actors",
        [("q", "name or spelling", "search"), ("type", "type", "text")],
        lambda: [
            ("actor", lambda r: actor_link(r["name"], r["id"])),
            ("type", "type"),
            ("mentions", "mentions"),
            ("articles", "articles"),
            ("aliases", "aliases"),
            mark_col("actors"),
        ],
        "id name type kb_id mentions articles aliases".split(),
        {"actor": "name", "type": "type", "mentions": "mentions", "articles": "articles"},
        "no actors match",
        _actor_aliases,
    ),
    "contradictions": ListView(
        F.CONTRADICTIONS,
        "Contradictions",
        [("about", "about", "search"), ("what", "what", "text"), ("outlet", "outlet", "text")],
        lambda: [
            ("about", lambda r: esc(r.get("subject_name") or r["subject"])),
            ("what", "predicate"),
            ("values", lambda r: esc(" vs ".join(map(str, r["values"])))),
            ("who says what", _sides),
            ("conf", conf),
            mark_col("contradictions"),
        ],
        "id subject subject_name predicate values docs confidence why".split(),
        {"about": "about", "what": "what", "conf": "confidence"},
        "no contradictions match",
        _decode_contradictions,
    ),
    "articles": ListView(
        F.ARTICLES,
        "Articles",
        [("q", "words", "search"), ("outlet", "outlet", "text"), ("actor", "actor", "search"), *DATES],
        lambda: [
            ("published", lambda r: esc(r.get("published") or "undated")),
            ("title", lambda r: doc_link(r, doc_title(r))),
            ("outlet", "outlet"),
            ("quotes", "n_quotes"),
            ("events", "n_events"),
            ("chars", "chars"),
        ],
        "id name title outlet url published chars".split(),
        {"published": "published", "title": "title", "outlet": "outlet", "chars": "chars"},
        "no articles match",
        lambda store, rows: _article_counts(store, rows),
    ),
}


def _article_counts(store, rows: list[dict]) -> list[dict]:
    for r in rows:
        for t in ("quotes", "events"):
            r[f"n_{t}"] = store.db.execute(
                f"SELECT count(*) FROM {t} WHERE doc_id = ?", (r["id"],)
            ).fetchone()[0]
    return rows


def _state(view: ListView, request: Request) -> tuple[dict, dict]:
    """(filters, every URL parameter of the view) from the query string."""
    qp = request.query_params
    names = [*view.spec.filters, *(["since", "until"] if view.spec.date_expr else [])]
    filters = {n: qp.get(n, "").replace("\x00", " ").strip() for n in names}
    if view.spec is F.EVENTS and qp.get("include_unreal") in ("true", "1") and not filters.get("mode"):
        filters["mode"] = "all"  # the older parameter of /events: every mode
    params = {**filters, "sort": qp.get("sort", ""), "marked": qp.get("marked", "")}
    return filters, params


def _offset(request: Request) -> int:
    raw = request.query_params.get("offset", "0") or "0"
    if not raw.isdigit() or int(raw) > 10**12:
        raise ApiError(f"offset must be a whole number >= 0, not {raw!r}", code="NL-API-INPUT")
    return int(raw)


def facets_html(store, view: ListView, params: dict, filters: dict, marked: bool) -> str:
    """Each value links to the view narrowed by it; the count is of the view without that
    facet's own filter, so the other values stay in sight."""
    path = "/" + view.spec.name
    out = []
    # one time budget for the page's facets together, not one each: four facets over a large
    # view cost their four budgets before the page was sent
    deadline = time.monotonic() + FACETS_BUDGET
    for column in view.spec.facets:
        budget = min(F.FACET_BUDGET, max(0.001, deadline - time.monotonic()))
        pairs = F.facet(store, view.spec, column, filters, marked=marked, budget=budget)
        if pairs is None:  # too long to count within a page view: finished in the background
            out.append(f"<div class='facet'><h3>{esc(column)}</h3>{counting()}</div>")
            continue
        if not pairs:
            continue
        items = []
        for value, n in pairs:
            chosen = str(filters.get(column) or view.spec.defaults.get(column) or "") == str(value)
            label = f"<b>{esc(value)}</b>" if chosen else link(path, value, **{**params, column: value})
            items.append(f"<li>{label} <span class='muted'>{n}</span></li>")
        if filters.get(column):
            items.append(f"<li>{link(path, '× any', **{**params, column: None})}</li>")
        out.append(f"<div class='facet'><h3>{esc(column)}</h3><ul>{''.join(items)}</ul></div>")
    return f"<div class='facets'>{''.join(out)}</div>" if out else ""


def _headings(view: ListView, params: dict) -> Callable[[str], str]:
    path = "/" + view.spec.name

    def head(label: str) -> str:
        key = view.sortable.get(label)
        if not key:
            return esc(label)
        now = params.get("sort") or view.spec.default_sort
        mark = " ▾" if now == key else ""
        return link(path, label + mark, **{**params, "sort": key})

    return head


def render(request: Request, name: str) -> HTMLResponse:
    view = VIEWS[name]
    filters, params = _state(view, request)
    marked = params["marked"] == "true"
    offset = _offset(request)
    with open_ledger(request) as led:
        total, rows = F.page(
            led.store,
            view.spec,
            filters,
            sort=params["sort"] or None,
            offset=offset,
            marked=marked,
            exact=False,
        )
        if view.prepare:
            rows = view.prepare(led.store, rows)
        facets = facets_html(led.store, view, params, filters, marked)
    path = "/" + name
    fields = list(view.fields)
    if view.spec.kind:
        fields.append(("marked", "include records marked wrong", "checkbox"))
    controls = form(path, fields, {**params, "marked": marked}, extra=_hidden_sort(params))
    down = {k: v for k, v in params.items()}
    downloads = (
        f"<p class='downloads'>download this view: <a href=\"{href(path + '.csv', **down)}\">CSV</a>"
        f' · <a href="{href(path + ".json", **down)}">JSON</a></p>'
    )
    return page(
        view.title,
        controls
        + facets
        + downloads
        + pager(path, params, total, PER_PAGE, offset)
        + table(rows, view.columns(), empty=view.empty, head=_headings(view, params)),
    )


def _hidden_sort(params: dict) -> str:
    s = params.get("sort")
    return f'<input type="hidden" name="sort" value="{esc(s)}">' if s else ""


def download(request: Request, name: str, fmt: str) -> Response:
    view = VIEWS[name]
    filters, params = _state(view, request)
    with open_ledger(request) as led:
        _, rows = F.page(
            led.store,
            view.spec,
            filters,
            sort=params["sort"] or None,
            limit=DOWNLOAD_MAX,
            marked=params["marked"] == "true",
        )
        if view.prepare:
            rows = view.prepare(led.store, rows)
    cols = view.csv_cols + (["mark", "mark_note"] if view.spec.kind else [])
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "json":
        return Response(
            json.dumps(rows, ensure_ascii=False, default=str),
            media_type="application/json",
            headers=disposition,
        )
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in r.items()})
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=disposition)


def _handlers(name: str):
    def html(request: Request) -> HTMLResponse:
        return render(request, name)

    def data(request: Request, fmt: str) -> Response:
        if fmt not in ("csv", "json"):
            raise ApiError(f"downloads are .csv or .json, not .{fmt}", code="NL-API-INPUT")
        return download(request, name, fmt)

    return html, data


for _name in VIEWS:
    _html, _data = _handlers(_name)
    router.add_api_route(f"/{_name}", _html, methods=["GET"], response_class=HTMLResponse)
    router.add_api_route(f"/{_name}.{{fmt}}", _data, methods=["GET"])
