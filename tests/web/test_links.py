"""Every internal link on the pages leads somewhere: a crawl of the UI finds no 404 and no 500."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

from tests.api.api_fixtures import ledger_client

START = [
    "/",
    "/articles",
    "/quotes",
    "/actors",
    "/events",
    "/merged-events",
    "/contradictions",
    "/stories",
    "/map",
    "/map?show=places",
    "/sources",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return ledger_client(tmp_path_factory, "links")[0]


def links(html: str, base: str) -> set[str]:
    out = set()
    for ref in re.findall(r'href="([^"]+)"', html):
        url = urljoin(base, unescape(ref))
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:  # outside links are not ours to check
            continue
        out.add(url.split("#")[0])
    return out


def test_a_crawl_of_the_ui_finds_no_broken_link(client):
    seen, todo, broken = set(), list(START), []
    while todo and len(seen) < 400:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        r = client.get(url)
        if r.status_code >= 400:
            broken.append((url, r.status_code))
            continue
        if r.headers.get("content-type", "").startswith("text/html"):
            todo += sorted(links(r.text, url) - seen)
    assert broken == []
    assert len(seen) > 30  # the crawl reached articles, actors and their records
