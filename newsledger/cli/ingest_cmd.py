"""`ingest` and `stats`."""

from __future__ import annotations

import click
from rich.console import Console

from newsledger.cli.common import ledger
from newsledger.cli.progress import IngestProgress
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, count_items
from newsledger.nlp import MODELS


def register(cli):
    cli.add_command(ingest)
    cli.add_command(stats)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--model",
    type=click.Choice(sorted(MODELS)),
    default="md",
    show_default=True,
    help="spaCy pipeline: md (accurate) or sm (fast).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 1024),
    default=None,
    help="Processes running the NLP pipeline [default: 1; with --ray, one Ray actor per CPU of the cluster].",
)
@click.option(
    "--ray",
    "ray",
    metavar="ADDRESS",
    default=None,
    help="Run the NLP on Ray: 'local' starts Ray on this machine, 'auto' joins the "
    "cluster of `ray start`, or ray://host:port (see docs/distributed.md).",
)
@click.option(
    "--reprocess",
    is_flag=True,
    help="Re-run the extractors on these articles (or, without PATHs, on every "
    "stored article of an older pipeline version).",
)
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest single article accepted.",
)
@click.option(
    "--no-analyze",
    "no_analyze",
    is_flag=True,
    help="Skip the cross-report pass (merged events, contradictions, stories); "
    "run `newsledger analyze` after the last batch.",
)
@click.pass_context
def ingest(ctx, paths, model, workers, ray, reprocess, max_bytes, no_analyze):
    """Read articles (files, folders, or - for stdin) into the ledger."""
    if not paths and not reprocess:
        raise click.UsageError("give at least one PATH (a file, a folder, or - for stdin)")
    err = Console(stderr=True)
    led = ledger(ctx, model, create=bool(paths))
    # without PATHs, --reprocess redoes the articles of an older pipeline: stats' "stale"
    total = count_items(paths) if paths else led.stats()["stale"]
    with IngestProgress(err, total) as progress:
        if paths:
            rep = led.ingest(
                paths,
                reprocess=reprocess,
                workers=workers,
                max_bytes=max_bytes,
                analyze=not no_analyze,
                on_item=progress.tick,
                ray=ray,
            )
        else:
            rep = led.reprocess(workers=workers, analyze=not no_analyze, on_item=progress.tick, ray=ray)
    c = led.stats()
    click.echo(
        f"{rep.stored} new, {rep.reprocessed} reprocessed, {rep.unchanged} already in the "
        f"ledger, {len(rep.problems)} skipped -> {led.path}"
    )
    click.echo(
        f"ledger: {c['documents']} articles, {c['entities']} actors, {c['mentions']} "
        f"mentions, {c['quotes']} quotes, {c['timexes']} dates, {c['events']} events, "
        f"{c['claims']} claims"
    )
    if no_analyze and led.analysis_stale():
        click.echo(
            "the cross-report tables (stories, merged events, contradictions) are not "
            "up to date: run `newsledger analyze` after the last batch"
        )
    for p in rep.partial:  # stored, but some stages were skipped: say which
        click.echo(f"partial: {p}", err=True)
    if rep.stale:
        click.echo(
            f"{rep.stale} stored articles were made by an older pipeline: "
            "`newsledger ingest --reprocess` brings them up to date"
        )
    if rep.problems:
        ctx.exit(1)


@click.command()
@click.pass_context
def stats(ctx):
    """Counts of what the ledger holds."""
    led = ledger(ctx)
    c = led.stats()
    width = max(len(k) for k in c)
    for k, v in c.items():
        click.echo(f"{k:<{width}}  {v}")
    click.echo(f"{'ledger':<{width}}  {led.path}")
