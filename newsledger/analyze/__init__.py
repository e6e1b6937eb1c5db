"""Across reports: stories, merged events, contradictions, stance, framing, timelines.

Everything here is derived from the per-article records and rebuilt by
``refresh(store)`` (``Ledger.analyze()``, run at the end of every ingest):
stories, merged events, contradictions, stances and framing counts, in one
transaction.
"""

from __future__ import annotations

import time

from newsledger.analyze import contradictions, events, framing, implicit, stance, stories
from newsledger.store.db import now


def refresh(store) -> dict:
    """Recompute every cross-report table; returns counts and seconds taken."""
    t0 = time.perf_counter()
    with store.transaction():
        out = {
            "stories": stories.refresh(store),
            "events": events.refresh(store),
            # after events: it reads the clusters events.refresh just set
            "implied_arguments": implicit.refresh(store),
            "contradictions": contradictions.refresh(store),
            "stances": stance.refresh(store),
            "framing_terms": framing.refresh(store),
        }
        out["seconds"] = round(time.perf_counter() - t0, 3)
        # In the same transaction: a pass killed half-way leaves the ledger marked stale.
        store.db.execute(
            "UPDATE analysis_state SET analyzed = written, analyzed_at = ?, seconds = ?",
            (now(), out["seconds"]),
        )
    return out


def stale(store) -> bool:
    """True when articles were written since the last finished cross-report pass."""
    row = store.db.execute("SELECT written, analyzed FROM analysis_state").fetchone()
    return bool(row) and row[0] != row[1]


__all__ = ["refresh", "stale"]
