"""/brief: the brief of a story or an actor in the UI, and as Markdown or PDF to hand on."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse

from newsledger.api.app import open_ledger
from newsledger.export import brief as b
from newsledger.store.state import cached
from newsledger.web.html import href, page

router = APIRouter(include_in_schema=False)


def brief_link(**scope) -> str:
    return (
        f"<p class='downloads'>Brief: <a href=\"{href('/brief', **scope)}\">read</a> · "
        f'<a href="{href("/brief", **scope, format="md")}">Markdown</a> · '
        f'<a href="{href("/brief", **scope, format="pdf")}">PDF</a></p>'
    )


@router.get("/brief")
def brief_page(
    request: Request,
    story: str = "",
    actor: str = "",
    since: str = "",
    format: Annotated[str, Query(pattern="^(html|md|pdf)$")] = "html",
):
    with open_ledger(request) as led:
        # assembled once per ledger state: a frequent actor's brief reads thousands of rows
        report = cached(
            led.store,
            ("brief", story, actor, since),
            lambda: b.build(led, story=story or None, actor=actor or None, since=since or None),
        )
    if format == "md":
        return PlainTextResponse(b.to_markdown(report), media_type="text/markdown; charset=utf-8")
    if format == "pdf":
        out = Path(tempfile.mkdtemp(prefix="newsledger-brief-")) / "brief.pdf"
        b.to_pdf(report, out)
        return FileResponse(out, media_type="application/pdf", filename="brief.pdf")
    body = brief_link(story=story, actor=actor, since=since) + b.html_body(report, heading=False)
    return HTMLResponse(page(f"Brief: {report.title}", body).body)
