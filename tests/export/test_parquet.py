"""Parquet export: one typed file per table, equal to the SQLite tables."""

from __future__ import annotations

import sqlite3

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsledger.cli import main
from newsledger.errors import ExportError
from newsledger.export import export
from newsledger.export.parquet import TABLES
from newsledger.store import Store
from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    client, _ = ledger_client(tmp_path_factory, "parquet")
    return client.app.state.db_path


def test_round_trip(db, tmp_path):
    store = Store(db)
    n = export(store, "parquet", str(tmp_path / "pq"))
    con = sqlite3.connect(db)
    total = 0
    for t in TABLES:
        rows = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        assert pq.read_table(tmp_path / "pq" / f"{t}.parquet").num_rows == rows, t
        total += rows
    assert n == total
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    want = con.execute(
        'SELECT doc_id, start, "end", text, confidence, attrs FROM quotes ORDER BY rowid'
    ).fetchall()
    assert [
        (q["doc_id"], q["start"], q["end"], q["text"], q["confidence"], q["attrs"]) for q in quotes
    ] == want
    store.close()


def test_columns_are_typed(db, tmp_path):
    export(Store(db), "parquet", str(tmp_path))
    sch = pq.read_schema(tmp_path / "events.parquet")
    assert sch.field("start").type == pa.int64()
    assert sch.field("confidence").type == pa.float64()
    assert sch.field("goldstein").type == pa.float64()
    assert sch.field("text").type == pa.string() and sch.field("attrs").type == pa.string()
    docs = pq.read_table(tmp_path / "documents.parquet")
    assert sorted(docs.column("name").to_pylist()) == ["harbour-1", "valley-1"]
    assert docs.schema.field("chars").type == pa.int64()


def test_needs_a_directory(db, tmp_path):
    with pytest.raises(ExportError) as e:
        export(Store(db), "parquet", None)
    assert e.value.code == "NL-EXPORT-OUT"
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError):
        export(Store(db), "parquet", str(tmp_path / "file"))


def test_cli_requires_out(db, tmp_path, capsys):
    assert main(["--db", db, "export", "--format", "parquet"]) == 2
    assert "NL-EXPORT-OUT" in capsys.readouterr().err
    assert main(["--db", db, "export", "--format", "parquet", "--out", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "stories.parquet").exists()
