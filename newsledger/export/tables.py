"""JSONL (one document with all its records per line) and CSV (one table) exports."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO

from newsledger.errors import ExportError
from newsledger.store.db import RECORD_TABLES, Store

CSV_TABLES = ("documents",) + RECORD_TABLES[1:] + ("entities",)


def jsonl_records(store: Store) -> Iterator[dict]:
    for doc in store.query("SELECT * FROM documents ORDER BY name"):
        doc["excluded"] = store.records("excluded_spans", doc["id"])
        for table in RECORD_TABLES[1:]:
            doc[table] = store.records(table, doc["id"])
        yield doc


def write_csv(store: Store, table: str, out: IO[str]) -> int:
    if table not in CSV_TABLES:
        raise ExportError(
            f"no table {table!r}; choose one of {', '.join(CSV_TABLES)}", code="NL-EXPORT-TABLE"
        )
    order = "name" if table == "documents" else "id"
    rows = store.query(f"SELECT * FROM {table} ORDER BY {order}")
    if table == "documents":
        for r in rows:
            r.pop("text", None)  # CSV is for spreadsheets: the text stays in the ledger
    keys: list[str] = []
    for r in rows:
        keys.extend(k for k in r if k not in keys)
    w = csv.DictWriter(out, fieldnames=keys, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}
        )
    return len(rows)
