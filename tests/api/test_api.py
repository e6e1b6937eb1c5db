"""The REST API over a small ledger built by POSTing two articles written for the test."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.api.api_fixtures import ARTICLES, ledger_client


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    client, posted = ledger_client(tmp_path_factory, "api")
    client.posted = posted
    return client


def texts(api) -> dict[str, str]:
    return {
        d["id"]: api.get(f"/api/documents/{d['id']}").json()["text"]
        for d in api.get("/api/documents").json()["items"]
    }


# ------------------------------------------------------------------ POST /api/articles
def test_post_stores_and_reports_ids(api):
    arts = api.posted["articles"]
    assert [a["status"] for a in arts] == ["stored", "stored"]
    assert [a["name"] for a in arts] == ["harbour-1", "valley-1"]
    doc = api.get(arts[0]["document"]).json()
    assert doc["id"] == arts[0]["id"] and doc["outlet"] == "Harbour Times"
    assert doc["published"] == "2024-03-05" and doc["published_method"] == "input"


def test_repost_does_not_duplicate(api):
    before = api.get("/api/stats").json()
    r = api.post("/api/articles", json=ARTICLES + [ARTICLES[0]])
    assert r.status_code == 200
    body = r.json()
    assert body["stored"] == 0 and body["errors"] == 0
    assert [a["status"] for a in body["articles"]] == ["unchanged"] * 3
    assert body["articles"][2]["duplicate_of"] == 0
    assert api.get("/api/stats").json() == before


def test_post_reports_errors_per_article(api):
    r = api.post("/api/articles", json=[{"id": "empty", "text": "   "}, "not an object"])
    assert r.status_code == 422
    body = r.json()
    assert body["error"]["code"] == "NL-INGEST-JSONL"
    assert [a["error"]["code"] for a in body["articles"]] == ["NL-INGEST-JSONL"] * 2


def test_post_mixed_batch_keeps_the_good_article(api):
    r = api.post("/api/articles", json=[ARTICLES[1], {"title": "no text"}], params={"analyze": False})
    assert r.status_code == 200
    assert [a["status"] for a in r.json()["articles"]] == ["unchanged", "error"]


@pytest.mark.parametrize("body", [[], "text", 5])
def test_post_bad_body_is_422(api, body):
    r = api.post("/api/articles", json=body)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "NL-API-INPUT"


# ------------------------------------------------------------------ documents
def test_documents_newest_first_and_filters(api):
    items = api.get("/api/documents").json()["items"]
    assert [d["name"] for d in items] == ["valley-1", "harbour-1"]
    assert items[1]["n_quotes"] == 1 and items[1]["n_events"] == 1 and "text" not in items[1]
    assert [
        d["name"] for d in api.get("/api/documents", params={"outlet": "harbour times"}).json()["items"]
    ] == ["harbour-1"]
    assert [d["name"] for d in api.get("/api/documents", params={"since": "2024-04"}).json()["items"]] == [
        "valley-1"
    ]
    assert [d["name"] for d in api.get("/api/documents", params={"until": "2024-03"}).json()["items"]] == [
        "harbour-1"
    ]


def test_documents_full_text_search(api):
    hits = api.get("/api/documents", params={"q": "dock workers"}).json()
    assert hits["total"] == 1 and hits["items"][0]["name"] == "harbour-1"
    assert "«dock» «workers»" in hits["items"][0]["snippet"]
    assert api.get("/api/documents", params={"q": "submarine"}).json()["total"] == 0
    # FTS syntax in user input is searched as words, not run as a query
    assert api.get("/api/documents", params={"q": 'NEAR("x" OR'}).status_code == 200


def test_pagination(api):
    first = api.get("/api/documents", params={"limit": 1}).json()
    assert first["total"] == 2 and len(first["items"]) == 1 and "offset=1" in first["next"]
    second = api.get(first["next"]).json()
    assert second["items"][0]["name"] == "harbour-1" and second["next"] is None


def test_document_by_name_and_prefix(api):
    doc = api.get("/api/documents/valley-1").json()
    assert api.get(f"/api/documents/{doc['id'][:6]}").json()["id"] == doc["id"]
    assert set(doc["records"]) == {"excluded_spans", "mentions", "quotes", "timexes", "events", "claims"}
    assert [q["text"] for q in doc["records"]["quotes"]][-1] == "We blocked nothing"


def test_unknown_document_is_404_with_code(api):
    r = api.get("/api/documents/no-such-article")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "NL-API-NOT-FOUND"
    assert api.get("/api/nothing-here").json()["error"]["code"] == "NL-API-NOT-FOUND"


@pytest.mark.parametrize(
    "url,code",
    [
        ("/api/documents?since=2024-13", "NL-QUERY-DATE"),
        ("/api/quotes?limit=0", "NL-API-INPUT"),
        ("/api/events?offset=-1", "NL-API-INPUT"),
        ("/api/stance", "NL-API-INPUT"),
    ],
)
def test_bad_input_is_422_with_code(api, url, code):
    r = api.get(url)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == code


# ------------------------------------------------------------------ records
def test_every_record_indexes_its_article(api):
    text = texts(api)
    seen = 0
    for doc_id, body in text.items():
        for rows in api.get(f"/api/documents/{doc_id}").json()["records"].values():
            for r in rows:
                assert body[r["start"] : r["end"]] == r["text"]
                assert r["extractor"] and 0 <= r["confidence"] <= 1
                seen += 1
    for url in ("/api/quotes", "/api/events?include_unreal=true"):
        for r in api.get(url).json()["items"]:
            assert text[r["doc_id"]][r["start"] : r["end"]] == r["text"]
            assert r["document"] == f"/api/documents/{r['doc_id']}"
            seen += 1
    assert seen > 15


def test_quotes_filters(api):
    by = api.get("/api/quotes", params={"speaker": "Moedas"}).json()["items"]
    assert [(q["text"], q["start"], q["end"]) for q in by] == [
        ("the dock workers will return next week", 75, 113)
    ]
    words = api.get("/api/quotes", params={"q": "blocked"}).json()["items"]
    assert [q["speaker_name"] for q in words] == ["Ana Ruiz"]
    assert api.get("/api/quotes", params={"speaker": "Nobody Atall"}).json()["total"] == 0


def test_events_filters(api):
    ev = api.get("/api/events", params={"type": "accuse"}).json()["items"]
    assert [(e["text"], e["source_name"], e["target_name"]) for e in ev] == [
        ("Portugal accused Spain", "Portugal", "Spain")
    ]
    assert api.get("/api/events", params={"actor": "Spain"}).json()["total"] == 1
    assert api.get("/api/events", params={"type": "ASSAULT"}).json()["total"] == 0
    assert api.get("/api/events", params={"since": "2024-04"}).json()["total"] == 0


def test_actors_and_actor(api):
    names = [a["name"] for a in api.get("/api/actors", params={"type": "PERSON"}).json()["items"]]
    assert sorted(names) == ["Ana Ruiz", "Carlos Moedas"]
    got = api.get("/api/actors/Ana Ruiz").json()["actors"]
    assert len(got) == 1 and got[0]["name"] == "Ana Ruiz"
    assert [q["text"] for q in got[0]["records"]["quotes"]] == ["We blocked nothing"]
    assert api.get("/api/actors/Nobody Atall").status_code == 404


def test_cross_report_endpoints(api):
    for url in (
        "/api/merged-events",
        "/api/stories",
        "/api/contradictions",
        "/api/timeline",
        "/api/stance?actor=Spain",
        "/api/framing",
        "/api/stats",
        "/api",
    ):
        assert api.get(url).status_code == 200, url
    merged = api.get("/api/merged-events").json()["items"]
    assert merged[0]["type"] == "ACCUSE" and merged[0]["report_list"][0]["document"]
    stories = api.get("/api/stories").json()
    assert stories["total"] == 2
    assert all(a["document"].startswith("/api/documents/") for s in stories["items"] for a in s["articles"])


# ------------------------------------------------------------------ exports
def test_export_eval_and_jsonl_stream_lines(api):
    lines = api.get("/api/export/eval").text.splitlines()
    assert sorted(json.loads(x)["doc_id"] for x in lines) == ["harbour-1", "valley-1"]
    docs = [json.loads(x) for x in api.get("/api/export/jsonl").text.splitlines()]
    assert sum(len(d["quotes"]) for d in docs) == 3


def test_export_csv_table_and_gdelt(api):
    r = api.get("/api/export/csv", params={"table": "events"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    # a denial is an act of its own (REJECT by the denier; issue 14)
    assert [x["text"] for x in rows] == ["Portugal accused Spain", "Spain denied the accusation"]
    assert api.get("/api/export/gdelt").text.startswith("GlobalEventID\t")


def test_export_errors(api):
    assert api.get("/api/export/xml").json()["error"]["code"] == "NL-EXPORT-FORMAT"
    r = api.get("/api/export/csv", params={"table": "secrets"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "NL-EXPORT-TABLE"
    assert api.get("/api/export/parquet").json()["error"]["code"] == "NL-EXPORT-TABLE"


def test_export_parquet_table(api):
    import pyarrow.parquet as pq

    r = api.get("/api/export/parquet", params={"table": "quotes"})
    assert r.content[:4] == b"PAR1"
    assert pq.read_table(io.BytesIO(r.content)).num_rows == 3


def test_doc_examples_answer(api):
    """Every GET curl example in docs/api.md works against the app."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text("utf-8")
    urls = re.findall(r"curl -s '(http://localhost:8000/api/[^']+)'", doc)
    assert len(urls) >= 15
    for url in urls:
        path = url.removeprefix("http://localhost:8000")
        want = 404 if path.endswith("/nope") else 200
        assert api.get(path).status_code == want, path


@pytest.mark.parametrize("q", ['"', "*", "AND OR", "\x00x", "   ", 'NEAR("x" OR'])
def test_odd_search_strings_are_words_not_errors(api, q):
    for url in ("/api/documents", "/api/quotes", "/api/actors"):
        assert api.get(url, params={"q": q}).status_code == 200, (url, q)


def test_server_failure_is_json_500(api, monkeypatch):
    from fastapi.testclient import TestClient

    from newsledger.store import stats_query

    def broken(store, version):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(stats_query, "counts", broken)
    r = TestClient(api.app, raise_server_exceptions=False, base_url="http://localhost").get("/api/stats")
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "NL-API-INTERNAL"


def test_in_memory_ledger_is_refused():
    from newsledger.api import create_app
    from newsledger.errors import NewsledgerError

    with pytest.raises(NewsledgerError) as e:
        create_app(":memory:")
    assert e.value.code == "NL-API-MEMORY"
