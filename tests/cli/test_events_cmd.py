"""`newsledger events` filters by actor and type."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.ledger import Ledger
from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE


def test_events_command(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(
        "Germany condemned Russia on Monday. Police arrested three protesters in Cairo.\n", "utf-8"
    )
    db = str(tmp_path / "l.db")
    led = Ledger(db, model="sm")
    assert led.ingest([str(tmp_path / "a.txt")]).ok
    led.close()
    run = CliRunner().invoke
    # a condemnation between two countries named in full is listed at the default confidence
    # (a one-word country is no surname; a trigger never judged takes its type's record)
    res = run(cli, ["--db", db, "events", "--actor", "germany", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [(r["type"], r["source_text"], r["target_text"]) for r in rows] == [
        ("ACCUSE", "Germany", "Russia")
    ]
    assert rows[0]["confidence"] >= DEFAULT_MIN_CONFIDENCE
    assert rows[0]["sentence"] == "Germany condemned Russia on Monday."
    res = run(cli, ["--db", db, "events", "--type", "coerce", "--min-confidence", "0", "--format", "jsonl"])
    assert [json.loads(line)["cameo"] for line in res.output.splitlines()] == ["173"]
    res = run(cli, ["--db", db, "events", "--actor", "France", "--format", "jsonl"])
    assert res.output.strip() == ""


def test_events_mode_and_confidence_filters(tmp_path, nlp):
    (tmp_path / "a.txt").write_text(
        "Germany condemned Russia on Monday. Hamas denied reports that it had attacked Israeli forces.\n",
        "utf-8",
    )
    db = str(tmp_path / "l.db")
    led = Ledger(db, model="sm")
    assert led.ingest([str(tmp_path / "a.txt")]).ok
    led.close()
    run = CliRunner().invoke

    def listed(*args):
        res = run(cli, ["--db", db, "events", *args, "--format", "jsonl"])
        assert res.exit_code == 0, res.output
        return sorted((json.loads(x)["type"], json.loads(x)["factuality"]) for x in res.output.splitlines())

    assert ("ASSAULT", "denied") not in listed("--min-confidence", "0")
    assert ("ASSAULT", "denied") in listed("--mode", "denied", "--min-confidence", "0")
    assert ("ASSAULT", "denied") in listed("--all")
    assert listed("--min-confidence", "1") == []
    res = run(cli, ["--db", db, "events", "--mode", "maybe"])
    assert res.exit_code != 0 and "unknown event mode maybe" in res.output
