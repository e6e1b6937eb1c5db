"""HTML helpers for the server-rendered pages: everything goes through ``esc``.

Article text, titles, names and URLs are untrusted input; a page is built from
escaped pieces and one ``string.Template`` (templates/base.html), so no value
can open a tag or an attribute.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from html import escape
from importlib import resources
from string import Template
from urllib.parse import quote, urlencode

from fastapi.responses import HTMLResponse

from newsledger import __version__

Cell = Callable[[dict], str]  # a row -> the cell's HTML (already escaped)


def esc(v) -> str:
    return "" if v is None else escape(str(v), quote=True)


@cache
def asset(name: str) -> str:
    """A template or static file shipped in this package, read once."""
    folder, _, fname = name.rpartition("/")
    return resources.files("newsledger.web").joinpath(folder, fname).read_text("utf-8")


# The class of what a page could not count within its time budget (store/state.py
# cached_within): such a page is partial, so no cache may keep it (api/cache.py reads
# Cache-Control) and the next view shows the finished counts.
PARTIAL = "still-counting"


def counting(text: str = "still counting: reload in a moment", tag: str = "p") -> str:
    return f"<{tag} class='muted {PARTIAL}'>{esc(text)}</{tag}>"


def page(title: str, body: str, *, q: str = "", status: int = 200) -> HTMLResponse:
    html = Template(asset("templates/base.html")).substitute(
        title=esc(title), heading=esc(title), body=body, q=esc(q), version=esc(__version__)
    )
    headers = {"Cache-Control": "no-store"} if PARTIAL in body else None
    return HTMLResponse(html, status_code=status, headers=headers)


def href(path: str, **params) -> str:
    """A URL with its path segment(s) and query escaped for an attribute."""
    qs = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return esc(path + ("?" + qs if qs else ""))


def link(path: str, label, **params) -> str:
    return f'<a href="{href(path, **params)}">{esc(label)}</a>'


def doc_link(row: dict, label=None) -> str:
    key = row.get("doc_id") or row.get("doc_name") or row.get("id")
    return link(f"/article/{quote(str(key), safe='')}", label or row.get("doc_name") or key)


def doc_title(row: dict) -> str:
    """An article's title, else the first words of its text (``lead``), else its name: a
    title-less article never shows as a URL slug when its text is at hand."""
    if row.get("title"):
        return row["title"]
    words = " ".join((row.get("lead") or "").split()[:12])
    if words:
        return words + ("…" if len((row.get("lead") or "").split()) > 12 else "")
    return row.get("name") or row.get("doc_name") or row.get("id") or "?"


def actor_link(name, actor_id=None) -> str:
    if not name and not actor_id:
        return '<span class="muted">?</span>'
    return link(f"/actor/{quote(str(actor_id or name), safe='')}", name or actor_id)


def safe_url(url: str | None) -> str:
    """An outside link only for http(s) URLs (never javascript: or data:)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return esc(url)
    return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'


def table(
    rows: Iterable[dict],
    columns: list[tuple[str, Cell | str]],
    *,
    empty: str = "nothing yet",
    head: Callable[[str], str] = esc,
) -> str:
    """An HTML table; a column is (heading, field name or row -> HTML); ``head`` renders a
    heading (a sort link on the lists)."""
    rows = list(rows)
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    heads = "".join(f'<th scope="col">{head(h)}</th>' for h, _ in columns)
    body = []
    for r in rows:
        cells = []
        for _, c in columns:
            val = c(r) if callable(c) else esc(r.get(c))
            num = not callable(c) and isinstance(r.get(c), (int, float))
            cells.append(f'<td class="num">{val}</td>' if num else f"<td>{val}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def conf(r: dict) -> str:
    c = r.get("confidence")
    return f"{c:.2f}" if isinstance(c, (int, float)) else ""


def offsets(r: dict) -> str:
    return f"{esc(r.get('start'))}–{esc(r.get('end'))}"


def pager(path: str, params: dict, total: int, limit: int, offset: int) -> str:
    """Links to the pages around this one; a negative ``total`` is a count stopped at a cap
    (store/paging.py): "of 1,000+"."""
    more = total < 0
    total = abs(total)
    shown = f"{total:,}+" if more else f"{total}"
    parts = [
        f'<span class="muted">{offset + 1 if total else 0}–{min(offset + limit, total)} of {shown}</span>'
    ]
    if offset > 0:
        parts.append(link(path, "← previous", **params, offset=max(0, offset - limit) or None))
    if offset + limit < total:
        parts.append(link(path, "next →", **params, offset=offset + limit))
    return f'<div class="pager">{" ".join(parts)}</div>'


def form(path: str, fields: list[tuple[str, str, str]], values: dict, extra: str = "") -> str:
    """A GET filter form; a field is (name, label, input type)."""
    inputs = []
    for name, label, typ in fields:
        if typ == "checkbox":
            checked = " checked" if values.get(name) else ""
            inputs.append(
                f'<label>{esc(label)}<input type="checkbox" name="{name}" value="true"{checked}></label>'
            )
        else:
            inputs.append(
                f'<label>{esc(label)}<input type="{typ}" name="{name}" '
                f'value="{esc(values.get(name) or "")}"></label>'
            )
    return (
        f'<form class="filters" action="{esc(path)}" method="get">{"".join(inputs)}{extra}'
        '<button type="submit">Filter</button></form>'
    )


def hits(snippet: str, start: str, end: str) -> str:
    """An FTS snippet escaped, with its match markers turned into <mark>. The markers are
    control characters an article may itself contain: only a start when no mark is open
    and an end when one is count, so the tags always balance."""
    out, open_ = [], False
    for piece in re.split(f"({re.escape(start)}|{re.escape(end)})", snippet):
        if piece == start and not open_:
            out.append("<mark>")
            open_ = True
        elif piece == end and open_:
            out.append("</mark>")
            open_ = False
        elif piece not in (start, end):
            out.append(esc(piece))
    return "".join(out) + ("</mark>" if open_ else "")
