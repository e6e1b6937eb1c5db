"""`actors` and `actor NAME`: who is in the ledger, under which spellings and roles."""
from __future__ import annotations

import json

import click
from rich.console import Console

from newsledger.cli.common import FORMAT_OPTION, emit, ledger


def register(cli):
    cli.add_command(actors)
    cli.add_command(actor)


@click.command()
@click.option("--type", "typ", help="PERSON, ORG, GPE, LOC, FAC, NORP (or a KB type: armed_group ...).")
@click.option("--search", help="Part of a name, any spelling.")
@click.option("--limit", type=int)
@FORMAT_OPTION
@click.pass_context
def actors(ctx, typ, search, limit, fmt):
    """Actors of the ledger with their mention and article counts."""
    rows = ledger(ctx).actors(type=typ, search=search, limit=limit)
    emit(rows, ["id", "name", "type", "kb_id", "mentions", "articles", "aliases"], fmt,
         title=f"{len(rows)} actors")


@click.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def actor(ctx, name, fmt):
    """One actor by any spelling: aliases seen, roles, first/last seen, quotes, events, outlets."""
    found = ledger(ctx).actor(name)
    if not found:
        raise click.ClickException(f"no actor in the ledger is called {name!r}; "
                                   "try `newsledger actors --search` with part of the name")
    if fmt == "json":
        for p in found:
            click.echo(json.dumps(p, ensure_ascii=False, default=str))
        return
    con = Console()
    for p in found:
        con.print(f"[bold]{p['name']}[/bold]  id={p['id']} type={p['type']}"
                  f"{' kb=' + p['kb_type'] if p.get('kb_type') else ''}", highlight=False)
        _line(con, "spellings", ", ".join(f"{t} ({n})" for t, n in p["aliases"]))
        _line(con, "described as", ", ".join(f"{t} ({n})" for t, n in p["descriptions"]))
        _line(con, "roles", "; ".join(p["roles"]))
        _line(con, "affiliations", "; ".join(p["affiliations"]))
        _line(con, "seen", f"{p['first_seen'] or '?'} to {p['last_seen'] or '?'} "
                           f"in {p['articles']} article(s)")
        _line(con, "quotes / events", f"{p['quotes']} / {p['events']}")
        _line(con, "outlets", ", ".join(f"{o} ({n})" for o, n in p["outlets"]))
        if p.get("geo"):
            _line(con, "place", json.dumps(p["geo"], ensure_ascii=False))


def _line(con: Console, label: str, value: str) -> None:
    if value:
        con.print(f"  {label:<16}{value}", highlight=False)
