"""The ingest of POSTed articles, in the serving process or in a child process of its own.

An ingest is seconds of spaCy, extraction and the cross-report pass, all Python: run on
the server's thread pool it holds the GIL of the process that answers reads, and every
read waits behind it (docs/performance.md, load). ``IngestProcess`` runs it in one child
process instead (spawned on the first POST, kept for the next ones with its model loaded),
which owns the ledger's write connection; the route awaits the result without blocking
the event loop, and readers (SQLite WAL) never wait for the writer. One child: one ingest
at a time, as one pipeline in one process was before.

``ingest_job`` is the whole POST after the body is parsed: the same in both places, so
the answer (statuses, counts, errors) is the same whichever runs it.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsledger.errors import NewsledgerError, Problem
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, read_jsonl
from newsledger.records import Article

SOURCE = "<api>"
# The child's CPU priority (added to the server's niceness): an ingest is batch work and a
# read is someone waiting, so where the cores are short the readers go first.
NICE = 10
_LEDGERS: dict = {}  # (path, model) -> the Ledger a child process keeps between jobs


def ingest_job(
    db_path: str, model: str, items: list, *, analyze: bool, reprocess: bool, keep: bool = False
) -> tuple[int, dict] | tuple[None, dict]:
    """Ingest the posted objects: (status, body), or (None, {code, message}) for an error
    the API maps to a status (a missing model: NL-MODEL). ``keep`` holds the ledger (and its
    loaded pipeline) open for the next job: the child process does, the thread path not."""
    from newsledger.ledger import Ledger

    results = [{"index": i, "status": "error"} for i in range(len(items))]
    read = _read(items, results)
    led = _LEDGERS.get((db_path, model)) if keep else None
    if led is None:
        led = Ledger(db_path, model=model)
        if keep:
            _LEDGERS[(db_path, model)] = led
    try:
        known = {a.id for a in read if led.store.has(a.id)}

        def failed(item):
            if isinstance(item, Problem) and item.line:
                _fail(results[item.line - 1], item)

        rep = led.ingest_items(read, reprocess=reprocess, analyze=analyze, on_item=failed)
    except NewsledgerError as e:
        return None, {"code": e.code, "message": e.message}
    finally:
        if not keep:
            led.close()
    _statuses(read, results, known, reprocess)
    body = {
        "stored": rep.stored,
        "reprocessed": rep.reprocessed,
        "unchanged": rep.unchanged,
        "errors": sum(r["status"] == "error" for r in results),
        "articles": results,
    }
    return (201 if rep.stored else 200), body


class IngestProcess:
    """One child process that runs ``ingest_job``s, one at a time, started on first use."""

    def __init__(self, db_path: str, model: str):
        self.db_path, self.model = db_path, model
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    async def run(self, items: list, *, analyze: bool, reprocess: bool) -> tuple:
        args = (ingest_job, self.db_path, self.model, items)
        kwargs = {"analyze": analyze, "reprocess": reprocess, "keep": True}
        pool = self._executor()
        try:
            future = pool.submit(*args, **kwargs)
        except BrokenProcessPool:  # the child died while idle: nothing of this job ran yet
            self._forget(pool)
            pool = self._executor()
            future = pool.submit(*args, **kwargs)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            # the child died during the job (killed, out of memory): the next POST starts a
            # new one; each article is written in one transaction, so a repost of the same
            # batch stores exactly what is missing and reports the rest unchanged
            self._forget(pool)
            return None, {
                "code": "NL-API-WRITER",
                "message": "the ingest process stopped before answering; post the same articles "
                "again (stored ones are reported unchanged) and see the server's log",
            }

    @property
    def pids(self) -> list[int]:
        """The child's process id once started (for the server's log and the tests)."""
        pool = self._pool
        return sorted(getattr(pool, "_processes", None) or {}) if pool is not None else []

    def _forget(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads (a fork would copy their locks held)
                ctx = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_lower_priority)
            return self._pool

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=False)


def _lower_priority() -> None:
    try:
        os.nice(NICE)
    except OSError:  # not allowed here: the child runs at the server's priority
        pass


def _read(items: list, results: list[dict]) -> list[Article]:
    """Articles read from the posted objects; unreadable ones are marked in `results`."""
    data = "\n".join(json.dumps(it, ensure_ascii=False) for it in items).encode("utf-8")
    out = []
    for got in read_jsonl(data, SOURCE, DEFAULT_MAX_BYTES):
        if isinstance(got, Problem):
            _fail(results[got.line - 1], got)
        else:
            out.append(got)
    return out


def _fail(result: dict, problem: Problem) -> None:
    result.update(status="error", error={"code": problem.code, "message": problem.message})


def _statuses(read: list[Article], results: list[dict], known: set[str], reprocess: bool) -> None:
    """stored | reprocessed | unchanged (already in the ledger, or posted twice) per article."""
    first: dict[str, int] = {}
    for a in read:
        res = results[a.source_line - 1]
        res.update(id=a.id, name=a.name, document=f"/api/documents/{a.id}")
        if "error" in res:
            res.pop("document")
            continue
        if a.id in first:
            res.update(status="unchanged", duplicate_of=first[a.id])
        elif a.id in known:
            res["status"] = "reprocessed" if reprocess else "unchanged"
        else:
            res["status"] = "stored"
        first.setdefault(a.id, res["index"])
