"""`actors` / `actor NAME` over a small ledger (sm model)."""

import json

import pytest
from click.testing import CliRunner

from tests.conftest import TEST_MODEL


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    from newsledger import Ledger

    d = tmp_path_factory.mktemp("actors")
    src = d / "in.jsonl"
    rows = [
        {
            "id": "a1",
            "outlet": "Outlet One",
            "published": "2021-06-01",
            "text": "Hadi al-Ameri, leader of the Badr Organization, spoke in Baghdad. "
            "Amiri said the talks would go on.",
        },
        {
            "id": "a2",
            "outlet": "Outlet Two",
            "published": "2021-07-01",
            "text": "Hadi al-Amiri met Karim al-Jabouri in Erbil on Monday.",
        },
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    led = Ledger(d / "l.db", model=TEST_MODEL)
    rep = led.ingest([str(src)])
    assert rep.ok, rep.problems
    yield led
    led.close()


def test_actor_by_any_spelling(ledger):
    for spelling in ("Hadi al-Ameri", "hadi al amiri", "Amiri", "hadi_al_amiri"):
        found = ledger.actor(spelling)
        assert [p["id"] for p in found] == ["hadi_al_amiri"], spelling
    p = ledger.actor("Hadi al-Amiri")[0]
    assert dict(p["aliases"]) == {"Hadi al-Ameri": 1, "Amiri": 1, "Hadi al-Amiri": 1}
    assert p["descriptions"] == [("leader of the Badr Organization", 1)]
    assert p["first_seen"] == "2021-06-01" and p["last_seen"] == "2021-07-01"
    assert p["articles"] == 2
    assert dict(p["outlets"]) == {"Outlet One": 1, "Outlet Two": 1}
    assert any(r.startswith("secretary-general of Badr Organization") for r in p["roles"])


def test_unknown_name_finds_nothing(ledger):
    assert ledger.actor("Nobody al-Nowhere") == []


def test_actors_filter_by_type_and_search(ledger):
    persons = {r["id"] for r in ledger.actors(type="PERSON")}
    assert {"hadi_al_amiri", "karim_jaburi"} <= persons
    assert "baghdad" not in persons
    assert [r["id"] for r in ledger.actors(search="jabouri")] == ["karim_jaburi"]


def test_cli_commands(ledger):
    from newsledger.cli import cli

    runner = CliRunner()
    r = runner.invoke(cli, ["--db", ledger.path, "actor", "Ameri", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output.splitlines()[0])["id"] == "hadi_al_amiri"
    r = runner.invoke(cli, ["--db", ledger.path, "actors", "--format", "csv", "--type", "GPE"])
    assert r.exit_code == 0 and "baghdad" in r.output and "hadi_al_amiri" not in r.output
    r = runner.invoke(cli, ["--db", ledger.path, "actor", "Nobody al-Nowhere"])
    assert r.exit_code != 0 and "actors --search" in r.output


def test_the_list_is_filtered_counted_and_paged_in_sql(tmp_path):
    from newsledger.kb.actors import list_actors
    from newsledger.store import Store

    store = Store(str(tmp_path / "a.db"))
    store.db.execute(
        "INSERT INTO documents (id, name, text, chars, ingested_at) VALUES "
        "('d1', 'd1', 'x', 1, '2024'), ('d2', 'd2', 'x', 1, '2024')"
    )
    store.db.execute(
        "INSERT INTO entities (id, name, type, aliases, attrs) VALUES "
        "('p1', 'Ana Ruiz', 'PERSON', '[\"Ruiz\"]', NULL), "
        "('p2', 'Luis Ruiz', 'PERSON', '[]', NULL), "
        "('g1', 'Ruiz Party', 'ORG', '[]', '{\"kb_type\": \"party\"}'), "
        "('p3', 'Li Wei', 'PERSON', '[]', NULL)"
    )
    for doc, ent in [("d1", "p1"), ("d2", "p1"), ("d1", "p1"), ("d1", "p2"), ("d2", "g1")]:
        store.db.execute(
            "INSERT INTO mentions (doc_id, start, \"end\", text, entity_id) VALUES (?, 0, 1, 'x', ?)",
            (doc, ent),
        )
    total: list[int] = []
    rows = list_actors(store, type="PERSON", search="ruiz", limit=1, offset=1, total=total)
    assert total == [2] and [(r["id"], r["mentions"], r["articles"]) for r in rows] == [("p2", 1, 1)]
    assert [r["id"] for r in list_actors(store, type="party")] == ["g1"]
    assert [r["aliases"] for r in list_actors(store, search="Ana")] == ["Ruiz"]
