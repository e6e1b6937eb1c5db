"""Results kept per process for the ledger state they were read in.

Counts and pages are scans of a whole list on a large ledger (~0.2 s per 100k rows); the
lists of the web UI and the REST API's totals read them through ``cached``, which answers
again from memory until the ledger changes (an article written, an analysis pass, a mark, an
actor decision).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from newsledger.store.db import Store

_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 512
_CACHE_LOCK = threading.Lock()


def ledger_state(store: Store) -> tuple:
    """What a list's counts depend on, read cheaply (max rowids, not counts): an article
    written, an analysis pass, a mark or an actor decision gives a new state."""
    return tuple(store.db.execute(STATE_SQL).fetchone())


STATE_SQL = (
    "SELECT (SELECT written || '/' || analyzed || '/' || COALESCE(analyzed_at, '') "
    "FROM analysis_state), (SELECT MAX(rowid) FROM documents), (SELECT MAX(id) FROM quotes), "
    "(SELECT MAX(id) FROM events), (SELECT MAX(id) FROM feedback), "
    "(SELECT MAX(id) FROM actor_decisions), (SELECT MAX(rowid) FROM actor_links), "
    "(SELECT MAX(id) FROM mentions), (SELECT n FROM entity_rev)"
)


def cached(store: Store, key: tuple, compute: Callable):
    """Counts and pages are scans of the whole list on a large ledger (~0.2 s each per
    100k rows): kept per process for the ledger state they were read in."""
    if store.path == ":memory:":  # two in-memory ledgers can be in the same state
        return compute()
    key = (store.path, ledger_state(store), *key)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    value = compute()
    _keep(key, value)
    return value


_PENDING: set = set()
_PENDING_LOCK = threading.Lock()
_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsledger-count")


def cached_within(store: Store, key: tuple, compute: Callable, budget: float):
    """``cached`` with a time budget: ``compute(store)`` is stopped after ``budget`` seconds and
    None returned; it then runs to its end once in a background thread on its own read-only
    connection, and its result is kept for the ledger state it was read in."""
    if store.path == ":memory:":
        return compute(store)
    full = (store.path, ledger_state(store), *key)
    with _CACHE_LOCK:
        if full in _CACHE:
            _CACHE.move_to_end(full)
            return _CACHE[full]
    with _PENDING_LOCK:
        if full in _PENDING:  # being finished in the background: no second try meanwhile
            return None
    value = _within(store, budget, compute)
    if value is not None:
        _keep(full, value)
        return value
    with _PENDING_LOCK:
        if full in _PENDING:
            return None
        _PENDING.add(full)
    _BACKGROUND.submit(_finish, store.path, key, compute)
    return None


def _within(store: Store, budget: float, compute: Callable):
    """compute(store), or None when it runs past ``budget`` seconds (SQLite interrupts it)."""
    db = store.db
    deadline = time.monotonic() + budget
    db.set_progress_handler(lambda: time.monotonic() > deadline, 20_000)
    try:
        return compute(store)
    except sqlite3.OperationalError as e:
        if "interrupted" not in str(e):
            raise
        return None
    finally:
        db.set_progress_handler(None, 0)


def _finish(path: str, key: tuple, compute: Callable) -> None:
    try:
        store = Store(path, read_only=True)
    except Exception:  # the ledger went away: nothing to keep
        return
    try:
        full = (path, ledger_state(store), *key)
        _keep(full, compute(store))
    except Exception:  # a count finished late is an optimisation: a failure shows nowhere
        pass
    finally:
        store.close()
        with _PENDING_LOCK:
            for p in [p for p in _PENDING if p[0] == path and p[2:] == key]:
                _PENDING.discard(p)


def _keep(full: tuple, value) -> None:
    with _CACHE_LOCK:  # request threads and the background one share it
        _CACHE[full] = value
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
