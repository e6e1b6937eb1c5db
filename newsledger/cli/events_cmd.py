"""`events`: who did what to whom, with the sentence that says so."""

from __future__ import annotations

import click

from newsledger.cli.common import FORMAT_OPTION, emit, ledger
from newsledger.extract.events.lexicon import PLOVER_TYPES
from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE, MODES, parse_modes

COLUMNS = [
    "when",
    "type",
    "cameo",
    "source_name",
    "target_name",
    "location",
    "flags",
    "confidence",
    "sentence",
    "doc_name",
]


def register(cli):
    cli.add_command(events)


@click.command()
@click.option("--actor", help="Source or target actor (any spelling the ledger knows).")
@click.option(
    "--type", "type_", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER event type."
)
@click.option("--since", help="On or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="On or before this date.")
@click.option(
    "--all",
    "include_unreal",
    is_flag=True,
    help="List events of every mode and confidence (same as --mode all --min-confidence 0).",
)
@click.option(
    "--mode",
    "mode",
    default=None,
    metavar="MODES",
    help="Comma-separated modes to list: " + ", ".join(MODES) + ", or all (default: asserted).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=None,
    help=f"Leave out events less confident than this (default "
    f"{DEFAULT_MIN_CONFIDENCE}: precision >= 0.8 on the judged audit sample).",
)
@click.option("--limit", type=int)
@FORMAT_OPTION
@click.pass_context
def events(ctx, actor, type_, since, until, include_unreal, mode, min_confidence, limit, fmt):
    """Coded events (PLOVER type, CAMEO code) with their actors, date, place, mode
    (asserted, reported, denied, negated, hypothetical, future) and sentence."""
    try:
        modes = None if include_unreal and not mode else parse_modes(mode)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--mode") from None
    if min_confidence is None:
        min_confidence = 0.0 if include_unreal else DEFAULT_MIN_CONFIDENCE
    rows = ledger(ctx).events(
        actor=actor,
        type_=type_,
        since=since,
        until=until,
        include_unreal=True,
        limit=limit,
        modes=modes,
        min_confidence=min_confidence,
    )
    for r in rows:
        r["flags"] = ",".join(
            [r["factuality"]] * (r.get("factuality") != "asserted")
            + [f"{side} from other reports" for side in r.get("implied", ())]
        )
    emit(rows, COLUMNS, fmt, title=f"{len(rows)} events")
