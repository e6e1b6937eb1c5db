"""POST /api/articles: the CLI's JSONL ingest path for a JSON list of articles.

Each posted object is read exactly as one line of a JSONL file (``read_jsonl``),
so the fields, defaults and error codes are those of `newsledger ingest`; the
content hash id makes a re-post of the same text a no-op. The ingest itself
(api/writer.py) runs in the server's child ingest process when the app has one
(``serve``), else on the thread pool; never on the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from newsledger.api.app import ApiError, error_body
from newsledger.api.security import require_write
from newsledger.api.writer import ingest_job
from newsledger.errors import NewsledgerError

router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_write)])
MAX_ARTICLES = 500  # per request: a bigger batch belongs in `newsledger ingest`
EXAMPLE = [
    {
        "id": "wire-001",
        "title": "Talks resume",
        "outlet": "Example Wire",
        "published": "2024-03-05",
        "text": "The minister said on Monday that talks would resume.",
    }
]


@router.post(
    "/articles",
    summary="Ingest articles (JSONL input shape: id, text or html, title, url, outlet, published)",
)
async def post_articles(
    request: Request,
    articles: Annotated[list[Any] | dict, Body(examples=[EXAMPLE])],
    analyze: Annotated[bool, Query(description="Rebuild the cross-report tables afterwards.")] = True,
    reprocess: Annotated[bool, Query(description="Redo the extractions of articles already stored.")] = False,
):
    items = [articles] if isinstance(articles, dict) else articles
    if not items:
        raise ApiError("the body is an empty list; post a list of article objects", code="NL-API-INPUT")
    if len(items) > MAX_ARTICLES:
        raise ApiError(
            f"{len(items)} articles in one request is over the limit of {MAX_ARTICLES}; "
            "split the batch or use `newsledger ingest` on a JSONL file",
            code="NL-API-TOO-LARGE",
        )
    state = request.app.state
    writer = getattr(state, "writer", None)
    if writer is not None:
        status, body = await writer.run(items, analyze=analyze, reprocess=reprocess)
    else:
        status, body = await run_in_threadpool(_in_thread, state, items, analyze, reprocess)
    if status is None:
        raise NewsledgerError(body["message"], code=body["code"])
    if body["errors"] == len(items):
        first = body["articles"][0]["error"]
        err = error_body(first["code"], "no article could be ingested: " + first["message"])
        return JSONResponse({**err, **body}, status_code=422)
    return JSONResponse(body, status_code=status)


def _in_thread(state, items: list, analyze: bool, reprocess: bool) -> tuple:
    with state.ingest_lock:  # one spaCy pipeline in this process: one ingest at a time
        return ingest_job(state.db_path, state.model, items, analyze=analyze, reprocess=reprocess)
