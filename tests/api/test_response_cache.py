"""Read answers kept per ledger state (api/cache.py): the same bytes and ETag until the
ledger changes, 304 for a client holding that ETag, and never a kept error or write."""

from __future__ import annotations

from tests.api.api_fixtures import ARTICLES, api_client, build


def test_reads_are_kept_until_the_ledger_changes(tmp_path):
    client = api_client(tmp_path / "c.db", cache=True)
    build(client)
    first = client.get("/api/quotes")
    again = client.get("/api/quotes")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and first.headers["etag"] == again.headers["etag"]
    assert "content-security-policy" in again.headers  # the Guard's headers on a kept answer
    unchanged = client.get("/api/quotes", headers={"If-None-Match": first.headers["etag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    # a new article: a new state, computed again
    more = dict(ARTICLES[0], id="harbour-2", text=ARTICLES[0]["text"] + ' "We stay," a docker said.')
    assert client.post("/api/articles", json=[more]).status_code == 201
    after = client.get("/api/quotes")
    assert after.headers["etag"] != first.headers["etag"]
    assert after.json()["total"] > first.json()["total"]
    assert client.get("/api/quotes", headers={"If-None-Match": first.headers["etag"]}).status_code == 200


def test_errors_pages_under_other_paths_and_other_hosts_are_not_kept(tmp_path):
    client = api_client(tmp_path / "e.db", cache=True)
    build(client)
    bad = client.get("/api/quotes", params={"after": "nonsense"})
    assert bad.status_code == 422 and "etag" not in bad.headers
    assert "etag" not in client.get("/api/actor-decisions").headers  # not a kept route
    ok = client.get("/api/actors")
    assert "etag" in ok.headers
    # the host check runs before a kept answer is replayed
    assert client.get("/api/actors", headers={"Host": "evil.example"}).status_code == 400


def test_without_the_cache_nothing_is_kept(tmp_path):
    client = api_client(tmp_path / "n.db")
    build(client)
    assert "etag" not in client.get("/api/quotes").headers
