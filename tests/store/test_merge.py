"""merge-ledgers: two ledgers built apart equal one ledger that ingested all their articles."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.errors import StoreError
from newsledger.export import export
from newsledger.kb import decisions
from newsledger.ledger import Ledger, merge_ledgers
from tests.conftest import TEST_MODEL

PORT = (
    "The mayor of Lisbon, Carlos Moedas, said on Monday that the port strike had ended. "
    "Portugal accused Spain of blocking the ships."
)
DENIAL = 'Spain denied the accusation. "We blocked nothing," the Spanish minister Ana Ruiz said in Madrid.'
VOTE = "The Ruritanian parliament approved a law on March 5, 2019. Coalition forces stayed."
VOTE_2 = "On March 3, 2019, the Ruritanian parliament approved a resolution on elections."

A = [("port", "2024-03-04", PORT), ("vote", "2019-03-12", VOTE)]
B = [("port-copy", "2024-03-04", PORT), ("denial", "2024-03-05", DENIAL), ("vote2", "2019-03-10", VOTE_2)]


def build(tmp_path, name, arts) -> str:
    src = tmp_path / f"{name}.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": i, "published": p, "text": t}) for i, p, t in arts) + "\n",
        encoding="utf-8",
    )
    path = str(tmp_path / f"{name}.db")
    led = Ledger(path, model=TEST_MODEL)
    assert led.ingest([str(src)]).ok
    led.close()
    return path


def dump(path: str) -> dict:
    from newsledger.store import Store

    st = Store(path)
    out = io.StringIO()
    export(st, "eval", out)
    db = st.db
    got = {
        "eval": sorted(out.getvalue().splitlines()),
        "stories": sorted(map(tuple, db.execute("SELECT id, size, first_date, block FROM stories"))),
        "clusters": sorted(map(tuple, db.execute("SELECT id, type, reports, docs FROM event_clusters"))),
        "contradictions": sorted(
            map(tuple, db.execute('SELECT predicate, "values", docs FROM contradictions'))
        ),
        "framing": sorted(map(tuple, db.execute("SELECT * FROM framing_terms"))),
        "entities": sorted(map(tuple, db.execute("SELECT id, name, aliases FROM entities"))),
        "names": sorted(map(tuple, db.execute("SELECT doc_id, name FROM document_sources"))),
        "pending": db.execute("SELECT COUNT(*) FROM analysis_pending").fetchone()[0],
    }
    st.close()
    return got


def test_merged_ledger_equals_one_ingest_of_all_articles(tmp_path):
    a, b = build(tmp_path, "a", A), build(tmp_path, "b", B)
    a_before = open(a, "rb").read()
    got = merge_ledgers([a, b], str(tmp_path / "c.db"))
    assert (got["articles"], got["duplicates"]) == (4, 1)  # the port report is in both
    assert open(a, "rb").read() == a_before  # the inputs are only read
    want = dump(build(tmp_path, "all", A + B))
    merged = dump(str(tmp_path / "c.db"))
    assert merged == want
    assert merged["contradictions"] and merged["pending"] == 0
    # the article in both keeps the names it came under in each
    assert {n for _, n in merged["names"]} >= {"port", "port-copy"}


def test_decisions_of_one_ledger_apply_to_the_articles_of_the_other(tmp_path):
    a, b = build(tmp_path, "a", A), build(tmp_path, "b", B)
    st = Ledger(a, model=TEST_MODEL)
    ids = dict(st.store.db.execute("SELECT name, id FROM entities WHERE name IN ('Spain', 'Portugal')"))
    decisions.merge(st.store, ids["Spain"], ids["Portugal"])
    st.close()
    merge_ledgers([a, b], str(tmp_path / "c.db"))
    con = sqlite3.connect(tmp_path / "c.db")
    # B's denial names Spain; A's port report named Portugal, now Spain everywhere
    assert con.execute("SELECT COUNT(*) FROM entities WHERE id = ?", (ids["Portugal"],)).fetchone()[0] == 0
    srcs = {r[0] for r in con.execute("SELECT source_id FROM events WHERE source_id IS NOT NULL")}
    assert ids["Portugal"] not in srcs and ids["Spain"] in srcs
    assert con.execute("SELECT COUNT(*) FROM actor_decisions").fetchone()[0] == 1
    con.close()


def test_cli_and_errors(tmp_path):
    a, b = build(tmp_path, "a", A[:1]), build(tmp_path, "b", B[1:2] + B[2:])
    led = Ledger(a, model=TEST_MODEL)
    led.analyze(blocks="month")  # the merged ledger is cut as the first one is
    led.close()
    out = tmp_path / "c.db"
    r = CliRunner().invoke(cli, ["merge-ledgers", a, b, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("articles: 3, duplicates: 0") and "analysis: blocks: 2" in r.output
    con = sqlite3.connect(out)
    assert {b for (b,) in con.execute("SELECT block FROM stories")} == {"2024-03", "2019-03"}
    con.close()
    with pytest.raises(StoreError) as e:
        merge_ledgers([a, b], str(out))
    assert e.value.code == "NL-MERGE-EXISTS"
    with pytest.raises(StoreError) as e:
        merge_ledgers([a, str(tmp_path / "nope.db")], str(tmp_path / "d.db"))
    assert e.value.code == "NL-STORE-NOT-FOUND"
