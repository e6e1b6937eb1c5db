"""`brief`: a situation report of a story or an actor, every line footnoted to its sources."""

from __future__ import annotations

from pathlib import Path

import click

from newsledger.cli.common import ledger


def register(cli):
    cli.add_command(brief)


@click.command()
@click.option("--story", help="A story id (`newsledger stories`).")
@click.option("--actor", help="An actor's name or spelling.")
@click.option("--since", help="Only records on or after YYYY[-MM[-DD]].")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (required for pdf).")
@click.pass_context
def brief(ctx, story, actor, since, fmt, out):
    """Assemble a brief from the ledger: key events, statements, contradictions, framing."""
    from newsledger.export import brief as b

    report = b.build(ledger(ctx), story=story, actor=actor, since=since)
    if fmt == "pdf":
        if not out:
            raise click.UsageError("--format pdf writes a file: give --out FILE.pdf")
        click.echo(f"{b.to_pdf(report, out)}", err=True)
        return
    text = b.to_markdown(report) if fmt == "md" else b.to_html(report)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"{len(report.notes)} sources cited -> {out}", err=True)
    else:
        click.echo(text, nl=False)
