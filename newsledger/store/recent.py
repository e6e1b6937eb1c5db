"""Where a frequent actor's latest stretch starts.

A frequent actor's whole timeline or brief (290k records at 1M events) is minutes of work;
the timeline (api/timeline.py) and the brief (export/brief.py) show its latest stretch when
no start date is asked for, and say where it starts.
"""

from __future__ import annotations

import json

from newsledger.kb.names import fold
from newsledger.store.db import Store
from newsledger.store.spellings import naming

# Records per actor id and role beyond which a timeline or brief starts at the latest stretch.
MOST = 500


def named(store: Store, actor: str) -> set[str]:
    """The ids a timeline's actor filter reads: actors with a name holding the text."""
    return naming(store, actor) if fold(actor) else set()


def recent_since(store: Store, ids, most: int | None = None) -> str | None:
    """The date from which the latest ``most`` events as source, as target and statements
    of each of the actors ``ids`` lie (each read backwards on its (actor, date) index), or
    None when none holds more."""
    most = MOST if most is None else most
    found = []
    for held in sorted(set(ids)):  # one id at a time: each walk is an index range, no sort
        for table, col in (("events", "source_id"), ("events", "target_id"), ("quotes", "speaker_id")):
            row = store.db.execute(
                f"SELECT sort_date FROM {table} WHERE {col} = ? AND sort_date IS NOT NULL "
                "ORDER BY sort_date DESC LIMIT 1 OFFSET ?",
                (held, most),
            ).fetchone()
            found += [row[0]] if row else []
    return max(found) if found else None


def mentioned_since(store: Store, ids, since: str) -> set[str]:
    """Articles published on or after ``since`` that mention one of the actors ``ids``:
    read newest first on the articles' date index, each checked on the mentions' index."""
    return {
        r[0]
        for r in store.db.execute(
            "SELECT d.id FROM documents d WHERE d.published >= ? AND EXISTS (SELECT 1 FROM mentions m "
            "WHERE m.doc_id = d.id AND m.entity_id IN (SELECT value FROM json_each(?)))",
            (since, json.dumps(sorted(ids))),
        )
    }
