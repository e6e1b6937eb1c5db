"""fetch and watch end to end on a loopback site: new, unchanged, failed, resumed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.ingest.fetch import Fetcher, Politeness
from newsledger.ledger import Ledger
from newsledger.live import fetch_pages, poll, watch
from newsledger.store import sources
from tests.conftest import TEST_MODEL
from tests.ingest.web_fixtures import LOREM, article_html, site  # noqa: F401  (fixture)


def rss(site, links):
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link></item>" for p in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loop News</title>{items}</channel></rss>'


def serve_feed(site, links, etag):
    body = rss(site, links)

    def answer(h):
        if h.headers.get("If-None-Match") == etag:
            return 304, {}, b""
        return 200, {"ETag": etag}, body.encode()

    site.route("/feed.xml", answer, ctype="application/rss+xml")


@pytest.fixture
def fetcher():
    with Fetcher(Politeness(delay=0.0, retries=0, timeout=5.0)) as f:
        yield f


@pytest.fixture
def led(tmp_path):
    led = Ledger(str(tmp_path / "live.db"), model=TEST_MODEL)
    yield led
    led.close()


def pages(site):
    site.route("/a", article_html("Budget approved", LOREM, date="2024-03-05"))
    site.route("/b", article_html("Council split", LOREM.replace("seven to four", "six to five")))
    site.route("/a-copy", article_html("Budget approved", LOREM, date="2024-03-05"))


def test_a_feed_poll_stores_new_entries_and_reports_failures(site, led, fetcher):
    pages(site)
    serve_feed(site, ["/a", "/b", "/missing"], '"v1"')
    row = sources.add(led.store, site.url("/feed.xml"), "feed")
    res = poll(led, row, fetcher, concurrency=2, analyze=False)
    assert (res.status, res.new, res.unchanged, res.failed) == ("ok", 2, 0, 1)
    assert res.line().endswith(f"new 2, unchanged 0, failed 1 ({res.seconds:.1f} s)")
    src = sources.get(led.store, row["id"])
    assert (src["kind"], src["title"], src["articles"], src["etag"]) == ("feed", "Loop News", 2, '"v1"')
    items = {r["url"]: r for r in led.store.query("SELECT * FROM source_items")}
    assert items[site.url("/missing")]["error_code"] == "NL-FETCH-HTTP"
    assert led.store.query(
        "SELECT published, published_method FROM documents WHERE url=?", (site.url("/a"),)
    ) == [{"published": "2024-03-05", "published_method": "html_meta"}]


def test_a_second_poll_is_conditional_and_a_new_entry_is_fetched_alone(site, led, fetcher):
    pages(site)
    serve_feed(site, ["/a"], '"v1"')
    row = sources.add(led.store, site.url("/feed.xml"), "feed")
    poll(led, row, fetcher, analyze=False)
    again = poll(led, sources.get(led.store, row["id"]), fetcher, analyze=False)
    assert again.status == "not-modified" and site.count("/a") == 1
    serve_feed(site, ["/a", "/b"], '"v2"')
    third = poll(led, sources.get(led.store, row["id"]), fetcher, analyze=False)
    assert (third.new, third.unchanged) == (1, 0)
    assert site.count("/a") == 1 and site.count("/b") == 1


def test_a_restart_after_a_kill_stores_nothing_twice(site, led, fetcher):
    """Killed after storing /a but before marking the entry seen: the rerun finds it unchanged."""
    pages(site)
    serve_feed(site, ["/a", "/b"], '"v1"')
    fetch_pages(led, [site.url("/a")], fetcher, analyze=False)
    row = sources.add(led.store, site.url("/feed.xml"), "feed")
    res = poll(led, row, fetcher, analyze=False)
    assert (res.new, res.unchanged) == (1, 1)
    assert led.store.query("SELECT COUNT(*) AS n FROM documents") == [{"n": 2}]


def test_the_same_article_at_two_urls_is_one_article_with_two_sources(site, led, fetcher):
    pages(site)
    rep = fetch_pages(led, [site.url("/a"), site.url("/a-copy")], fetcher, analyze=False)
    assert (rep.stored, rep.unchanged) == (1, 1)
    names = led.store.query("SELECT source FROM document_sources ORDER BY source")
    assert [r["source"] for r in names] == [site.url("/a"), site.url("/a-copy")]
    assert [s["articles"] for s in sources.listing(led.store)] == [1, 0]


def test_watch_once_polls_every_source_and_one_failure_does_not_stop_the_rest(site, led, fetcher):
    pages(site)
    serve_feed(site, ["/a"], '"v1"')
    sources.add(led.store, site.url("/dead-feed.xml"), "feed")
    sources.add(led.store, site.url("/feed.xml"), "feed")
    seen = []
    assert watch(led, fetcher, every=60, once=True, on_poll=seen.append) == 2
    assert [(r.status, r.code, r.new) for r in seen] == [("failed", "NL-FETCH-HTTP", 0), ("ok", None, 1)]
    assert sources.get(led.store, site.url("/dead-feed.xml"))["failures"] == 1


def test_cli_watch_once_and_sources(site, tmp_path):
    pages(site)
    serve_feed(site, ["/a"], '"v1"')
    db = str(tmp_path / "cli.db")
    run = CliRunner().invoke(
        cli, ["--db", db, "watch", site.url("/feed.xml"), "--once", "--model", TEST_MODEL, "--delay", "0"]
    )
    assert run.exit_code == 0, run.output
    assert f"{site.url('/feed.xml')}  new 1, unchanged 0, failed 0" in run.output
    listing = CliRunner().invoke(cli, ["--db", db, "sources", "--format", "csv"])
    assert listing.output.splitlines()[1].startswith(f"1,feed,{site.url('/feed.xml')},Loop News,")
    bad = CliRunner().invoke(cli, ["--db", db, "watch", "--every", "1s", "--once"])
    assert bad.exit_code != 0 and "no more often than every 10 s" in bad.output
