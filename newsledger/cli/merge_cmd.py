"""`merge-ledgers`: one ledger from ledgers built apart (per period, per corpus shard)."""

from __future__ import annotations

import click

from newsledger.cli.common import require_db


def register(cli):
    cli.add_command(merge_ledgers)


@click.command("merge-ledgers")
@click.argument("ledgers", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False), help="The new, merged ledger.")
def merge_ledgers(ledgers, out):
    """Merge LEDGERS into a new one: articles once per content hash, actors unified,
    analysts' decisions carried over, cross-report tables rebuilt. The inputs are only read."""
    from newsledger.ledger import merge_ledgers as merge

    for p in ledgers:
        require_db(p)
    got = merge(list(ledgers), out)
    analysis = got.pop("analysis")
    click.echo(", ".join(f"{k}: {v}" for k, v in got.items()))
    click.echo("analysis: " + ", ".join(f"{k}: {v}" for k, v in analysis.items()))
