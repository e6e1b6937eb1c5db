"""Helpers the commands share: opening the ledger, printing rows."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from newsledger.errors import StoreError


def ledger(ctx, model: str | None = None, *, create: bool = False):
    """The ledger of --db. Only commands that write pass ``create``: a mistyped path
    given to a reading command is an error naming it, not a new empty ledger."""
    from newsledger.ledger import Ledger

    require_db(ctx.obj["db"], create=create)
    kwargs = {"model": model} if model else {}
    return Ledger(ctx.obj["db"], **kwargs)


def require_db(path: str, *, create: bool = False) -> None:
    if create or path == ":memory:" or Path(path).expanduser().exists():
        return
    raise StoreError(
        f"no ledger at {path!r}; check --db (or $NEWSLEDGER_DB), or create one "
        "with `newsledger --db PATH ingest ...`",
        code="NL-STORE-NOT-FOUND",
    )


def emit(rows: list[dict], columns: list[str], fmt: str, title: str | None = None) -> None:
    """Rows as a readable table, JSON lines or CSV."""
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        t = Table(title=title, show_lines=False)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
        Console().print(t)


FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True
)
