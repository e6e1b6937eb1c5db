"""The FastAPI application: one ledger file, a connection per request, JSON errors.

SQLite connections belong to the thread that opened them and FastAPI runs sync
endpoints in a thread pool, so every request uses its thread's own ``Ledger``
(``open_ledger``: opened on the thread's first request, kept for its next ones).
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger import __version__
from newsledger.api.security import DEFAULT_MAX_BODY, LOOPBACK_NAMES, Guard
from newsledger.errors import NewsledgerError
from newsledger.nlp import DEFAULT_MODEL
from newsledger.store.db import Store, default_path

_log = logging.getLogger("newsledger.api")

# Status of an error by its code's family; anything else is the server's fault.
STATUS_BY_PREFIX = (
    ("NL-API-NOT-FOUND", 404),
    ("NL-API-TOO-LARGE", 413),
    ("NL-API-AUTH", 401),
    ("NL-API-READ-ONLY", 403),
    ("NL-API-NO-TOKEN", 403),
    ("NL-API-HOST", 400),
    ("NL-FEEDBACK-NOT-FOUND", 404),
    ("NL-FEEDBACK", 422),
    ("NL-BRIEF-SCOPE", 404),
    ("NL-BRIEF", 503),
    ("NL-QUERY", 422),
    ("NL-EXPORT", 422),
    ("NL-INGEST", 422),
    ("NL-API-INPUT", 422),
    ("NL-MODEL", 503),
    ("NL-API-WRITER", 503),
)


class ApiError(NewsledgerError):
    code = "NL-API-INPUT"


class NotFound(NewsledgerError):
    code = "NL-API-NOT-FOUND"


def status_for(code: str) -> int:
    for prefix, status in STATUS_BY_PREFIX:
        if code.startswith(prefix):
            return status
    return 500


def error_body(code: str, message: str, **extra) -> dict:
    return {"error": {"code": code, "message": message, **extra}}


@contextmanager
def open_ledger(request: Request) -> Iterator:
    """A Ledger on this thread's own connection (SQLite's read-only mode when the app is),
    kept for the thread's next requests: opening one per request (a connect, the WAL pragma
    and the migrations check, which reads every migration file) was most of a cached page's
    cost under load. A request that fails, or leaves a transaction open, closes it so the
    next one starts on a fresh connection."""
    from newsledger.ledger import Ledger

    state = request.app.state
    kept = state.ledgers
    led = getattr(kept, "led", None)
    if led is None:
        led = kept.led = Ledger(state.db_path, model=state.model, read_only=state.read_only)
    try:
        yield led
    except BaseException:
        kept.led = None
        led.close()
        raise
    if led.store.db.in_transaction:
        kept.led = None
        led.close()


def create_app(
    db_path: str | None = None,
    *,
    model: str = DEFAULT_MODEL,
    web: bool = True,
    token: str | None = None,
    read_only: bool = False,
    allowed_hosts: Iterable[str] | None = LOOPBACK_NAMES,
    max_body: int = DEFAULT_MAX_BODY,
    cache: bool = False,
    ingest_process: bool = False,
) -> FastAPI:
    """The REST API under /api and (unless ``web=False``) the web UI under /.

    Writes need ``token`` as a bearer token (no token: no writes); ``read_only``
    opens the ledger with SQLite's mode=ro and refuses every write. Only
    requests whose Host is in ``allowed_hosts`` are answered (None: any). A body
    over ``max_body`` bytes is refused while it streams in (see api.security).

    The database is opened once here so a wrong path fails at start-up, not at
    the first request; the spaCy model is loaded only when an article is posted. ``cache``
    keeps read answers per ledger state (api/cache.py; ``serve`` turns it on);
    ``ingest_process`` runs POSTed articles' ingest in a child process of its own, off this
    process' GIL (api/writer.py; ``serve`` turns it on), instead of on its thread pool."""
    path = str(db_path or default_path())
    if path == ":memory:":
        # Every request opens its own connection, and each would see a new empty ledger.
        raise ApiError(
            "the API needs a ledger file shared by its requests, not ':memory:'; give a file path",
            code="NL-API-MEMORY",
        )
    Store(path, read_only=read_only).close()  # read-write: creates it, applies migrations
    app = FastAPI(
        lifespan=_warm_up,
        title="newsledger",
        version=__version__,
        description="Who said and did what, when and where, from many news reports.",
        docs_url=None,
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.db_path, app.state.model = path, model
    app.state.token, app.state.read_only = token, read_only
    app.state.ingest_lock = threading.Lock()  # one spaCy pipeline: one ingest at a time
    app.state.ledgers = threading.local()  # open_ledger's connection per thread
    app.state.writer = None
    if ingest_process and not read_only:
        from newsledger.api.writer import IngestProcess

        app.state.writer = IngestProcess(path, model)
    _install_error_handlers(app)
    from newsledger.api import actors_routes, docs, feedback, ingest, routes, sources, stream

    app.include_router(docs.router)
    app.include_router(routes.router)
    app.include_router(sources.router)
    app.include_router(feedback.router)
    app.include_router(stream.router)
    app.include_router(ingest.router)
    app.include_router(actors_routes.router)
    if web:
        from newsledger.web import router as web_router

        app.include_router(web_router)
    if cache:  # inside the Guard: hosts and writes are checked before any answer is replayed
        from newsledger.api.cache import ResponseCache

        app.add_middleware(ResponseCache, db_path=path)
    app.add_middleware(
        Guard,
        state=app.state,
        max_body=max_body,
        allowed_hosts=set(allowed_hosts) if allowed_hosts is not None else None,
    )
    return app


WARM_IMPORTS = (
    "newsledger.ledger",
    "newsledger.analyze",
    "newsledger.analyze.timeline",
    "newsledger.export.brief",
    "newsledger.kb.links",
)
KB_WARM = threading.Event()  # set once the knowledge base of this process is loaded
LISTS_WARM = threading.Event()  # and once the lists' first pages are read


@asynccontextmanager
async def _warm_up(app: FastAPI):
    """Load the knowledge base in the background when a server starts: the first actor
    page would otherwise wait for it (~9 s on a cold process). Loaded once per process."""

    def load() -> None:
        from newsledger.kb import base

        base.default()
        # and the modules pages import when first asked (the brief, the timeline): their
        # import is not the page's time
        for module in WARM_IMPORTS:
            importlib.import_module(module)
        # the pipeline version (stale counts, /api/stats) imports every extraction stage
        from newsledger.extract import stage_modules

        stage_modules()
        KB_WARM.set()
        # the lists are not read ahead: each page reads an index, counts up to a cap and
        # counts facets within a time budget (store/facets.py), so a first view is cheap
        LISTS_WARM.set()

    threading.Thread(target=load, name="newsledger-kb-warm-up", daemon=True).start()
    try:
        yield
    finally:
        if app.state.writer is not None:  # the ingest in progress finishes, then the child exits
            app.state.writer.close()


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api")


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsledgerError)
    async def ledger_error(request: Request, e: NewsledgerError):
        return _error(request, status_for(e.code), e.code, e.message)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, e: RequestValidationError):
        problems = [
            {"where": ".".join(str(x) for x in err.get("loc", ())), "message": err.get("msg")}
            for err in e.errors()
        ]
        msg = "; ".join(f"{p['where']}: {p['message']}" for p in problems)
        return _error(
            request, 422, "NL-API-INPUT", f"invalid request ({msg}); see /api/docs", problems=problems
        )

    @app.exception_handler(Exception)
    async def crash(request: Request, e: Exception):
        # A bug, or the disk: say so in the API's error shape, never as a bare text page.
        # The details (paths, SQL) go to the server's log, not to the client.
        _log.exception("request %s failed", request.url.path)
        return _error(
            request,
            500,
            "NL-API-INTERNAL",
            f"the server failed ({type(e).__name__}); the details are in the server's "
            "log: please report this",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException):
        if e.status_code == 404:
            return _error(
                request,
                404,
                "NL-API-NOT-FOUND",
                f"no such endpoint or page {request.url.path!r}; see /api/docs",
            )
        return _error(request, e.status_code, f"NL-API-HTTP-{e.status_code}", str(e.detail))


def _error(request: Request, status: int, code: str, message: str, **extra):
    if _wants_html(request):
        from newsledger.web.pages import error_page

        return error_page(status, code, message)
    return JSONResponse(error_body(code, message, **extra), status_code=status)


SERVE_CONFIG_ENV = "NEWSLEDGER_SERVE_CONFIG"


def app_from_env() -> FastAPI:
    """The app of one of ``serve --workers N``'s processes: uvicorn starts each from this
    factory, with create_app's arguments as JSON in $NEWSLEDGER_SERVE_CONFIG."""
    import json
    import os

    return create_app(**json.loads(os.environ[SERVE_CONFIG_ENV]))
