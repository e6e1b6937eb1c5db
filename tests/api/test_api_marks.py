"""A contradiction marked wrong leaves /api/contradictions and the web list, and comes back
with its mark when asked for."""

from __future__ import annotations

import json

from newsledger.store import Store
from tests.api.api_fixtures import api_client


def test_a_contradiction_marked_wrong_leaves_the_api_and_the_list(tmp_path):
    db = tmp_path / "c.db"
    client = api_client(db)
    store = Store(str(db))
    for subject, values in (("Port strike", ["3", "5"]), ("Dock deal", ["yes", "no"])):
        store.db.execute(
            'INSERT INTO contradictions (subject, subject_name, predicate, "values", docs, sides, confidence) '
            "VALUES (?, ?, 'casualties', ?, '[]', '[]', 0.8)",
            (subject, subject, json.dumps(values)),
        )
    store.close()
    r = client.post("/api/feedback", json={"kind": "contradictions", "id": "1", "mark": "wrong", "note": "x"})
    assert r.status_code == 201
    items = client.get("/api/contradictions").json()["items"]
    assert [c["subject"] for c in items] == ["Dock deal"]
    marked = client.get("/api/contradictions?marked=true").json()["items"]
    assert [(c["subject"], c["mark"]) for c in marked] == [("Port strike", "wrong"), ("Dock deal", None)]
    html = client.get("/contradictions").text
    assert "Dock deal" in html and "Port strike" not in html
    assert "Port strike" in client.get("/contradictions?marked=true").text


def test_an_event_marked_wrong_leaves_api_events_and_its_count(tmp_path):
    db = tmp_path / "e.db"
    client = api_client(db)
    store = Store(str(db))
    text = "Rebels attacked the port. Police arrested ten men."
    store.db.execute(
        "INSERT INTO documents (id, name, text, chars, ingested_at) VALUES ('d1', 'd1', ?, ?, '2024-01-01')",
        (text, len(text)),
    )
    for word, typ in (("attacked", "ASSAULT"), ("arrested", "COERCE")):
        start, end = text.index(word), text.index(word) + len(word)
        store.db.execute(
            'INSERT INTO events (doc_id, start, "end", text, type, confidence) VALUES (?, ?, ?, ?, ?, 0.9)',
            ("d1", start, end, text[start:end], typ),
        )
    store.close()
    assert client.get("/api/events").json()["total"] == 2
    r = client.post("/api/feedback", json={"kind": "events", "id": "1", "mark": "wrong"})
    assert r.status_code == 201
    body = client.get("/api/events").json()
    assert (body["total"], [e["text"] for e in body["items"]]) == (1, ["arrested"])
    assert [e["text"] for e in client.get("/api/events?actor=Police").json()["items"]] == []
    assert [e["text"] for e in client.get("/api/events?marked=true").json()["items"]] == [
        "attacked",
        "arrested",
    ]


def test_an_actor_marked_wrong_leaves_api_actors_and_its_total(tmp_path):
    db = tmp_path / "a.db"
    client = api_client(db)
    store = Store(str(db))
    for eid, name in (("pro_", "pro-"), ("kataib_hezbollah", "Kataib Hezbollah")):
        store.db.execute(
            "INSERT INTO entities (id, name, type, aliases) VALUES (?, ?, 'ORG', '[]')", (eid, name)
        )
    store.close()
    r = client.post(
        "/api/feedback", json={"kind": "actors", "id": "pro_", "mark": "wrong", "note": "not an actor"}
    )
    assert r.status_code == 201
    body = client.get("/api/actors").json()
    assert (body["total"], [a["name"] for a in body["items"]]) == (1, ["Kataib Hezbollah"])
    assert {a["name"] for a in client.get("/api/actors?marked=true").json()["items"]} == {
        "pro-",
        "Kataib Hezbollah",
    }
