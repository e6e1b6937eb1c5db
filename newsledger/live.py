"""Live ingestion: pages fetched by URL and feeds polled, into the ledger.

``fetch_pages`` downloads the pages named, ``poll`` reads one followed source (a feed's new
entries, or a page) and ``watch`` polls every followed source on a schedule. Each article is
stored in its own transaction and a feed entry is marked seen only after, so a kill or Ctrl-C
leaves nothing half-done and the next poll resumes: an entry stored but not yet marked is
fetched again and found unchanged (same content hash), never stored twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsledger.errors import IngestError, NewsledgerError, Problem
from newsledger.ingest.feeds import FeedError, parse_feed
from newsledger.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, Page
from newsledger.ingest.pages import html_article
from newsledger.records import Article
from newsledger.store import sources


@dataclass
class PollResult:
    url: str
    status: str  # 'ok', 'not-modified', 'failed'
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    code: str | None = None
    error: str | None = None
    seconds: float = 0.0
    problems: tuple[Problem, ...] = ()

    def line(self) -> str:
        """What a poll prints: one line per source."""
        if self.status == "failed":
            return f"{self.url}  failed [{self.code}] {self.error} ({self.seconds:.1f} s)"
        if self.status == "not-modified":
            return f"{self.url}  not modified ({self.seconds:.1f} s)"
        return (
            f"{self.url}  new {self.new}, unchanged {self.unchanged}, failed {self.failed} "
            f"({self.seconds:.1f} s)"
        )


def page_item(fetcher: Fetcher, url: str, fallback_date: str | None = None) -> Article | Problem:
    """One URL fetched and read into an Article, or a Problem naming the URL and the code."""
    try:
        page = fetcher.get(url)
        return html_article(page.body, page.final_url, source=page.final_url, fallback_date=fallback_date)
    except (FetchError, IngestError) as e:
        return Problem(url, None, e.code, e.message)


def fetch_items(
    fetcher: Fetcher, urls: list[str], dates: list[str | None] | None = None, concurrency: int = 4
) -> Iterable[Article | Problem]:
    """Fetched in parallel threads (politeness per host is the fetcher's), yielded in order."""
    dates = dates or [None] * len(urls)
    if concurrency <= 1 or len(urls) <= 1:
        return (page_item(fetcher, u, d) for u, d in zip(urls, dates))
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="fetch")
    futures = [pool.submit(page_item, fetcher, u, d) for u, d in zip(urls, dates)]
    pool.shutdown(wait=False)
    return (f.result() for f in futures)


def fetch_pages(
    ledger,
    urls: list[str],
    fetcher: Fetcher,
    *,
    concurrency: int = 4,
    analyze: bool = True,
    on_item: Callable | None = None,
):
    """`newsledger fetch`: each URL followed as a page source, fetched once and ingested."""
    rows = [sources.add(ledger.store, u, "page") for u in urls]
    items = list(fetch_items(fetcher, urls, concurrency=concurrency))
    known = {i.id for i in items if isinstance(i, Article) and ledger.store.has(i.id)}
    report = ledger.ingest_items(items, analyze=analyze, on_item=on_item)
    for row, item in zip(rows, items):
        if isinstance(item, Problem):
            sources.record_poll(ledger.store, row["id"], "failed", code=item.code, error=item.message)
        elif not ledger.store.has(item.id):
            sources.record_poll(
                ledger.store,
                row["id"],
                "failed",
                code="NL-EXTRACT",
                error="read but not stored; see the ingest problems",
            )
        else:  # the same article at two URLs is one article: counted new once
            sources.record_poll(ledger.store, row["id"], "ok", new=int(item.id not in known))
            known.add(item.id)
    return report


