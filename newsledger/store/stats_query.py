"""What the ledger holds, read from the counts triggers keep (migration 0024).

``Ledger.stats`` counts every table (count(*) of 1M-row tables and a scan of every article for
the stale ones: 0.4-1 s on a cold 100k-article ledger); the home page and ``/api/stats`` read
the same numbers here in a few row lookups. Tests compare both on fixtures.
"""

from __future__ import annotations

from newsledger.store.db import RECORD_TABLES, Store

TABLES = ("documents",) + RECORD_TABLES[1:] + ("entities",)  # Store.counts's, in its order


def counts(store: Store, version: str) -> dict[str, int]:
    """Rows per table and ``stale`` (articles of another pipeline version than ``version``)."""
    kept = dict(store.db.execute("SELECT tbl, n FROM row_counts").fetchall())
    out = {t: kept.get(t, 0) for t in TABLES}
    current = store.db.execute("SELECT n FROM version_counts WHERE version = ?", (version,)).fetchone()
    out["stale"] = out["documents"] - (current[0] if current else 0)
    return out
