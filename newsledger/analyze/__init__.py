"""Across reports: stories, merged events, contradictions, stance, framing, timelines.

Everything here is derived from the per-article records. The pass works on
blocks of articles, a ledger setting (migrations 0015, 0023, ``analyze
--blocks``): by default "window" blocks (``cut.py``: articles whose dates, or
their acts' dates, lie within the linkers' widest date window share a block;
dense stretches are cut by calendar periods, undated articles by storage
order), else the whole ledger as one block, a year or a month. Stories,
merged events, implied arguments and contradictions are found within one
block, with that block's statistics (IDF, candidate limits), so a block's
result depends on its articles only; stances and framing counts depend on one
article only.

Every write that changes what the pass reads marks the article pending
(``analysis_pending``, kept by triggers: migration 0014). ``refresh(store)``
first updates the window cut (articles whose block changed become pending),
then redoes the blocks of the pending articles (their current block and, when
the block changed or the article was deleted, the old one) and the stances
and framing counts of the pending articles themselves, one block per
transaction: a kill leaves the rest pending, and the next ingest or
``analyze`` finishes it. Adding k articles costs the blocks they land in,
not the ledger. ``refresh(store, full=True)`` marks every article pending
first: the same per-block computation over all blocks, so an incremental
ledger and a full rebuild hold the same rows.
"""

from __future__ import annotations

import time
from collections import defaultdict

from newsledger.analyze import contradictions, cut, events, framing, implicit, stance, stories
from newsledger.analyze.common import BLOCKS, block_chars, block_sql, in_block
from newsledger.store.db import now

_CHUNK = 500  # articles per IN (...) list


def refresh(store, *, full: bool = False, blocks: str | None = None, progress=None) -> dict:
    """Redo the pending work (everything with ``full``); returns counts and seconds taken.

    ``blocks`` ("ledger", "year", "month") changes how the ledger is cut, and redoes all.
    ``progress(done, total)`` is called after each block."""
    t0 = time.perf_counter()
    if blocks is not None:
        set_blocks(store, blocks)
    elif full:
        mark_all(store)
    if block_chars(store) < 0:
        cut.update(store)  # articles whose window block changed become pending
    t_cut = time.perf_counter() - t0
    todo = _pending_blocks(store)
    out = {"blocks": len(todo), "articles": len({d for docs in todo.values() for d in docs})}
    counts: dict[str, int] = defaultdict(int)
    waiting = defaultdict(set)  # article -> blocks still to redo for it
    for block, docs in todo.items():
        for d in docs:
            waiting[d].add(block)
    for k, block in enumerate(sorted(todo)):
        with store.transaction():
            for name, n in _block(store, block, todo[block]).items():
                counts[name] += n
            done = []
            for d in todo[block]:
                waiting[d].discard(block)
                if not waiting[d]:
                    done.append((d,))
            # in the block's transaction: a kill never leaves an article marked done early
            store.db.executemany("DELETE FROM analysis_pending WHERE doc_id = ?", done)
        if progress:
            progress(k + 1, len(todo))
    out.update(counts)
    out["seconds"] = round(time.perf_counter() - t0, 3)
    out["cut_seconds"] = round(t_cut, 3)
    with store.transaction():
        if not stale(store):
            store.db.execute(
                "UPDATE analysis_state SET analyzed = written, analyzed_at = ?, seconds = ?",
                (now(), out["seconds"]),
            )
    return out


def _block(store, block: str, pending: set[str]) -> dict[str, int]:
    """Redo one block's cross-report rows, and the stances and framing of its pending articles."""
    out = {
        "stories": stories.refresh(store, block),
        "events": events.refresh(store, block),
        # after events: it reads the clusters events.refresh just set
        "implied_arguments": implicit.refresh(store, block),
        "contradictions": contradictions.refresh(store, block),
    }
    cond, args = in_block(store, block)
    members = [r[0] for r in store.db.execute(f"SELECT id FROM documents d WHERE {cond}", args)]
    here = sorted(d for d in members if d in pending)
    out["stances"] = out["framing_terms"] = 0
    for k in range(0, len(here), _CHUNK):
        out["stances"] += stance.refresh(store, here[k : k + _CHUNK])
        out["framing_terms"] += framing.refresh(store, here[k : k + _CHUNK])
    store.db.execute("DELETE FROM analysis_docs WHERE block = ?", (block,))
    store.db.executemany("INSERT OR REPLACE INTO analysis_docs VALUES (?, ?)", [(d, block) for d in members])
    return out


def _pending_blocks(store) -> dict[str, set[str]]:
    """{block: pending articles it must be redone for}: the block an article is in now
    and the one it was analysed in (a changed date, a deleted article)."""
    todo: dict[str, set[str]] = defaultdict(set)
    rows = store.db.execute(
        f"SELECT p.doc_id, d.id, {block_sql(store)}, a.block FROM analysis_pending p "
        "LEFT JOIN documents d ON d.id = p.doc_id LEFT JOIN analysis_docs a ON a.doc_id = p.doc_id"
    ).fetchall()
    gone = []  # deleted before any pass saw them: nothing to redo
    for doc, exists, now_in, was_in in rows:
        if exists is not None:
            todo[now_in].add(doc)
        if was_in is not None:
            todo[was_in].add(doc)
        if exists is None and was_in is None:
            gone.append((doc,))
    if gone:
        with store.transaction():
            store.db.executemany("DELETE FROM analysis_pending WHERE doc_id = ?", gone)
    return dict(todo)


def set_blocks(store, blocks: str) -> None:
    """Cut the ledger's pass by ``blocks`` ("window", "ledger", "year" or "month"): every derived row
    goes and every article is pending (the rows of one cut are no rows of another)."""
    if blocks not in BLOCKS:
        from newsledger.errors import NewsledgerError

        raise NewsledgerError(
            f"unknown blocks {blocks!r}; give one of {', '.join(BLOCKS)}", code="NL-ANALYZE-BLOCKS"
        )
    with store.transaction():
        for table in ("story_docs", "stories", "event_arguments", "event_clusters", "contradictions"):
            store.db.execute(f"DELETE FROM {table}")
        store.db.execute("DELETE FROM analysis_docs")
        store.db.execute("UPDATE events SET event_id = NULL WHERE event_id IS NOT NULL")
        store.db.execute("DELETE FROM analysis_cut")
        store.db.execute("UPDATE analysis_state SET block_chars = ?", (BLOCKS[blocks],))
        store.db.execute("INSERT OR IGNORE INTO analysis_pending SELECT id FROM documents")


def mark_all(store) -> None:
    """Mark every article pending (``analyze --full``)."""
    with store.transaction():
        store.db.execute("INSERT OR IGNORE INTO analysis_pending SELECT id FROM documents")


def stale(store) -> bool:
    """True when some article's cross-report analysis is not done."""
    return store.db.execute("SELECT 1 FROM analysis_pending LIMIT 1").fetchone() is not None


__all__ = ["mark_all", "refresh", "set_blocks", "stale"]
