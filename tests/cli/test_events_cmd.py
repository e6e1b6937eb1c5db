"""`newsledger events` filters by actor and type."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.ledger import Ledger


def test_events_command(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Germany condemned Russia on Monday. Police arrested "
                                    "three protesters in Cairo.\n", "utf-8")
    db = str(tmp_path / "l.db")
    led = Ledger(db, model="sm")
    assert led.ingest([str(tmp_path / "a.txt")]).ok
    led.close()
    run = CliRunner().invoke
    res = run(cli, ["--db", db, "events", "--actor", "germany", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [(r["type"], r["source_text"], r["target_text"]) for r in rows] == \
        [("ACCUSE", "Germany", "Russia")]
    assert rows[0]["sentence"] == "Germany condemned Russia on Monday."
    res = run(cli, ["--db", db, "events", "--type", "coerce", "--format", "jsonl"])
    assert [json.loads(line)["cameo"] for line in res.output.splitlines()] == ["173"]
    res = run(cli, ["--db", db, "events", "--actor", "France", "--format", "jsonl"])
    assert res.output.strip() == ""
