"""Feedback: a record marked wrong leaves lists and counts, with its history kept."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.errors import StoreError
from newsledger.store import Store
from newsledger.store import feedback as fb
from newsledger.store import queries as Q
from tests.store.test_query_plans import add_doc, add_quote


@pytest.fixture
def store(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    add_doc(s, "d1")
    s.db.execute("INSERT INTO entities (id, name, type, aliases) VALUES ('e1', 'Ana Ruiz', 'PERSON', '[]')")
    for _ in range(3):
        add_quote(s, "d1", "e1", "Ana Ruiz")
    return s


def ids(rows):
    return [r["id"] for r in rows]


def test_a_quote_marked_wrong_leaves_the_list_until_cleared(store):
    fb.mark(store, "quotes", 2, "wrong", note="not her words", by="analyst")
    assert ids(Q.quotes(store, speaker="Ruiz")) == [1, 3]
    assert Q.quotes_page(store)[0] == 2
    assert ids(Q.quotes(store, speaker="Ruiz", marked=True)) == [1, 2, 3]
    fb.mark(store, "quotes", 2, "cleared")
    assert ids(Q.quotes(store)) == [1, 2, 3]
    history = fb.listing(store, current=False)
    assert [(h["record_id"], h["mark"], h["by"]) for h in history] == [
        ("2", "wrong", "analyst"),
        ("2", "cleared", None),
    ]
    assert [h["mark"] for h in fb.listing(store)] == ["cleared"]


@pytest.mark.parametrize(
    "args, code",
    [
        (("quotes", 99, "wrong"), "NL-FEEDBACK-NOT-FOUND"),
        (("claims", 1, "wrong"), "NL-FEEDBACK-KIND"),
        (("quotes", 1, "maybe"), "NL-FEEDBACK-MARK"),
    ],
)
def test_bad_marks_are_coded_errors(store, args, code):
    with pytest.raises(StoreError) as e:
        fb.mark(store, *args)
    assert e.value.code == code


def test_cli_marks_and_lists(store):
    db = store.path
    r = CliRunner().invoke(
        cli, ["--db", db, "feedback", "mark", "quotes", "1", "confirmed", "--note", "checked"]
    )
    assert r.exit_code == 0 and r.output.startswith("quotes 1: confirmed (")
    out = CliRunner().invoke(cli, ["--db", db, "feedback", "list", "--format", "csv"]).output
    assert out.splitlines()[1].startswith("1,quotes,1,confirmed,checked,,")


def test_api_marks_and_lists(store):
    from tests.api.api_fixtures import api_client

    c = api_client(store.path)
    r = c.post("/api/feedback", json={"kind": "quotes", "id": "3", "mark": "wrong"})
    assert r.status_code == 201 and r.json()["mark"] == "wrong"
    assert c.get("/api/feedback").json()["items"][0]["record_id"] == "3"
    bad = c.post("/api/feedback", json={"kind": "quotes", "id": "77", "mark": "wrong"})
    assert bad.status_code == 404 and bad.json()["error"]["code"] == "NL-FEEDBACK-NOT-FOUND"
