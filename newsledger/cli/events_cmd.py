"""`events`: who did what to whom, with the sentence that says so."""
from __future__ import annotations

import click

from newsledger.cli.common import FORMAT_OPTION, emit, ledger
from newsledger.extract.events.lexicon import PLOVER_TYPES

COLUMNS = ["when", "type", "cameo", "source_name", "target_name", "location", "flags",
           "sentence", "doc_name"]


def register(cli):
    cli.add_command(events)


@click.command()
@click.option("--actor", help="Source or target actor (any spelling the ledger knows).")
@click.option("--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False),
              help="PLOVER event type.")
@click.option("--since", help="On or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="On or before this date.")
@click.option("--all", "include_unreal", is_flag=True,
              help="Also list negated and hypothetical acts (marked in `flags`).")
@click.option("--limit", type=int)
@FORMAT_OPTION
@click.pass_context
def events(ctx, actor, type_, since, until, include_unreal, limit, fmt):
    """Coded events (PLOVER type, CAMEO code) with their actors, date, place and sentence."""
    rows = ledger(ctx).events(actor=actor, type_=type_, since=since, until=until,
                              include_unreal=include_unreal, limit=limit)
    for r in rows:
        r["flags"] = ",".join([f for f in ("negated", "hypothetical") if r.get(f)] +
                              [f"{side} from other reports" for side in r.get("implied", ())])
    emit(rows, COLUMNS, fmt, title=f"{len(rows)} events")
