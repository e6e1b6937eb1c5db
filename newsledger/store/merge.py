"""Merge ledgers: ``newsledger merge-ledgers A.db B.db -o C.db``.

Ledgers built apart (per period, per corpus shard, on other machines) become one:

* articles are one per content hash (``documents.id``): an article in both is kept
  once, from the first ledger that has it, with the names it came under in all;
* records (mentions, quotes, timexes, events, claims, excluded spans) are copied with
  their article, renumbered; what the analysis derived from them is not copied;
* actors are one per id (a KB id, or the folded name for actors outside the KB), their
  spellings joined; the analysts' decisions (merges, splits) of every ledger are carried
  over, and the first ledger's block setting (``Ledger``'s ``merge_ledgers`` then applies
  the decisions to the articles of the others and builds the cross-report tables: the
  layers above the store).

The inputs are only read.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.errors import StoreError
from newsledger.store.db import Store

RECORD_TABLES = ("excluded_spans", "mentions", "timexes", "quotes", "events", "claims")
# kept as they are, one row per key
KEYED_TABLES = ("document_sources", "actor_links", "actor_tails", "sources", "source_items")


def copy_ledgers(inputs: list[str], store: Store) -> dict:
    """Copy the articles, records, actors and decisions of ``inputs`` into ``store``."""
    for p in inputs:
        if not Path(p).exists():
            raise StoreError(f"no ledger at {p!r}; check the path", code="NL-STORE-NOT-FOUND")
    counts = {"articles": 0, "duplicates": 0, "actors": 0}
    for k, p in enumerate(inputs):
        got = _copy(store, p, first=k == 0)
        for k in counts:
            counts[k] += got[k]
    return counts


def _copy(store: Store, path: str, *, first: bool = False) -> dict:
    db = store.db
    db.execute("ATTACH DATABASE ? AS src", (str(path),))
    try:
        _check_version(store, path)
        with store.transaction():
            before = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            db.execute("CREATE TEMP TABLE new_docs (id TEXT PRIMARY KEY)")
            db.execute(
                "INSERT INTO new_docs SELECT id FROM src.documents "
                "WHERE id NOT IN (SELECT id FROM main.documents)"
            )
            cols = _common(store, "documents")
            db.execute(
                f"INSERT INTO main.documents ({cols}) SELECT {cols} FROM src.documents "
                "WHERE id IN (SELECT id FROM new_docs) ORDER BY rowid"
            )
            added = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] - before
            total = db.execute("SELECT COUNT(*) FROM src.documents").fetchone()[0]
            actors = _entities(store)
            for table in RECORD_TABLES:
                cols = _common(store, table, skip=("id", "event_id"))
                db.execute(
                    f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM src.{table} "
                    "WHERE doc_id IN (SELECT id FROM new_docs) ORDER BY rowid"
                )
            for table in KEYED_TABLES:
                cols = _common(store, table)
                db.execute(f"INSERT OR IGNORE INTO main.{table} ({cols}) SELECT {cols} FROM src.{table}")
            _decisions(store)
            db.execute("DROP TABLE new_docs")
            if first:  # how the first ledger cuts its analysis in blocks (0015)
                db.execute(
                    "UPDATE main.analysis_state "
                    "SET block_chars = (SELECT block_chars FROM src.analysis_state)"
                )
        return {"articles": added, "duplicates": total - added, "actors": actors}
    finally:
        db.execute("DETACH DATABASE src")


def _check_version(store: Store, path: str) -> None:
    want = store.db.execute("SELECT max(number) FROM main.migrations").fetchone()[0]
    have = store.db.execute("SELECT max(number) FROM src.migrations").fetchone()[0]
    if have != want:
        raise StoreError(
            f"{path} is at migration {have}, this newsledger at {want}: open it once with this "
            f"version (e.g. `newsledger --db {path} stats`) to upgrade it, then merge",
            code="NL-MERGE-VERSION",
        )


def _common(store: Store, table: str, skip: tuple[str, ...] = ()) -> str:
    """The columns of ``table`` both ledgers have, quoted, for INSERT ... SELECT."""
    mine = [r[1] for r in store.db.execute(f"PRAGMA main.table_info({table})")]
    theirs = {r[1] for r in store.db.execute(f"PRAGMA src.table_info({table})")}
    return ", ".join(f'"{c}"' for c in mine if c in theirs and c not in skip)


def _entities(store: Store) -> int:
    """Copy the actors of ``src``; an actor in both keeps one row with the spellings of both."""
    db = store.db
    both = db.execute(
        "SELECT m.id, m.aliases, s.aliases FROM main.entities m JOIN src.entities s ON s.id = m.id"
    ).fetchall()
    db.executemany(
        "UPDATE main.entities SET aliases = ? WHERE id = ?",
        [(_union(a, b), i) for i, a, b in both if a != b],
    )
    cols = _common(store, "entities")
    cur = db.execute(f"INSERT OR IGNORE INTO main.entities ({cols}) SELECT {cols} FROM src.entities")
    return cur.rowcount


def _union(a: str | None, b: str | None) -> str:
    return json.dumps(sorted(set(json.loads(a or "[]")) | set(json.loads(b or "[]"))), ensure_ascii=False)


def _decisions(store: Store) -> None:
    """The analysts' decisions of ``src`` that the merged ledger has not got yet, in order."""
    key = "action, actor, COALESCE(other, ''), COALESCE(name, '')"
    store.db.execute(
        "INSERT INTO main.actor_decisions (action, actor, other, name, new_id, decided_by, note, created_at) "
        "SELECT action, actor, other, name, new_id, decided_by, note, created_at FROM src.actor_decisions "
        f"WHERE ({key}) NOT IN (SELECT {key} FROM main.actor_decisions) ORDER BY id"
    )
