"""/api/feedback: mark a record wrong or confirmed; list the marks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Request
from pydantic import BaseModel, Field

from newsledger.api.app import open_ledger
from newsledger.api.security import require_write
from newsledger.store import feedback as fb

router = APIRouter(prefix="/api", tags=["feedback"])


class Mark(BaseModel):
    kind: str = Field(pattern="^(quotes|events|contradictions|actors)$")
    id: str = Field(max_length=200)
    mark: str = Field(pattern="^(wrong|confirmed|cleared)$")
    note: str | None = Field(None, max_length=2000)
    by: str | None = Field(None, max_length=200)


@router.get("/feedback", summary="The analyst's marks (the latest per record)")
def list_marks(request: Request, kind: str | None = None, history: bool = False) -> dict:
    with open_ledger(request) as led:
        rows = fb.listing(led.store, table=kind, current=not history)
    return {"total": len(rows), "items": rows}


@router.post(
    "/feedback",
    status_code=201,
    summary="Mark a record wrong, confirmed or cleared",
    dependencies=[Depends(require_write)],
)
def add_mark(request: Request, body: Annotated[Mark, Body()]) -> dict:
    with open_ledger(request) as led:
        return fb.mark(led.store, body.kind, body.id, body.mark, note=body.note, by=body.by)
