"""`feedback`: mark a record wrong or confirmed (with a note), and list the marks."""

from __future__ import annotations

import click

from newsledger.cli.common import FORMAT_OPTION, emit, ledger
from newsledger.store import feedback as fb


def register(cli):
    cli.add_command(feedback)


@click.group()
def feedback():
    """The analyst's marks on quotes, events, contradictions and actors."""


@feedback.command("mark")
@click.argument("kind", type=click.Choice(sorted(fb.TABLES)))
@click.argument("record_id")
@click.argument("mark", type=click.Choice(fb.MARKS))
@click.option("--note", help="Why: kept with the mark.")
@click.option("--by", help="Who marks it.")
@click.pass_context
def mark_cmd(ctx, kind, record_id, mark, note, by):
    """Mark one record (ids are in the lists and exports); records marked wrong drop out of
    lists and counts until marked 'cleared' or 'confirmed'."""
    row = fb.mark(ledger(ctx).store, kind, record_id, mark, note=note, by=by)
    click.echo(f"{kind} {record_id}: {row['mark']} ({row['at']})")


@feedback.command("list")
@click.option("--kind", type=click.Choice(sorted(fb.TABLES)))
@click.option("--history", is_flag=True, help="Every mark, not only the latest per record.")
@FORMAT_OPTION
@click.pass_context
def list_cmd(ctx, kind, history, fmt):
    """The marks: the latest per record (or all of them)."""
    rows = fb.listing(ledger(ctx).store, table=kind, current=not history)
    emit(rows, ["id", "record_table", "record_id", "mark", "note", "by", "at"], fmt, title="feedback")
