"""Read-side queries shared by the CLI, the API and exports."""
from __future__ import annotations

from newsledger.kb.names import fold
from newsledger.store.db import Store


def _fts_phrase(text: str) -> str:
    # Quote every term so user input never becomes FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in text.split())


def quotes(store: Store, *, speaker=None, search=None, since=None, until=None, limit=None) -> list[dict]:
    """Quotes with their article's name, outlet and date; filters combine."""
    sql = ["SELECT q.*, d.name AS doc_name, d.outlet, d.published, d.title "
           "FROM quotes q JOIN documents d ON d.id = q.doc_id"]
    where, params = [], []
    if search:
        where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts_phrase(search))
    if since:
        where.append("COALESCE(q.date, d.published) >= ?")
        params.append(since)
    if until:
        where.append("COALESCE(q.date, d.published) <= ?")
        params.append(until + "\uffff")
    if where:
        sql.append("WHERE " + " AND ".join(where))
    sql.append("ORDER BY COALESCE(q.date, d.published), d.name, q.start")
    rows = store.query(" ".join(sql), params)
    if speaker:
        rows = [r for r in rows if _speaker_matches(store, r, speaker)]
    return rows[:limit] if limit else rows


def _speaker_matches(store: Store, row: dict, name: str) -> bool:
    """The name matches the speaker's name or any alias of the speaker's actor."""
    want = fold(name)
    if not want:
        return False
    names = [row.get("speaker_name") or ""]
    if row.get("speaker_id"):
        ent = store.query("SELECT name, aliases FROM entities WHERE id=?", (row["speaker_id"],))
        if ent:
            names.append(ent[0]["name"])
            names.extend(_json_list(ent[0]["aliases"]))
    return any(want == fold(n) or want in fold(n).split() or want in fold(n) for n in names if n)


def _json_list(s) -> list[str]:
    import json
    try:
        return json.loads(s) if s else []
    except ValueError:
        return []
