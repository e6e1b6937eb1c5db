"""The command line: a thin click layer over ``newsledger.Ledger``.

Every ``*_cmd`` module in this package defines ``register(group)``, so each
stage's commands live in a module of their own and adding one needs no edit
here.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from newsledger import __version__
from newsledger.errors import NewsledgerError

COMMAND_MODULES = sorted(
    f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    envvar="NEWSLEDGER_DB",
    default="newsledger.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The ledger file (or $NEWSLEDGER_DB).",
)
@click.version_option(__version__, prog_name="newsledger")
@click.pass_context
def cli(ctx, db):
    """newsledger: who said and did what, when and where, from many news reports."""
    ctx.obj = {"db": db}


for _m in COMMAND_MODULES:
    importlib.import_module(_m).register(cli)


def main(argv=None) -> int:
    try:
        return cli.main(args=argv, prog_name="newsledger", standalone_mode=False) or 0
    except NewsledgerError as e:
        click.echo(f"error: {e}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("interrupted: every article stored so far is complete; rerun to resume.", err=True)
        return 130
    except click.ClickException as e:
        e.show()
        return e.exit_code


if __name__ == "__main__":
    sys.exit(main())
