"""Analysts' corrections of actors: merge two, split a spelling off one.

A decision is a row of ``actor_decisions`` (migration 0005), applied at once to
the whole ledger and again, in order, to every article written later
(``apply_to_doc``, called by ``Ledger`` after each write), so it survives
``ingest --reprocess`` and every later ingest. ``export`` writes the decisions
as a user knowledge-base file (``NEWSLEDGER_KB``) for other ledgers.
"""

from __future__ import annotations

import json

import yaml

from newsledger.errors import NewsledgerError
from newsledger.kb.names import fold, key, slug
from newsledger.store.db import Store, now

# Where actor ids are written: (table, column). Quotes' co-speakers are a JSON list.
_ID_COLUMNS = (
    ("mentions", "entity_id"),
    ("quotes", "speaker_id"),
    ("events", "source_id"),
    ("events", "target_id"),
)


class DecisionError(NewsledgerError):
    code = "NL-ACTOR"


def _entity(store: Store, aid: str) -> dict:
    rows = store.query("SELECT * FROM entities WHERE id=?", (aid,))
    if not rows:
        from newsledger.kb.actors import find

        rows = find(store, aid)
    if len(rows) != 1:
        what = "no actor" if not rows else f"{len(rows)} actors ({', '.join(r['id'] for r in rows[:5])})"
        raise DecisionError(
            f"{what} in the ledger for {aid!r}; give one actor id (see `newsledger actors --search`)",
            code="NL-ACTOR-UNKNOWN",
        )
    return rows[0]


def merge(store: Store, keep: str, other: str, *, by: str | None = None, note: str | None = None) -> dict:
    """Record that ``other`` is the same actor as ``keep`` and apply it everywhere."""
    a, b = _entity(store, keep), _entity(store, other)
    if a["id"] == b["id"]:
        raise DecisionError(f"{keep!r} and {other!r} are already one actor ({a['id']})", code="NL-ACTOR-SAME")
    return _record(store, "merge", a["id"], other=b["id"], by=by, note=note)


def split(store: Store, actor: str, name: str, *, by: str | None = None, note: str | None = None) -> dict:
    """Record that the mentions of ``actor`` spelled ``name`` are another actor."""
    a = _entity(store, actor)
    spelled = store.query("SELECT DISTINCT text FROM mentions WHERE entity_id=?", (a["id"],))
    if not any(_same_spelling(r["text"], name) for r in spelled):
        raise DecisionError(
            f"{a['id']} is never mentioned as {name!r}; its spellings are: "
            + ", ".join(sorted({r["text"] for r in spelled})[:20]),
            code="NL-ACTOR-SPELLING",
        )
    return _record(store, "split", a["id"], name=name, new_id=f"{a['id']}~{slug(name)}", by=by, note=note)


def _record(store: Store, action: str, actor: str, **kw) -> dict:
    with store.transaction():
        cur = store.db.execute(
            "INSERT INTO actor_decisions (action, actor, other, name, new_id, decided_by, note, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                action,
                actor,
                kw.get("other"),
                kw.get("name"),
                kw.get("new_id"),
                kw.get("by"),
                kw.get("note"),
                now(),
            ),
        )
        row = store.query("SELECT * FROM actor_decisions WHERE id=?", (cur.lastrowid,))[0]
        _apply(store, row, None)
    return row


def decisions(store: Store) -> list[dict]:
    return store.query("SELECT * FROM actor_decisions ORDER BY id")


def apply_to_doc(store: Store, doc_id: str) -> int:
    """Apply every decision, in order, to one article just written; how many."""
    rows = decisions(store)
    if rows:
        with store.transaction():
            for row in rows:
                _apply(store, row, doc_id)
    return len(rows)


def _apply(store: Store, row: dict, doc_id: str | None) -> None:
    if row["action"] == "merge":
        move(store, row["other"], row["actor"], doc_id)
    else:
        _split(store, row, doc_id)


def _where(doc_id: str | None) -> tuple[str, tuple]:
    return (" AND doc_id=?", (doc_id,)) if doc_id else ("", ())


def move(store: Store, old: str, new: str, doc_id: str | None) -> None:
    """Every record of ``old`` (in one article, or all) becomes ``new``'s."""
    cond, args = _where(doc_id)
    target = store.query("SELECT name FROM entities WHERE id=?", (new,))
    db = store.db
    for table, col in _ID_COLUMNS:
        db.execute(f"UPDATE {table} SET {col}=? WHERE {col}=?{cond}", (new, old, *args))
    if target:
        db.execute(
            f"UPDATE mentions SET entity_name=? WHERE entity_id=?{cond}", (target[0]["name"], new, *args)
        )
    _fold_entity(store, old, new)


