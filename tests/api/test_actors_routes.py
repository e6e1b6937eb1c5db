"""POST /api/actors/merge|split, the decision log and the suspects, over a small ledger."""

from __future__ import annotations

import pytest

from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    client, _ = ledger_client(tmp_path_factory, "actors")
    return client


def _id(api, q):
    items = api.get("/api/actors", params={"q": q}).json()["items"]
    return items[0]["id"]


def test_merge_split_and_log(api):
    moedas, ruiz = _id(api, "Carlos Moedas"), _id(api, "Ana Ruiz")
    r = api.post("/api/actors/merge", json={"keep": moedas, "other": ruiz, "by": "desk"})
    assert r.status_code == 200, r.text
    assert r.json()["decision"]["action"] == "merge"
    prof = api.get(f"/api/actors/{moedas}").json()["actors"][0]
    assert "Ana Ruiz" in [a for a, _ in prof["aliases"]]
    sus = api.get("/api/actor-suspects").json()["items"]
    assert any(s["id"] == moedas and s["reason"] == "several given names" for s in sus)
    r = api.post("/api/actors/split", json={"actor": moedas, "name": "Ana Ruiz"})
    assert r.status_code == 200, r.text
    prof = api.get(f"/api/actors/{moedas}").json()["actors"][0]
    assert "Ana Ruiz" not in [a for a, _ in prof["aliases"]]
    log = api.get("/api/actor-decisions").json()["items"]
    assert [d["action"] for d in log] == ["merge", "split"] and log[0]["decided_by"] == "desk"


def test_unknown_actor_is_404_with_a_code(api):
    r = api.post("/api/actors/merge", json={"keep": "nobody_here", "other": "nor_here"})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "NL-API-NOT-FOUND"
