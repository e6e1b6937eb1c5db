"""Feeds: RSS, Atom and JSON Feed entries; feed lists as text or OPML."""

from __future__ import annotations

import pytest

from newsledger.ingest.feeds import FeedError, parse_feed, read_feed_list

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
<item><title>One</title><link>/2024/one</link><guid>urn:one</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>https://news.example/2024/two</link></item>
<item><title>No link</title></item>
<item><title>One again</title><link>/2024/one</link><guid>urn:one</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom News</title><entry><title>A</title><id>tag:a</id>
<link href="https://news.example/a"/><updated>2024-03-07T08:00:00Z</updated></entry></feed>"""

JSONFEED = (
    b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": '
    b'[{"id": "j1", "url": "https://news.example/j", "date_published": "2024-01-02T00:00:00Z"}]}'
)


def test_rss_entries_with_links_resolved_and_deduplicated():
    feed = parse_feed(RSS, "https://news.example/feed.xml")
    assert feed.title == "Example News"
    assert [(e.key, e.link) for e in feed.entries] == [
        ("urn:one", "https://news.example/2024/one"),
        ("https://news.example/2024/two", "https://news.example/2024/two"),
    ]
    assert feed.entries[0].published.startswith("2024-03-05")


def test_atom_and_json_feed():
    atom = parse_feed(ATOM, "https://news.example/atom")
    assert [(e.key, e.link, e.title) for e in atom.entries] == [("tag:a", "https://news.example/a", "A")]
    js = parse_feed(JSONFEED, "https://news.example/feed.json")
    assert [(e.key, e.link) for e in js.entries] == [("j1", "https://news.example/j")]


@pytest.mark.parametrize("body", [b"", b"not a feed at all", b"<html><body>page</body></html>"])
def test_what_is_no_feed_is_a_coded_error(body):
    with pytest.raises(FeedError) as e:
        parse_feed(body, "https://news.example/")
    assert e.value.code == "NL-FETCH-FEED"


def test_feed_lists_in_text_and_opml(tmp_path):
    txt = tmp_path / "feeds.txt"
    txt.write_text("# my feeds\nhttps://a.example/rss\n\nhttp://b.example/atom#x\n")
    assert read_feed_list(txt) == ["https://a.example/rss", "http://b.example/atom#x"]
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" xmlUrl="https://a.example/rss"/></outline>'
        '<outline type="rss" xmlUrl="https://c.example/feed"/></body></opml>'
    )
    assert read_feed_list(opml) == ["https://a.example/rss", "https://c.example/feed"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/rss\nftp://nope\n")
    with pytest.raises(FeedError) as e:
        read_feed_list(bad)
    assert e.value.code == "NL-FETCH-LIST" and ":2:" in e.value.message
