"""The web pages over a small ledger: they render, marks are in place, input is escaped."""

from __future__ import annotations

import re

import pytest

from newsledger.web.marks import Mark, render
from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    return ledger_client(tmp_path_factory, "web")[0]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=dock",
        "/articles",
        "/articles?outlet=Valley+Post",
        "/article/harbour-1",
        "/actors",
        "/actors?q=ruiz",
        "/actor/ana_ruiz",
        "/actor/Moedas",
        "/events",
        "/events?type=ACCUSE&include_unreal=true",
        "/merged-events",
        "/contradictions",
        "/stories",
    ],
)
def test_pages_render(web, url):
    r = web.get(url)
    assert r.status_code == 200, url
    assert r.headers["content-type"].startswith("text/html")
    assert '<link rel="stylesheet" href="/static/style.css">' in r.text


def test_article_marks_records_inline(web):
    html = web.get("/article/harbour-1").text
    quote = re.search(r'<span class="k-quote" title="([^"]*)">the dock workers will return </span>', html)
    assert quote and "speaker: Carlos Moedas" in quote.group(1)
    assert re.search(
        r'<span class="k-quote k-timex" title="[^"]*TIMEX3 DATE value=2024-W11[^"]*">'
        r"next week</span>",
        html,
    )
    assert re.search(r'<span class="k-event k-mention" title="event ACCUSE[^"]*Portugal → Spain', html)
    assert '<span class="k-speaker k-mention"' in html
    assert 'href="#quote-' in html and 'id="quote-' in html  # record list links to its mark


def test_article_text_is_escaped(web):
    html = web.get("/article/valley-1").text
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more." in html


def test_search_finds_articles_and_quotes(web):
    html = web.get("/", params={"q": "blocked"}).text
    assert "<mark>blocked</mark>" in html and "We blocked nothing" in html
    assert 'value="blocked"' in html


def test_search_box_value_is_escaped(web):
    html = web.get("/", params={"q": '"><img src=x onerror=alert(1)>'}).text
    assert "<img" not in html


def test_unknown_pages_are_html_404(web):
    for url in ("/article/nope", "/actor/Nobody Atall", "/nowhere"):
        r = web.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "NL-API-NOT-FOUND" in r.text


def test_bad_filter_is_html_422(web):
    r = web.get("/events", params={"since": "yesterday"})
    assert r.status_code == 422 and "NL-QUERY-DATE" in r.text


def test_actor_page_lists_quotes(web):
    html = web.get("/actor/ana_ruiz").text
    assert "<h1>Ana Ruiz</h1>" in html and "“We blocked nothing”" in html


def test_render_overlaps_and_excluded():
    text = "ab <cd> ef"
    html = render(text, [Mark(0, 7, "quote", "q", "quote-1"), Mark(3, 10, "excl", "boiler")])
    assert html == (
        '<a class="anchor" id="quote-1"></a><span class="k-quote" title="q">ab </span>'
        '<span class="k-excl k-quote" title="boiler\nq">&lt;cd&gt;</span>'
        '<span class="k-excl" title="boiler"> ef</span>'
    )
    assert render(text, []) == "ab &lt;cd&gt; ef"
    assert (
        render(text, [Mark(4, 4, "timex", "empty"), Mark(8, 99, "event", "clipped")])
        == 'ab &lt;cd&gt; <span class="k-event" title="clipped">ef</span>'
    )


def test_search_marks_balance_even_when_the_article_holds_the_marker_characters():
    from newsledger.web.html import hits

    got = hits("a \x02b\x03 c \x03d\x02 <e>", "\x02", "\x03")
    assert got == "a <mark>b</mark> c d<mark> &lt;e&gt;</mark>"
