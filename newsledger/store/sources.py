"""Sources the user follows (feeds and pages) and the feed entries already seen (0009)."""

from __future__ import annotations

from newsledger.store.db import Store, now

MAX_TRIES = 3  # a failed feed entry is tried again on the next polls, this many times in all


def add(store: Store, url: str, kind: str, title: str | None = None) -> dict:
    """Follow ``url`` (idempotent: an existing source is made active again)."""
    with store.transaction():
        store.db.execute(
            "INSERT OR IGNORE INTO sources (url, kind, title, added_at) VALUES (?, ?, ?, ?)",
            (url, kind, title, now()),
        )
        store.db.execute("UPDATE sources SET active=1 WHERE url=?", (url,))
    return get(store, url)


def get(store: Store, url_or_id) -> dict | None:
    col = "id" if isinstance(url_or_id, int) or str(url_or_id).isdigit() else "url"
    rows = store.query(f"SELECT * FROM sources WHERE {col}=?", (url_or_id,))
    return rows[0] if rows else None


def listing(store: Store, *, kind: str | None = None, active: bool | None = None) -> list[dict]:
    where, args = [], []
    if kind:
        where.append("kind=?")
        args.append(kind)
    if active is not None:
        where.append("active=?")
        args.append(int(active))
    sql = "SELECT * FROM sources" + (" WHERE " + " AND ".join(where) if where else "")
    return store.query(sql + " ORDER BY id", tuple(args))


def remove(store: Store, url_or_id) -> bool:
    """Stop following a source; what it brought stays in the ledger, its history is dropped."""
    row = get(store, url_or_id)
    if row is None:
        return False
    with store.transaction():
        store.db.execute("DELETE FROM sources WHERE id=?", (row["id"],))
    return True


def set_kind(store: Store, source_id: int, kind: str, title: str | None) -> None:
    with store.transaction():
        store.db.execute(
            "UPDATE sources SET kind=?, title=COALESCE(?, title) WHERE id=?", (kind, title, source_id)
        )


def record_poll(
    store: Store,
    source_id: int,
    status: str,
    *,
    new: int = 0,
    code: str | None = None,
    error: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """One poll's outcome; validators are kept only from a successful poll."""
    failed = status == "failed"
    with store.transaction():
        store.db.execute(
            "UPDATE sources SET last_poll=?, last_status=?, last_error_code=?, last_error=?, "
            "polls=polls+1, failures=failures+?, articles=articles+?, "
            "etag=CASE WHEN ? THEN etag ELSE ? END, "
            "last_modified=CASE WHEN ? THEN last_modified ELSE ? END WHERE id=?",
            (
                now(),
                status,
                code,
                error,
                int(failed),
                new,
                int(failed or status == "not-modified"),
                etag,
                int(failed or status == "not-modified"),
                last_modified,
                source_id,
            ),
        )


def seen(store: Store, source_id: int) -> dict[str, dict]:
    rows = store.query("SELECT item_key, status, tries FROM source_items WHERE source_id=?", (source_id,))
    return {r["item_key"]: r for r in rows}


def wanted(entry_keys, known: dict[str, dict]) -> list[str]:
    """Entries to fetch: never seen, or failed fewer than MAX_TRIES times."""
    return [
        k
        for k in entry_keys
        if k not in known or (known[k]["status"] == "failed" and known[k]["tries"] < MAX_TRIES)
    ]


def record_item(
    store: Store,
    source_id: int,
    key: str,
    url: str,
    status: str,
    *,
    doc_id: str | None = None,
    code: str | None = None,
    error: str | None = None,
) -> None:
    t = now()
    with store.transaction():
        store.db.execute(
            "INSERT INTO source_items (source_id, item_key, url, status, doc_id, error_code, "
            "error, first_seen, last_tried) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source_id, item_key) DO UPDATE SET status=excluded.status, "
            "doc_id=excluded.doc_id, error_code=excluded.error_code, error=excluded.error, "
            "tries=tries+1, last_tried=excluded.last_tried",
            (source_id, key, url, status, doc_id, code, error, t, t),
        )
