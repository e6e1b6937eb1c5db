"""The actors list read in SQL: counts kept by triggers (0020), names matched in SQL (0021).

The same rows and order as ``kb.actors.list_actors`` (most mentioned first, then by name),
without counting the mentions table or folding every actor's names per request.
"""

from __future__ import annotations

import json

from newsledger.store.db import Store
from newsledger.store.feedback import wrong_ids
from newsledger.store.paging import capped_count

_FROM = "FROM entities e LEFT JOIN actor_counts c ON c.entity_id = e.id"
_SELECT = "e.*, COALESCE(c.mentions, 0) AS mentions, COALESCE(c.articles, 0) AS articles"


def actors_page(
    store: Store,
    *,
    type: str | None = None,
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
    marked: bool = False,
) -> tuple[int, list[dict]]:
    """(count capped at paging.COUNT_CAP, negative past it; a page of actors with their
    mentions, articles and aliases as a list), those marked wrong only with ``marked``."""
    from newsledger.store.spellings import containing

    where, params = ([] if marked else [f"e.id NOT IN ({wrong_ids('actors')})"]), []
    if type:
        where.append("(upper(e.type) = ? OR upper(json_extract(e.attrs, '$.kb_type')) = ?)")
        params += [type.upper(), type.upper()]
    if search:
        where.append("e.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(containing(store, search))))
    cond = " WHERE " + " AND ".join(where) if where else ""
    n, exact = capped_count(store.db, f"FROM entities e{cond}", params)
    # the mentioned actors walked down the counts' index, then those never mentioned by name
    also = (" AND " + " AND ".join(where)) if where else ""
    rows = store.query(
        f"SELECT {_SELECT} FROM actor_counts c JOIN entities e ON e.id = c.entity_id{cond} "
        f"ORDER BY c.mentions DESC, e.name LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    )
    if len(rows) < limit:
        counted = offset + len(rows) if rows else _counted(store, cond, params)
        rows += store.query(
            f"SELECT {_SELECT} {_FROM} WHERE c.entity_id IS NULL{also} ORDER BY e.name "
            f"LIMIT {int(limit) - len(rows)} OFFSET {max(0, int(offset) - counted)}",
            params,
        )
    for r in rows:
        try:
            r["aliases"] = json.loads(r.get("aliases") or "[]")
        except ValueError:
            r["aliases"] = []
    return (n if exact else -n), rows


def _counted(store: Store, cond: str, params: list) -> int:
    """How many mentioned actors the filters select (a page past all of them is asked)."""
    return store.db.execute(
        f"SELECT COUNT(*) FROM actor_counts c JOIN entities e ON e.id = c.entity_id{cond}", params
    ).fetchone()[0]
