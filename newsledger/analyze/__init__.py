"""Across reports: stories, merged events, contradictions, stance, framing, timelines.

Everything here is derived from the per-article records and rebuilt by
``refresh(store)`` (``Ledger.analyze()``, run at the end of every ingest):
stories, merged events, contradictions, stances and framing counts, in one
transaction.
"""
from __future__ import annotations

import time

from newsledger.analyze import contradictions, events, framing, implicit, stance, stories


def refresh(store) -> dict:
    """Recompute every cross-report table; returns counts and seconds taken."""
    t0 = time.perf_counter()
    with store.transaction():
        out = {"stories": stories.refresh(store), "events": events.refresh(store),
               # after events: it reads the clusters events.refresh just set
               "implied_arguments": implicit.refresh(store),
               "contradictions": contradictions.refresh(store),
               "stances": stance.refresh(store), "framing_terms": framing.refresh(store)}
    out["seconds"] = round(time.perf_counter() - t0, 3)
    return out


__all__ = ["refresh"]
