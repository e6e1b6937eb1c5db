"""The pages: home, articles, article, actors, actor, events, merged events,
contradictions, stories. Each handler reads through ``Ledger`` and builds
escaped HTML with ``newsledger.web.html``."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsledger.api.app import NotFound, open_ledger
from newsledger.api.queries import HIT_END, HIT_START, clean_text, documents, search_quotes
from newsledger.store.state import cached
from newsledger.store.stats_query import counts as stats_counts
from newsledger.web import marks
from newsledger.web.html import (
    actor_link,
    asset,
    conf,
    doc_link,
    doc_title,
    esc,
    hits,
    link,
    offsets,
    page,
    safe_url,
    table,
)

router = APIRouter(include_in_schema=False)
PER_PAGE = 50
Offset = Annotated[int, Query(ge=0, le=10**12)]


def with_leads(store, docs: list[dict]) -> list[dict]:
    """The first words of each title-less article (``lead``), for ``doc_title``."""
    for d in docs:
        if not d.get("title"):
            got = store.db.execute("SELECT substr(text, 1, 160) FROM documents WHERE id = ?", (d["id"],))
            d["lead"] = (got.fetchone() or [""])[0]
    return docs


def error_page(status: int, code: str, message: str) -> HTMLResponse:
    body = f'<div class="error"><p><b>{esc(code)}</b></p><p>{esc(message)}</p></div>'
    return page(f"Error {status}", body, status=status)


@router.get("/static/style.css")
def style() -> Response:
    return Response(
        asset("static/style.css"), media_type="text/css", headers={"Cache-Control": "max-age=3600"}
    )


# ------------------------------------------------------------------ columns
def quote_cols(with_doc: bool = True) -> list:
    cols = [
        ("date", lambda r: esc(r.get("date") or r.get("published"))),
        ("speaker", lambda r: actor_link(r.get("speaker_name"), r.get("speaker_id"))),
        ("kind", "kind"),
        ("cue", "cue"),
        ("quote", lambda r: f"“{esc(r['text'])}”"),
    ]
    if with_doc:
        cols.append(("article", lambda r: doc_link(r) + f' <span class="muted">{offsets(r)}</span>'))
    return cols + [("conf", conf)]


def event_cols(with_doc: bool = True) -> list:
    cols = [
        ("date", lambda r: esc(r.get("date") or r.get("published"))),
        ("type", "type"),
        ("source", lambda r: actor_link(r.get("source_name"), r.get("source_id"))),
        ("target", lambda r: actor_link(r.get("target_name"), r.get("target_id"))),
        ("words", "text"),
        ("flags", lambda r: esc(" ".join(f for f in ("negated", "hypothetical") if r.get(f)))),
    ]
    if with_doc:
        cols.append(("article", lambda r: doc_link(r) + f' <span class="muted">{offsets(r)}</span>'))
    return cols + [("conf", conf)]


DOC_COLS = [
    ("published", "published"),
    ("title", lambda r: doc_link(r, doc_title(r))),
    ("outlet", "outlet"),
    ("quotes", "n_quotes"),
    ("events", "n_events"),
    ("dates", "n_timexes"),
]


# ------------------------------------------------------------------ home and articles
@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: str = ""):
    with open_ledger(request) as led:
        # counts and a search scan whole tables: read once per ledger state (store/facets.py)
        store = led.store
        counts = stats_counts(store, led.version)  # kept by triggers (0024)
        # articles counted up to a cap (paging.py): "1,000+" on a large ledger
        if clean_text(q):
            total, docs = cached(
                store, ("home", q), lambda: documents(store, search=q, limit=20, exact=False)
            )
            quotes = cached(store, ("home-quotes", q), lambda: search_quotes(store, q, limit=20))
        else:
            total, docs = cached(store, ("home",), lambda: documents(store, limit=10, exact=False))
            quotes = None
        total = f"{-total:,}+" if total < 0 else total
        with_leads(store, docs)
    items = "".join(f"<li><b>{v}</b>{esc(k)}</li>" for k, v in counts.items())
    body = [f'<ul class="counts">{items}</ul>']
    if quotes is None:
        body += [
            "<h2>Latest articles</h2>",
            table(docs, DOC_COLS, empty="no articles yet: `newsledger ingest` or POST /api/articles"),
            link("/articles", f"all {total} →"),
        ]
        return page("Ledger", "".join(body))
    cols = DOC_COLS[:3] + [("match", lambda r: hits(r.get("snippet") or "", HIT_START, HIT_END))]
    body += [
        f"<h2>Articles matching “{esc(q)}” ({total})</h2>",
        table(docs, cols, empty="none"),
        f"<h2>Quotes matching “{esc(q)}”</h2>",
        table(quotes, quote_cols(), empty="none"),
    ]
    return page(f"Search: {q}", "".join(body), q=q)


@router.get("/article/{key}", response_class=HTMLResponse)
def article(request: Request, key: str):
    with open_ledger(request) as led:
        doc = led.article(key)
    if doc is None:
        raise NotFound(f"no single article has the id, name or id prefix {key!r}")
    rec = doc["records"]
    text = marks.render(doc["text"], marks.record_marks(rec))
    legend = " ".join(
        f'<span class="k-{k}">{esc(label)}</span>'
        for k, label in (
            ("quote", "quote"),
            ("speaker", "speaker"),
            ("cue", "cue"),
            ("event", "event"),
            ("timex", "time"),
            ("mention", "actor"),
            ("excl", "excluded"),
        )
    )
    body = [
        _article_meta(doc),
        f'<p class="legend">{legend} <span class="muted">hover a mark for who / what / when</span></p>',
        f'<div class="article-text">{text}</div>',
    ]
    body += _record_lists(rec)
    return page(doc_title({**doc, "lead": doc["text"][:160]}), "".join(body))


def _article_meta(doc: dict) -> str:
    pub = doc.get("published") or "unknown"
    how = ", ".join(esc(x) for x in (doc.get("published_precision"), doc.get("published_method")) if x)
    note = f" — {esc(doc['published_note'])}" if doc.get("published_note") else ""
    stories = ", ".join(
        link("/story/" + quote(s["id"], safe=""), s.get("label") or s["id"]) for s in doc["stories"]
    )
    rows = [
        ("outlet", esc(doc.get("outlet") or "unknown")),
        ("published", f"{esc(pub)} <span class='muted'>({how or 'no method'}){note}</span>"),
        ("url", safe_url(doc.get("url"))),
        ("id", esc(doc["id"])),
        ("name", esc(doc["name"])),
        ("stories", stories or '<span class="muted">none</span>'),
        ("pipeline", esc(doc.get("pipeline_version"))),
        ("API", link(f"/api/documents/{quote(doc['id'])}", "JSON")),
    ]
    return (
        "<table class='meta'>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"
    )


def _anchor(kind: str):
    return lambda r: f'<a href="#{kind}-{esc(r["id"])}">{offsets(r)}</a>'


def _record_lists(rec: dict) -> list[str]:
    return [
        "<h2>Quotes</h2>",
        table(
            rec["quotes"],
            [("offsets", _anchor("quote"))] + quote_cols(with_doc=False) + [("medium", "medium")],
        ),
        "<h2>Events</h2>",
        table(
            rec["events"], [("offsets", _anchor("event"))] + event_cols(with_doc=False) + [("CAMEO", "cameo")]
        ),
        "<h2>Time expressions</h2>",
        table(
            rec["timexes"],
            [
                ("offsets", _anchor("timex")),
                ("text", "text"),
                ("type", "type"),
                ("TIMEX3 value", "value"),
                ("anchor", "anchor"),
                ("conf", conf),
            ],
        ),
        "<h2>Actor mentions</h2>",
        table(
            rec["mentions"],
            [
                ("offsets", _anchor("mention")),
                ("text", "text"),
                ("label", "label"),
                ("actor", lambda r: actor_link(r.get("entity_name"), r.get("entity_id"))),
                ("nominal", lambda r: "yes" if r.get("nominal") else ""),
                ("conf", conf),
            ],
        ),
        "<h2>Claims</h2>",
        table(
            rec["claims"],
            [
                ("offsets", offsets),
                ("subject", lambda r: esc(r.get("subject_name") or r["subject"])),
                ("predicate", "predicate"),
                ("object", "object"),
                ("text", "text"),
                ("conf", conf),
            ],
        ),
        "<h2>Excluded spans</h2>",
        table(
            rec["excluded_spans"], [("offsets", _anchor("excluded")), ("reason", "reason"), ("text", "text")]
        ),
    ]
