"""Answers to reads kept per ledger state: an in-process LRU, ETags and single flight.

A GET of a list or a page gives the same bytes until the ledger changes (store/state.py
says when: an article written, an analysis pass, a mark, an actor decision). The first
request of a URL in a state is computed (concurrent ones for the same URL wait for it
instead of computing it again); the next ones are answered from memory, and a client that
sends back the ETag gets 304 Not Modified.

The state is checked on the event loop itself, on one read-only connection that never
waits (busy timeout 0): ``PRAGMA data_version`` (~15 us) says whether any other
connection, in this process or another (the ingest process, the other ``--workers``),
committed since the last check, and only then are the state's index lookups read again
(~70 us). A hop to the thread pool costs ~0.3 ms under load, more than both. When that
connection cannot answer at once (busy, or an error) the state is read in the thread
pool on a connection kept per thread, as before.

A new state is taken up at most once per ``ADOPT_EVERY`` seconds, and at once after a
write answered by this process: an ingest of two articles commits three states (each
article, then the cross-report pass), and every hot URL was computed again for each, a
wave of misses per commit that all readers waited behind (a third fewer misses per POST
and read p95 -25% to -40% measured under the load bench's writer). So a writer reads its
own write on its next request, and a write made elsewhere (the CLI, another ``--workers``
process) shows within ``ADOPT_EVERY``. An answer first computed while a newer state waits
to be taken up is kept under the state taken up: newer than its key by that interval at most.

Only the read routes listed in ``CACHED`` are kept; writes, the event stream, forms,
error answers and answers marked ``Cache-Control: no-store`` (a page whose counts are
still running) never are. ``create_app(cache=True)`` (what ``serve`` does) turns it on.
"""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import threading
import time
from collections import OrderedDict

from anyio import to_thread

# the read routes kept: exact paths, and paths under a prefix (one record's page)
CACHED = frozenset(
    (
        "/",
        "/api/stats",
        "/api/documents",
        "/api/quotes",
        "/api/events",
        "/api/merged-events",
        "/api/actors",
        "/api/stories",
        "/api/contradictions",
        "/api/timeline",
        "/api/stance",
        "/api/framing",
        "/articles",
        "/quotes",
        "/events",
        "/merged-events",
        "/actors",
        "/contradictions",
        "/stories",
        "/map",
    )
)
CACHED_UNDER = ("/api/documents/", "/api/actors/", "/article/", "/actor/", "/story/")
ADOPT_EVERY = 1.0  # seconds between two states taken up (writes of this process: at once)
MAX_ENTRIES = 512
MAX_BYTES = 64 * 2**20  # all kept bodies together
MAX_BODY = 2 * 2**20  # a larger answer is not kept


def cacheable(path: str) -> bool:
    return path in CACHED or path.startswith(CACHED_UNDER)


