"""Pages of what the cross-report pass stored (merged events, contradictions), read in SQL.

A page reads its own rows through an index and then the reports of just those rows: the
lists used to read every cluster and every event report of the ledger per request (~10 s
at 1M events).
"""

from __future__ import annotations

import json

from newsledger.store.db import Store
from newsledger.store.feedback import wrong_ids
from newsledger.store.paging import after_clause, capped_count, decode_cursor, encode_cursor

# Undated clusters last; the expression is indexed as written (migration 0019).
CLUSTER_DATE = "COALESCE(date, '9999')"
_CLUSTER_KEY = [CLUSTER_DATE, "id"]


def merged_events_page(
    store: Store, *, min_reports: int = 1, limit: int = 50, offset: int = 0, after: str | None = None
) -> tuple[int, list[dict]]:
    """(count capped at paging.COUNT_CAP, negative past it; ``limit`` merged events by date,
    each with its ``report_list``), as ``Ledger.merged_events`` lists them."""
    where, params = ["reports >= ?"], [int(min_reports)]
    n, exact = capped_count(store.db, "FROM event_clusters WHERE " + where[0], params)
    if after:
        more, more_params = after_clause(_CLUSTER_KEY, decode_cursor(after, 2))
        where, params, offset = [*where, more], [*params, *more_params], 0
    rows = store.query(
        f"SELECT * FROM event_clusters WHERE {' AND '.join(where)} ORDER BY {CLUSTER_DATE}, id "
        f"LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    )
    reports: dict[str, list[dict]] = {}
    ids = [r["id"] for r in rows]
    if ids:
        for x in store.query(
            'SELECT e.event_id, e.text, e.start, e."end", d.name AS doc_name, d.outlet, d.published '
            "FROM events e JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.event_id IN ({','.join('?' * len(ids))}) ORDER BY d.published, d.name, e.start",
            ids,
        ):
            reports.setdefault(x["event_id"], []).append(x)
    for r in rows:
        r["report_list"] = reports.get(r["id"], [])
    return (n if exact else -n), rows


def cluster_cursor(row: dict) -> str:
    return encode_cursor([row.get("date") or "9999", row["id"]])


def contradictions_page(
    store: Store, *, marked: bool = False, limit: int = 50, offset: int = 0, after: str | None = None
) -> tuple[int, list[dict]]:
    """(count capped as above, a page of contradictions by id with their values, documents and
    sides decoded and their latest mark); those marked wrong only with ``marked``."""
    from newsledger.store.facets import with_marks

    where, params = ([] if marked else [f"id NOT IN ({wrong_ids('contradictions')})"]), []
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    n, exact = capped_count(store.db, "FROM contradictions" + cond, params)
    if after:
        where, params, offset = [*where, "id > ?"], [*params, *decode_cursor(after, 1)], 0
        cond = " WHERE " + " AND ".join(where)
    rows = store.query(
        f"SELECT * FROM contradictions{cond} ORDER BY id LIMIT {int(limit)} OFFSET {int(offset)}", params
    )
    for r in rows:
        for k in ("values", "docs", "sides"):
            r[k] = json.loads(r[k]) if r[k] else []
    return (n if exact else -n), with_marks(store, "contradictions", rows)


def contradiction_cursor(row: dict) -> str:
    return encode_cursor([row["id"]])
