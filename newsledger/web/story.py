"""/story/{id}: what happened in the order it happened, where reports disagree, and how each
outlet worded it. The timeline is by when acts happened (the text's dates), not when reported."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsledger.api.app import NotFound, open_ledger
from newsledger.web.charts import bars, months
from newsledger.web.html import doc_link, esc, link, page, table

router = APIRouter(include_in_schema=False)
BASIS = {
    "stated": "date in the text",
    "derived": "date computed from the text",
    "reported": "publication date (the text gives none)",
}


def _timeline_chart(rows: list[dict], story_id: str) -> str:
    """Rows per month of when they happened; each bar links to that month of the timeline."""
    counts: dict[str, int] = {}
    for r in rows:
        if r.get("date") and len(r["date"]) >= 7:
            counts[r["date"][:7]] = counts.get(r["date"][:7], 0) + 1
    if not counts:
        return ""
    span = months(min(counts), max(counts))
    return bars(
        [(m, counts.get(m, 0), f"/story/{story_id}#m-{m}") for m in span], label="what happened per month"
    )


def _timeline_table(rows: list[dict]) -> str:
    body, month = [], None
    for r in rows:
        m = (r.get("date") or "")[:7]
        anchor = f' id="m-{esc(m)}"' if m and m != month else ""
        month = m or month
        kind = esc(r.get("kind", "")).replace("event:", "")
        who = " → ".join(esc(x) for x in (r.get("who"), r.get("target")) if x)
        note = f"<br><span class='warn'>{esc(r['note'])}</span>" if r.get("note") else ""
        body.append(
            f"<tr{anchor}><td>{esc(r.get('date'))}<br><span class='muted'>"
            f"{esc(BASIS.get(r.get('basis'), r.get('basis')))}</span></td>"
            f"<td>{kind}</td><td>{who}</td><td>{esc(r.get('what'))}{note}</td>"
            f"<td class='num'>{esc(r.get('reports'))}</td>"
            f"<td>{'<br>'.join(esc(s) for s in r.get('sources', []))}</td></tr>"
        )
    head = "<tr><th>when</th><th>what kind</th><th>who</th><th>what</th><th>reports</th><th>sources</th></tr>"
    return (
        f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
        if body
        else "<p class='muted'>nothing dated in this story</p>"
    )


def _contradictions(rows: list[dict], doc_ids: set[str]) -> str:
    mine = [c for c in rows if doc_ids & {s["doc_id"] for s in c["sides"]}]
    if not mine:
        return "<p class='muted'>no contradiction between these reports</p>"
    out = []
    for c in mine:
        cells = "".join(
            f"<td><b>{esc(s['value'])}</b><br>{doc_link(s)} <span class='muted'>"
            f"{esc(s.get('outlet'))}</span><br>{esc(s['sentence'])}</td>"
            for s in c["sides"]
        )
        out.append(
            f"<h3>{esc(c.get('subject_name') or c['subject'])}: "
            f"{esc(c['predicate'])}</h3><table class='sides'><tr>{cells}</tr></table>"
        )
    return "".join(out)


def _framing(rows: list[dict], outlets: set[str]) -> str:
    mine = [r for r in rows if r["outlet"] in outlets]
    return table(
        mine,
        [
            ("outlet", "outlet"),
            ("about", "concept"),
            ("frames", lambda r: esc(", ".join(f"{k} {v}" for k, v in r["frames"].items()))),
            ("terms used", lambda r: esc(", ".join(r["terms"]))),
        ],
        empty="no loaded or neutral terms tracked in these reports",
    )


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str):
    with open_ledger(request) as led:
        found = [s for s in led.stories() if s["id"] == story_id]
        if not found:
            raise NotFound(f"no story {story_id!r}; see /stories")
        rows = led.timeline(story=story_id)
        contradictions, framing = led.contradictions(), led.framing()
    s = found[0]
    docs = {a["id"] for a in s["articles"]}
    # framing is kept per outlet, or per article name where the outlet is unknown
    outlets = {a.get("outlet") or a["name"] for a in s["articles"]}
    arts = table(
        s["articles"],
        [
            ("published", "published"),
            ("outlet", "outlet"),
            ("article", lambda a: doc_link(a, a.get("title") or a["name"])),
            ("near-duplicate of", lambda a: esc(a.get("duplicate_of") or "")),
        ],
    )
    from newsledger.web.brief import brief_link

    body = [
        brief_link(story=story_id),
        f"<p class='muted'>{esc(s['size'])} articles, {esc(s.get('first_date'))} – "
        f"{esc(s.get('last_date'))} · {link('/api/timeline', 'timeline as JSON', story=story_id)}"
        "</p>",
        "<h2>What happened, when</h2>",
        _timeline_chart(rows, story_id),
        _timeline_table(rows),
        "<h2>Where the reports disagree</h2>",
        _contradictions(contradictions, docs),
        "<h2>How each outlet put it</h2>",
        _framing(framing, outlets),
        "<h2>Articles</h2>",
        arts,
    ]
    return page(s.get("label") or story_id, "".join(body))
