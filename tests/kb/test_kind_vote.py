"""The ledger-level kind vote (kb/linking_kinds.py): one name NER read with different
kinds in different articles ends as one actor of the majority kind (small ledgers
written row by row, so the NER readings are exactly the ones each case needs)."""

from __future__ import annotations

import json

from newsledger.kb import links
from newsledger.kb.linking_kinds import vote
from newsledger.store.db import Store


def _doc(store: Store, doc_id: str, text: str, mentions: list[tuple[str, str, str]], ents: dict) -> None:
    """An article ``text`` whose mentions are (spelling, label, actor id), at the spelling's
    first place after the previous one; ``ents`` {id: (name, type, kb_id)} as written."""
    db = store.db
    with store.transaction():
        db.execute(
            "INSERT INTO documents (id, name, text, ingested_at) VALUES (?, ?, ?, '2026-01-01')",
            (doc_id, doc_id, text),
        )
        at = 0
        for spelling, label, eid in mentions:
            start = text.index(spelling, at)
            at = start + len(spelling)
            db.execute(
                'INSERT INTO mentions (doc_id, start, "end", text, label, entity_id, entity_name, nominal) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                (doc_id, start, at, spelling, label, eid, ents[eid][0]),
            )
        for eid, (name, typ, kb_id) in ents.items():
            db.execute(
                "INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?, '{}')",
                (eid, name, typ, kb_id, json.dumps([name])),
            )


def _actors(store: Store, doc_id: str) -> set[tuple[str, str, str]]:
    return {
        (r["text"], r["label"], r["entity_id"])
        for r in store.query("SELECT text, label, entity_id FROM mentions WHERE doc_id=?", (doc_id,))
    }


PERSON_DOCS = [
    ("p1", "Bettie Page posed in 1955. Bettie Page later left New York."),
    ("p2", "The pin-up model Bettie Page died on Thursday."),
    ("p3", "Bettie Page, who was 85, died in Los Angeles."),
]


def _bettie(store: Store, order: str) -> None:
    org = ("o1", "Fans of Bettie Page gathered. Page was a legend.")
    docs = [org, *PERSON_DOCS] if order == "org first" else [*PERSON_DOCS, org]
    for doc_id, text in docs:
        if doc_id == "o1":
            # NER read the name as an organisation here, and the chain took "Page" as its id
            _doc(store, "o1", text, [("Bettie Page", "ORG", "pagi"), ("Page", "ORG", "pagi")],
                 {"pagi": ("Bettie Page", "ORG", None)})  # fmt: skip
        else:
            n = text.count("Bettie Page")
            _doc(store, doc_id, text, [("Bettie Page", "PERSON", "biti_pagi")] * n,
                 {"biti_pagi": ("Bettie Page", "PERSON", None)})  # fmt: skip
        links.link(store, doc_id)


def test_minority_kind_of_a_full_name_joins_the_majority_actor(db_path):
    store = Store(db_path)
    _bettie(store, "persons first")
    assert _actors(store, "o1") == {("Bettie Page", "PERSON", "biti_pagi"), ("Page", "PERSON", "biti_pagi")}
    assert store.query("SELECT type FROM entities WHERE id='biti_pagi'") == [{"type": "PERSON"}]
    assert not [s for s in links.suspects(store) if s["reason"] == "mixed kinds"]


def test_order_of_ingest_gives_the_same_actors(db_path, tmp_path):
    late = Store(db_path)
    _bettie(late, "org first")
    early = Store(str(tmp_path / "other.db"))
    _bettie(early, "persons first")
    for doc_id in ("o1", "p1", "p2", "p3"):
        assert _actors(late, doc_id) == _actors(early, doc_id)
    assert _actors(late, "o1") == {("Bettie Page", "PERSON", "biti_pagi"), ("Page", "PERSON", "biti_pagi")}


