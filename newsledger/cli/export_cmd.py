"""`export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsledger.cli.common import ledger
from newsledger.errors import ExportError
from newsledger.export import DIRECTORY_FORMATS, FORMATS
from newsledger.export import export as do_export
from newsledger.export.tables import CSV_TABLES


def register(cli):
    cli.add_command(export)


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option(
    "--out",
    type=click.Path(),
    help="File to write (default: stdout); for parquet the "
    "directory that gets one file per table (required). Missing folders are created.",
)
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option(
    "--table",
    type=click.Choice(CSV_TABLES),
    default="quotes",
    show_default=True,
    help="Which table a CSV export writes.",
)
@click.option(
    "--mode",
    "mode",
    default=None,
    metavar="MODES",
    help="gdelt: comma-separated event modes to count, or all (default: asserted).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help="gdelt: leave out events less confident than this (default: "
    "events_query.DEFAULT_MIN_CONFIDENCE, precision >= 0.8).",
)
@click.pass_context
def export(ctx, fmt, out, force, table, mode, min_confidence):
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
            raise ExportError(
                f"--format {fmt} writes one file per table: give --out DIR", code="NL-EXPORT-OUT"
            )
        _check_out(Path(out), force, directory=True)
        n = do_export(led.store, fmt, out)
        click.echo(f"{n} rows -> {out}/", err=True)
    elif out:
        _check_out(Path(out), force, directory=False)
        with open(out, "w", encoding="utf-8", newline="") as f:
            n = do_export(led.store, fmt, f, table=table, **extra)
        click.echo(f"{n} records -> {out}", err=True)
    else:
        do_export(led.store, fmt, sys.stdout, table=table, **extra)


def _check_out(out: Path, force: bool, *, directory: bool) -> None:
    """Refuse to overwrite without --force; create the folders it needs."""
    if out.is_dir() and not directory:
        raise ExportError(f"{out} is a directory; give a file path to --out", code="NL-EXPORT-OUT")
    if out.exists() and not out.is_dir() and directory:
        raise ExportError(f"{out} is a file; give a directory to --out", code="NL-EXPORT-OUT")
    taken = out.exists() and (not directory or any(out.iterdir()))
    if taken and not force:
        raise ExportError(
            f"{out} already exists; pass --force to overwrite it or choose another --out",
            code="NL-EXPORT-EXISTS",
        )
    parent = out if directory else out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(
            f"cannot create the folder {parent} ({e.strerror or e}); choose another --out",
            code="NL-EXPORT-OUT",
        ) from None
