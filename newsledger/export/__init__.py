"""Exports: eval (SCHEMA.md), JSONL, CSV, GDELT (events, tab-separated), Parquet (a directory)."""

import json
from typing import IO

from newsledger.errors import ExportError
from newsledger.export import eval as eval_export
from newsledger.export.tables import jsonl_records, write_csv
from newsledger.store.db import Store

FORMATS = ("eval", "jsonl", "csv", "gdelt", "parquet")
DIRECTORY_FORMATS = ("parquet",)  # `out` is a directory path, not a text stream


def export(store: Store, fmt: str, out: IO[str], *, table: str = "quotes", **events_filter) -> int:
    """Write the ledger in a format; returns the number of records written.

    For parquet `out` is the directory that gets one file per table."""
    if fmt == "parquet":
        from newsledger.export.parquet import write_parquet

        return sum(write_parquet(store, out).values())
    if fmt == "csv":
        return write_csv(store, table, out)
    if fmt == "gdelt":
        from newsledger.export.gdelt import write_gdelt

        return write_gdelt(store, out, **events_filter)  # modes, min_confidence
    if fmt == "eval":
        recs = eval_export.records(store)
    elif fmt == "jsonl":
        recs = jsonl_records(store)
    else:
        raise ExportError(
            f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", code="NL-EXPORT-FORMAT"
        )
    n = 0
    for rec in recs:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
