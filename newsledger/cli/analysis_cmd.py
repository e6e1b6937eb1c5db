"""Across reports: `stories`, `merged-events`, `contradictions`, `stance`, `framing`,
`timeline`, `analyze`."""

from __future__ import annotations

import json

import click
from rich.console import Console

from newsledger.cli.common import FORMAT_OPTION, emit, ledger


def register(cli):
    for cmd in (analyze, stories, merged_events, contradictions, stance, framing, timeline):
        cli.add_command(cmd)


@click.command()
@click.option("--full", is_flag=True, help="Redo every block from scratch, not only the pending articles'.")
@click.option(
    "--blocks",
    type=click.Choice(["window", "ledger", "year", "month"]),
    help="Cut the pass from now on: 'window' (the default: runs of articles with no gap wider than "
    "the linkers' date windows, months where a run is too large), 'month' or 'year' (nothing is "
    "merged across two), or 'ledger' (one block). Redoes all.",
)
@click.pass_context
def analyze(ctx, full, blocks):
    """Bring the cross-report tables up to date (ingest does this itself): the work left
    pending by new, reprocessed or deleted articles and actor corrections."""
    got = ledger(ctx).analyze(full=full, blocks=blocks)
    click.echo(", ".join(f"{k}: {v}" for k, v in got.items()))


@click.command()
@FORMAT_OPTION
@click.pass_context
def stories(ctx, fmt):
    """Articles grouped by story; near-duplicates (syndicated copies) marked."""
    rows = []
    for s in ledger(ctx).stories():
        for a in s["articles"]:
            dup = f"copy of {a['duplicate_of'][:10]} ({a['similarity']})" if a["duplicate_of"] else ""
            rows.append(
                {
                    "story": s["id"],
                    "size": s["size"],
                    "published": a["published"],
                    "article": a["name"],
                    "outlet": a["outlet"],
                    "title": a["title"],
                    "duplicate": dup,
                }
            )
    emit(
        rows,
        ["story", "size", "published", "article", "outlet", "title", "duplicate"],
        fmt,
        title=f"{len({r['story'] for r in rows})} stories, {len(rows)} articles",
    )


@click.command("merged-events")
@click.option(
    "--min-reports",
    type=int,
    default=1,
    show_default=True,
    help="Only events reported at least this many times.",
)
@FORMAT_OPTION
@click.pass_context
def merged_events(ctx, min_reports, fmt):
    """Real-world events (merged across reports), each with its number of reports."""
    rows = ledger(ctx).merged_events(min_reports=min_reports)
    for r in rows:
        r["sources"] = "; ".join(sorted({f"{x['outlet'] or '?'}:{x['doc_name']}" for x in r["report_list"]}))
        r.pop("report_list")
    emit(
        rows,
        ["date", "type", "source_name", "target_name", "reports", "label", "sources"],
        fmt,
        title=f"{len(rows)} events, {sum(r['reports'] for r in rows)} reports",
    )


@click.command()
@FORMAT_OPTION
@click.pass_context
def contradictions(ctx, fmt):
    """Facts reported with conflicting values, each side with its outlet and sentence."""
    rows = ledger(ctx).contradictions()
    if fmt != "table":
        emit(rows, ["subject_name", "predicate", "values", "docs", "sides"], fmt)
        return
    con = Console()
    con.print(f"[bold]{len(rows)} contradictions[/bold]")
    for c in rows:
        con.print(
            f"\n[bold]{c['subject_name']}[/bold] · {c['predicate']}: {' vs '.join(c['values'])}",
            highlight=False,
        )
        for s in c["sides"]:
            how = f" (derived: {s['derived']})" if s.get("derived") else ""
            how += f" (of {s['body']})" if s.get("body") else ""
            con.print(
                f"  [cyan]{s['value']}[/cyan]{how} — {s['outlet'] or '?'} "
                f"{s['doc_name']} ({s['published'] or 'undated'}): {s['sentence'].strip()}",
                highlight=False,
            )


@click.command()
@click.option("--actor", required=True, help="Actor's name (any spelling the ledger knows).")
@click.option("--issue", help="Issue id (see newsledger/analyze/data/issues.yaml).")
@FORMAT_OPTION
@click.pass_context
def stance(ctx, actor, issue, fmt):
    """An actor's stance on tracked issues, statement by statement, in date order."""
    rows = ledger(ctx).stance(actor, issue)
    emit(
        rows,
        ["date", "issue", "stance", "actor_name", "record", "cue", "text", "doc_name", "outlet"],
        fmt,
        title=f"{len(rows)} statements by {actor}",
    )


@click.command()
@FORMAT_OPTION
@click.pass_context
def framing(ctx, fmt):
    """Loaded vs neutral terms per outlet (lexicon: newsledger/analyze/data/framing.yaml)."""
    rows = ledger(ctx).framing()
    for r in rows:
        r["frames"] = (
            json.dumps(r["frames"]) if fmt == "csv" else ", ".join(f"{k}={v}" for k, v in r["frames"].items())
        )
        r["terms"] = ", ".join(r["terms"][:6])
    emit(rows, ["outlet", "concept", "loaded_share", "frames", "terms"], fmt, title="framing by outlet")


@click.command()
@click.option("--actor", help="Events and statements of this actor (as doer, target or speaker).")
@click.option("--story", help="Everything in this story (an id from `newsledger stories`).")
@FORMAT_OPTION
@click.pass_context
def timeline(ctx, actor, story, fmt):
    """What happened, in the order it happened (not the order it was reported)."""
    if not actor and not story:
        raise click.UsageError("give --actor NAME or --story ID")
    rows = ledger(ctx).timeline(actor=actor, story=story)
    for r in rows:
        r["sources"] = "; ".join(r["sources"])
    emit(
        rows,
        ["date", "basis", "kind", "who", "target", "what", "reports", "sources", "note"],
        fmt,
        title=f"{len(rows)} entries",
    )
