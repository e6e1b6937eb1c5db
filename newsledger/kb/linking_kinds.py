"""One kind per name across the ledger: the ledger-level kind vote.

Within an article one name has one label (``extract/entities.py``), but across
articles NER may read the same name as a person in most and as an organisation
in a few ("Bettie Page"), or a team as a place. Those readings end as actors of
different kinds, or one actor whose mentions are of several kinds. Where the
ledger's mentions of the name give one kind a clear majority, the article's
chains of another kind join the actor of that kind and take its label.

Only a name NER alone gave a kind votes or is moved: no actor of the KB takes
part (a country or province keeps its KB kind), a chain with a description or a
title ("Mr", "Dr") beside the name is left as it is, and the name must be a
full name of several words, or one word that an actor of the other kind is
named by and whose articles share actors with this one. A one-word name read
only as a person, and no one's surname in its article, casts no vote but joins
the other kind's actor of that exact name in its story. It is decided at link
time against the actors the ledger already has of that name, so an article
read late moves the chains of the earlier ones as a full rebuild would.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from newsledger.kb.names import fold, key, tokens
from newsledger.store import spellings
from newsledger.store.db import Store

MIN_VOTES = 3  # mentions of the majority kind, at least
RATIO = 3  # ... and at least this many times those of every other kind together
_KIND = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "nationality"}


def kind(label: str | None) -> str:
    return _KIND.get(label or "", "group")


def vote(store: Store, doc_id: str) -> int:
    """Give the names of one article just written the ledger's majority kind; how many
    chains (of this or earlier articles) moved or took a new label."""
    mine = store.query(
        "SELECT m.text, m.label, e.kb_id FROM mentions m JOIN entities e "
        "ON e.id = m.entity_id WHERE m.doc_id=? AND NOT COALESCE(m.nominal, 0)",
        (doc_id,),
    )
    seen: dict[str, set[str]] = defaultdict(set)
    for m in mine:
        if not m["kb_id"] and _name(m["text"]):
            seen[fold(m["text"])].add(kind(m["label"]))
    holders = _holders(store, set(seen)) if seen else {}
    if not holders:
        return 0
    ents = _entities(store, {h for hs in holders.values() for h in hs})
    holders = {n: [ents[h] for h in hs if h in ents] for n, hs in holders.items()}
    # the ledger's mentions are read only for names whose actors or readings disagree
    # in kind: most names of most articles have one kind everywhere
    disputed = {
        n: {h["id"] for h in hs}
        for n, hs in holders.items()
        if hs
        and not any(h["kb_id"] for h in hs)
        and (len(seen[n] | {kind(h["type"]) for h in hs}) > 1 or any(h["mixed"] for h in hs))
    }
    if not disputed:
        return 0
    by_name: dict[str, list[dict]] = defaultdict(list)
    for r in store.query(
        "SELECT m.entity_id AS id, m.text, m.label, count(*) AS n FROM mentions m "
        "WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND NOT COALESCE(m.nominal, 0) "
        "GROUP BY m.entity_id, m.text, m.label",
        (json.dumps(sorted({h for hs in disputed.values() for h in hs})),),
    ):
        by_name[fold(r["text"])].append(r)
    return sum(_decide(store, n, by_name.get(n, []), ents) for n in sorted(disputed))


def _entities(store: Store, ids: set[str]) -> dict[str, dict]:
    """{id: name, type, kb_id, mixed}: mixed when its mentions are of several kinds."""
    kinds = " ".join(f"WHEN '{lab}' THEN '{k}'" for lab, k in _KIND.items())
    return {
        r["id"]: r
        for r in store.query(
            "SELECT e.id, e.name, e.type, e.kb_id, (SELECT count(DISTINCT CASE m.label "
            f"{kinds} ELSE 'group' END) > 1 FROM mentions m WHERE m.entity_id = e.id "
            "AND NOT COALESCE(m.nominal, 0)) AS mixed FROM entities e "
            "WHERE e.id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(ids)),),
        )
    }


def context(store: Store, aid: str, one_word: bool = False) -> set[str]:
    """The actors named in the articles that name ``aid`` by a name of several words
    (one-word actors left out). Articles that only joined it by a bare surname do not
    count: their actors would let the next namesake's article join too (one "Bush"
    of a politics story joined to a footballer brings the president's context along).
    An actor named by one word only (``name~doc``) has no such article: all of its own
    articles count, but it holds no full name, so no namesake's context comes along."""
    multi = "" if one_word else "AND instr(trim(m1.text), ' ') > 0 "
    rows = store.query(
        "SELECT DISTINCT m2.entity_id AS id FROM mentions m1 JOIN mentions m2 "
        "ON m2.doc_id = m1.doc_id WHERE m1.entity_id=? AND m2.entity_id != ? "
        f"{multi}AND NOT COALESCE(m1.nominal, 0)",
        (aid, aid),
    )
    return {r["id"] for r in rows if r["id"] and "~" not in r["id"]}


