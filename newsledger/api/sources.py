"""Sources followed (feeds and pages): listed with their last poll and errors; added, removed.

Adding a feed only follows it: `newsledger watch` (or its service) polls what is followed.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Body, Depends, Path, Request
from pydantic import BaseModel, Field

from newsledger.api.app import ApiError, NotFound, open_ledger
from newsledger.api.security import require_write
from newsledger.store import sources

router = APIRouter(prefix="/api", tags=["sources"])


class NewSource(BaseModel):
    url: str = Field(max_length=2000, description="An RSS, Atom or JSON feed (or a page) URL.")
    kind: str = Field("feed", pattern="^(feed|page)$")


@router.get("/sources", summary="Feeds and pages followed: last poll, status, counts, errors")
def list_sources(request: Request) -> dict:
    with open_ledger(request) as led:
        rows = sources.listing(led.store)
    return {"total": len(rows), "items": rows}


@router.post(
    "/sources", status_code=201, summary="Follow a feed or page", dependencies=[Depends(require_write)]
)
def add_source(request: Request, body: Annotated[NewSource, Body()]) -> dict:
    parts = urlsplit(body.url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(f"{body.url[:100]!r} is not an http(s) URL", code="NL-API-INPUT")
    with open_ledger(request) as led:
        return sources.add(led.store, body.url.strip(), body.kind)


@router.delete(
    "/sources/{source_id}",
    summary="Stop following a source (its articles stay)",
    dependencies=[Depends(require_write)],
)
def delete_source(
    request: Request, source_id: Annotated[int, Path(ge=1, le=2**62, description="The source's id.")]
) -> dict:
    with open_ledger(request) as led:
        if not sources.remove(led.store, source_id):
            raise NotFound(f"no source {source_id}; see GET /api/sources")
    return {"removed": source_id}
