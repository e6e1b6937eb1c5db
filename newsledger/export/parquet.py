"""Parquet export: one file per table, typed columns, written in row batches.

Column types follow the SQLite declarations (INTEGER -> int64, REAL ->
float64, everything else string); ``attrs`` stays the JSON string it is in the
ledger, so a reader decodes it with its JSON function (DuckDB ``json``, pandas
``json.loads``). Rows are read straight from SQLite, not through
``Store.query`` (which would unpack attrs into loose fields).
"""

from __future__ import annotations

import io
from pathlib import Path

from newsledger.errors import ExportError
from newsledger.store.db import Store

# Per-article tables, then the cross-report tables the analysis derives from them.
TABLES = (
    "documents",
    "document_sources",
    "entities",
    "excluded_spans",
    "mentions",
    "quotes",
    "timexes",
    "events",
    "claims",
    "event_clusters",
    "event_arguments",
    "contradictions",
    "stories",
    "story_docs",
    "stances",
)
BATCH_ROWS = 5000


def _arrow_type(declared: str):
    import pyarrow as pa

    t = (declared or "").upper()
    if "INT" in t:
        return pa.int64()
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return pa.float64()
    return pa.string()


def schema(store: Store, table: str):
    import pyarrow as pa

    cols = store.db.execute(f"PRAGMA table_info({table})").fetchall()
    if not cols:
        raise ExportError(
            f"the ledger has no table {table!r}; run `newsledger stats` to check "
            "the file is a newsledger database",
            code="NL-EXPORT-TABLE",
        )
    return pa.schema([pa.field(c[1], _arrow_type(c[2])) for c in cols])


def write_table(store: Store, table: str, where) -> int:
    """Write one table to a path or binary file object; returns its number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table not in TABLES:
        raise ExportError(
            f"no table {table!r} to export; choose one of {', '.join(TABLES)}", code="NL-EXPORT-TABLE"
        )
    sch = schema(store, table)
    names = ", ".join(f'"{n}"' for n in sch.names)
    cur = store.db.execute(f"SELECT {names} FROM {table} ORDER BY rowid")
    n = 0
    with pq.ParquetWriter(where, sch, compression="zstd") as w:
        while rows := cur.fetchmany(BATCH_ROWS):
            cols = [
                pa.array([_cell(r[i], sch.field(i).type) for r in rows], type=sch.field(i).type)
                for i in range(len(sch.names))
            ]
            w.write_table(pa.Table.from_arrays(cols, schema=sch))
            n += len(rows)
    return n


def _cell(v, typ):
    """SQLite is loosely typed: a number column may hold text; what is no number becomes null."""
    import pyarrow as pa

    if v is None:
        return None
    if typ == pa.string():
        return v if isinstance(v, str) else str(v)
    if typ == pa.int64() and isinstance(v, int):
        return v
    if typ == pa.float64() and isinstance(v, (int, float)):
        return float(v)
    try:
        return int(v) if typ == pa.int64() else float(v)
    except (TypeError, ValueError):
        return None


def write_parquet(store: Store, out_dir) -> dict[str, int]:
    """One ``<table>.parquet`` per table in `out_dir` (created); rows written per table."""
    if out_dir is None or hasattr(out_dir, "write"):
        raise ExportError(
            "Parquet writes one file per table into a directory: give --out DIR", code="NL-EXPORT-OUT"
        )
    folder = Path(out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportError(
            f"{folder} is a file; Parquet needs a directory for its files: "
            "give --out a new or existing directory",
            code="NL-EXPORT-OUT",
        )
    folder.mkdir(parents=True, exist_ok=True)
    return {t: write_table(store, t, str(folder / f"{t}.parquet")) for t in TABLES}


def table_bytes(store: Store, table: str) -> bytes:
    buf = io.BytesIO()
    write_table(store, table, buf)
    return buf.getvalue()