def test_no_clear_majority_keeps_both_kinds(db_path):
    store = Store(db_path)
    _doc(store, "a", "Acme Rivers won. Acme Rivers lost.", [("Acme Rivers", "ORG", "akmi_rivirs")] * 2,
         {"akmi_rivirs": ("Acme Rivers", "ORG", None)})  # fmt: skip
    _doc(store, "b", "Acme Rivers spoke.", [("Acme Rivers", "PERSON", "akmi_rivirs")],
         {"akmi_rivirs": ("Acme Rivers", "ORG", None)})  # fmt: skip
    assert vote(store, "b") == 0
    assert _actors(store, "b") == {("Acme Rivers", "PERSON", "akmi_rivirs")}


def test_kb_actor_keeps_its_kind(db_path):
    store = Store(db_path)
    for i in range(4):
        _doc(store, f"g{i}", "Georgia played well.", [("Georgia", "ORG", "gyurgia_team")],
             {"gyurgia_team": ("Georgia", "ORG", None)})  # fmt: skip
    _doc(store, "c", "Georgia voted on Monday.", [("Georgia", "GPE", "georgia")],
         {"georgia": ("Georgia", "GPE", "georgia")})  # fmt: skip
    assert vote(store, "c") == 0
    assert _actors(store, "c") == {("Georgia", "GPE", "georgia")}


def test_one_word_person_is_never_voted_into_another_kind_without_context(db_path):
    store = Store(db_path)
    for i in range(4):
        _doc(store, f"t{i}", "Jackson beat Miami.", [("Jackson", "ORG", "jaksun")],
             {"jaksun": ("Jackson", "ORG", None)})  # fmt: skip
    _doc(store, "s", "Jackson said he would run.", [("Jackson", "PERSON", "jaksun~s")],
         {"jaksun~s": ("Jackson", "PERSON", None)})  # fmt: skip
    assert vote(store, "s") == 0
    assert _actors(store, "s") == {("Jackson", "PERSON", "jaksun~s")}


def test_one_word_name_joins_the_team_of_its_articles_actors(db_path):
    store = Store(db_path)
    team = {"cults": ("Colts", "ORG", None), "pitun_maning": ("Peyton Manning", "PERSON", None),
            "indianapulis": ("Indianapolis", "GPE", None)}  # fmt: skip
    for i in range(4):
        _doc(store, f"t{i}", "Peyton Manning led the Colts in Indianapolis.",
             [("Peyton Manning", "PERSON", "pitun_maning"), ("Colts", "ORG", "cults"),
              ("Indianapolis", "GPE", "indianapulis")], team)  # fmt: skip
    _doc(store, "h", "Colts win. Peyton Manning threw twice in Indianapolis.",
         [("Colts", "PERSON", "cults~h"), ("Peyton Manning", "PERSON", "pitun_maning"),
          ("Indianapolis", "GPE", "indianapulis")], {**team, "cults~h": ("Colts", "PERSON", None)})  # fmt: skip
    assert vote(store, "h") == 1
    assert ("Colts", "ORG", "cults") in _actors(store, "h")


def test_titled_person_chain_is_not_moved(db_path):
    store = Store(db_path)
    for i in range(4):
        _doc(store, f"o{i}", "Morgan Stanley rose.", [("Morgan Stanley", "ORG", "murgan_stanli")],
             {"murgan_stanli": ("Morgan Stanley", "ORG", None)})  # fmt: skip
    _doc(store, "p", "Morgan Stanley met Mr. Stanley.",
         [("Morgan Stanley", "PERSON", "murgan_stanli~p"), ("Mr. Stanley", "PERSON", "murgan_stanli~p")],
         {"murgan_stanli~p": ("Morgan Stanley", "PERSON", None)})  # fmt: skip
    assert vote(store, "p") == 0
    assert ("Morgan Stanley", "PERSON", "murgan_stanli~p") in _actors(store, "p")


