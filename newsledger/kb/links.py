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

from newsledger.kb import base
from newsledger.kb.linking_kinds import context, vote
from newsledger.kb.names import fold, given_variants, nicknamer, token_key, tokens
from newsledger.store.db import Store, now

SURNAME_SCORE = 0.5  # a one-word name that full names of the ledger end with
SHORT_FORM_SCORE = 0.6  # an organisation named by the end of another's name
VARIANT_SCORE = 0.7  # one surname, given names that are variants (Fred / Frederick)
MIN_SHARED = 2  # actors an article must share with the other's articles to join
_LIMIT = 20  # candidates per actor: a common surname is no evidence at all
_KINDS_LINKED = {"PERSON", "ORG"}


def tail(aid: str) -> str:
    """The last word of an actor id: "tilir_hansbrug" and "hansbrug~3f2a" -> "hansbrug"."""
    return aid.partition("~")[0].rsplit("_", 1)[-1]


def link(store: Store, doc_id: str) -> int:
    """Join or link the actors of one article just written; how many joined.

    An actor the KB does not know joins one of the ledger on a weak match (a
    bare surname, an organisation's short form, a given-name variant) only when
    the article also shares at least ``MIN_SHARED`` other actors with that
    actor's articles, and no other candidate does as well; otherwise the two
    stay apart with a scored link. Articles met earlier whose one-word actor
    this article's full name now explains are linked again. First each name takes the
    ledger's majority kind (``linking_kinds.vote``)."""

    vote(store, doc_id)
    ents = _doc_entities(store, doc_id)
    with store.transaction():
        store.db.executemany(
            "INSERT OR IGNORE INTO actor_tails VALUES (?, ?)", [(tail(e["id"]), e["id"]) for e in ents]
        )
    joined = 0
    for e in ents:
        joined += _link_entity(store, doc_id, e, ents)
        if "~" not in e["id"] and len(e["id"].split("_")) > 1:
            for other in _scoped_namesakes(store, e):
                for d in store.query(
                    "SELECT DISTINCT doc_id FROM mentions WHERE entity_id=?", (other["id"],)
                ):
                    joined += _link_entity(store, d["doc_id"], other, _doc_entities(store, d["doc_id"]))
    return joined


def _doc_entities(store: Store, doc_id: str) -> list[dict]:
    return store.query(
        "SELECT DISTINCT e.id, e.name, e.type, e.kb_id FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.doc_id=? "
        "AND NOT COALESCE(m.nominal, 0)",
        (doc_id,),
    )


def _scoped_namesakes(store: Store, e: dict) -> list[dict]:
    """Actors of other articles named only by this actor's last word."""
    rows = store.query(
        "SELECT e.id, e.name, e.type, e.kb_id FROM actor_tails t JOIN entities e "
        "ON e.id = t.id WHERE t.tail=? AND e.type=? AND e.kb_id IS NULL LIMIT ?",
        (tail(e["id"]), e["type"], _LIMIT + 1),
    )
    return [r for r in rows if r["id"] != e["id"] and ("~" in r["id"] or "_" not in r["id"])]


def _link_entity(store: Store, doc_id: str, e: dict, ents: list[dict]) -> int:
    if e["kb_id"] or e["type"] not in _KINDS_LINKED:
        return 0
    cands = list(_candidates(store, e))
    if not cands:
        return 0
    mine = {x["id"] for x in ents if "~" not in x["id"] and x["id"] != e["id"]}
    scored = sorted(
        ((len(mine & context(store, c, "~" in c)), c, score, reason) for c, score, reason in cands),
        key=lambda t: (-t[0], -t[2], t[1]),
    )
    shared, best, _, _ = scored[0]
    unique = len(scored) == 1 or scored[1][0] < shared
    if shared >= MIN_SHARED and unique:
        from newsledger.kb.decisions import apply_to_doc, move

        with store.transaction():
            move(store, e["id"], best, doc_id)
        apply_to_doc(store, doc_id)
        return 1
    rows = [(*sorted((e["id"], c)), min(0.95, s + 0.05 * n), r, now()) for n, c, s, r in scored]
    with store.transaction():
        store.db.executemany("INSERT OR REPLACE INTO actor_links VALUES (?, ?, ?, ?, ?)", rows)
    return 0


