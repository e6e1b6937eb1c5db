"""Fetch pages politely: robots.txt obeyed, a rate limit per host, retries with backoff.

Every failure is a ``FetchError`` with an ``NL-FETCH-*`` code, so a dead feed, a 404 or a page
that is not an article is one clear line and the rest of the batch goes on. Only the URLs the
user named (and the feeds' own entries) are fetched: links inside a page are never followed;
redirects are, up to a limit, because the article moved, not because the page points elsewhere.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from newsledger import __version__
from newsledger.errors import NewsledgerError

USER_AGENT = f"newsledger/{__version__} (news-intelligence ledger; +https://pypi.org/project/newsledger/)"
MAX_PAGE_BYTES = 10 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/feed+json",
    "application/json",
    "text/plain",
)
RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(NewsledgerError):
    code = "NL-FETCH"


@dataclass(frozen=True)
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200, or 304 for a conditional GET that found nothing new
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    seconds: float = 0.0  # time on the network


@dataclass
class Politeness:
    """How hard one host may be asked: ``delay`` seconds between requests to it."""

    delay: float = 1.0
    retries: int = 2
    backoff: float = 1.0
    timeout: float = 20.0
    max_bytes: int = MAX_PAGE_BYTES
    max_redirects: int = 5
    robots: bool = True


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None


class Fetcher:
    """One HTTP client shared by threads; per-host pacing and robots rules are kept here."""

    def __init__(self, policy: Politeness | None = None, *, transport=None):
        self.policy = policy or Politeness()
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            transport=transport,
            timeout=httpx.Timeout(self.policy.timeout, connect=min(10.0, self.policy.timeout)),
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ public
    def get(
        self,
        url: str,
        *,
        accept: tuple[str, ...] = HTML_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Page:
        """GET one URL; raises FetchError (NL-FETCH-*) with what to do."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url!r} is not an http(s) URL", code="NL-FETCH-URL")
        if self.policy.robots and not self.allowed(url):
            raise FetchError(
                f"robots.txt of {parts.hostname} disallows {parts.path or '/'} "
                "for this user agent; not fetched",
                code="NL-FETCH-ROBOTS",
            )
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.policy.retries + 1):
            try:
                return self._once(url, headers, accept)
            except _Retry as r:
                if attempt == self.policy.retries:
                    raise r.error from None
                time.sleep(r.wait if r.wait is not None else self.policy.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> bool:
        host = self._host(url)
        if host.robots is None:
            host.robots = self._robots(url)
        return host.robots.can_fetch(USER_AGENT, url)

    # ------------------------------------------------------------ internals
    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def _pace(self, url: str) -> None:
        host = self._host(url)
        with host.lock:
            wait = host.next_at - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            host.next_at = time.monotonic() + self.policy.delay

    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        rp = urllib.robotparser.RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
        try:
            self._pace(url)
            r = self.client.get(rp.url)
            status = r.status_code
            lines = r.text.splitlines() if status == 200 else []
        except httpx.HTTPError:
            status, lines = 404, []  # unreachable robots.txt: treated as none, like crawlers do
        if status in (401, 403):
            rp.disallow_all = True
        else:
            rp.parse(lines)
        return rp

    def _once(self, url: str, headers: dict, accept: tuple[str, ...]) -> Page:
        self._pace(url)
        t0 = time.perf_counter()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304:
                    return Page(
                        url,
                        str(r.url),
                        304,
                        "",
                        b"",
                        headers.get("If-None-Match"),
                        headers.get("If-Modified-Since"),
                        time.perf_counter() - t0,
                    )
                self._check_status(r)
                ctype = r.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype and not ctype.startswith(accept):
                    raise FetchError(
                        f"content type {ctype!r} is not one read here ({', '.join(accept)}); skipped",
                        code="NL-FETCH-TYPE",
                    )
                body = self._read(r)
                return Page(
                    url,
                    str(r.url),
                    r.status_code,
                    ctype,
                    body,
                    r.headers.get("etag"),
                    r.headers.get("last-modified"),
                    time.perf_counter() - t0,
                )
        except httpx.TooManyRedirects:
            raise FetchError(
                f"more than {self.policy.max_redirects} redirects (a loop?)", code="NL-FETCH-REDIRECT"
            ) from None
        except httpx.TimeoutException:
            raise _Retry(
                FetchError(
                    f"no answer within {self.policy.timeout:g} s; try later or raise --timeout",
                    code="NL-FETCH-TIMEOUT",
                )
            ) from None
        except httpx.TransportError as e:
            raise _Retry(FetchError(f"cannot connect: {e}", code="NL-FETCH-CONNECT")) from None

    def _check_status(self, r: httpx.Response) -> None:
        if r.status_code < 400:
            return
        err = FetchError(f"HTTP {r.status_code} {r.reason_phrase}", code="NL-FETCH-HTTP")
        if r.status_code in RETRY_STATUS:
            raise _Retry(err, _retry_after(r.headers.get("retry-after")))
        raise err

    def _read(self, r: httpx.Response) -> bytes:
        limit = self.policy.max_bytes
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                f"{int(declared) / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB page limit",
                code="NL-FETCH-TOO-LARGE",
            )
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > limit:  # counted while streaming: a lying Content-Length reads no more
                raise FetchError(f"over the {limit / 1e6:.1f} MB page limit", code="NL-FETCH-TOO-LARGE")
            chunks.append(chunk)
        return b"".join(chunks)


class _Retry(Exception):
    def __init__(self, error: FetchError, wait: float | None = None):
        self.error, self.wait = error, wait


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number or an HTTP date), capped at 60."""
    if not value:
        return None
    if value.strip().isdigit():
        return min(60.0, float(value))
    try:
        return max(0.0, min(60.0, parsedate_to_datetime(value).timestamp() - time.time()))
    except (TypeError, ValueError):
        return None
