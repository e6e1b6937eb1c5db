"""`export`."""
from __future__ import annotations

import sys

import click

from newsledger.cli.common import ledger
from newsledger.export import FORMATS, export as do_export
from newsledger.export.tables import CSV_TABLES


def register(cli):
    cli.add_command(export)


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--table", type=click.Choice(CSV_TABLES), default="quotes", show_default=True,
              help="Which table a CSV export writes.")
@click.pass_context
def export(ctx, fmt, out, table):
    """Write the ledger as eval records (SCHEMA.md), JSONL, CSV or a GDELT events table."""
    led = ledger(ctx)
    if out:
        with open(out, "w", encoding="utf-8", newline="") as f:
            n = do_export(led.store, fmt, f, table=table)
        click.echo(f"{n} records -> {out}", err=True)
    else:
        do_export(led.store, fmt, sys.stdout, table=table)