def test_one_actor_read_with_a_minority_kind_takes_the_majority_label(db_path):
    store = Store(db_path)
    team = {"niw_urlians_sints": ("New Orleans Saints", "ORG", None)}
    for i in range(3):
        _doc(store, f"t{i}", "The New Orleans Saints won.", [("New Orleans Saints", "ORG", "niw_urlians_sints")],
             team)  # fmt: skip
    _doc(store, "f", "Fans left the New Orleans Saints early.",
         [("New Orleans Saints", "FAC", "niw_urlians_sints")], team)  # fmt: skip
    assert vote(store, "f") == 1
    assert _actors(store, "f") == {("New Orleans Saints", "ORG", "niw_urlians_sints")}
    assert not [s for s in links.suspects(store) if s["reason"] == "mixed kinds"]


def _school_story(store: Store) -> dict:
    ctx = {"crigtun": ("Creighton", "ORG", None), "kail_kurvir": ("Kyle Korver", "PERSON", None),
           "umaha": ("Omaha", "GPE", None)}  # fmt: skip
    for i in range(2):
        _doc(store, f"o{i}", "Kyle Korver starred as Creighton won in Omaha.",
             [("Kyle Korver", "PERSON", "kail_kurvir"), ("Creighton", "ORG", "crigtun"), ("Omaha", "GPE", "umaha")],
             ctx)  # fmt: skip
    return ctx


def test_bare_one_word_person_joins_the_actor_of_its_story_of_another_kind(db_path):
    store = Store(db_path)
    ctx = _school_story(store)
    # NER read the school as a person in this article only; no one here is named "... Creighton"
    _doc(store, "p", "Creighton beat Drake. Kyle Korver scored in Omaha.",
         [("Creighton", "PERSON", "crigtun~p"), ("Kyle Korver", "PERSON", "kail_kurvir"), ("Omaha", "GPE", "umaha")],
         {**ctx, "crigtun~p": ("Creighton", "PERSON", None)})  # fmt: skip
    assert vote(store, "p") == 1
    assert ("Creighton", "ORG", "crigtun") in _actors(store, "p")


def test_bare_one_word_person_stays_where_it_is_a_surname_or_out_of_the_story(db_path):
    store = Store(db_path)
    ctx = _school_story(store)
    # "Creighton" is the surname of a person the article names: a person, not the school
    _doc(store, "s", "Jim Creighton coached. Creighton met Kyle Korver in Omaha.",
         [("Jim Creighton", "PERSON", "jim_crigtun"), ("Creighton", "PERSON", "crigtun~s"),
          ("Kyle Korver", "PERSON", "kail_kurvir"), ("Omaha", "GPE", "umaha")],
         {**ctx, "jim_crigtun": ("Jim Creighton", "PERSON", None),
          "crigtun~s": ("Creighton", "PERSON", None)})  # fmt: skip
    assert vote(store, "s") == 0
    assert ("Creighton", "PERSON", "crigtun~s") in _actors(store, "s")
    # an article of another story shares no actors with the school's
    _doc(store, "x", "Creighton said he would run for mayor.", [("Creighton", "PERSON", "crigtun~x")],
         {"crigtun~x": ("Creighton", "PERSON", None)})  # fmt: skip
    assert vote(store, "x") == 0
    assert _actors(store, "x") == {("Creighton", "PERSON", "crigtun~x")}


def test_a_name_word_before_others_is_no_surname(db_path):
    store = Store(db_path)
    ctx = _school_story(store)
    # NER read "Creighton Athletic" as a person's name too: "Creighton" is no one's surname here
    _doc(store, "a", "Creighton won. Creighton Athletic hailed Kyle Korver in Omaha.",
         [("Creighton", "PERSON", "crigtun~a"), ("Creighton Athletic", "PERSON", "crigtun_atlitic"),
          ("Kyle Korver", "PERSON", "kail_kurvir"), ("Omaha", "GPE", "umaha")],
         {**ctx, "crigtun~a": ("Creighton", "PERSON", None),
          "crigtun_atlitic": ("Creighton Athletic", "PERSON", None)})  # fmt: skip
    assert vote(store, "a") == 1
    assert ("Creighton", "ORG", "crigtun") in _actors(store, "a")
