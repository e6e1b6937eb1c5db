"""Analysts' corrections of actors over HTTP: merge, split, the decision log, suspects.

POST bodies are JSON objects; each decision is kept in the ledger and applied
to every later ingest, as with `newsledger actor merge|split` (kb/decisions.py).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field

from newsledger.api.app import ApiError, NotFound, open_ledger

router = APIRouter(prefix="/api", tags=["actors"])


class Merge(BaseModel):
    keep: str = Field(description="The actor kept (id or any spelling that names one actor).")
    other: str = Field(description="The actor that is the same as `keep`.")
    by: str | None = Field(default=None, description="Who decided.")
    note: str | None = None


class Split(BaseModel):
    actor: str = Field(description="The actor to split (id or a spelling naming one actor).")
    name: str = Field(description="The spelling whose mentions are another actor.")
    by: str | None = Field(default=None, description="Who decided.")
    note: str | None = None


@contextmanager
def _as_api_error():
    """A decision the ledger refuses: 404 for an unknown actor, else 422, same message."""
    from newsledger.kb.decisions import DecisionError

    try:
        yield
    except DecisionError as e:
        cls = NotFound if e.code == "NL-ACTOR-UNKNOWN" else ApiError
        raise cls(e.message, code=cls.code) from None


@router.post("/actors/merge", summary="Merge two actors (kept across reprocessing)")
def merge(request: Request, body: Annotated[Merge, Body()]) -> dict:
    from newsledger.kb import decisions

    with open_ledger(request) as led, _as_api_error():
        return {"decision": decisions.merge(led.store, body.keep, body.other, by=body.by, note=body.note)}


@router.post("/actors/split", summary="Split a spelling off an actor (kept across reprocessing)")
def split(request: Request, body: Annotated[Split, Body()]) -> dict:
    from newsledger.kb import decisions

    with open_ledger(request) as led, _as_api_error():
        return {"decision": decisions.split(led.store, body.actor, body.name, by=body.by, note=body.note)}


@router.get("/actor-decisions", summary="The log of actor corrections")
def decision_log(request: Request) -> dict:
    from newsledger.kb import decisions

    with open_ledger(request) as led:
        return {"items": decisions.decisions(led.store)}


@router.get("/actor-suspects", summary="Actors most likely merged wrongly")
def suspect_list(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> dict:
    from newsledger.kb.links import suspects

    with open_ledger(request) as led:
        return {"items": suspects(led.store, limit)}
