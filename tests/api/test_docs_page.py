"""/api/docs works offline: the page and every file it loads come from this server."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsledger.api import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return TestClient(create_app(str(tmp_path_factory.mktemp("docs") / "d.db")), base_url="http://localhost")


def test_the_docs_page_loads_only_local_files(client):
    html = client.get("/api/docs").text
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs == [
        "/api/docs/static/swagger-ui.css",
        "/api/docs/static/swagger-ui-bundle.js",
        "/api/docs/static/docs-init.js",
        "/api/openapi.json",
    ]
    assert "<script>" not in html  # no inline script: a strict CSP can forbid them
    for ref in refs:
        r = client.get(ref)
        assert r.status_code == 200 and len(r.content) > 100, ref
    assert "SwaggerUIBundle" in client.get("/api/docs/static/swagger-ui-bundle.js").text
    csp = client.get("/api/docs").headers["content-security-policy"]
    assert "script-src" not in csp and "default-src 'self'" in csp and "http" not in csp


def test_only_known_files_are_served(client):
    for name in ("../app.py", "index.html", "%2e%2e%2fapp.py"):
        assert client.get(f"/api/docs/static/{name}").status_code == 404