def _candidates(store: Store, e: dict):
    """(actor id, score, reason) of the ledger actors this one may be."""
    aid = e["id"]
    rows = store.query(
        "SELECT e.id, e.name FROM actor_tails t JOIN entities e ON e.id = t.id "
        "WHERE t.tail=? AND e.type=? AND t.id != ? LIMIT ?",
        (tail(aid), e["type"], aid, _LIMIT + 1),
    )
    if len(rows) > _LIMIT:
        return
    one_word = "~" in aid or "_" not in aid
    for r in rows:
        if "~" in r["id"] or "_" not in r["id"]:
            if one_word and "~" in r["id"] and _base(r["id"]) == _base(aid):
                # one word of one spelling in two articles ("Creighton"): the same
                # actor only where the articles share others (see _link_entity)
                yield r["id"], SURNAME_SCORE, "same name"
            continue
        if one_word:
            yield (
                r["id"],
                SURNAME_SCORE if e["type"] == "PERSON" else SHORT_FORM_SCORE,
                "same surname" if e["type"] == "PERSON" else "short form",
            )
        elif e["type"] == "PERSON" and _variants(e["name"], r["name"]):
            yield r["id"], VARIANT_SCORE, "given-name variant"
        elif e["type"] == "ORG" and (r["id"].endswith("_" + aid) or aid.endswith("_" + r["id"])):
            # "Red Sox" and "Boston Red Sox": one organisation's name ends the other's
            yield r["id"], SHORT_FORM_SCORE, "short form"


def _base(aid: str) -> str:
    return aid.partition("~")[0]


def _variants(a: str, b: str) -> bool:
    """Full names with one surname whose given names are variants, not the same."""
    ta, tb = tokens(a, strip_honorifics=True), tokens(b, strip_honorifics=True)
    if len(ta) < 2 or len(tb) < 2 or ta[0] == tb[0]:
        return False
    return _given_same(ta[0], tb[0])


def links_of(store: Store, aid: str) -> list[dict]:
    """The actors possibly the same as ``aid``, best first, with their names."""
    rows = store.query(
        "SELECT CASE WHEN l.a=? THEN l.b ELSE l.a END AS id, l.score, l.reason "
        "FROM actor_links l WHERE l.a=? OR l.b=? ORDER BY l.score DESC",
        (aid, aid, aid),
    )
    names = (
        {
            r["id"]: r["name"]
            for r in store.query(
                f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' for _ in rows)})",
                [r["id"] for r in rows],
            )
        }
        if rows
        else {}
    )
    return [{**r, "name": names[r["id"]]} for r in rows if r["id"] in names]


# ---------------------------------------------------------------- suspects
_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "nationality"}


def _given_same(a: str, b: str) -> bool:
    """Given names of one person: the same key, or a nickname of it (Bill/William), or
    two nicknames of one name (Bill/Billy); never a mere prefix (Ivana/Ivanka)."""
    if a == b or token_key(a) == token_key(b) or given_variants(a, b):
        return True
    nick = nicknamer()
    return bool(nick.canonicals_of(a) & nick.canonicals_of(b))


def suspects(store: Store, limit: int | None = None) -> list[dict]:
    """Actors most likely merged wrongly, most mentions first: several given names
    under one surname, mentions of several kinds, places of different levels; and
    spellings held by several actors (one row per spelling)."""
    spell: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for r in store.query(
        "SELECT entity_id AS id, text, label, count(*) AS n FROM mentions "
        "WHERE NOT COALESCE(nominal, 0) GROUP BY entity_id, text, label"
    ):
        spell[r["id"]][r["text"]] += r["n"]
        labels[r["id"]][r["label"]] += r["n"]
    ents = {r["id"]: r for r in store.query("SELECT id, name, type FROM entities")}
    out = []
    for aid, texts in spell.items():
        e = ents.get(aid, {"name": aid, "type": None})
        n = sum(texts.values())
        for reason, detail in _reasons(e, texts, labels[aid]):
            out.append({"id": aid, "name": e["name"], "reason": reason, "detail": detail, "mentions": n})
    out += _shared_names(spell, ents)
    out.sort(key=lambda r: (-r["mentions"], r["id"], r["reason"]))
    return out[:limit] if limit else out


def _reasons(e: dict, texts: Counter, labels: Counter):
    given = _given_names(texts, e.get("name") or "") if e.get("type") == "PERSON" else {}
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


def _given_names(texts: Counter, name: str) -> Counter:
    """First names of the full names, nickname variants counted as one."""
    firsts: Counter = Counter()
    surname = (tokens(name) or [""])[-1]
    for text, n in texts.items():
        toks = tokens(text, strip_honorifics=True)
        if len(toks) > 1 and len(toks[0]) > 1 and toks[0] != surname:
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
            continue  # one-word names of one article: apart by design
        for text, n in texts.items():
            if len(tokens(text)) > 1:
                holders[fold(text)][aid] += n
    out = []
    for name, who in holders.items():
        if len(who) > 1:
            out.append(
                {
                    "id": ", ".join(sorted(who)),
                    "name": name,
                    "reason": "one name, several actors",
                    "detail": ", ".join(
                        f"{ents.get(a, {}).get('name', a)} ({n})" for a, n in who.most_common(6)
                    ),
                    "mentions": sum(who.values()),
                }
            )
    return out
