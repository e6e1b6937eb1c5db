"""/story/{id}: the timeline by when things happened, contradictions side by side, framing."""

from __future__ import annotations

import re

import pytest

from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return ledger_client(tmp_path_factory, "story")[0]


def test_each_story_has_a_page_linked_from_the_list(client):
    listing = client.get("/stories").text
    ids = re.findall(r'<a href="/story/([^"]+)">', listing)
    assert ids
    html = client.get(f"/story/{ids[0]}").text
    assert "<h2>What happened, when</h2>" in html and "<h2>Articles</h2>" in html
    rows = re.findall(r"<tr(?: id=\"m-[\d-]+\")?><td>([\d-]+)<br>", html)
    assert rows == sorted(rows)  # in the order things happened


def test_an_unknown_story_is_a_404(client):
    r = client.get("/story/st_nope")
    assert r.status_code == 404 and "NL-API-NOT-FOUND" in r.text
