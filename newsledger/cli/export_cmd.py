"""`export`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newsledger.cli.common import ledger
from newsledger.errors import ExportError
from newsledger.export import DIRECTORY_FORMATS, FORMATS, export as do_export
from newsledger.export.tables import CSV_TABLES


def register(cli):
    cli.add_command(export)


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(), help="File to write (default: stdout); for parquet the "
              "directory that gets one file per table (required).")
@click.option("--table", type=click.Choice(CSV_TABLES), default="quotes", show_default=True,
              help="Which table a CSV export writes.")
@click.option("--mode", "mode", default=None, metavar="MODES",
              help="gdelt: comma-separated event modes to count, or all (default: asserted).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="gdelt: leave out events less confident than this (default: "
                   "events_query.DEFAULT_MIN_CONFIDENCE, precision >= 0.8).")
@click.pass_context
def export(ctx, fmt, out, table, mode, min_confidence):
    """Write the ledger as eval records (SCHEMA.md), JSONL, CSV, a GDELT events table or Parquet."""
    led = ledger(ctx)
    extra = {}
    if fmt == "gdelt":
        from newsledger.store.events_query import parse_modes
        try:
            extra = {"modes": parse_modes(mode), "min_confidence": min_confidence}
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--mode") from None
    if fmt in DIRECTORY_FORMATS:
        if not out:
            raise ExportError(f"--format {fmt} writes one file per table: give --out DIR",
                              code="NL-EXPORT-OUT")
        n = do_export(led.store, fmt, out)
        click.echo(f"{n} rows -> {out}/", err=True)
    elif out:
        if Path(out).is_dir():
            raise click.BadParameter(f"{out} is a directory; give a file path", param_hint="--out")
        with open(out, "w", encoding="utf-8", newline="") as f:
            n = do_export(led.store, fmt, f, table=table, **extra)
        click.echo(f"{n} records -> {out}", err=True)
    else:
        do_export(led.store, fmt, sys.stdout, table=table, **extra)
