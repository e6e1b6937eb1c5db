"""`serve`: the REST API (/api) and the web UI (/) over the ledger, with uvicorn."""
from __future__ import annotations

import click

from newsledger.nlp import MODELS


def register(cli):
    cli.add_command(serve)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes the ledger to the network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--model", type=click.Choice(sorted(MODELS)), default="md", show_default=True,
              help="spaCy pipeline for articles POSTed to /api/articles (loaded on the first one).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
@click.pass_context
def serve(ctx, host, port, model, log_level):
    """Serve the ledger: web UI at /, REST API at /api (docs at /api/docs)."""
    import uvicorn

    from newsledger.api import create_app
    app = create_app(ctx.obj["db"], model=model)
    click.echo(f"newsledger: {ctx.obj['db']} at http://{host}:{port}/  (API docs: /api/docs)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