def poll(ledger, row: dict, fetcher: Fetcher, *, concurrency: int = 4, analyze: bool = True) -> PollResult:
    """Poll one followed source: a feed's entries not seen yet, or the page itself."""
    t0 = time.perf_counter()
    try:
        page = fetcher.get(
            row["url"], accept=FEED_TYPES + HTML_TYPES, etag=row["etag"], last_modified=row["last_modified"]
        )
    except FetchError as e:
        sources.record_poll(ledger.store, row["id"], "failed", code=e.code, error=e.message)
        return PollResult(
            row["url"], "failed", code=e.code, error=e.message, seconds=time.perf_counter() - t0
        )
    if page.status == 304:
        sources.record_poll(ledger.store, row["id"], "not-modified")
        return PollResult(row["url"], "not-modified", seconds=time.perf_counter() - t0)
    if page.content_type.startswith(HTML_TYPES):
        res = _poll_page(ledger, row, page, analyze)
    else:
        res = _poll_feed(ledger, row, page, fetcher, concurrency, analyze)
    res.seconds = time.perf_counter() - t0
    return res


def _poll_page(ledger, row: dict, page: Page, analyze: bool) -> PollResult:
    sources.set_kind(ledger.store, row["id"], "page", None)
    try:
        item = html_article(page.body, page.final_url, source=page.final_url)
    except IngestError as e:
        sources.record_poll(ledger.store, row["id"], "failed", code=e.code, error=e.message)
        return PollResult(row["url"], "failed", code=e.code, error=e.message)
    rep = ledger.ingest_items([item], analyze=analyze)
    sources.record_poll(
        ledger.store, row["id"], "ok", new=rep.stored, etag=page.etag, last_modified=page.last_modified
    )
    return PollResult(row["url"], "ok", new=rep.stored, unchanged=rep.unchanged)


def _poll_feed(ledger, row, page: Page, fetcher, concurrency, analyze) -> PollResult:
    try:
        feed = parse_feed(page.body, page.final_url)
    except FeedError as e:
        sources.record_poll(ledger.store, row["id"], "failed", code=e.code, error=e.message)
        return PollResult(row["url"], "failed", code=e.code, error=e.message)
    sources.set_kind(ledger.store, row["id"], "feed", feed.title)
    by_key = {e.key: e for e in feed.entries}
    todo = [by_key[k] for k in sources.wanted(by_key, sources.seen(ledger.store, row["id"]))]
    items = list(fetch_items(fetcher, [e.link for e in todo], [e.published for e in todo], concurrency))
    rep = ledger.ingest_items(items, analyze=analyze)
    failed = 0
    for entry, item in zip(todo, items):
        if isinstance(item, Problem):
            failed += 1
            sources.record_item(
                ledger.store, row["id"], entry.key, entry.link, "failed", code=item.code, error=item.message
            )
        else:
            sources.record_item(ledger.store, row["id"], entry.key, entry.link, "stored", doc_id=item.id)
    sources.record_poll(
        ledger.store, row["id"], "ok", new=rep.stored, etag=page.etag, last_modified=page.last_modified
    )
    return PollResult(
        row["url"], "ok", new=rep.stored, unchanged=rep.unchanged, failed=failed, problems=tuple(rep.problems)
    )


def watch(
    ledger,
    fetcher: Fetcher,
    *,
    every: float,
    once: bool = False,
    concurrency: int = 4,
    on_poll: Callable[[PollResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll every active source, then again every ``every`` seconds (or once); returns polls."""
    polls = 0
    while True:
        started = time.monotonic()
        for row in sources.listing(ledger.store, active=True):
            try:
                res = poll(ledger, row, fetcher, concurrency=concurrency)
            except NewsledgerError as e:  # one source's trouble never stops the others
                sources.record_poll(ledger.store, row["id"], "failed", code=e.code, error=e.message)
                res = PollResult(row["url"], "failed", code=e.code, error=e.message)
            polls += 1
            if on_poll:
                on_poll(res)
        if once:
            return polls
        sleep(max(0.0, every - (time.monotonic() - started)))