def _name(text: str) -> bool:
    return bool(tokens(text))


def _holders(store: Store, names: set[str]) -> dict[str, set[str]]:
    """{folded name: actors with that name or alias}, for the names some actor of
    another id or kind may hold."""
    unsaved = spellings.sync(store)
    by_key = {key(n): n for n in names}
    out: dict[str, set[str]] = defaultdict(set)
    for eid, folded in store.db.execute(
        "SELECT entity_id, folded FROM actor_spellings WHERE key IN (SELECT value FROM json_each(?)) "
        "AND NOT is_id",
        (json.dumps(sorted(by_key)),),
    ):
        if folded in names and eid not in unsaved:
            out[folded].add(eid)
    for eid, spelled in unsaved.items():
        for folded, _, is_id in spelled:
            if folded in names and not is_id:
                out[folded].add(eid)
    return dict(out)


def _decide(store: Store, name: str, rows: list[dict], ents: dict) -> int:
    """Move the chains of the minority kind of one name to the actor of its majority kind."""
    if not rows or any(ents.get(r["id"], {}).get("kb_id") for r in rows):
        return 0
    one_word = len(tokens(name)) < 2
    bare = _bare_persons(rows, ents) if one_word else set()
    if bare:
        moved = _bare_to_kind(store, name, rows, ents, bare)
        if moved:
            return moved
    votes = _votes(rows)
    if len(votes) < 2:
        return 0
    (top, n), *_ = votes.most_common()
    if n < MIN_VOTES or n < RATIO * (sum(votes.values()) - n):
        return 0
    weight: Counter = Counter()
    for r in rows:
        weight[r["id"]] += r["n"] * (kind(ents[r["id"]]["type"]) == top)
    label = _top_label(rows, top)
    target = max(weight, key=lambda a: (weight[a], a))
    if one_word and top == "person":
        return 0  # a bare surname read as a person is no evidence of a namesake of another kind
    chains = _minority_chains(store, name, rows, top)
    if one_word and not _one_word_ok(store, name, rows, ents, top, {d for _, d in chains}):
        return 0
    moved = 0
    for chain_id, doc in chains:
        if _cued(store, chain_id, doc) or _named_otherwise(store, chain_id, doc, name):
            continue
        _join(store, chain_id, target, doc, label, top)
        moved += 1
    if moved and kind(ents[target]["type"]) != top:
        with store.transaction():
            store.db.execute("UPDATE entities SET type=? WHERE id=?", (label, target))
    return moved


def _votes(rows: list[dict]) -> Counter:
    """Mentions of the name by kind (person, organisation, place) NER read it as."""
    votes: Counter = Counter()
    for r in rows:
        votes[kind(r["label"])] += r["n"]
    return votes


def _top_label(rows: list[dict], top: str) -> str:
    """The NER label of kind ``top`` the name was read with most ("ORG" among ORG, NORP)."""
    labels: Counter = Counter()
    for r in rows:
        labels[r["label"]] += r["n"] * (kind(r["label"]) == top)
    return labels.most_common(1)[0][0]


def _bare_persons(rows: list[dict], ents: dict) -> set[str]:
    """Actors named by the one word only (``name~doc``) and read as a person wherever
    they are: NER's guess for a capitalised word ("Creighton", "Wasilla"), which
    gives no vote against the readings of the name's other actors."""
    ids = {r["id"] for r in rows if "~" in r["id"] and kind(ents.get(r["id"], {}).get("type")) == "person"}
    return {a for a in ids if all(kind(r["label"]) == "person" for r in rows if r["id"] == a)}


def _bare_to_kind(store: Store, name: str, rows: list[dict], ents: dict, bare: set[str]) -> int:
    """A bare person reading of a one-word name joins the actor of another kind named
    exactly by that word, where the other readings agree on that kind and the article
    names no person with the word in a full name (it is no one's surname there) and
    shares at least two other actors with that actor's articles (one story)."""
    votes = _votes([r for r in rows if r["id"] not in bare])
    if not votes:
        return 0
    (top, n), *_ = votes.most_common()
    named = sorted(a for a, e in ents.items() if fold(e["name"]) == name and kind(e["type"]) == top)
    if top == "person" or n < RATIO * (sum(votes.values()) - n) or len(named) != 1:
        return 0
    target, label = named[0], _top_label(rows, top)
    around = context(store, target, True)
    moved = 0
    for chain_id, doc in _minority_chains(store, name, [r for r in rows if r["id"] in bare], top):
        if len((_doc_actors(store, doc) - {target, chain_id}) & around) < 2 or _surname_in(store, doc, name):
            continue
        if _cued(store, chain_id, doc) or _named_otherwise(store, chain_id, doc, name):
            continue
        _join(store, chain_id, target, doc, label, top)
        moved += 1
    return moved


