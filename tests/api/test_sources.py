"""/api/sources: follow, list and drop feeds; bad URLs refused in the error shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsledger.api import create_app
from tests.api.api_fixtures import api_client


@pytest.fixture
def client(tmp_path):
    return api_client(tmp_path / "s.db")


def test_writes_need_the_token(tmp_path):
    anon = TestClient(create_app(str(tmp_path / "a.db"), token="t"), base_url="http://localhost")
    r = anon.post("/api/sources", json={"url": "https://news.example/feed.xml"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "NL-API-AUTH"
    assert anon.get("/api/sources").json()["total"] == 0


def test_follow_list_and_remove_a_feed(client):
    r = client.post("/api/sources", json={"url": "https://news.example/feed.xml"})
    assert r.status_code == 201
    added = r.json()
    assert (added["url"], added["kind"], added["active"], added["polls"]) == (
        "https://news.example/feed.xml",
        "feed",
        1,
        0,
    )
    listing = client.get("/api/sources").json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == added["id"]
    assert client.delete(f"/api/sources/{added['id']}").json() == {"removed": added["id"]}
    assert client.get("/api/sources").json()["total"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"url": "file:///etc/passwd"},
        {"url": "javascript:alert(1)"},
        {"url": "https://x.example/" + "a" * 3000},
        {"url": "https://x.example/", "kind": "shell"},
    ],
)
def test_what_is_not_a_web_url_is_refused(client, body):
    r = client.post("/api/sources", json=body)
    assert r.status_code == 422 and r.json()["error"]["code"] == "NL-API-INPUT"


def test_removing_an_unknown_source_is_a_404(client):
    r = client.delete("/api/sources/99")
    assert r.status_code == 404 and r.json()["error"]["code"] == "NL-API-NOT-FOUND"
    huge = client.delete(f"/api/sources/{10**30}")  # found by the contract fuzzer: no 500
    assert huge.status_code == 422 and huge.json()["error"]["code"] == "NL-API-INPUT"


def test_the_sources_page_lists_them_escaped(client):
    client.post("/api/sources", json={"url": "https://news.example/feed.xml?a=<b>"})
    html = client.get("/sources").text
    assert "https://news.example/feed.xml?a=&lt;b&gt;" in html and "<b>" not in html
    assert "not polled yet" in html
