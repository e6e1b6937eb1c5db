"""`serve`: the REST API (/api) and the web UI (/) over the ledger, with uvicorn.

Writes need a bearer token: ``--token``, ``$NEWSLEDGER_TOKEN``, or the one kept
beside the ledger (LEDGER.token, 0600), made and printed on first use. Serving
beyond loopback needs an explicit token or ``--read-only``.
"""

from __future__ import annotations

import socket
from pathlib import Path

import click

from newsledger.api.tokens import (
    DEFAULT_MAX_BODY,
    LOOPBACK_NAMES,
    TOKEN_ENV,
    is_loopback,
    load_or_create_token,
    token_path,
)
from newsledger.errors import NewsledgerError
from newsledger.nlp import MODELS


def register(cli):
    cli.add_command(serve)


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on (0.0.0.0 exposes the ledger to the network: it then "
    "needs --token or --read-only).",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--model",
    type=click.Choice(sorted(MODELS)),
    default="md",
    show_default=True,
    help="spaCy pipeline for articles POSTed to /api/articles (loaded on the first one).",
)
@click.option(
    "--token",
    envvar=TOKEN_ENV,
    default=None,
    help="Bearer token that writes need (or $NEWSLEDGER_TOKEN) [default: the one in "
    "LEDGER.token, made and printed on first use].",
)
@click.option(
    "--read-only",
    "read_only",
    is_flag=True,
    help="Open the ledger read-only (SQLite mode=ro); every write is refused.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A Host name the server answers to, besides the loopback names and --host "
    "(repeatable; the names clients use to reach it).",
)
@click.option(
    "--max-body",
    type=click.IntRange(1),
    default=DEFAULT_MAX_BODY,
    show_default=True,
    help="Largest request body in bytes, refused (413) while it streams in.",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes answering in parallel (reads scale with the cores; each process "
    "loads the spaCy model on its first posted article).",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Compute every read again instead of keeping answers per ledger state.",
)
@click.pass_context
def serve(ctx, host, port, model, token, read_only, allowed_hosts, max_body, log_level, workers, no_cache):
    """Serve the ledger: web UI at /, REST API at /api (docs at /api/docs)."""
    import uvicorn

    from newsledger.api import create_app

    db = ctx.obj["db"]
    token = _token(db, host, token, read_only)
    config = dict(
        db_path=db,
        model=model,
        token=token,
        read_only=read_only,
        allowed_hosts=sorted(_hosts(host, allowed_hosts)),
        max_body=max_body,
        cache=not no_cache,
        ingest_process=True,
    )
    app = create_app(**config)  # in this process too: a wrong ledger fails here, at once
    mode = "read-only" if read_only else "writes need the bearer token"
    click.echo(
        f"newsledger: {db} at http://{_url_host(host)}:{port}/  (API docs: /api/docs; {mode})", err=True
    )
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    import json
    import os

    from newsledger.api.app import SERVE_CONFIG_ENV

    # each worker process builds its own app from the same arguments
    os.environ[SERVE_CONFIG_ENV] = json.dumps(config)
    uvicorn.run(
        "newsledger.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        log_level=log_level,
        workers=workers,
    )


def _token(db: str, host: str, given: str | None, read_only: bool) -> str | None:
    """The write token: given, else (on loopback) the one beside the ledger."""
    if read_only:
        return None
    if given:
        return given
    if not is_loopback(host):
        raise NewsledgerError(
            f"serving on {host} opens the ledger to the network: give --token (or "
            f"${TOKEN_ENV}) so that only holders of it can write, or serve --read-only",
            code="NL-SERVE-TOKEN",
        )
    if not Path(db).exists():
        click.echo(f"newsledger: no ledger at {db}; a new empty one is created", err=True)
    from newsledger.store.db import Store

    Store(db).close()  # the ledger first, so the token file lies beside a real ledger
    token, created = load_or_create_token(db)
    if created:
        click.echo(f"write token (shown once; kept in {token_path(db)}, mode 0600):\n{token}", err=True)
    else:
        click.echo(f"writes need the bearer token kept in {token_path(db)}", err=True)
    return token


def _hosts(host: str, extra: tuple[str, ...]) -> set[str]:
    hosts = {*LOOPBACK_NAMES, *extra}
    if host not in ("0.0.0.0", "::", ""):
        hosts.add(host)
    else:
        hosts.add(socket.gethostname())
        if not extra:
            click.echo(
                "newsledger: answering only to loopback names and this machine's name; "
                "add --allowed-host NAME for each name clients use",
                err=True,
            )
    return hosts


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
