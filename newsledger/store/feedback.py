"""Marks an analyst puts on records (0012): wrong or confirmed, with a note, kept with history.

Records marked wrong drop out of lists and counts unless asked for (``WRONG`` gives the SQL
that the readers add); the marks are exported with the ledger like any table.
"""

from __future__ import annotations

from newsledger.errors import StoreError
from newsledger.store.db import Store, now

TABLES = {"quotes": "quotes", "events": "events", "contradictions": "contradictions", "actors": "entities"}
MARKS = ("wrong", "confirmed", "cleared")


def wrong_ids(table: str) -> str:
    """SQL for the ids of a table's records whose latest mark is 'wrong'."""
    return (
        (
            f"SELECT CAST(record_id AS INTEGER) FROM feedback_current WHERE record_table = "
            f"'{TABLES[table]}' AND mark = 'wrong'"
        )
        if table != "actors"
        else ("SELECT record_id FROM feedback_current WHERE record_table = 'entities' AND mark = 'wrong'")
    )


def mark(
    store: Store,
    table: str,
    record_id: str | int,
    mark_: str,
    *,
    note: str | None = None,
    by: str | None = None,
) -> dict:
    """Mark one record; the record must exist. Returns the stored mark."""
    if table not in TABLES:
        raise StoreError(f"no records of kind {table!r}; one of {', '.join(TABLES)}", code="NL-FEEDBACK-KIND")
    if mark_ not in MARKS:
        raise StoreError(f"mark must be one of {', '.join(MARKS)}", code="NL-FEEDBACK-MARK")
    real = TABLES[table]
    if not store.db.execute(f"SELECT 1 FROM {real} WHERE id = ?", (record_id,)).fetchone():
        raise StoreError(
            f"no {table[:-1] if table != 'actors' else 'actor'} with id "
            f"{record_id!r}; ids are in the lists and exports",
            code="NL-FEEDBACK-NOT-FOUND",
        )
    with store.transaction():
        cur = store.db.execute(
            "INSERT INTO feedback (record_table, record_id, mark, note, by, at) VALUES (?, ?, ?, ?, ?, ?)",
            (real, str(record_id), mark_, note, by, now()),
        )
    return store.query("SELECT * FROM feedback WHERE id = ?", (cur.lastrowid,))[0]


def listing(store: Store, *, table: str | None = None, current: bool = True) -> list[dict]:
    src = "feedback_current" if current else "feedback"
    if table:
        return store.query(
            f"SELECT * FROM {src} WHERE record_table = ? ORDER BY id", (TABLES.get(table, table),)
        )
    return store.query(f"SELECT * FROM {src} ORDER BY id")


def history(store: Store, table: str, record_id: str | int) -> list[dict]:
    """Every mark one record was given, oldest first."""
    return store.query(
        "SELECT * FROM feedback WHERE record_table = ? AND record_id = ? ORDER BY id",
        (TABLES[table], str(record_id)),
    )


_SUMMARY = {
    "quotes": "SELECT q.id, q.text, q.speaker_name AS who, q.doc_id, d.name AS doc_name, d.outlet "
    "FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE q.id = ?",
    "events": "SELECT e.id, e.text, e.type || ': ' || COALESCE(e.source_name, '?') || ' → ' || "
    "COALESCE(e.target_name, '?') AS who, e.doc_id, d.name AS doc_name, d.outlet "
    "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?",
    "contradictions": "SELECT id, \"values\" AS text, COALESCE(subject_name, subject) || ' ' || predicate "
    "AS who FROM contradictions WHERE id = ?",
    "actors": "SELECT id, name AS text, type AS who FROM entities WHERE id = ?",
}


def record(store: Store, table: str, record_id: str | int) -> dict | None:
    """What the mark is about, in a few words: text, who, and the article (id, name,
    outlet) when the record comes from one."""
    if table not in TABLES:
        raise StoreError(f"no records of kind {table!r}; one of {', '.join(TABLES)}", code="NL-FEEDBACK-KIND")
    rows = store.query(_SUMMARY[table], (record_id,))
    return rows[0] if rows else None
