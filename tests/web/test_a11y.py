"""Accessibility on every page of a fixture ledger: a language, a label for every form
control, a name for every chart and map, alt text, named links, and a visible focus."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.api.api_fixtures import ledger_client

START = ["/", "/articles", "/quotes", "/actors", "/events", "/merged-events", "/contradictions"]
START += ["/stories", "/map", "/map?show=places", "/sources", "/brief?actor=Spain"]


class Audit(HTMLParser):
    """Collects what a screen reader or a keyboard user would miss."""

    def __init__(self):
        super().__init__()
        self.problems, self.lang = [], None
        self.labels_for, self.controls, self.open_labels = set(), [], 0
        self.svg_depth, self.svg_named, self.anchor = 0, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.labels_for.add(a["for"])
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit", "button"):
            named = self.open_labels > 0 or a.get("aria-label") or a.get("aria-labelledby")
            self.controls.append((tag, a.get("name"), a.get("id"), bool(named)))
        elif tag == "img" and a.get("alt") is None:
            self.problems.append(f"img without alt: {a.get('src')}")
        elif tag == "svg":
            if self.svg_depth == 0:
                self.svg_named.append(
                    bool(a.get("aria-label") or a.get("aria-labelledby")) and a.get("role") == "img"
                )
            self.svg_depth += 1
        elif tag == "a" and self.svg_depth == 0 and a.get("href"):
            self.anchor = [a.get("href"), a.get("aria-label") or ""]

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1
        elif tag == "svg":
            self.svg_depth -= 1
        elif tag == "a" and self.anchor is not None:
            if not self.anchor[1].strip():
                self.problems.append(f"link without a name: {self.anchor[0]}")
            self.anchor = None

    def handle_data(self, data):
        if self.anchor is not None:
            self.anchor[1] += data

    def report(self) -> list[str]:
        out = list(self.problems)
        if not self.lang:
            out.append("no lang on <html>")
        for tag, name, id_, named in self.controls:
            if not named and not (id_ and id_ in self.labels_for):
                out.append(f"{tag} {name!r} has no label")
        out += [f"svg #{i} has no role=img and aria-label" for i, ok in enumerate(self.svg_named) if not ok]
        return out


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return ledger_client(tmp_path_factory, "a11y")[0]


def _pages(client) -> dict[str, str]:
    """Every page reachable from the menu (first 150), with its HTML."""
    seen, todo, out = set(), list(START), {}
    ids = client.get("/quotes.json").json()
    todo += [f"/feedback/quotes/{ids[0]['id']}"] if ids else []
    actors = client.get("/actors.json").json()
    todo += [f"/actor-merge?keep={actors[0]['id']}&other={actors[1]['id']}"]
    while todo and len(out) < 150:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        r = client.get(url)
        if r.status_code != 200 or not r.headers.get("content-type", "").startswith("text/html"):
            continue
        out[url] = r.text
        for ref in re.findall(r'href="([^"]+)"', r.text):
            full = urljoin(url, unescape(ref))
            parts = urlsplit(full)
            if not parts.scheme and not parts.netloc and not parts.path.startswith("/api"):
                todo.append(full.split("#")[0])
    return out


def test_every_page_is_labelled_named_and_has_a_language(client):
    pages = _pages(client)
    assert len(pages) > 30
    kinds = {urlsplit(u).path.split("/")[1] for u in pages}
    assert {"actor", "article", "feedback", "actor-merge", "quotes", "map"} <= kinds
    bad = {}
    for url, html in pages.items():
        audit = Audit()
        audit.feed(html)
        if audit.report():
            bad[url] = audit.report()
    assert bad == {}


def test_focus_is_visible_and_a_skip_link_leads_to_the_content(client):
    css = client.get("/static/style.css").text
    assert re.search(r"a:focus-visible[^{]*\{[^}]*outline: 3px solid", css)
    html = client.get("/").text
    assert '<a class="skip" href="#main">' in html and '<main id="main">' in html


def test_the_audit_finds_what_it_looks_for():
    audit = Audit()
    audit.feed('<html><input name="x"><svg><title>t</title></svg><img src="a"><a href="/b"></a></html>')
    assert audit.report() == [
        "img without alt: a",
        "link without a name: /b",
        "no lang on <html>",
        "input 'x' has no label",
        "svg #0 has no role=img and aria-label",
    ]
