"""Feeds (RSS, Atom, RDF, JSON Feed) and feed lists (one URL per line, or OPML).

Parsing is fastfeedparser's; this module only turns its entries into what the watcher needs:
a stable key per entry (its id, else its link), the link to fetch, and the date the feed gives
(used as the article's publication date when the page itself has none).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from newsledger.errors import NewsledgerError


class FeedError(NewsledgerError):
    code = "NL-FETCH-FEED"


@dataclass(frozen=True)
class FeedEntry:
    key: str
    link: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(body: bytes, base_url: str) -> Feed:
    """Entries with a link, in feed order; raises FeedError (NL-FETCH-FEED) if it is no feed."""
    import fastfeedparser

    if not body.strip():
        raise FeedError("the feed is empty")
    try:  # bytes, never str: fastfeedparser would take a str for a URL and fetch it
        parsed = fastfeedparser.parse(
            bytes(body),
            include_content=False,
            include_tags=False,
            include_media=False,
            include_enclosures=False,
        )
    except Exception as e:  # the parser raises ValueError and lxml errors alike
        raise FeedError(f"not an RSS, Atom or JSON feed ({str(e)[:120]}); check the URL") from None
    entries, seen = [], set()
    for e in parsed.get("entries") or []:
        link = (e.get("link") or "").strip()
        if not link:
            continue
        link = urljoin(base_url, link)
        key = (e.get("id") or "").strip() or link
        if key in seen:
            continue
        seen.add(key)
        entries.append(FeedEntry(key, link, e.get("title") or None, e.get("published") or None))
    title = (parsed.get("feed") or {}).get("title") or None
    return Feed(title, tuple(entries))


def read_feed_list(path: str | Path) -> list[str]:
    """URLs from a feed list: OPML (``xmlUrl`` of each outline) or one URL per line
    (lines starting with # are comments)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise FeedError(f"cannot read the feed list {p}: {e.strerror or e}", code="NL-FETCH-LIST") from None
    if data.lstrip()[:200].lower().startswith((b"<?xml", b"<opml")):
        try:
            root = ET.fromstring(data)
        except ET.ParseError as e:
            raise FeedError(f"{p}: not valid OPML ({e})", code="NL-FETCH-LIST") from None
        return [o.get("xmlUrl").strip() for o in root.iter("outline") if o.get("xmlUrl")]
    urls = []
    for n, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith(("http://", "https://")):
            raise FeedError(f"{p}:{n}: {line[:80]!r} is not an http(s) URL", code="NL-FETCH-LIST")
        urls.append(line)
    return urls
