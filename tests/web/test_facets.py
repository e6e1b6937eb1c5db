"""Every list: facets with counts that filter, sorting by whitelisted columns, downloads with
the same filters, marks from the pages (token in the form), merges from the actor page, and
hostile titles, outlets and URLs rendered inert."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.api.api_fixtures import TOKEN, ledger_client

HOSTILE = {
    "id": "hostile-1",
    "title": '<script>alert("t")</script>Talks',
    "outlet": '<img src=x onerror=alert("o")>',
    "url": "javascript:alert(1)",
    "published": "2024-05-01",
    "text": 'Talks\n\nThe minister Ana Ruiz said "<b>we accept</b>" on Friday. Spain accused Portugal of delay.',
}
UNDATED = {
    "id": "undated-1",
    "outlet": "Valley Post",
    "text": "Farmers in Andalusia protested on Monday against the water plan. Spain did not attack Portugal.",
}
LISTS = ["/quotes", "/events", "/merged-events", "/actors", "/contradictions", "/articles"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    c = ledger_client(tmp_path_factory, "facets")[0]
    assert c.post("/api/articles", json=[HOSTILE, UNDATED]).status_code == 201
    return c


@pytest.mark.parametrize("path", LISTS)
def test_every_list_renders_facets_downloads_and_escapes(client, path):
    r = client.get(path, params={"marked": "true"})
    assert r.status_code == 200, r.text
    html = r.text
    assert "<script>" not in html and "<img" not in html and "<b>we" not in html
    assert 'href="javascript:' not in html
    assert f'href="{path}.csv?marked=true"' in html and f'href="{path}.json?marked=true"' in html
    assert client.get(path + ".csv").headers["content-type"].startswith("text/csv")
    assert isinstance(client.get(path + ".json").json(), list)


def test_article_facet_counts_and_filters(client):
    html = client.get("/articles").text
    outlets = dict(
        re.findall(r'<a href="/articles\?outlet=([^"&]+)">[^<]+</a> <span class=\'muted\'>(\d+)', html)
    )
    assert outlets["Valley+Post"] == "2" and outlets["Harbour+Times"] == "1"
    narrowed = client.get("/articles?outlet=Valley+Post").text
    assert "Farmers in Andalusia protested" in narrowed and "Port strike ends" not in narrowed
    rows = list(csv.DictReader(io.StringIO(client.get("/articles.csv?outlet=Valley+Post").text)))
    assert sorted(r["name"] for r in rows) == ["undated-1", "valley-1"]


def test_untitled_articles_show_their_first_words(client):
    html = client.get("/articles").text
    assert "Farmers in Andalusia protested on Monday against the water plan. Spain did…" in html
    assert ">undated-1<" not in html


def test_events_default_to_asserted_and_facet_other_modes(client):
    rows = client.get("/events.json").json()
    assert rows and {r["mode_"] for r in rows} == {"asserted"}
    html = client.get("/events").text
    assert "<h3>mode</h3>" in html and "<b>asserted</b>" in html
    types = client.get("/events.json?type=accuse&mode=all").json()
    assert types and {r["type"] for r in types} == {"ACCUSE"}


def test_sorting_is_whitelisted(client):
    by_chars = client.get("/articles.json?sort=chars").json()
    assert [r["chars"] for r in by_chars] == sorted((r["chars"] for r in by_chars), reverse=True)
    assert 'href="/articles?sort=chars"' in client.get("/articles").text
    bad = client.get("/articles?sort=chars;DROP TABLE documents")
    assert bad.status_code == 422 and "NL-QUERY-SORT" in bad.text


def test_unknown_offset_is_refused(client):
    assert client.get("/events?offset=-1").status_code == 422


def _quote_id(client, words: str) -> int:
    return next(q["id"] for q in client.get("/quotes.json").json() if words in q["text"])


def test_a_mark_needs_the_token_in_the_form(client):
    qid = _quote_id(client, "dock workers")
    body = {"kind": "quotes", "id": str(qid), "mark": "wrong", "token": "nope"}
    r = client.post("/form/feedback", data=body, headers={"Authorization": ""})
    assert r.status_code == 401
    page = client.get(f"/feedback/quotes/{qid}").text
    assert 'type="password" name="token"' in page and 'action="/form/feedback"' in page


def test_marked_wrong_leaves_lists_and_counts_and_is_exported_with_its_mark(client):
    qid = _quote_id(client, "dock workers")
    body = {"kind": "quotes", "id": str(qid), "mark": "wrong", "note": "not a quote", "token": TOKEN}
    r = client.post("/form/feedback", data=body, headers={"Authorization": ""}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/feedback/quotes/{qid}"
    assert "not a quote" in client.get(f"/feedback/quotes/{qid}").text
    assert qid not in [q["id"] for q in client.get("/quotes.json").json()]
    assert "Harbour+Times" not in client.get("/quotes").text  # its only quote: the facet drops it
    rows = list(csv.DictReader(io.StringIO(client.get("/quotes.csv?marked=true").text)))
    marked = [r for r in rows if r["id"] == str(qid)]
    assert marked and marked[0]["mark"] == "wrong" and marked[0]["mark_note"] == "not a quote"
    client.post("/api/feedback", json={"kind": "quotes", "id": str(qid), "mark": "cleared"})


def test_every_kind_has_a_feedback_page(client):
    eid = client.get("/events.json").json()[0]["id"]
    aid = client.get("/actors.json").json()[0]["id"]
    for url in (f"/feedback/events/{eid}", f"/feedback/actors/{aid}"):
        assert client.get(url).status_code == 200
    assert client.get("/feedback/bogus/1").status_code == 404
    assert client.get("/feedback/events/999999").status_code == 404


def test_actor_last_seen_uses_article_dates(client):
    html = client.get("/actor/Andalusia").text
    assert "undated – undated in 1 articles" in html


def test_merge_from_the_actor_page_changes_the_actors_list(client):
    actors = {a["name"]: a["id"] for a in client.get("/actors.json").json()}
    keep, other = actors["Spain"], actors["Portugal"]
    confirm = client.get("/actor-merge", params={"keep": keep, "other": other}).text
    assert 'action="/form/actor-merge"' in confirm and "Confirm merge" in confirm
    body = {"keep": keep, "other": other, "by": "ana", "note": "test", "token": TOKEN}
    r = client.post("/form/actor-merge", data=body, headers={"Authorization": ""}, follow_redirects=False)
    assert r.status_code == 303
    names = [a["name"] for a in client.get("/actors.json").json()]
    assert "Spain" in names and "Portugal" not in names
    assert "ana" in client.get(r.headers["location"]).text  # the decision log on the actor page


def test_feedback_and_confirm_pages_escape_what_they_show(client):
    qid = _quote_id(client, "we accept")
    html = client.get(f"/feedback/quotes/{qid}").text
    assert "&lt;b&gt;we accept&lt;/b&gt;" in html and "<b>we" not in html
    assert "<img" not in html  # the hostile outlet
    aid = client.get("/actors.json").json()[0]["id"]
    confirm = client.get("/actor-split", params={"actor": aid, "name": '"><script>alert(1)</script>'}).text
    assert "<script>" not in confirm and "&lt;script&gt;" in confirm


def test_stories_page_and_home_show_first_words_not_names(client):
    home = client.get("/").text
    assert "Farmers in Andalusia protested" in home and ">undated-1<" not in home
    article = client.get("/article/undated-1").text
    assert "<title>Farmers in Andalusia protested on Monday against the water plan. Spain did" in article
    assert client.get("/stories?offset=0").status_code == 200


def test_the_older_include_unreal_parameter_lists_every_mode(client):
    every = client.get("/events.json?mode=all").json()
    assert "negated" in {r["mode_"] for r in every}  # "Spain did not attack Portugal"
    assert len(client.get("/events.json?include_unreal=true").json()) == len(every)


def test_a_pages_facets_share_one_time_budget(client, monkeypatch):
    """Each facet may count for at most what is left of the page's budget: four slow facets
    cost one budget, not four, before the page is sent (the rest is finished later)."""
    import time

    from newsledger.store import facets as F
    from newsledger.web import lists

    given = []

    def slow(store, spec, column, filters, *, marked=False, budget=None, top=15):
        given.append(budget)
        time.sleep(budget)  # runs to its budget, then is left to the background
        return None

    monkeypatch.setattr(F, "facet", slow)
    monkeypatch.setattr(lists, "FACETS_BUDGET", 0.1)
    r = client.get("/quotes")
    assert r.status_code == 200 and len(given) == len(F.QUOTES.facets) == 4
    assert sum(given) <= 0.1 + 0.01 and given[0] == F.FACET_BUDGET
    assert given[-1] < F.FACET_BUDGET  # what was left of the page's budget
