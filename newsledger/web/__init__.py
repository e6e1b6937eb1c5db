"""The web UI: server-rendered pages over the same Ledger as the REST API."""

from fastapi import APIRouter

from newsledger.web import brief, corrections, lists, map, pages, sources, story, views

router = APIRouter(include_in_schema=False)
router.include_router(pages.router)
router.include_router(views.router)
router.include_router(sources.router)
router.include_router(map.router)
router.include_router(lists.router)
router.include_router(story.router)
router.include_router(brief.router)
router.include_router(corrections.router)

__all__ = ["router"]
