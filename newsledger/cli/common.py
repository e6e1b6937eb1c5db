"""Helpers the commands share: opening the ledger, printing rows."""
from __future__ import annotations

import csv
import json
import sys

import click
from rich.console import Console
from rich.table import Table


def ledger(ctx, model: str | None = None):
    from newsledger.ledger import Ledger
    kwargs = {"model": model} if model else {}
    return Ledger(ctx.obj["db"], **kwargs)


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


FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]),
                             default="table", show_default=True)
