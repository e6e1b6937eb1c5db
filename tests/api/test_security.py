"""The write token, read-only serving, allowed hosts, body limits and response headers."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
import uvicorn
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from newsledger.api.app import create_app
from newsledger.api.security import require_write
from newsledger.cli import main
from newsledger.errors import NewsledgerError
from tests.api.api_fixtures import ARTICLES, TOKEN, api_client

ONE = [ARTICLES[1]]


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    return api_client(tmp_path_factory.mktemp("sec") / "l.db", max_body=4096)


def _error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body["error"]) >= {"code", "message"} and body["error"]["code"] == code
    return body


def test_writes_need_the_bearer_token(api):
    _error(api.post("/api/articles", json=ONE, headers={"Authorization": ""}), 401, "NL-API-AUTH")
    r = api.post("/api/articles", json=ONE, headers={"Authorization": "Bearer wrong"})
    _error(r, 401, "NL-API-AUTH")
    assert r.headers["www-authenticate"] == "Bearer"
    _error(
        api.post("/api/articles", json=ONE, headers={"Authorization": f"Basic {TOKEN}"}), 401, "NL-API-AUTH"
    )
    assert api.post("/api/articles", json=ONE, params={"analyze": False}).status_code in (200, 201)


def test_any_unsafe_method_needs_the_token_even_on_an_unknown_path(api):
    _error(api.delete("/api/documents/x", headers={"Authorization": ""}), 401, "NL-API-AUTH")


def test_an_app_without_token_takes_no_writes(tmp_path):
    c = TestClient(create_app(str(tmp_path / "l.db")), base_url="http://localhost")
    _error(c.post("/api/articles", json=ONE), 403, "NL-API-NO-TOKEN")


def test_require_write_is_a_reusable_dependency():
    app = FastAPI()
    app.state.token, app.state.read_only = "s3cret", False

    @app.post("/x", dependencies=[Depends(require_write)])
    def x():
        return {"ok": True}

    c = TestClient(app)
    assert c.post("/x", headers={"Authorization": "Bearer s3cret"}).json() == {"ok": True}
    with pytest.raises(NewsledgerError) as e:
        c.post("/x", headers={"Authorization": "Bearer nope"})
    assert e.value.code == "NL-API-AUTH"
    assert "HTTPBearer" in str(app.openapi()["components"]["securitySchemes"])


def test_read_only_serves_reads_refuses_writes_and_cannot_change_the_file(tmp_path):
    db = tmp_path / "l.db"
    api_client(db).post("/api/articles", json=ONE, params={"analyze": False})
    before = db.stat().st_mtime_ns, db.read_bytes()
    ro = api_client(db, read_only=True)
    assert ro.get("/api/stats").json()["documents"] == 1
    assert ro.get("/api/export/eval").text.count("\n") == 1
    assert ro.get("/api/export/parquet", params={"table": "documents"}).status_code == 200
    _error(ro.post("/api/articles", json=[ARTICLES[0]]), 403, "NL-API-READ-ONLY")
    from newsledger.store.db import Store

    st = Store(str(db), read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        st.db.execute("DELETE FROM documents")
    st.close()
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before


def test_unknown_host_names_are_refused(api):
    _error(api.get("/api/stats", headers={"Host": "evil.example"}), 400, "NL-API-HOST")
    assert api.get("/api/stats", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert api.get("/api/stats", headers={"Host": "[::1]:8000"}).status_code == 200


def test_security_headers_and_no_cors(api):
    for url in ("/api/stats", "/", "/api/nope"):
        h = api.get(url, headers={"Origin": "http://evil.example"}).headers
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in h["content-security-policy"]
        assert h["referrer-policy"] == "no-referrer"
        assert "access-control-allow-origin" not in h


def test_a_declared_oversize_body_is_refused_before_it_is_read(api):
    r = api.post(
        "/api/articles", content=b"[" + b" " * 5000 + b"]", headers={"content-type": "application/json"}
    )
    _error(r, 413, "NL-API-TOO-LARGE")


def test_a_streamed_oversize_body_is_refused_while_it_streams(api):
    def chunks():
        for _ in range(100):
            yield b" " * 1024

    r = api.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    _error(r, 413, "NL-API-TOO-LARGE")


def test_the_guard_stops_reading_at_the_limit():
    """At the ASGI level: of 100 chunks of 1 KB, only those up to 4 KB are received."""
    import asyncio
    import json
    from types import SimpleNamespace

    from starlette.requests import Request

    from newsledger.api.security import Guard

    async def app(scope, receive, send):
        await Request(scope, receive).body()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"read it all"})

    received, out = [], []

    async def receive():
        received.append(1)
        return {"type": "http.request", "body": b" " * 1024, "more_body": len(received) < 100}

    async def send(message):
        out.append(message)

    guard = Guard(app, state=SimpleNamespace(token="t", read_only=False), allowed_hosts=None, max_body=4096)
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/articles",
        "headers": [(b"authorization", b"Bearer t")],
    }
    asyncio.run(guard(scope, receive, send))
    assert len(received) == 5 and out[0]["status"] == 413
    assert json.loads(out[1]["body"])["error"]["code"] == "NL-API-TOO-LARGE"


@pytest.mark.parametrize(
    "url",
    [
        "/api/documents?offset=1e19",
        "/api/quotes?offset=10000000000000",
        "/api/merged-events?min_reports=1e30",
        "/api/events?offset=99999999999999999999",
    ],
)
def test_huge_numbers_are_422_not_500(api, url):
    _error(api.get(url), 422, "NL-API-INPUT")


# ------------------------------------------------------------------ serve
@pytest.fixture
def ran(monkeypatch):
    got = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: got.update(app=app, **kw))
    monkeypatch.delenv("NEWSLEDGER_TOKEN", raising=False)
    return got


def test_serve_makes_a_token_once_beside_the_ledger(tmp_path, ran, capsys):
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "serve"]) == 0
    token = (tmp_path / "l.db.token").read_text().strip()
    assert stat.S_IMODE(os.stat(tmp_path / "l.db.token").st_mode) == 0o600
    assert token in capsys.readouterr().err and ran["app"].state.token == token
    assert main(["--db", db, "serve"]) == 0
    assert token not in capsys.readouterr().err and ran["app"].state.token == token


def test_serving_beyond_loopback_needs_a_token_or_read_only(tmp_path, ran, capsys):
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "serve", "--host", "0.0.0.0"]) == 2
    assert "NL-SERVE-TOKEN" in capsys.readouterr().err and not ran
    assert (
        main(["--db", db, "serve", "--host", "0.0.0.0", "--token", "t0k", "--allowed-host", "news.example"])
        == 0
    )
    assert ran["host"] == "0.0.0.0" and ran["app"].state.token == "t0k"
    c = TestClient(ran["app"], base_url="http://news.example")
    assert c.get("/api/stats").status_code == 200
    assert main(["--db", db, "serve", "--host", "0.0.0.0", "--read-only"]) == 0
    assert ran["app"].state.read_only and ran["app"].state.token is None


def test_serve_read_only_never_creates_a_ledger(tmp_path, ran, capsys):
    assert main(["--db", str(tmp_path / "typo.db"), "serve", "--read-only"]) == 2
    assert "NL-STORE-NOT-FOUND" in capsys.readouterr().err
    assert not (tmp_path / "typo.db").exists()


def test_the_token_can_come_from_the_environment(tmp_path, ran, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_TOKEN", "from-env")
    assert main(["--db", str(tmp_path / "l.db"), "serve"]) == 0
    assert ran["app"].state.token == "from-env" and not (tmp_path / "l.db.token").exists()
