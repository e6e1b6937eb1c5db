"""Actors kept apart on weak evidence, and actors most likely merged wrongly.

The entities stage joins mentions across articles only on strong evidence (a
KB entry, a compatible full name). Where the evidence is weak (a bare surname
that full names of the ledger end with, an organisation's short form), the
two actors stay apart and ``record`` stores a scored "possibly the same as"
link (``actor_links``, migration 0005) that ``newsledger actor NAME`` and the
API show. ``suspects`` lists the merges most likely wrong, for an analyst.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from nicknames import NickNamer

from newsledger.kb import base
from newsledger.kb.names import fold, tokens, token_key
from newsledger.store.db import Store, now

SURNAME_SCORE = 0.5      # a one-word name that full names of the ledger end with
SHORT_FORM_SCORE = 0.6   # an organisation named by the end of another's name
_LIMIT = 20              # candidates per actor: a common surname is no evidence at all


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def record(store: Store, doc_id: str) -> int:
    """Possible links of the actors of one article just written; how many were stored."""
    ents = store.query("SELECT DISTINCT e.id, e.type, e.kb_id FROM mentions m "
                       "JOIN entities e ON e.id = m.entity_id WHERE m.doc_id=? "
                       "AND NOT COALESCE(m.nominal, 0)", (doc_id,))
    rows = []
    for e in ents:
        if e["kb_id"]:
            continue
        for other, score, reason in _candidates(store, e):
            a, b = sorted((e["id"], other))
            rows.append((a, b, score, reason, now()))
    if rows:
        with store.transaction():
            store.db.executemany("INSERT OR IGNORE INTO actor_links VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def _candidates(store: Store, e: dict):
    aid, typ = e["id"], e["type"]
    base_id, _, scoped = aid.partition("~")
    if typ == "PERSON" and scoped and "_" not in base_id:
        # "Bush" of one article: the full names of the ledger ending with it.
        hits = store.query("SELECT id FROM entities WHERE type='PERSON' AND id LIKE ? "
                           "ESCAPE '\\' AND id NOT LIKE '%~%' LIMIT ?",
                           (f"%\\_{_like(base_id)}", _LIMIT + 1))
        if len(hits) <= _LIMIT:
            yield from ((h["id"], SURNAME_SCORE, "same surname") for h in hits)
    elif typ not in ("PERSON", "GPE", "LOC", "FAC", "NORP") and not scoped:
        longer = store.query("SELECT id FROM entities WHERE type=? AND kb_id IS NULL AND id LIKE ? "
                             "ESCAPE '\\' LIMIT ?", (typ, f"%\\_{_like(aid)}", _LIMIT + 1))
        if len(longer) <= _LIMIT:
            yield from ((h["id"], SHORT_FORM_SCORE, "short form") for h in longer)
        parts = aid.split("_")
        tails = ["_".join(parts[i:]) for i in range(1, len(parts))]
        if tails:
            shorter = store.query(f"SELECT id FROM entities WHERE type=? AND kb_id IS NULL AND id IN "
                                  f"({', '.join('?' for _ in tails)})", (typ, *tails))
            yield from ((h["id"], SHORT_FORM_SCORE, "short form") for h in shorter)


def links_of(store: Store, aid: str) -> list[dict]:
    """The actors possibly the same as ``aid``, best first, with their names."""
    rows = store.query(
        "SELECT CASE WHEN l.a=? THEN l.b ELSE l.a END AS id, l.score, l.reason "
        "FROM actor_links l WHERE l.a=? OR l.b=? ORDER BY l.score DESC", (aid, aid, aid))
    names = {r["id"]: r["name"] for r in store.query(
        f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' for _ in rows)})",
        [r["id"] for r in rows])} if rows else {}
    return [{**r, "name": names[r["id"]]} for r in rows if r["id"] in names]


# ---------------------------------------------------------------- suspects
_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "nationality"}
_NICK = None


def _given_same(a: str, b: str) -> bool:
    """Given names of one person: the same key, or a nickname of it (Bill/William)."""
    global _NICK
    if a == b or token_key(a) == token_key(b) or a.startswith(b) or b.startswith(a):
        return True
    if _NICK is None:
        _NICK = NickNamer()
    return b in _NICK.nicknames_of(a) or a in _NICK.nicknames_of(b) \
        or bool(_NICK.canonicals_of(a) & _NICK.canonicals_of(b))


def suspects(store: Store, limit: int | None = None) -> list[dict]:
    """Actors most likely merged wrongly, most mentions first: several given names
    under one surname, mentions of several kinds, places of different levels; and
    spellings held by several actors (one row per spelling)."""
    spell: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for r in store.query("SELECT entity_id AS id, text, label, count(*) AS n FROM mentions "
                         "WHERE NOT COALESCE(nominal, 0) GROUP BY entity_id, text, label"):
        spell[r["id"]][r["text"]] += r["n"]
        labels[r["id"]][r["label"]] += r["n"]
    ents = {r["id"]: r for r in store.query("SELECT id, name, type FROM entities")}
    out = []
    for aid, texts in spell.items():
        e = ents.get(aid, {"name": aid, "type": None})
        n = sum(texts.values())
        for reason, detail in _reasons(e, texts, labels[aid]):
            out.append({"id": aid, "name": e["name"], "reason": reason, "detail": detail,
                        "mentions": n})
    out += _shared_names(spell, ents)
    out.sort(key=lambda r: (-r["mentions"], r["id"], r["reason"]))
    return out[:limit] if limit else out


def _reasons(e: dict, texts: Counter, labels: Counter):
    given = _given_names(texts)
    if len(given) > 1:
        yield "several given names", ", ".join(f"{g} ({n})" for g, n in given.most_common(6))
    kinds = Counter()
    for label, n in labels.items():
        kinds[_KIND.get(label, "group")] += n
    if len(kinds) > 1:
        yield "mixed kinds", ", ".join(f"{k} ({n})" for k, n in kinds.most_common())
    if _KIND.get(e.get("type")) == "place":
        levels = _place_levels(texts)
        if len(levels) > 1:
            yield "places of different levels", ", ".join(f"{t}: {n}" for t, n in levels.items())


def _given_names(texts: Counter) -> Counter:
    """First names of the full names, nickname variants counted as one."""
    firsts: Counter = Counter()
    for text, n in texts.items():
        toks = tokens(text, strip_honorifics=True)
        if len(toks) > 1 and len(toks[0]) > 1:
            same = next((g for g in firsts if _given_same(g, toks[0])), toks[0])
            firsts[same] += n
    return firsts


def _place_levels(texts: Counter) -> dict[str, str]:
    kb = base.default()
    levels: dict[str, str] = {}
    for text in texts:
        a = kb.lookup(text)
        if a is not None and a.type in base.PLACE_TYPES:
            levels.setdefault(a.type, text)
    return levels


def _shared_names(spell: dict[str, Counter], ents: dict) -> list[dict]:
    """A multi-word spelling under several actors: one of them may be wrong."""
    holders: dict[str, Counter] = defaultdict(Counter)
    for aid, texts in spell.items():
        if "~" in aid:
            continue          # one-word names of one article: apart by design
        for text, n in texts.items():
            if len(tokens(text)) > 1:
                holders[fold(text)][aid] += n
    out = []
    for name, who in holders.items():
        if len(who) > 1:
            out.append({"id": ", ".join(sorted(who)), "name": name,
                        "reason": "one name, several actors",
                        "detail": ", ".join(f"{ents.get(a, {}).get('name', a)} ({n})"
                                            for a, n in who.most_common(6)),
                        "mentions": sum(who.values())})
    return out
