"""/api/docs: Swagger UI served from the installed swagger-ui-py package, never a CDN.

FastAPI's default page loads Swagger UI from a CDN and starts it with an inline script, so
offline (or under a strict Content-Security-Policy) it is blank. Here the page, the bundle,
its stylesheet and the start-up script all come from this server.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from newsledger.api.app import NotFound

router = APIRouter(include_in_schema=False)
FILES = {
    "swagger-ui-bundle.js": "application/javascript",
    "swagger-ui.css": "text/css",
    "LICENSE": "text/plain",
}
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsledger API</title>
<link rel="stylesheet" href="/api/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/static/swagger-ui-bundle.js"></script>
<script src="/api/docs/static/docs-init.js"></script>
<noscript>The interactive docs need JavaScript; the schema is at
<a href="/api/openapi.json">/api/openapi.json</a>.</noscript></body></html>"""


@lru_cache(maxsize=1)
def swagger_dir() -> Path | None:
    """The package's static folder, found without importing it (its import pulls in more)."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "static"


@router.get("/api/docs", response_class=HTMLResponse)
def docs_page():
    return HTMLResponse(PAGE)


@router.get("/api/docs/static/{name}")
def docs_file(name: str):
    if name == "docs-init.js":
        return FileResponse(Path(__file__).parent / "static" / name, media_type="application/javascript")
    folder = swagger_dir()
    if name not in FILES or folder is None or not (folder / name).is_file():
        raise NotFound(f"no docs file {name!r}")
    return FileResponse(folder / name, media_type=FILES[name])
