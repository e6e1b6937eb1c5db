"""`newsledger quotes` and the quote marking of `show`, on a small ledger of our own."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsledger.cli import main

ARTICLES = [
    {
        "id": "a1",
        "published": "2023-03-02",
        "text": "Jane Doe said on Monday that the new bridge would open in June. "
        "“We have waited long enough for this road,” Peter Hall added.",
    },
    {
        "id": "a2",
        "published": "2023-05-10",
        "text": "John Carter and Jane Doe warned that the budget could collapse before the summer.",
    },
]


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("q")
    src = tmp / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    db = str(tmp / "ledger.db")
    assert main(["--db", db, "ingest", "--model", "sm", str(src)]) == 0
    return db


def _jsonl(capsys, db, *args):
    assert main(["--db", db, "quotes", "--format", "jsonl", *args]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_all_quotes_with_speakers(capsys, ledger_db):
    rows = _jsonl(capsys, ledger_db)
    assert [(r["speaker_name"], r["text"]) for r in rows] == [
        ("Jane Doe", "the new bridge would open in June"),
        ("Peter Hall", "We have waited long enough for this road"),
        ("John Carter", "the budget could collapse before the summer"),
    ]


def test_speaker_filter_matches_a_word_of_the_name_and_co_speakers(capsys, ledger_db):
    rows = _jsonl(capsys, ledger_db, "--speaker", "Doe")
    assert [r["text"] for r in rows] == [
        "the new bridge would open in June",
        "the budget could collapse before the summer",
    ]
    assert _jsonl(capsys, ledger_db, "--speaker", "Do") == []  # whole words only


def test_search_and_dates(capsys, ledger_db):
    assert [r["speaker_name"] for r in _jsonl(capsys, ledger_db, "--search", "bridge")] == ["Jane Doe"]
    assert [r["doc_name"] for r in _jsonl(capsys, ledger_db, "--since", "2023-04")] == ["a2"]
    assert [r["doc_name"] for r in _jsonl(capsys, ledger_db, "--until", "2023-03")] == ["a1", "a1"]


def test_bad_date_is_an_error_with_a_code(capsys, ledger_db):
    assert main(["--db", ledger_db, "quotes", "--since", "2023-13"]) == 2
    assert "NL-QUERY-DATE" in capsys.readouterr().err


def test_csv_has_the_readable_columns(capsys, ledger_db):
    assert main(["--db", ledger_db, "quotes", "--format", "csv", "--speaker", "Peter Hall"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["speakers"], r["kind"], r["cue"]) for r in rows] == [("Peter Hall", "direct", "added")]


def test_show_lists_quotes_with_speaker_and_cue(capsys, ledger_db):
    assert main(["--db", ledger_db, "show", "a2"]) == 0
    out = capsys.readouterr().out
    assert "John Carter with Jane Doe [indirect, cue='warned'" in out
    assert "the budget could collapse before the summer" in out
