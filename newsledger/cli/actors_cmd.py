"""`actors` and `actor NAME`: who is in the ledger, under which spellings and roles;
`actor merge|split|decisions`: the analyst's corrections (kb/decisions.py)."""

from __future__ import annotations

import json

import click
from rich.console import Console

from newsledger.cli.common import FORMAT_OPTION, emit, ledger


def register(cli):
    cli.add_command(actors)
    cli.add_command(actor)


class _ShowByDefault(click.Group):
    """`actor NAME` shows an actor; `actor merge ...` and the other subcommands act."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@click.command()
@click.option("--type", "typ", help="PERSON, ORG, GPE, LOC, FAC, NORP (or a KB type: armed_group ...).")
@click.option("--search", help="Part of a name, any spelling.")
@click.option("--limit", type=int)
@click.option(
    "--suspect",
    is_flag=True,
    help="Only actors most likely merged wrongly (several given names under one "
    "surname, mixed kinds, places of different levels, one name held by several).",
)
@FORMAT_OPTION
@click.pass_context
def actors(ctx, typ, search, limit, suspect, fmt):
    """Actors of the ledger with their mention and article counts."""
    if suspect:
        from newsledger.kb.links import suspects

        rows = suspects(ledger(ctx).store, limit)
        emit(rows, ["id", "name", "reason", "mentions", "detail"], fmt, title=f"{len(rows)} suspect actors")
        return
    rows = ledger(ctx).actors(type=typ, search=search, limit=limit)
    emit(
        rows,
        ["id", "name", "type", "kb_id", "mentions", "articles", "aliases"],
        fmt,
        title=f"{len(rows)} actors",
    )


@click.group(cls=_ShowByDefault)
def actor():
    """One actor by any spelling (`actor NAME`), or a correction of the actors."""


@actor.command("merge")
@click.argument("keep")
@click.argument("other")
@click.option("--by", help="Who decided (kept in the decision log).")
@click.option("--note", help="Why.")
@click.pass_context
def merge_cmd(ctx, keep, other, by, note):
    """OTHER is the same actor as KEEP: merged now and in every later ingest."""
    from newsledger.kb import decisions

    d = decisions.merge(ledger(ctx.find_root()).store, keep, other, by=by, note=note)
    click.echo(f"decision {d['id']}: {d['other']} merged into {d['actor']}")


@actor.command("split")
@click.argument("name_of_actor", metavar="ACTOR")
@click.option("--name", "spelling", required=True, help="The spelling that is another actor.")
@click.option("--by", help="Who decided (kept in the decision log).")
@click.option("--note", help="Why.")
@click.pass_context
def split_cmd(ctx, name_of_actor, spelling, by, note):
    """Mentions of ACTOR spelled --name are another actor, now and in every later ingest."""
    from newsledger.kb import decisions

    d = decisions.split(ledger(ctx.find_root()).store, name_of_actor, spelling, by=by, note=note)
    click.echo(f"decision {d['id']}: {spelling!r} split from {d['actor']} as {d['new_id']}")


@actor.command("decisions")
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False),
    help="Write the decisions as a user KB file (YAML) for NEWSLEDGER_KB.",
)
@FORMAT_OPTION
@click.pass_context
def decisions_cmd(ctx, export_path, fmt):
    """The log of corrections: when, what, by whom."""
    from newsledger.kb import decisions

    store = ledger(ctx.find_root()).store
    if export_path:
        with open(export_path, "w", encoding="utf-8") as f:
            f.write(decisions.export(store))
        click.echo(f"wrote {export_path}")
        return
    rows = decisions.decisions(store)
    emit(
        rows,
        ["id", "created_at", "action", "actor", "other", "name", "new_id", "decided_by", "note"],
        fmt,
        title=f"{len(rows)} decisions",
    )


@actor.command("show")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx, name, fmt):
    """One actor by any spelling: aliases seen, roles, first/last seen, quotes, events, outlets."""
    found = ledger(ctx.find_root()).actor(name)
    if not found:
        raise click.ClickException(
            f"no actor in the ledger is called {name!r}; "
            "try `newsledger actors --search` with part of the name"
        )
    if fmt == "json":
        for p in found:
            click.echo(json.dumps(p, ensure_ascii=False, default=str))
        return
    con = Console()
    for p in found:
        con.print(
            f"[bold]{p['name']}[/bold]  id={p['id']} type={p['type']}"
            f"{' kb=' + p['kb_type'] if p.get('kb_type') else ''}",
            highlight=False,
        )
        _line(con, "spellings", ", ".join(f"{t} ({n})" for t, n in p["aliases"]))
        _line(con, "described as", ", ".join(f"{t} ({n})" for t, n in p["descriptions"]))
        _line(con, "roles", "; ".join(p["roles"]))
        _line(con, "affiliations", "; ".join(p["affiliations"]))
        _line(
            con, "seen", f"{p['first_seen'] or '?'} to {p['last_seen'] or '?'} in {p['articles']} article(s)"
        )
        _line(con, "quotes / events", f"{p['quotes']} / {p['events']}")
        _line(con, "outlets", ", ".join(f"{o} ({n})" for o, n in p["outlets"]))
        if p.get("geo"):
            _line(con, "place", json.dumps(p["geo"], ensure_ascii=False))
        _line(
            con,
            "possibly same as",
            "; ".join(
                f"{x['name']} ({x['id']}, {x['score']:.2f}, {x['reason']})"
                for x in p.get("possibly_same", [])[:10]
            ),
        )


def _line(con: Console, label: str, value: str) -> None:
    if value:
        con.print(f"  {label:<16}{value}", highlight=False)
