"""/quotes: filters in the URL, facet counts, pages, and CSV/JSON downloads of the same view."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return ledger_client(tmp_path_factory, "lists")[0]


def test_facets_count_the_view_and_narrow_it(client):
    html = client.get("/quotes").text
    outlets = re.findall(r'<a href="/quotes\?outlet=([^"]+)">[^<]+</a> <span class=\'muted\'>(\d+)', html)
    assert sorted(outlets) == [("Harbour+Times", "1"), ("Valley+Post", "2")]
    narrowed = client.get("/quotes?outlet=Valley+Post").text
    assert "We blocked nothing" in narrowed and "dock workers" not in narrowed


def test_downloads_take_the_same_filters(client):
    r = client.get("/quotes.csv?outlet=Harbour+Times")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["outlet"], x["text"]) for x in rows] == [
        ("Harbour Times", "the dock workers will return next week")
    ]
    js = client.get("/quotes.json?speaker=Ruiz").json()
    assert [q["speaker_name"] for q in js] == ["Ana Ruiz"]
    assert client.get("/quotes.xml").status_code == 422
