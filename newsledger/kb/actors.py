"""Read-side queries about actors: the list, and one actor's file (any spelling)."""

from __future__ import annotations

import json

from newsledger.kb import base
from newsledger.store.db import Store
from newsledger.store.feedback import wrong_ids


def _aliases(row: dict) -> list[str]:
    try:
        return json.loads(row.get("aliases") or "[]")
    except ValueError:
        return []


_COUNTED = (
    "SELECT e.*, COALESCE(c.n, 0) AS mentions, COALESCE(c.d, 0) AS articles FROM entities e "
    "LEFT JOIN (SELECT entity_id, COUNT(*) AS n, COUNT(DISTINCT doc_id) AS d FROM mentions "
    "{where_m} GROUP BY entity_id) c ON c.entity_id = e.id"
)


def list_actors(
    store: Store,
    *,
    type: str | None = None,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    total: list | None = None,
    marked: bool = False,
) -> list[dict]:
    """Actors with their number of mentions and articles, most mentioned first (``total``,
    a list, receives how many match, for paging); actors an analyst marked wrong only
    with ``marked``.

    Filtered, counted, sorted and cut in SQL (mentions counted from the (entity_id, doc_id)
    index); a name search first picks the actors whose spellings hold it, from names alone."""
    where, params, where_m = ([] if marked else [f"e.id NOT IN ({wrong_ids('actors')})"]), [], ""
    if type:
        where.append("(upper(e.type) = ? OR upper(json_extract(e.attrs, '$.kb_type')) = ?)")
        params += [type.upper(), type.upper()]
    if search:
        from newsledger.store.spellings import containing  # folded once per actor change

        ids = json.dumps(sorted(containing(store, search)))
        where.append("e.id IN (SELECT value FROM json_each(?))")
        where_m = "WHERE entity_id IN (SELECT value FROM json_each(?))"
        params = [ids, *params, ids]
    cond = " WHERE " + " AND ".join(where) if where else ""
    if total is not None:  # the caller pages: how many match, counted without the join
        n_params = params[1:] if search else params  # the first is the subquery's
        total.append(store.db.execute(f"SELECT COUNT(*) FROM entities e{cond}", n_params).fetchone()[0])
    sql = _COUNTED.format(where_m=where_m) + cond + " ORDER BY mentions DESC, e.name"
    if limit or offset:
        sql += f" LIMIT {int(limit) if limit else -1} OFFSET {int(offset)}"
    rows = store.query(sql, params)
    for r in rows:
        r["aliases"] = ", ".join(_aliases(r))
    return rows


def find(store: Store, name: str) -> list[dict]:
    """Entity rows a name stands for: id, exact spelling, transliteration key, then the KB."""
    rows = store.query("SELECT * FROM entities WHERE id=?", (name,))
    if rows:
        return rows
    from newsledger.store.spellings import spelled

    for ids in spelled(store, name):  # the exact spelling first, then by transliteration
        if ids:
            return store.query(
                "SELECT * FROM entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                (json.dumps(sorted(ids)),),
            )
    actor = base.default().lookup(name)
    return store.query("SELECT * FROM entities WHERE id=?", (actor.id,)) if actor else []


def profile(store: Store, row: dict, budget: float | None = None) -> dict:
    """One actor: spellings seen with counts, roles, affiliations, first/last seen,
    quotes and events, and the outlets that mention it. With ``budget`` (seconds), the
    counts over its mentions and records (a frequent actor's are scans of 100k+ rows) are
    left None when they run past it and are finished in the background for the next view
    (``store.state.cached_within``)."""
    from newsledger.store.state import cached_within

    aid = row["id"]
    if budget is None:
        counted = _counts(store, aid)
    else:
        counted = cached_within(store, ("actor-counts", aid), lambda st: _counts(st, aid), budget)
    counted = counted or dict.fromkeys(
        ("aliases", "descriptions", "first_seen", "last_seen", "articles", "quotes", "events", "outlets")
    )
    actor = base.default().get(row.get("kb_id") or aid)
    return {
        "id": aid,
        "name": row["name"],
        "type": row.get("type"),
        "kb_id": row.get("kb_id"),
        "kb_type": actor.type if actor else row.get("kb_type"),
        **{k: counted[k] for k in ("aliases", "descriptions")},
        "roles": _roles(actor, row),
        "affiliations": _affiliations(actor),
        **{k: counted[k] for k in ("first_seen", "last_seen", "articles", "quotes", "events", "outlets")},
        "geo": row.get("geo"),
        "possibly_same": _possibly_same(store, aid),
    }


def _counts(store: Store, aid: str) -> dict:
    """What ``profile`` counts over the actor's mentions, quotes and events."""
    spellings = store.query(
        "SELECT text, count(*) AS n FROM mentions WHERE entity_id=? AND NOT COALESCE(nominal, 0) "
        "GROUP BY text ORDER BY n DESC, text",
        (aid,),
    )
    nominal = store.query(
        "SELECT text, count(*) AS n FROM mentions WHERE entity_id=? AND nominal "
        "GROUP BY text ORDER BY n DESC, text",
        (aid,),
    )
    seen = store.query(
        "SELECT min(COALESCE(d.published, d.ingested_at)) AS first, "
        "max(COALESCE(d.published, d.ingested_at)) AS last, count(DISTINCT d.id) AS articles "
        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id=?",
        (aid,),
    )[0]
    outlets = store.query(
        "SELECT COALESCE(d.outlet, '(unknown)') AS outlet, count(DISTINCT d.id) AS articles "
        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.entity_id=? "
        "GROUP BY outlet ORDER BY articles DESC, outlet",
        (aid,),
    )
    return {
        "aliases": [(r["text"], r["n"]) for r in spellings],
        "descriptions": [(r["text"], r["n"]) for r in nominal],
        "first_seen": seen["first"],
        "last_seen": seen["last"],
        "articles": seen["articles"],
        "quotes": store.db.execute("SELECT count(*) FROM quotes WHERE speaker_id=?", (aid,)).fetchone()[0],
        "events": store.db.execute(
            "SELECT count(*) FROM events WHERE source_id=? OR target_id=?", (aid, aid)
        ).fetchone()[0],
        "outlets": [(r["outlet"], r["articles"]) for r in outlets],
    }


def _possibly_same(store: Store, aid: str) -> list[dict]:
    """Actors kept apart from this one on weak evidence (kb/links.py)."""
    from newsledger.kb.links import links_of

    return links_of(store, aid)


def _roles(actor, row: dict) -> list[str]:
    kb = base.default()
    out = []
    for r in actor.roles if actor else row.get("roles") or []:
        if not r.get("role"):
            continue
        of = kb.get(r.get("of"))
        span = f"{r.get('from') or '…'} – {r.get('to') or 'now'}"
        out.append(f"{r['role']} of {of.name if of else r.get('of')} ({span})")
    return out


def _affiliations(actor) -> list[str]:
    if actor is None:
        return []
    kb = base.default()
    return [
        f"{a.get('rel', 'related to').replace('_', ' ')} "
        f"{kb.get(a.get('of')).name if kb.get(a.get('of')) else a.get('of')}"
        for a in actor.affiliations
    ]
