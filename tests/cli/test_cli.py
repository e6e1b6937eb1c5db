"""The command line over small fixtures: ingest, bad input, stats, show, quotes, export."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsledger.cli import cli, main

STORY = (
    "Harbour talks resume\n\nThe port authority said on Monday that ships would sail again. "
    '"We will reopen the northern quay within a week," said Omar Nasser, the harbour master.\n'
)


def _run(db, *args, input=None):
    return CliRunner().invoke(cli, ["--db", db, *args], input=input, catch_exceptions=False)


def test_ingest_stats_show_quotes_export(tmp_path, db_path):
    f = tmp_path / "harbour.txt"
    f.write_text(STORY, encoding="utf-8")
    r = _run(db_path, "ingest", "--model", "sm", str(f))
    assert r.exit_code == 0, r.output
    assert "1 new" in r.output and db_path in r.output
    r = _run(db_path, "stats")
    assert "documents" in r.output and " 1" in r.output
    r = _run(db_path, "show", "harbour")
    assert r.exit_code == 0 and "Harbour talks resume" in r.output
    r = _run(db_path, "quotes", "--format", "jsonl", "--search", "quay")
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert [q["text"] for q in rows] == ["We will reopen the northern quay within a week"]
    r = _run(db_path, "export", "--format", "eval")
    [rec] = [json.loads(x) for x in r.output.splitlines()]
    assert rec["doc_id"] == "harbour" and rec["title"] == "Harbour talks resume"
    r = _run(db_path, "export", "--format", "csv", "--table", "documents")
    assert r.output.splitlines()[0].startswith("id,name,")


def test_bad_input_is_named_rest_goes_on_exit_nonzero(tmp_path, db_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "j1", "text": "A second story about rain."}\n{oops\n')
    r = _run(db_path, "ingest", "--model", "sm", str(tmp_path / "nope.txt"), str(good), str(feed))
    assert r.exit_code == 1
    assert "nope.txt" in r.output and "NL-INGEST-NOT-FOUND" in r.output
    assert f"{feed}:2" in r.output and "NL-INGEST-JSONL" in r.output
    assert "2 new" in r.output
    # Re-running after fixing nothing stores nothing twice.
    r = _run(db_path, "ingest", "--model", "sm", str(good), str(feed))
    assert "0 new" in r.output and "2 already in the ledger" in r.output


def test_stdin_ingest(db_path):
    r = _run(db_path, "ingest", "--model", "sm", "-", input="Rain fell on the plain for days.\n")
    assert r.exit_code == 0 and "1 new" in r.output


def test_ingest_needs_a_path(db_path):
    r = CliRunner().invoke(cli, ["--db", db_path, "ingest"])
    assert r.exit_code == 2 and "PATH" in r.output


def test_show_unknown_doc_says_what_to_do(db_path):
    from newsledger.store import Store

    Store(db_path).close()
    r = CliRunner().invoke(cli, ["--db", db_path, "show", "zzzz"])
    assert r.exit_code == 1 and "no single article" in r.output


def test_no_analyze_defers_the_cross_report_pass(tmp_path, db_path):
    f = tmp_path / "a.txt"
    f.write_text("Germany condemned Russia on Monday over the border attack.\n", encoding="utf-8")
    r = _run(db_path, "ingest", "--model", "sm", "--no-analyze", str(f))
    assert r.exit_code == 0, r.output
    from newsledger.store import Store

    s = Store(db_path)
    assert s.query("SELECT count(*) AS n FROM events")[0]["n"] >= 1
    assert s.query("SELECT count(*) AS n FROM event_clusters")[0]["n"] == 0
    r = _run(db_path, "analyze")
    assert r.exit_code == 0, r.output
    assert s.query("SELECT count(*) AS n FROM event_clusters")[0]["n"] >= 1
    assert s.query("SELECT count(*) AS n FROM events WHERE event_id IS NULL")[0]["n"] == 0


@pytest.mark.parametrize("cmd", [["stats"], ["quotes"], ["show", "x"], ["export", "--format", "eval"]])
def test_reading_commands_never_create_a_ledger(tmp_path, cmd):
    db = tmp_path / "typo.db"
    assert main(["--db", str(db), *cmd]) == 2
    assert not db.exists()


def test_export_out_refuses_to_overwrite_and_makes_folders(tmp_path, capsys):
    from newsledger.store import Store

    db = str(tmp_path / "l.db")
    Store(db).close()
    out = tmp_path / "new" / "dir" / "eval.jsonl"
    assert main(["--db", db, "export", "--format", "eval", "--out", str(out)]) == 0
    out.write_text("keep me")
    assert main(["--db", db, "export", "--format", "eval", "--out", str(out)]) == 2
    assert "NL-EXPORT-EXISTS" in capsys.readouterr().err and out.read_text() == "keep me"
    assert main(["--db", db, "export", "--format", "eval", "--out", str(out), "--force"]) == 0
    assert out.read_text() != "keep me"