class ResponseCache:
    """Pure ASGI middleware in front of the routes (behind the Guard's host and write checks)."""

    def __init__(self, app, *, db_path: str):
        self.app, self.db_path = app, db_path
        self.kept: OrderedDict[tuple, tuple] = OrderedDict()
        self.size = 0
        self.flights: dict[tuple, asyncio.Future] = {}
        self.local = threading.local()
        self.hits = self.misses = 0
        self.loop_db: sqlite3.Connection | None = None  # the event loop's own connection
        self.loop_lock = threading.Lock()  # one loop at a time uses it (tests run several)
        self.loop_seen: tuple | None = None  # (data_version, state) of its last read
        self.adopted: tuple | None = None  # (state, monotonic time) the answers are keyed on
        self.wrote = False  # a write of this process was answered since that state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, self._marking(send))
        if scope["method"] != "GET" or not cacheable(scope.get("path", "")):
            return await self.app(scope, receive, send)
        state = self._state_on_loop()
        if state is None:
            state = await to_thread.run_sync(self._state)
        if state is None:  # the ledger cannot be read here: answer as if there were no cache
            return await self.app(scope, receive, send)
        state = self._adopt(state)
        key = (scope["path"], scope.get("query_string", b""), state)
        etag = b'"' + hashlib.sha1(repr(key).encode()).hexdigest()[:20].encode() + b'"'
        headers = dict(scope.get("headers", []))
        if headers.get(b"if-none-match") == etag:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            return await send({"type": "http.response.body", "body": b""})
        kept = self._get(key)
        if kept is None and key in self.flights:  # the same URL is being computed: wait for it
            kept = await asyncio.shield(self.flights[key])
        if kept is not None:
            self.hits += 1
            return await _replay(send, kept)
        self.misses += 1
        flight = asyncio.get_running_loop().create_future()
        self.flights[key] = flight
        try:
            kept = await self._compute(scope, receive, send, etag)
            if kept is not None:
                self._put(key, kept)
        finally:
            self.flights.pop(key, None)
            flight.set_result(kept)

    def _adopt(self, state: tuple) -> tuple:
        """The state answers are keyed on: ``state`` once ADOPT_EVERY has passed since the
        last one was taken up or this process answered a write, else the last one."""
        now = time.monotonic()
        if self.adopted is None or self.adopted[0] == state:
            pass
        elif not self.wrote and now - self.adopted[1] < ADOPT_EVERY:
            return self.adopted[0]
        if self.adopted is None or self.adopted[0] != state:
            self.adopted, self.wrote = (state, now), False
        return state

    def _marking(self, send):
        """A write's ``send``: the next read takes up the new state, set before the client
        can have the answer (and so before its next request)."""

        async def sending(message):
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                self.wrote = True
            await send(message)

        return sending

    async def _compute(self, scope, receive, send, etag: bytes):
        """Run the route, passing its answer on; (status, headers, body) when it may be kept."""
        start, body, ok = None, [], True

        async def capture(message):
            nonlocal start, ok
            if message["type"] == "http.response.start":
                # a partial answer (counts still running: web/html.PARTIAL) says no-store
                ok = message["status"] == 200 and not any(
                    k.lower() == b"cache-control" and b"no-store" in v for k, v in message.get("headers", [])
                )
                if ok:
                    message = {**message, "headers": [*message.get("headers", []), (b"etag", etag)]}
                start = message
            elif message["type"] == "http.response.body" and ok:
                body.append(message.get("body", b""))
                ok = sum(map(len, body)) <= MAX_BODY
            await send(message)

        await self.app(scope, receive, capture)
        if not ok or start is None:
            return None
        return start["status"], start["headers"], b"".join(body)

    def _get(self, key):
        kept = self.kept.get(key)
        if kept is not None:
            self.kept.move_to_end(key)
        return kept

    def _put(self, key, kept) -> None:
        self.kept[key] = kept
        self.size += len(kept[2])
        while len(self.kept) > MAX_ENTRIES or self.size > MAX_BYTES:
            _, old = self.kept.popitem(last=False)
            self.size -= len(old[2])

    def _state_on_loop(self):
        """The ledger's state read without waiting, or None (then read it in a thread)."""
        from newsledger.store.state import STATE_SQL

        if not self.loop_lock.acquire(blocking=False):
            return None
        try:
            db = self.loop_db
            if db is None:
                db = sqlite3.connect(
                    f"file:{self.db_path}?mode=ro", uri=True, timeout=0, check_same_thread=False
                )
                self.loop_db = db
            # read before the state: a commit in between only makes the next check read again
            version = db.execute("PRAGMA data_version").fetchone()[0]
            if self.loop_seen is None or self.loop_seen[0] != version:
                self.loop_seen = (version, tuple(db.execute(STATE_SQL).fetchone()))
            return self.loop_seen[1]
        except sqlite3.Error:
            self.loop_db, self.loop_seen = None, None
            return None
        finally:
            self.loop_lock.release()

    def _state(self):
        """The ledger's state (store/state.py) on this thread's own read-only connection."""
        from newsledger.store.state import STATE_SQL

        db = getattr(self.local, "db", None)
        try:
            if db is None:
                db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)
                self.local.db = db
            return tuple(db.execute(STATE_SQL).fetchone())
        except sqlite3.Error:
            self.local.db = None
            return None


async def _replay(send, kept) -> None:
    status, headers, body = kept
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
