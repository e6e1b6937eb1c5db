"""Fetcher: robots.txt, pacing, conditional GET, redirects, retries and every NL-FETCH code."""

from __future__ import annotations

import time

import pytest

from newsledger.ingest.fetch import FEED_TYPES, USER_AGENT, Fetcher, FetchError, Politeness
from newsledger.ingest.pages import html_article
from tests.ingest.web_fixtures import LOREM, article_html, site  # noqa: F401  (fixture)


def fetcher(**kw) -> Fetcher:
    return Fetcher(Politeness(**{"delay": 0.0, "retries": 1, "backoff": 0.01, "timeout": 2.0, **kw}))


def test_a_page_is_fetched_with_our_user_agent(site):
    site.route("/a", "<html>hello</html>")
    with fetcher() as f:
        page = f.get(site.url("/a"))
    assert (page.status, page.body, page.content_type) == (200, b"<html>hello</html>", "text/html")
    assert site.hits[-1][2]["User-Agent"] == USER_AGENT


def test_robots_txt_is_obeyed_and_read_once_per_host(site):
    site.route("/private/x", "secret")
    site.route("/b", "<html>b</html>")
    with fetcher() as f:
        with pytest.raises(FetchError) as e:
            f.get(site.url("/private/x"))
        f.get(site.url("/b"))
    assert e.value.code == "NL-FETCH-ROBOTS"
    assert site.count("/private/x") == 0 and site.count("/robots.txt") == 1


def test_one_host_is_paced_by_the_delay(site):
    site.route("/c", "<html>c</html>")
    with fetcher(delay=0.3) as f:
        t0 = time.monotonic()
        for _ in range(3):
            f.get(site.url("/c"))
    # robots.txt + three pages: three gaps of at least 0.3 s between four requests
    assert time.monotonic() - t0 >= 0.9


def test_conditional_get_sends_validators_and_reads_304(site):
    def etagged(h):
        if h.headers.get("If-None-Match") == '"v1"':
            return 304, {}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": "Mon, 06 Sep 2021 16:45:00 GMT"}, b"<rss/>"

    site.route("/feed", etagged, ctype="application/rss+xml")
    with fetcher() as f:
        first = f.get(site.url("/feed"), accept=FEED_TYPES)
        again = f.get(
            site.url("/feed"), accept=FEED_TYPES, etag=first.etag, last_modified=first.last_modified
        )
    assert (first.status, first.etag) == (200, '"v1"')
    assert (again.status, again.body) == (304, b"")
    assert site.hits[-1][2]["If-Modified-Since"] == "Mon, 06 Sep 2021 16:45:00 GMT"


def test_a_redirect_is_followed_and_the_final_url_kept(site):
    site.route("/old", "", status=301, headers={"Location": "/new"})
    site.route("/new", "<html>moved</html>")
    with fetcher() as f:
        page = f.get(site.url("/old"))
    assert (page.url, page.final_url) == (site.url("/old"), site.url("/new"))


@pytest.mark.parametrize(
    "setup, code",
    [
        (lambda s: s.route("/p", "", status=302, headers={"Location": "/p"}), "NL-FETCH-REDIRECT"),
        (lambda s: s.route("/p", "gone", status=404), "NL-FETCH-HTTP"),
        (lambda s: s.route("/p", "%PDF-1.4", ctype="application/pdf"), "NL-FETCH-TYPE"),
        (lambda s: s.route("/p", "x" * 5000), "NL-FETCH-TOO-LARGE"),
        (lambda s: s.route("/p", "<html>slow</html>", delay=1.5), "NL-FETCH-TIMEOUT"),
    ],
)
def test_each_failure_has_its_code(site, setup, code):
    setup(site)
    with fetcher(max_bytes=4000, timeout=0.5) as f:
        with pytest.raises(FetchError) as e:
            f.get(site.url("/p"))
    assert e.value.code == code


def test_a_server_error_is_retried_then_reported(site):
    calls = []

    def flaky(h):
        calls.append(1)
        return (503, {"Retry-After": "0"}, b"busy") if len(calls) == 1 else (200, {}, b"<html>ok</html>")

    site.route("/flaky", flaky)
    with fetcher() as f:
        assert f.get(site.url("/flaky")).body == b"<html>ok</html>"
    site.route("/down", "down", status=500)
    with fetcher(retries=2) as f:
        with pytest.raises(FetchError) as e:
            f.get(site.url("/down"))
    assert e.value.code == "NL-FETCH-HTTP" and site.count("/down") == 3


def test_not_a_url_is_refused_without_a_request():
    with fetcher() as f, pytest.raises(FetchError) as e:
        f.get("file:///etc/passwd")
    assert e.value.code == "NL-FETCH-URL"


def test_page_article_keeps_text_title_date_author_and_url():
    html = article_html("Budget approved", LOREM, date="2024-03-05", author="Ann Writer")
    art = html_article(html.encode(), "http://news.example/a", source="http://news.example/a")
    assert art.text.startswith("Budget approved\nThe city council of Springfield voted on Tuesday")
    assert "Home" not in art.text and "Copyright" not in art.text
    assert (art.title, art.published, art.published_method, art.author, art.url) == (
        "Budget approved",
        "2024-03-05",
        "html_meta",
        "Ann Writer",
        "http://news.example/a",
    )


def test_a_feed_date_is_the_fallback_and_says_so():
    html = article_html("Budget approved", LOREM)
    art = html_article(html.encode(), "http://news.example/a", source="x", fallback_date="2024-03-06")
    assert (art.published, art.published_method) == ("2024-03-06", "feed")


def test_a_stub_and_a_page_without_text_are_not_articles():
    with pytest.raises(Exception) as e:
        html_article(
            article_html("Subscribe", "Subscribe to read this story.").encode(), "http://x/s", source="x"
        )
    assert e.value.code == "NL-FETCH-STUB"
    with pytest.raises(Exception) as e:
        html_article(b"<html><head><title>Index</title></head><body></body></html>", "http://x/n", source="x")
    assert e.value.code == "NL-FETCH-NOT-ARTICLE"
