"""`show` and `quotes`: reading the ledger."""

from __future__ import annotations

import click
from rich.console import Console
from rich.text import Text

from newsledger.cli.common import FORMAT_OPTION, emit, ledger

# Styles for the record kinds `show` marks in the article.
STYLES = {
    "mentions": "bold cyan",
    "quotes": "green",
    "timexes": "magenta",
    "events": "underline",
    "excluded_spans": "dim strike",
}
SPEAKER_STYLE = "bold green reverse"
CUE_STYLE = "italic green"


def _quote_line(n: int, q: dict) -> Text:
    """One quote as `n. Speaker (+ co-speakers) [kind, cue, medium, date, conf]: text`."""
    line = Text(f"  {n}. ")
    if q["speaker_name"]:
        line.append(q["speaker_name"], style="bold")
    else:
        line.append("unknown speaker", style="red")
    co = q.get("co_speaker_names") or []
    if co:
        line.append(" with " + ", ".join(co))
    ctx = [
        q["kind"],
        f"cue={q['cue']!r}" if q["cue"] else "no cue",
        q.get("medium"),
        q.get("date"),
        f"via {q['speaker_method']}" if q.get("speaker_method") else None,
        f"conf={q['confidence']:.2f}",
    ]
    line.append(" [" + ", ".join(c for c in ctx if c) + "]: ", style="dim")
    line.append(q["text"])
    return line


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
        raise click.ClickException(
            f"no single article matches {doc!r}; see `newsledger export "
            "--format csv --table documents` for ids and names"
        )
    con = Console()
    con.print(f"[bold]{d['title'] or '(no title)'}[/bold]  id={d['id']} name={d['name']}")
    pub = d["published"] or "unknown"
    con.print(
        f"outlet: {d['outlet'] or 'unknown'}   published: {pub} "
        f"({d['published_precision'] or '-'}, by {d['published_method'] or '-'}"
        f"{'; ' + d['published_note'] if d['published_note'] else ''})"
    )
    con.print(f"read from: {d.get('fmt') or '-'}, encoding {d.get('encoding') or 'utf-8'}", highlight=False)
    text = Text(d["text"])
    for table, style in STYLES.items():
        for r in led.store.records(table, d["id"]):
            text.stylize(style, r["start"], r["end"])
    quotes_ = led.store.records("quotes", d["id"])
    for q in quotes_:
        # Speakers and cues as written, so a reader sees who the quote was given to and why.
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            text.stylize(SPEAKER_STYLE, q["speaker_start"], q["speaker_end"])
        if q.get("cue_start") is not None and q.get("cue_end") is not None:
            text.stylize(CUE_STYLE, q["cue_start"], q["cue_end"])
    con.print(text)
    con.print("\n[bold]Quotes[/bold]")
    for n, q in enumerate(quotes_, 1):
        con.print(_quote_line(n, q), highlight=False)
    marks = {**STYLES, "speakers": SPEAKER_STYLE, "cues": CUE_STYLE}
    legend = "  ".join(f"[{s}]{t}[/{s}]" for t, s in marks.items())
    con.print(f"\nmarked: {legend}")


@click.command()
@click.option("--speaker", help="Speaker's name (any spelling the ledger knows; co-speakers count).")
@click.option("--search", help="Full-text search in the quote's words.")
@click.option(
    "--since",
    help="Said on or after this date (YYYY[-MM[-DD]]; the article's date where the text gives none).",
)
@click.option("--until", help="Said on or before this date.")
@click.option("--limit", type=int)
@FORMAT_OPTION
@click.pass_context
def quotes(ctx, speaker, search, since, until, limit, fmt):
    """Who said what: quotes with speaker, cue, kind, medium and source."""
    rows = ledger(ctx).quotes(speaker=speaker, search=search, since=since, until=until, limit=limit)
    for r in rows:
        r["date"] = r.get("date") or r.get("published")
        r["speakers"] = "; ".join([r.get("speaker_name") or "?", *(r.get("co_speaker_names") or [])])
    cols = ["date", "speakers", "kind", "cue", "medium", "text", "doc_name", "outlet", "confidence"]
    if fmt == "jsonl":
        cols = None
    emit(rows, cols or [], fmt, title=f"{len(rows)} quotes")
