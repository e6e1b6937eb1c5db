"""Read-side queries the REST API and the web UI share (the Ledger exposes them too)."""

from __future__ import annotations

import json

from newsledger.store.db import RECORD_TABLES, Store
from newsledger.store.paging import capped_count
from newsledger.store.queries import date_window

# Snippet markers: control characters no article contains, so each layer can turn
# them into its own highlight (HTML <mark>, or plain brackets in JSON).
HIT_START, HIT_END = "\x02", "\x03"
DOC_COLUMNS = (
    "id",
    "name",
    "title",
    "outlet",
    "url",
    "published",
    "published_precision",
    "published_method",
    "published_note",
    "chars",
    "ingested_at",
    "processed_at",
    "pipeline_version",
)
COUNTED = ("quotes", "events", "timexes", "mentions", "claims")


def clean_text(text: str | None) -> str | None:
    """A search string as typed, without NULs (SQLite rejects them); None when blank."""
    text = (text or "").replace("\x00", " ").strip()
    return text or None


def fts_phrase(text: str) -> str:
    # Quote every term so user input never becomes FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in (clean_text(text) or "").split())


def documents(
    store: Store, *, outlet=None, since=None, until=None, search=None, limit=None, offset=0, exact=True
) -> tuple[int, list[dict]]:
    """(total matching, one page) of articles, newest first; `search` is full text.
    ``exact=False`` counts up to ``paging.COUNT_CAP`` (``-cap``: more than that). The page is
    read in order from the documents_newest index (0019); words found in many articles are
    tested row by row along it, where every match would be listed and sorted."""
    cols = ", ".join(f"d.{c}" for c in DOC_COLUMNS)
    counts = ", ".join(f"(SELECT count(*) FROM {t} WHERE doc_id = d.id) AS n_{t}" for t in COUNTED)
    where, params = [], []
    phrase = fts_phrase(search) if clean_text(search) else None
    if phrase:
        where.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(phrase)
    if outlet:
        where.append("d.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    date_window(where, params, "d.published", since, until)
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    # words alone: every indexed row is an article (the index's content is the documents
    # table), so they are counted in the full-text index, not by listing every match first
    counted = f"FROM documents d{cond}"
    if phrase and len(where) == 1:
        counted = "FROM documents_fts WHERE documents_fts MATCH ?"
    if exact:
        total = store.db.execute(f"SELECT count(*) {counted}", params).fetchone()[0]
    else:
        n, is_exact = capped_count(store.db, counted, params)
        total = n if is_exact else -n
    if phrase and _many(store, phrase):
        cond = cond.replace(
            "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
            "EXISTS (SELECT 1 FROM documents_fts f WHERE documents_fts MATCH ? AND f.rowid = d.rowid)",
        )
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = store.query(
        f"SELECT {cols}, {counts}, d.rowid AS rowid_ FROM documents d{cond} "
        f"ORDER BY d.published IS NULL, d.published DESC, d.name{page}",
        params,
    )
    snippets = _snippets(store, phrase, [r["rowid_"] for r in rows]) if phrase else {}
    for r in rows:
        if r["rowid_"] in snippets:
            r["snippet"] = snippets[r["rowid_"]]
        del r["rowid_"]
    return total, rows


def _many(store: Store, phrase: str, many: int = 2_000) -> bool:
    n = store.db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT {many + 1})",
        (phrase,),
    ).fetchone()[0]
    return n > many


def _snippets(store: Store, phrase: str, rowids: list[int]) -> dict[int, str]:
    """The matched words in context, for the page's articles only."""
    return {
        r[0]: r[1]
        for r in store.db.execute(
            f"SELECT rowid, snippet(documents_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16) "
            "FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
            (phrase, json.dumps(rowids)),
        )
    }


def document(store: Store, key: str) -> dict | None:
    """``Store.document``'s article (by id, name or a name it was also seen as; else by a
    unique id prefix), each way by index (0024): its ``OR`` read every article with its text."""
    rows = store.query(
        "SELECT * FROM documents WHERE id = ? UNION SELECT * FROM documents WHERE name = ? "
        "UNION SELECT * FROM documents WHERE id IN (SELECT doc_id FROM document_sources WHERE name = ?)",
        (key, key, key),
    )
    if not rows:  # an id prefix (rare: pages link the whole id) as the store reads it
        return store.document(key)
    return rows[0] if len(rows) == 1 else None


def article(store: Store, key: str) -> dict | None:
    """The article with all its records (excluded spans included), sources and stories."""
    doc = document(store, key)
    if doc is None:
        return None
    doc["records"] = {t: store.records(t, doc["id"]) for t in RECORD_TABLES}
    doc["sources"] = store.query(
        "SELECT name, source, source_line, seen_at FROM document_sources "
        "WHERE doc_id=? ORDER BY seen_at, name",
        (doc["id"],),
    )
    doc["stories"] = store.query(
        "SELECT s.id, s.label, s.size, sd.duplicate_of, sd.similarity "
        "FROM story_docs sd JOIN stories s ON s.id = sd.story_id "
        "WHERE sd.doc_id=?",
        (doc["id"],),
    )
    return doc


def actor_records(store: Store, actor_id: str, *, limit: int | None = None) -> dict:
    """Quotes said by, events done by or to, and stances of one actor, by date."""
    page = f" LIMIT {int(limit)}" if limit else ""
    doc = "d.name AS doc_name, d.outlet, d.published"
    quotes = store.query(
        f"SELECT q.*, {doc} FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "WHERE q.speaker_id = ? ORDER BY q.sort_date, d.name, q.start" + page,
        (actor_id,),
    )
    # each side read in date order from its (side, date) index, cut, then the two merged: an
    # OR of the sides would sort every event of a frequent actor
    side = (
        f"SELECT e.*, {doc} FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE e.{} = ? ORDER BY e.sort_date, d.name, e.start, e.id" + page
    )
    events = store.query(
        f"SELECT * FROM ({side.format('source_id')}) UNION "
        f"SELECT * FROM ({side.format('target_id')}) ORDER BY sort_date, doc_name, start, id" + page,
        (actor_id, actor_id),
    )
    stances = store.query(
        f"SELECT s.*, {doc} FROM stances s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.actor_id = ? ORDER BY s.date, d.name, s.start" + page,
        (actor_id,),
    )
    return {"quotes": quotes, "events": events, "stances": stances}


def search_quotes(store: Store, search: str, *, limit: int = 20) -> list[dict]:
    """Quotes whose words or speaker match, with their article (home page search)."""
    if not clean_text(search):
        return []
    phrase = fts_phrase(search)
    many = store.db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT 2001)", (phrase,)
    ).fetchone()[0]
    # words in many quotes: the newest found walking the date index, testing each quote,
    # where listing every match would sort them all
    match = (
        "EXISTS (SELECT 1 FROM quotes_fts f WHERE quotes_fts MATCH ? AND f.rowid = q.id)"
        if many > 2000
        else "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
    )
    return store.query(
        "SELECT q.*, d.name AS doc_name, d.outlet, d.published FROM quotes q "
        f"JOIN documents d ON d.id = q.doc_id WHERE {match} "
        "ORDER BY q.sort_date DESC, q.start LIMIT ?",
        (phrase, int(limit)),
    )
