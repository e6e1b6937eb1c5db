"""The timeline of one actor or one story, built from that actor's or story's records only.

``analyze.timeline.build`` reads every event, quote and claim of the ledger and keeps those
of the actor (192 s at 1M events). Here the candidate records are selected through indexes
(the actor's ids on the side and speaker indexes, plus the records that name a side without
an id, which ``build`` checks by name) and copied with their articles, actors and the dated
claims that can date or join them into a ledger in memory, where ``build`` makes the same
rows from them. A record whose side holds another actor's id is the other actor's, unless
that actor's names hold the name too.
"""

from __future__ import annotations

import json
import threading

from newsledger.kb.names import fold
from newsledger.store.db import Store

_COPY_ORDER = ("documents", "events", "quotes", "claims", "story_docs", "entities")
_EACH = "(SELECT value FROM json_each(?))"


def timeline(
    store: Store, *, actor: str | None = None, story: str | None = None, since: str | None = None
) -> list[dict]:
    """The rows of ``analyze.timeline.build(store, actor=, story=)``; with ``since``, only the
    events and statements dated (``sort_date``) on or after it."""
    from newsledger.analyze.timeline import build

    if not actor and not story:
        return build(store)
    picked = _records(store, actor, story, since)
    mem = _scratch()
    try:
        for table in _COPY_ORDER:
            if table == "entities":  # the actors the copied records hold
                held = [v for r in mem.db.execute("SELECT source_id, target_id FROM events") for v in r]
                held += [r[0] for r in mem.db.execute("SELECT speaker_id FROM quotes")]
                picked[table] = (f"id IN {_EACH}", [_ids(held)])
            _copy(store, mem, table, *picked[table])
        return build(mem, actor=actor, story=story)
    finally:
        for table in reversed(_COPY_ORDER):  # emptied for the next request of this thread
            mem.db.execute(f"DELETE FROM {table}")


_LOCAL = threading.local()


def _scratch() -> Store:
    """This thread's ledger in memory (made once: its migrations cost ~60 ms)."""
    if getattr(_LOCAL, "store", None) is None:
        _LOCAL.store = Store(":memory:")
        # rows are copied whole (sort dates included): the ledger's triggers (full-text
        # index, counters) would only make the copy cost half the request
        db = _LOCAL.store.db
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f'DROP TRIGGER "{name}"')
    return _LOCAL.store


def _ids(values) -> str:
    return json.dumps(sorted({v for v in values if v is not None}))


def _records(
    store: Store, actor: str | None, story: str | None, since: str | None = None
) -> dict[str, tuple[str, list]]:
    """(SQL condition on the table's own columns, parameters) of what the timeline may read."""
    from newsledger.store.spellings import naming

    ev, qu, params = "1", "1", []
    if actor:
        ids = _ids(naming(store, actor)) if fold(actor) else "[]"
        ev = (
            f"(source_id IN {_EACH} OR target_id IN {_EACH} "
            "OR (source_id IS NULL AND source_name IS NOT NULL) "
            "OR (target_id IS NULL AND target_name IS NOT NULL))"
        )
        qu = f"(speaker_id IN {_EACH} OR (speaker_id IS NULL AND speaker_name IS NOT NULL))"
        params = [ids]
    ev_p, qu_p = params * 2, list(params)
    if since:
        ev, qu = f"{ev} AND sort_date >= ?", f"{qu} AND sort_date >= ?"
        ev_p, qu_p = [*ev_p, since], [*qu_p, since]
    if story:
        docs = _ids(
            r[0] for r in store.db.execute("SELECT doc_id FROM story_docs WHERE story_id = ?", (story,))
        )
        ev, qu, ev_p, qu_p = (
            f"{ev} AND doc_id IN {_EACH}",
            f"{qu} AND doc_id IN {_EACH}",
            [*ev_p, docs],
            [*qu_p, docs],
        )
    touched = _ids(
        r[0]
        for sql, p in (
            (f"SELECT doc_id FROM events WHERE {ev}", ev_p),
            (f"SELECT doc_id FROM quotes WHERE {qu}", qu_p),
        )
        for r in store.db.execute(sql, p)
    )
    cl, cl_p = f"(doc_id IN {_EACH} OR id IN {_EACH})", [touched, _other_facts(store, actor, touched)]
    return {
        "documents": (f"id IN {_EACH} OR id IN (SELECT doc_id FROM claims WHERE {cl})", [touched, *cl_p]),
        "events": (ev, ev_p),
        "quotes": (qu, qu_p),
        "claims": (cl, cl_p),
        "story_docs": ("story_id = ?", [story]),
    }


def _other_facts(store: Store, actor: str | None, docs: str) -> str:
    """Dated claims of other articles that may join an event's row: those about the actor,
    or about a subject a claim of the picked articles is about (by its last word)."""
    words = {fold(actor).split()[-1]} if actor and fold(actor) else set()
    for (name,) in store.db.execute(
        f"SELECT DISTINCT COALESCE(subject_name, subject) FROM claims WHERE doc_id IN {_EACH}", (docs,)
    ):
        toks = fold(name or "").replace("np:", "").replace("_", " ").split()
        words.update(toks[-1:])
    if not words:
        return "[]"
    # one pass over the claims (few per article), matched loosely here and exactly by build
    test = " OR ".join("instr(lower(COALESCE(subject_name, subject)), ?) > 0" for _ in words)
    return _ids(r[0] for r in store.db.execute(f"SELECT id FROM claims WHERE {test}", sorted(words)))


# columns ``build`` never reads, copied empty: an article's text is most of the copy's time
_BLANK = {("documents", "text"): "''"}


def _copy(src: Store, dst: Store, table: str, where: str, params: list) -> None:
    cols = [c for c in src.columns(table) if c in dst.columns(table)]
    names = ", ".join(f'"{c}"' for c in cols)
    read = ", ".join(_BLANK.get((table, c), f'"{c}"') for c in cols)
    rows = src.db.execute(f"SELECT {read} FROM {table} WHERE {where}", params).fetchall()
    dst.db.executemany(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})", rows)
