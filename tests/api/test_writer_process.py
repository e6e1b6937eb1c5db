"""POSTed articles ingested by the child ingest process (api/writer.py, what `serve` runs):
the same answers as the thread path, nothing lost or stored twice, a killed child replaced."""

from __future__ import annotations

import os
import signal
import time

import pytest
from fastapi.testclient import TestClient

from tests.api.api_fixtures import ARTICLES, TOKEN

THIRD = {
    "id": "delta-1",
    "outlet": "Delta News",
    "published": "2024-05-02",
    "text": 'The governor of Oslo said on Friday that "the bridge opens in June".',
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from newsledger.api import create_app
    from tests.conftest import TEST_MODEL

    db = tmp_path_factory.mktemp("writer") / "ledger.db"
    app = create_app(str(db), token=TOKEN, model=TEST_MODEL, ingest_process=True)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app, base_url="http://localhost", headers=headers) as client:  # lifespan: child closed
        yield app, client


def names(client) -> list[str]:
    return sorted(d["name"] for d in client.get("/api/documents").json()["items"])


def test_post_is_ingested_in_a_child_process(served):
    app, client = served
    r = client.post("/api/articles", json=ARTICLES + [ARTICLES[0]])
    assert r.status_code == 201, r.text
    body = r.json()
    assert [a["status"] for a in body["articles"]] == ["stored", "stored", "unchanged"]
    assert body["articles"][2]["duplicate_of"] == 0 and body["stored"] == 2
    pids = app.state.writer.pids
    assert len(pids) == 1 and pids[0] != os.getpid()
    assert names(client) == ["harbour-1", "valley-1"]
    # the child's cross-report pass ran and readers of this process see its writes
    assert client.get("/api/stats").json()["documents"] == 2


def test_repost_through_the_child_stores_nothing(served):
    _, client = served
    before = client.get("/api/stats").json()
    r = client.post("/api/articles", json=ARTICLES)
    assert r.status_code == 200
    assert [a["status"] for a in r.json()["articles"]] == ["unchanged", "unchanged"]
    assert client.get("/api/stats").json() == before


def test_errors_per_article_come_back_from_the_child(served):
    _, client = served
    r = client.post("/api/articles", json=[{"id": "empty", "text": "   "}])
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "NL-INGEST-JSONL"


def test_a_killed_child_is_replaced_and_nothing_is_duplicated(served):
    app, client = served
    (old,) = app.state.writer.pids
    os.kill(old, signal.SIGKILL)
    time.sleep(0.5)
    statuses = []
    for _ in range(2):  # a child seen dead only during the job answers 503: post again
        r = client.post("/api/articles", json=[THIRD, ARTICLES[1]])
        statuses.append(r.status_code)
        if r.status_code != 503:
            break
        assert r.json()["error"]["code"] == "NL-API-WRITER"
    assert statuses[-1] == 201 and statuses[0] in (201, 503)
    assert app.state.writer.pids not in ([], [old])
    assert names(client) == ["delta-1", "harbour-1", "valley-1"]
