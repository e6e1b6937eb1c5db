"""Results kept per process for the ledger state they were read in.

Counts and pages are scans of a whole list on a large ledger (~0.2 s per 100k rows); the
lists of the web UI and the REST API's totals read them through ``cached``, which answers
again from memory until the ledger changes (an article written, an analysis pass, a mark, an
actor decision).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from newsledger.store.db import Store

_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 512


def ledger_state(store: Store) -> tuple:
    """What a list's counts depend on, read cheaply (max rowids, not counts): an article
    written, an analysis pass, a mark or an actor decision gives a new state."""
    return tuple(
        store.db.execute(
            "SELECT (SELECT written || '/' || analyzed || '/' || COALESCE(analyzed_at, '') "
            "FROM analysis_state), (SELECT MAX(rowid) FROM documents), (SELECT MAX(id) FROM quotes), "
            "(SELECT MAX(id) FROM events), (SELECT MAX(id) FROM feedback), "
            "(SELECT MAX(id) FROM actor_decisions), (SELECT MAX(rowid) FROM actor_links), "
            "(SELECT MAX(id) FROM mentions)"
        ).fetchone()
    )


def cached(store: Store, key: tuple, compute: Callable):
    """Counts and pages are scans of the whole list on a large ledger (~0.2 s each per
    100k rows): kept per process for the ledger state they were read in."""
    if store.path == ":memory:":  # two in-memory ledgers can be in the same state
        return compute()
    key = (store.path, ledger_state(store), *key)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    value = compute()
    _CACHE[key] = value
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return value
