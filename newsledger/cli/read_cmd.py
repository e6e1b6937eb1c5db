"""`show` and `quotes`: reading the ledger."""
from __future__ import annotations

import click
from rich.console import Console
from rich.text import Text

from newsledger.cli.common import FORMAT_OPTION, emit, ledger

# Styles for the record kinds `show` marks in the article.
STYLES = {"mentions": "bold cyan", "quotes": "green", "timexes": "magenta", "events": "underline",
          "excluded_spans": "dim strike"}


def register(cli):
    cli.add_command(show)
    cli.add_command(quotes)


@click.command()
@click.argument("doc")
@click.pass_context
def show(ctx, doc):
    """An article with its extractions marked (DOC: id, name or id prefix)."""
    led = ledger(ctx)
    d = led.document(doc)
    if d is None:
        raise click.ClickException(f"no single article matches {doc!r}; see `newsledger export "
                                   "--format csv --table documents` for ids and names")
    con = Console()
    con.print(f"[bold]{d['title'] or '(no title)'}[/bold]  id={d['id']} name={d['name']}")
    pub = d["published"] or "unknown"
    con.print(f"outlet: {d['outlet'] or 'unknown'}   published: {pub} "
              f"({d['published_precision'] or '-'}, by {d['published_method'] or '-'}"
              f"{'; ' + d['published_note'] if d['published_note'] else ''})")
    text = Text(d["text"])
    for table, style in STYLES.items():
        for r in led.store.records(table, d["id"]):
            text.stylize(style, r["start"], r["end"])
    con.print(text)
    con.print("\n[bold]Quotes[/bold]")
    for q in led.store.records("quotes", d["id"]):
        who = q["speaker_name"] or "[red]unknown speaker[/red]"
        con.print(f"  {who} ({q['kind']}, cue={q['cue']!r}, conf={q['confidence']:.2f}): "
                  f"{q['text']}", highlight=False)
    legend = "  ".join(f"[{s}]{t}[/{s}]" for t, s in STYLES.items())
    con.print(f"\nmarked: {legend}")


@click.command()
@click.option("--speaker", help="Speaker's name (any spelling the ledger knows).")
@click.option("--search", help="Full-text search in the quote's words.")
@click.option("--since", help="On or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="On or before this date.")
@click.option("--limit", type=int)
@FORMAT_OPTION
@click.pass_context
def quotes(ctx, speaker, search, since, until, limit, fmt):
    """Who said what: quotes with speaker, cue, kind and source."""
    rows = ledger(ctx).quotes(speaker=speaker, search=search, since=since, until=until,
                              limit=limit)
    for r in rows:
        r["date"] = r.get("date") or r.get("published")
    emit(rows, ["date", "speaker_name", "kind", "cue", "text", "doc_name", "outlet"], fmt,
         title=f"{len(rows)} quotes")
