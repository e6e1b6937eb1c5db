"""Read answers kept per ledger state (api/cache.py): the same bytes and ETag until the
ledger changes, 304 for a client holding that ETag, and never a kept error or write."""

from __future__ import annotations

from tests.api.api_fixtures import ARTICLES, api_client, build


def test_reads_are_kept_until_the_ledger_changes(tmp_path, monkeypatch):
    from newsledger.api import cache

    # a write answered by this process is read back at once, however long the interval
    monkeypatch.setattr(cache, "ADOPT_EVERY", 3600)
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


def test_a_page_still_counting_is_not_kept_and_the_next_view_is_whole(tmp_path, monkeypatch):
    from collections import OrderedDict

    from newsledger.store import state

    jobs = []

    class Later:  # the background counts run when the test says so
        def submit(self, fn, *args):
            jobs.append((fn, args))

    client = api_client(tmp_path / "p.db", cache=True)
    build(client)
    monkeypatch.setattr(state, "_CACHE", OrderedDict())
    monkeypatch.setattr(state, "_BACKGROUND", Later())
    monkeypatch.setattr(state, "_within", lambda store, budget, compute: None)  # every count overruns
    partial = client.get("/actor/ana_ruiz")
    assert partial.status_code == 200 and "still-counting" in partial.text
    assert partial.headers["cache-control"] == "no-store" and "etag" not in partial.headers
    assert "<th>outlets</th><td><span class='muted still-counting'>counting…</span></td>" in partial.text
    assert jobs  # the counts went to the background
    for fn, args in jobs:
        fn(*args)
    whole = client.get("/actor/ana_ruiz")
    assert "still-counting" not in whole.text and "etag" in whole.headers
    assert "Valley Post <span class='muted'>×1</span>" in whole.text  # its outlet, counted


def test_a_write_by_another_connection_shows_within_the_adoption_interval(tmp_path, monkeypatch):
    """The state check on the event loop (PRAGMA data_version) sees commits of other
    connections and processes (the CLI, the other --workers): taken up within ADOPT_EVERY,
    where a write answered by this process is taken up at once (the first test)."""
    import sqlite3
    import time

    from newsledger.api import cache

    monkeypatch.setattr(cache, "ADOPT_EVERY", 0.3)
    db = tmp_path / "o.db"
    client = api_client(db, cache=True)
    build(client)
    first = client.get("/api/stats")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("UPDATE analysis_state SET written = written + 1")
    other.close()
    soon = client.get("/api/stats", headers={"If-None-Match": first.headers["etag"]})
    assert soon.status_code == 304  # within the interval: the state taken up before the build
    time.sleep(0.35)
    after = client.get("/api/stats", headers={"If-None-Match": first.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