def _doc_actors(store: Store, doc: str) -> set[str]:
    rows = store.query(
        "SELECT DISTINCT entity_id AS id FROM mentions WHERE doc_id=? AND entity_id IS NOT NULL", (doc,)
    )
    return {r["id"] for r in rows}


def _surname_in(store: Store, doc: str, name: str) -> bool:
    """The word is the surname of a person the article names in full ("John Creighton");
    NER's "Creighton Athletic" read as a person is no one's surname."""
    return any(
        len(toks := tokens(m["text"], strip_honorifics=True)) > 1 and toks[-1] == name
        for m in store.query(
            "SELECT DISTINCT text FROM mentions WHERE doc_id=? AND label='PERSON' "
            "AND instr(trim(text), ' ') > 0",
            (doc,),
        )
    )


def _minority_chains(store: Store, name: str, rows: list[dict], top: str) -> list[tuple[str, str]]:
    """(actor id, article) of the chains that read the name with another kind than ``top``."""
    ids = sorted({r["id"] for r in rows if kind(r["label"]) != top})
    found = store.query(
        "SELECT DISTINCT entity_id AS id, doc_id, text, label FROM mentions "
        "WHERE entity_id IN (SELECT value FROM json_each(?)) AND NOT COALESCE(nominal, 0)",
        (json.dumps(ids),),
    )
    return sorted(
        {(r["id"], r["doc_id"]) for r in found if kind(r["label"]) != top and fold(r["text"]) == name}
    )


def _one_word_ok(store: Store, name: str, rows: list[dict], ents: dict, top: str, minority_docs: set) -> bool:
    """A one-word name ("Colts") is voted on only where an actor of the majority kind is
    named by it exactly and the minority's articles share actors with that actor's: a
    bare surname read as a person is no evidence of the namesake of another kind."""
    named = [a for a, e in ents.items() if fold(e["name"]) == name and kind(e["type"]) == top]
    owners = {r["id"] for r in rows if kind(r["label"]) == top}
    if not named:
        return False
    around = set().union(*(context(store, a, True) for a in owners))
    for d in minority_docs:
        if len((_doc_actors(store, d) - owners) & around) < 2:
            return False
    return True


def _cued(store: Store, chain_id: str, doc: str) -> bool:
    """The chain's kind has a cue in its article: a description or a title beside it."""
    for m in store.query(
        "SELECT text, COALESCE(nominal, 0) AS nominal FROM mentions WHERE entity_id=? AND doc_id=?",
        (chain_id, doc),
    ):
        if m["nominal"] or len(tokens(m["text"], strip_honorifics=True)) < len(tokens(m["text"])):
            return True
    return False


def _named_otherwise(store: Store, chain_id: str, doc: str, name: str) -> bool:
    """The chain is named by other names more than by this one (or its words: "Manning"
    of "Peyton Manning") in its article ("Colts" and the city standing for the team,
    "Indianapolis beat ..."): the name is not what the chain is, and its kind
    elsewhere says nothing of the chain's."""
    words = set(tokens(name))
    texts = Counter(
        fold(m["text"]) == name or set(tokens(m["text"])) <= words  # "Manning" of "Peyton Manning"
        for m in store.query(
            "SELECT text FROM mentions WHERE entity_id=? AND doc_id=? AND NOT COALESCE(nominal, 0)",
            (chain_id, doc),
        )
    )
    return texts[False] > texts[True]


def _join(store: Store, chain_id: str, target: str, doc: str, label: str, top: str) -> None:
    from newsledger.kb.decisions import move

    with store.transaction():
        if chain_id != target:
            move(store, chain_id, target, doc)
        labels = store.query(
            "SELECT DISTINCT COALESCE(label, '') AS label FROM mentions WHERE entity_id=? AND doc_id=?",
            (target, doc),
        )
        minority = [r["label"] for r in labels if kind(r["label"]) != top]
        store.db.execute(
            "UPDATE mentions SET label=? WHERE entity_id=? AND doc_id=? AND NOT COALESCE(nominal, 0) "
            "AND COALESCE(label, '') IN (SELECT value FROM json_each(?))",
            (label, target, doc, json.dumps(minority)),
        )
