"""POST /api/articles: the CLI's JSONL ingest path for a JSON list of articles.

Each posted object is read exactly as one line of a JSONL file (``read_jsonl``),
so the fields, defaults and error codes are those of `newsledger ingest`; the
content hash id makes a re-post of the same text a no-op.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse

from newsledger.api.app import ApiError, error_body, open_ledger
from newsledger.api.security import require_write
from newsledger.errors import Problem
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, read_jsonl
from newsledger.records import Article

router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_write)])
MAX_ARTICLES = 500  # per request: a bigger batch belongs in `newsledger ingest`
SOURCE = "<api>"
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
def post_articles(
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
    results = [{"index": i, "status": "error"} for i in range(len(items))]
    read = _read(items, results)
    with request.app.state.ingest_lock, open_ledger(request) as led:
        known = {a.id for a in read if led.store.has(a.id)}

        def failed(item):
            if isinstance(item, Problem) and item.line:
                _fail(results[item.line - 1], item)

        rep = led.ingest_items(read, reprocess=reprocess, analyze=analyze, on_item=failed)
    _statuses(read, results, known, reprocess)
    body = {
        "stored": rep.stored,
        "reprocessed": rep.reprocessed,
        "unchanged": rep.unchanged,
        "errors": sum(r["status"] == "error" for r in results),
        "articles": results,
    }
    if body["errors"] == len(items):
        first = results[0]["error"]
        err = error_body(first["code"], "no article could be ingested: " + first["message"])
        return JSONResponse({**err, **body}, status_code=422)
    return JSONResponse(body, status_code=201 if rep.stored else 200)


def _read(items: list, results: list[dict]) -> list[Article]:
    """Articles read from the posted objects; unreadable ones are marked in `results`."""
    data = "\n".join(json.dumps(it, ensure_ascii=False) for it in items).encode("utf-8")
    out = []
    for got in read_jsonl(data, SOURCE, DEFAULT_MAX_BYTES):
        if isinstance(got, Problem):
            _fail(results[got.line - 1], got)
        else:
            out.append(got)
    return out


def _fail(result: dict, problem: Problem) -> None:
    result.update(status="error", error={"code": problem.code, "message": problem.message})


def _statuses(read: list[Article], results: list[dict], known: set[str], reprocess: bool) -> None:
    """stored | reprocessed | unchanged (already in the ledger, or posted twice) per article."""
    first: dict[str, int] = {}
    for a in read:
        res = results[a.source_line - 1]
        res.update(id=a.id, name=a.name, document=f"/api/documents/{a.id}")
        if "error" in res:
            res.pop("document")
            continue
        if a.id in first:
            res.update(status="unchanged", duplicate_of=first[a.id])
        elif a.id in known:
            res["status"] = "reprocessed" if reprocess else "unchanged"
        else:
            res["status"] = "stored"
        first.setdefault(a.id, res["index"])
