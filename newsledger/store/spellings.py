"""Which actors a typed name stands for, answered in SQL from ``actor_spellings`` (0021).

Each actor's name, aliases and id are kept folded (``kb.names.fold``) and keyed
(``kb.names.key``, transliteration-insensitive). Triggers give every written or renamed
actor a new revision (``entity_revs``); ``sync`` folds only the actors past the revision the
table was filled to and writes them, so the work is done once per change of an actor, not
per request or per process. A reader that cannot write (a read-only ledger, or a writer
holding the lock) keeps the actors it folded in memory and answers from both.
"""

from __future__ import annotations

import json
import sqlite3
import threading

from newsledger.kb.names import fold, key
from newsledger.store.db import Store

# (ledger path) -> (revision folded to, {entity_id: [(folded, key), ...]}) for the actors a
# read-only reader could not write
_UNSAVED: dict[str, tuple[int, dict[str, list[tuple[str, str, int]]]]] = {}
_LOCK = threading.Lock()


def spellings(entity_id: str, name: str | None, aliases: str | None) -> list[tuple[str, str, int]]:
    """(folded, key, is_id) of each name of an actor: its name, its aliases and its id."""
    try:
        more = json.loads(aliases) if aliases else []
    except ValueError:
        more = []
    names = dict.fromkeys(n for n in [name, *more] if n)
    return [(fold(n), key(n), 0) for n in names] + [(fold(entity_id), key(entity_id), 1)]


def sync(store: Store) -> dict[str, list[tuple[str, str, int]]]:
    """Fold the actors written since the table was filled; returns those it could not write."""
    latest = store.db.execute("SELECT n FROM entity_rev").fetchone()[0]
    done = store.db.execute("SELECT rev FROM actor_spellings_state").fetchone()[0]
    with _LOCK:
        mem_rev, unsaved = _UNSAVED.get(store.path, (done, {}))
    since = max(done, mem_rev)
    if latest <= since:
        return unsaved if mem_rev > done else {}
    rows = store.db.execute(
        "SELECT r.entity_id, e.name, e.aliases FROM entity_revs r JOIN entities e ON e.id = r.entity_id "
        "WHERE r.rev > ?",
        (since,),
    ).fetchall()
    folded = {eid: spellings(eid, name, aliases) for eid, name, aliases in rows}
    if _save(store, folded, since, latest):
        with _LOCK:
            _UNSAVED.pop(store.path, None)
        return {}
    with _LOCK:
        merged = {**(unsaved if mem_rev > done else {}), **folded}
        _UNSAVED[store.path] = (latest, merged)
    return merged


def _save(store: Store, folded: dict, since: int, latest: int) -> bool:
    """Write the folded actors unless the ledger is read-only or another writer holds it
    (a page never waits for an ingest: it answers from memory meanwhile)."""
    db = store.db
    try:
        db.execute("PRAGMA busy_timeout = 0")
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        db.execute("PRAGMA busy_timeout = 30000")
        return False
    try:
        # another reader may have written them meanwhile: then this is the same again
        ids = json.dumps(list(folded))
        for table in ("actor_spellings", "actor_words"):
            db.execute(f"DELETE FROM {table} WHERE entity_id IN (SELECT value FROM json_each(?))", (ids,))
        db.executemany(
            "INSERT INTO actor_spellings (entity_id, folded, key, is_id) VALUES (?, ?, ?, ?)",
            [(eid, *s) for eid, names in folded.items() for s in names],
        )
        db.executemany(
            "INSERT INTO actor_words (word, entity_id) VALUES (?, ?)",
            [
                (w, eid)
                for eid, names in folded.items()
                for w in {w for f, _, is_id in names if not is_id for w in f.split()}
            ],
        )
        db.execute("UPDATE actor_spellings_state SET rev = max(rev, ?)", (latest,))
        db.execute("COMMIT")
        return True
    except sqlite3.OperationalError:
        db.execute("ROLLBACK")
        return False
    finally:
        db.execute("PRAGMA busy_timeout = 30000")


def _sql_ids(store: Store, where: str, params: list, unsaved: dict) -> set[str]:
    ids = {
        r[0]
        for r in store.db.execute(f"SELECT DISTINCT entity_id FROM actor_spellings WHERE {where}", params)
    }
    # actors folded in memory replace what the table holds of them
    return ids - set(unsaved)


def with_words(store: Store, want: list[str]) -> set[str]:
    """Actors with a name, alias or id holding the folded words ``want`` in sequence."""
    unsaved = sync(store)
    seq = " " + " ".join(want) + " "
    # the actors holding every word (by index), then the words in sequence in one name
    words = sorted(set(want))
    cands = (
        "entity_id IN (SELECT entity_id FROM actor_words WHERE word IN (SELECT value FROM json_each(?)) "
        "GROUP BY entity_id HAVING COUNT(*) = ?)"
    )
    ids = _sql_ids(
        store,
        f"{cands} AND NOT is_id AND instr(' ' || folded || ' ', ?) > 0",
        [json.dumps(words), len(words), seq],
        unsaved,
    )
    return ids | {e for e, names in unsaved.items() if any(seq in f" {f} " for f, _, i in names if not i)}


def containing(store: Store, text: str) -> set[str]:
    """Actors with a name, alias or id holding ``text`` (folded) anywhere, or spelled as it
    is by transliteration (the same key)."""
    unsaved = sync(store)
    f, k = fold(text), key(text)
    ids = _sql_ids(store, "key = ?", [k], unsaved) | _holding(store, f, unsaved, names_only=False)
    return ids | {e for e, names in unsaved.items() if any(k == pk or f in pf for pf, pk, _ in names)}


def _holding(store: Store, f: str, unsaved: dict, *, names_only: bool) -> set[str]:
    """Actors with a folded spelling holding ``f``: through the trigram index from three
    characters on (any shorter text is in most names: a scan finds them as fast)."""
    names = " AND NOT s.is_id" if names_only else ""
    if len(f) >= 3:
        sql = (
            "SELECT DISTINCT s.entity_id FROM actor_spellings_text t JOIN actor_spellings s "
            f"ON s.rowid = t.rowid WHERE actor_spellings_text MATCH ?{names}"
        )
        params = ['"' + f.replace('"', '""') + '"']
    else:
        sql = f"SELECT DISTINCT s.entity_id FROM actor_spellings s WHERE instr(s.folded, ?) > 0{names}"
        params = [f]
    return {r[0] for r in store.db.execute(sql, params)} - set(unsaved)


def spelled(store: Store, text: str) -> list[set[str]]:
    """[actors with a name or alias spelled ``text`` once folded, those spelled as it by
    transliteration (the same key)]: what ``kb.actors.find`` tries in turn."""
    unsaved = sync(store)
    out = []
    for col, value, at in (("folded", fold(text), 0), ("key", key(text), 1)):
        ids = _sql_ids(store, f"{col} = ? AND NOT is_id", [value], unsaved)
        out.append(
            ids | {e for e, names in unsaved.items() if any(n[at] == value for n in names if not n[2])}
        )
    return out


def naming(store: Store, text: str) -> set[str]:
    """Actors with a name or alias (not the id) holding ``text`` (folded) anywhere."""
    unsaved = sync(store)
    f = fold(text)
    ids = _holding(store, f, unsaved, names_only=True)
    return ids | {e for e, names in unsaved.items() if any(f in pf for pf, _, i in names if not i)}
