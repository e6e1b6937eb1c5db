"""`fetch`, `watch` and `sources`: pages and feeds from the web, kept current."""

from __future__ import annotations

import re

import click

from newsledger.cli.common import FORMAT_OPTION, emit, ledger
from newsledger.errors import Problem
from newsledger.nlp import MODELS

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def register(cli):
    cli.add_command(fetch)
    cli.add_command(watch)
    cli.add_command(sources_cmd)


def parse_every(text: str) -> float:
    """'90', '90s', '15m', '2h', '1d' -> seconds (at least 10: feeds are polled politely)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "")
    if not m:
        raise click.BadParameter(f"{text!r}: give a number of seconds or e.g. 15m, 2h")
    seconds = float(m.group(1)) * UNITS[m.group(2) or "s"]
    if seconds < 10:
        raise click.BadParameter("poll no more often than every 10 s")
    return seconds


def politeness(delay: float, timeout: float):
    from newsledger.ingest.fetch import Fetcher, Politeness

    return Fetcher(Politeness(delay=delay, timeout=timeout))


def _net_options(f):
    f = click.option(
        "--model",
        type=click.Choice(sorted(MODELS)),
        default="md",
        show_default=True,
        help="spaCy pipeline: md (accurate) or sm (fast).",
    )(f)
    f = click.option(
        "--delay",
        type=click.FloatRange(0),
        default=1.0,
        show_default=True,
        help="Seconds between two requests to one host.",
    )(f)
    f = click.option(
        "--timeout",
        type=click.FloatRange(1),
        default=20.0,
        show_default=True,
        help="Seconds to wait for a server before giving up (retried twice).",
    )(f)
    return click.option(
        "--concurrency",
        type=click.IntRange(1, 32),
        default=4,
        show_default=True,
        help="Pages fetched at once (over all hosts).",
    )(f)


@click.command()
@click.argument("urls", nargs=-1, required=True)
@_net_options
@click.option("--no-analyze", "no_analyze", is_flag=True, help="Skip the cross-report pass.")
@click.pass_context
def fetch(ctx, urls, model, delay, timeout, concurrency, no_analyze):
    """Download article pages and ingest them (robots.txt obeyed, one host paced)."""
    from newsledger.live import fetch_pages

    led = ledger(ctx, model, create=True)

    def tick(item):
        if isinstance(item, Problem):
            click.echo(f"skipped {item}", err=True)

    with politeness(delay, timeout) as fetcher:
        rep = fetch_pages(
            led, list(urls), fetcher, concurrency=concurrency, analyze=not no_analyze, on_item=tick
        )
    click.echo(
        f"{rep.stored} new, {rep.unchanged} already in the ledger, {len(rep.problems)} failed -> {led.path}"
    )
    if rep.problems:
        ctx.exit(1)


@click.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--feeds",
    "feed_list",
    type=click.Path(exists=True, dir_okay=False),
    help="A feed list: one URL per line, or an OPML file.",
)
@click.option("--every", default="15m", show_default=True, help="Poll interval (e.g. 90s, 15m, 2h).")
@click.option("--once", is_flag=True, help="Poll every source once and stop.")
@_net_options
@click.pass_context
def watch(ctx, urls, feed_list, every, once, model, delay, timeout, concurrency):
    """Follow feeds (RSS, Atom, JSON) or pages and ingest what is new, poll after poll.

    URLs given here (and in --feeds) are added to the sources the ledger follows; without
    any, the sources followed already are polled. Each poll prints one line per source."""
    from newsledger.ingest.feeds import read_feed_list
    from newsledger.live import watch as run
    from newsledger.store import sources

    seconds = parse_every(every)
    led = ledger(ctx, model, create=bool(urls or feed_list))
    for url in list(urls) + (read_feed_list(feed_list) if feed_list else []):
        sources.add(led.store, url, "feed")
    if not sources.listing(led.store, active=True):
        raise click.UsageError("no sources to poll: give feed URLs or --feeds FILE")

    def show(res):
        click.echo(res.line())
        for p in res.problems:
            click.echo(f"  skipped {p}", err=True)

    with politeness(delay, timeout) as fetcher:
        run(led, fetcher, every=seconds, once=once, concurrency=concurrency, on_poll=show)


@click.command("sources")
@click.option("--remove", "remove", metavar="URL_OR_ID", help="Stop following this source.")
@FORMAT_OPTION
@click.pass_context
def sources_cmd(ctx, remove, fmt):
    """The feeds and pages followed: last poll, status, articles brought, last error."""
    from newsledger.store import sources

    led = ledger(ctx)
    if remove:
        if not sources.remove(led.store, remove):
            raise click.BadParameter(f"no source {remove!r}; see `newsledger sources`")
        click.echo(f"no longer following {remove}")
        return
    emit(
        sources.listing(led.store),
        [
            "id",
            "kind",
            "url",
            "title",
            "last_poll",
            "last_status",
            "articles",
            "polls",
            "failures",
            "last_error_code",
            "last_error",
        ],
        fmt,
        title="sources",
    )
