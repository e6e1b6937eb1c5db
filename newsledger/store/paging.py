"""Pages of a long list without counting or skipping every row before them.

Two tools the lists share (REST API, web UI, CLI):

- ``capped_count``: how many rows match, counted only up to a cap (Datasette's way): on a
  ledger of a million quotes an exact count is a scan of the index per new filter
  (~0.2 s per 1M rows), while a page costs a page. Past the cap a list says "1,000+".
- keyset cursors: an opaque token holding the sort key of a page's last row; the next page
  starts after it through the sort index (``after_clause``), where OFFSET would read and drop
  every row before the page.
"""

from __future__ import annotations

import base64
import json

from newsledger.errors import StoreError

COUNT_CAP = 1_000


def capped_count(db, source_where: str, params, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, exact) of ``SELECT ... {source_where}``: exact up to ``cap`` rows, else (cap, False)."""
    n = db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 {source_where} LIMIT {int(cap) + 1})", list(params)
    ).fetchone()[0]
    return (n, True) if n <= cap else (cap, False)


def encode_cursor(values) -> str:
    """The sort key of a row as an opaque, URL-safe token."""
    raw = json.dumps(list(values), separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str, arity: int) -> list:
    """The sort key ``encode_cursor`` made; a token that is not one is a client error."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError):
        values = None
    ok = isinstance(values, list) and len(values) == arity
    if not ok or not all(v is None or isinstance(v, (str, int, float)) for v in values):
        raise StoreError(
            f"the cursor {token[:40]!r} is not one this list returned; pass the `cursor` of the "
            "previous page as `after`, or page with `offset`",
            code="NL-QUERY-CURSOR",
        )
    return values


def after_clause(columns: list[str], values: list) -> tuple[str, list]:
    """SQL selecting the rows after ``values`` in the ascending order of ``columns`` (the first
    may be NULL, sorted first as SQLite does; the others are never NULL). The first column's
    range is stated on its own so that its index is searched, not scanned."""
    first, rest = columns[0], columns[1:]
    tail = f"({', '.join(rest)}) > ({', '.join('?' * len(rest))})"
    if values[0] is None:
        return f"({first} IS NOT NULL OR ({first} IS NULL AND {tail}))", list(values[1:])
    return (
        f"{first} >= ? AND ({first} > ? OR {tail})",
        [values[0], values[0], *values[1:]],
    )