def _fold_entity(store: Store, old: str, new: str) -> None:
    """``old``'s spellings join ``new``; its row goes once nothing refers to it."""
    rows = {
        r["id"]: r for r in store.query("SELECT id, aliases FROM entities WHERE id IN (?, ?)", (old, new))
    }
    if old in rows and new in rows:
        aliases = sorted(
            set(json.loads(rows[new]["aliases"] or "[]")) | set(json.loads(rows[old]["aliases"] or "[]"))
        )
        store.db.execute(
            "UPDATE entities SET aliases=? WHERE id=?", (json.dumps(aliases, ensure_ascii=False), new)
        )
    used = store.db.execute("SELECT 1 FROM mentions WHERE entity_id=? LIMIT 1", (old,)).fetchone()
    if not used and new in rows:
        store.db.execute("DELETE FROM entities WHERE id=?", (old,))


def _same_spelling(text: str, name: str) -> bool:
    return fold(text) == fold(name) or key(text) == key(name)


def _split(store: Store, row: dict, doc_id: str | None) -> None:
    """Mentions of the actor spelled ``name`` (and the quotes they are the speaker of)
    go to the new actor; descriptions ("the senator") stay, as they may be either."""
    cond, args = _where(doc_id)
    old, new, name = row["actor"], row["new_id"], row["name"]
    moved = [
        m
        for m in store.query(
            f"SELECT id, doc_id, start, text FROM mentions WHERE entity_id=? "
            f"AND NOT COALESCE(nominal, 0){cond}",
            (old, *args),
        )
        if _same_spelling(m["text"], name)
    ]
    if not moved:
        return
    src = store.query("SELECT * FROM entities WHERE id=?", (old,))
    if not store.query("SELECT 1 FROM entities WHERE id=?", (new,)):
        typ = src[0]["type"] if src else None
        store.db.execute(
            "INSERT INTO entities (id, name, type, kb_id, aliases, attrs) VALUES (?, ?, ?, NULL, ?, '{}')",
            (new, name, typ, json.dumps([name], ensure_ascii=False)),
        )
    db = store.db
    db.executemany(
        "UPDATE mentions SET entity_id=?, entity_name=? WHERE id=?", [(new, name, m["id"]) for m in moved]
    )
    db.executemany(
        "UPDATE quotes SET speaker_id=? WHERE speaker_id=? AND doc_id=? AND speaker_start=?",
        [(new, old, m["doc_id"], m["start"]) for m in moved],
    )
    if src:
        left = {
            r["text"]
            for r in store.query(
                "SELECT DISTINCT text FROM mentions WHERE entity_id=? AND NOT COALESCE(nominal, 0)", (old,)
            )
        }
        aliases = [
            a for a in json.loads(src[0]["aliases"] or "[]") if not _same_spelling(a, name) or a in left
        ]
        db.execute("UPDATE entities SET aliases=? WHERE id=?", (json.dumps(aliases, ensure_ascii=False), old))


def export(store: Store) -> str:
    """The decisions as a user KB file (YAML list of actors; see docs/actors.md):
    a merge gives the kept actor the other's spellings, a split a new actor."""
    out: dict[str, dict] = {}
    for d in decisions(store):
        if d["action"] == "merge":
            keep = store.query("SELECT * FROM entities WHERE id=?", (d["actor"],))
            entry = out.setdefault(
                d["actor"], {"id": d["actor"], "name": keep[0]["name"] if keep else d["actor"], "aliases": []}
            )
            names = store.query(
                "SELECT DISTINCT text FROM mentions WHERE entity_id=? AND NOT COALESCE(nominal, 0)",
                (d["actor"],),
            )
            entry["aliases"] = sorted(set(entry["aliases"]) | {r["text"] for r in names} - {entry["name"]})
        else:
            src = store.query("SELECT type FROM entities WHERE id=?", (d["actor"],))
            out[d["new_id"]] = {
                "id": d["new_id"],
                "name": d["name"],
                "type": _kb_type(src[0]["type"] if src else None),
            }
    return yaml.safe_dump(list(out.values()), allow_unicode=True, sort_keys=False)


def _kb_type(label: str | None) -> str:
    return {"PERSON": "person", "GPE": "city", "LOC": "region", "FAC": "facility", "NORP": "nationality"}.get(
        label or "", "organisation"
    )
