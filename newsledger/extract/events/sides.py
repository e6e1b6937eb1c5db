"""What may stand on a side of an event: actors, never ideas, quantities or datelines.

An argument the coder found (``args.Actor``) is kept as a side when it names
an actor (a mention, a pronoun or description resolved to one, a phrase built
on a name or headed by a word for a body), or is a description of people
("protesters", "the gunmen"). For material acts (quad classes 2 and 4) a
place or thing an act is done to ("a base", "the tanker") is a side too.
Abstract nouns ("vigor", "commitment", "the hateful ideology"), event nouns
("attacks") and anything inside a dateline are not: the side is left empty
(the analysis may fill it from other reports, flagged as implied).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.extract.events.lexicon import lexicon, word_sets

# Plural agent nouns ("bombers", "protestors", "separatists", "militants").
_AGENT_PLURAL = re.compile(r"(?:ers|ors|ists|ians|ants|ents|ees|ites|ines)$")
# Nouns of abstraction ("commitment", "invitation", "vigor" aside, which the list has).
_ABSTRACT = re.compile(r"(?:tion|sion|ment|ity|ness|ism|ance|ence|ship|ology|acy|hood|ure)s?$")


@lru_cache(maxsize=1)
def data() -> dict:
    path = resources.files("newsledger.extract").joinpath("data/events/sides.yaml")
    raw = load_yaml(path.read_text("utf-8")) or {}
    return {
        "people": frozenset(raw.get("people") or ()),
        "places": frozenset(raw.get("places") or ()),
        "verbal_cameo": str(raw["verbal_when_abstract"]["cameo"]),
        "verbal_verbs": frozenset(raw["verbal_when_abstract"]["verbs"]),
        "dateline": re.compile(raw["dateline"], re.MULTILINE),
        "person_codes": frozenset(str(c) for c in raw.get("person_codes") or ()),
        "place_labels": frozenset(raw.get("place_labels") or ()),
        "place_kb_types": frozenset(raw.get("place_kb_types") or ()),
        "object_only_roots": tuple(str(c) for c in raw.get("object_only_roots") or ()),
        "individuals": frozenset(raw.get("individuals") or ()),
        "adjectival": frozenset(raw.get("adjectival") or ()),
        "place_as_country": frozenset(raw.get("place_as_country") or ()),
        "forces": frozenset(raw.get("forces") or ()),
        "sending_verbs": frozenset(raw.get("sending_verbs") or ()),
        "inner_deps": tuple(raw["inner_actor"]["deps"]),
        "inner_labels": frozenset(raw["inner_actor"]["labels"]),
        "thing_labels": frozenset(raw["inner_actor"]["thing_labels"]),
        "things": frozenset(raw["inner_actor"]["things"]),
        "acting_bodies": frozenset(raw.get("acting_bodies") or ()),
        "one_sided_joint": frozenset(raw.get("one_sided_joint") or ()),
    }


def acting_body(word: str) -> bool:
    """A word for a body that itself charges, arrests, convicts or rules ("police",
    "prosecutors"): as the speaker of such an act told in the passive, its doer."""
    low = word.lower()
    return low in data()["acting_bodies"] or low in word_sets()["institution"]


def inner_actor_rules() -> dict:
    """Where a side whose head is a thing names its actor (sides.yaml inner_actor)."""
    d = data()
    return {"deps": d["inner_deps"], "labels": d["inner_labels"]}


def head_actor(tok) -> bool:
    """Whether a side's head word is itself an actor: a people word, or a capitalized
    word the tagger did not mark as a thing (a name it missed, "SPLM/A")."""
    if _people(tok.lower_) or _people(tok.lemma_.lower()):
        return True
    return tok.text[:1].isupper() and tok.i > tok.sent.start and tok.ent_type_ not in data()["thing_labels"]


def names_people(actor) -> bool:
    """Whether a phrase's last word is a people word ("Belarus's RULERS")."""
    words = _words(actor)
    return bool(words) and _people(words[-1])


def place_word(word: str) -> bool:
    """A place or thing a material act is done to ("camps", "sites", "stronghold")."""
    return word.lower() in data()["places"]


def thing_word(tok) -> bool:
    """A head that is surely no actor: an act, an idea, a quantity, a time, a place or a
    thing the tagger names ("decision", "assessment", "billions", "Dreamliners")."""
    low, lemma, ws = tok.lower_, tok.lemma_.lower(), word_sets()
    return (
        tok.ent_type_ in data()["thing_labels"]
        or low in lexicon().nouns
        or lemma in lexicon().nouns
        or bool(_ABSTRACT.search(low))
        or any(low in ws[k] or lemma in ws[k] for k in ("quantity", "carrier", "time"))
        or low in data()["places"]
        or low in data()["things"]
    )


def modifier_people_word(word: str) -> bool:
    """A people word modifying a thing, naming its actor ("the hostage-TAKERS demands"),
    unless it is an adjective too ("OFFICIAL contact")."""
    return _people(word) and word.lower() not in data()["adjectival"]


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines opening the article or its paragraphs."""
    out = []
    for m in data()["dateline"].finditer(text):
        if m.start() == 0 or text[m.start() - 1] == "\n":
            out.append((m.start(), m.end()))
    return out


def in_dateline(spans: list[tuple[int, int]], actor) -> bool:
    return actor is not None and actor.end > actor.start and any(s <= actor.start < e for s, e in spans)


def _words(actor) -> list[str]:
    return [
        w.strip(".,'\u2019")
        for w in actor.name.replace("\u201d", " ").replace('"', " ").split()
        if w.strip(".,'")
    ]


def _people(word: str) -> bool:
    low = word.lower()
    ws = word_sets()
    return (
        low in data()["people"]
        or low in ws["institution"]
        or low in ws["role"]
        or (
            len(low) > 5
            and low not in data()["places"]  # "computers", "borders" act on no one
            and _AGENT_PLURAL.search(low) is not None
            and not _ABSTRACT.search(low)
            and low not in lexicon().nouns
        )
    )


def people_word(word: str) -> bool:
    """A word for people or a body that acts ("protesters", "government", "the premier")."""
    return _people(word)


def kind(actor) -> str:
    """ "actor", "place" (a thing or place an act is done to) or "abstract"."""
    if actor.how != "phrase" or actor.anchored or actor.body:
        return "actor"
    words = _words(actor)
    if not words:
        return "abstract"
    head = words[-1].lower()
    ws, d = word_sets(), data()
    # a name the tagger missed ("SPLM/A"); a people word as modifier ("hostage-takers
    # demands": the hostage-takers)
    if words[0][:1].isdigit() and not _people(words[-1]):
        return "abstract"  # a count of things ("14 AK 47 Rifles"), not of people
    # one word of abstraction: its capital only opens the sentence ("Confidence is shot")
    capital = words[-1][:1].isupper() and not (len(words) == 1 and _ABSTRACT.search(head))
    if capital or _people(words[-1]):
        return "actor"
    if any(_people(w) and w.lower() not in d["adjectival"] for w in words[:-1]):
        return "actor"  # "hostage-takers demands": the hostage-takers
    if head in ws["quantity"] or head in lexicon().nouns or head in ws["time"]:
        return "abstract"
    if words[0][:1].isdigit() and not _people(words[-1]):
        return "abstract"  # a count of things ("14 AK 47 Rifles"), not of people
    if head in d["places"]:
        return "place"
    return "abstract"


def allowed(actor, quad_class: int | None) -> bool:
    """Whether an argument may be a side of an act of this quad class."""
    if actor is None:
        return False
    k = kind(actor)
    return k == "actor" or (k == "place" and quad_class in (2, 4))


def verbal_recode(trigger_lemma: str, type_: str, target) -> str | None:
    """The CAMEO code of verbal criticism for a material attack on an idea
    ("attacked the ideology"), else None."""
    if type_ not in ("ASSAULT", "COERCE", "MOBILIZE") or target is None:
        return None
    if trigger_lemma in data()["verbal_verbs"] and kind(target) == "abstract":
        return data()["verbal_cameo"]
    return None


def place_for_person(cameo: str, label: str, kb_type: str | None) -> bool:
    """Whether a side is a place standing where an act done to a person needs a person
    ("convicted ... out of BRAZOS COUNTY"): it is then no side. A country or a body the
    KB knows by that name ("accused the United States") may be."""
    d = data()
    return (
        cameo in d["person_codes"]
        and label in d["place_labels"]
        and (kb_type is None or kb_type in d["place_kb_types"])
    )


def person_act(cameo: str) -> bool:
    """An act done to a person or body (charged, convicted, sued, arrested, sentenced:
    sides.yaml person_codes)."""
    return cameo in data()["person_codes"]


def object_only(cameo: str) -> bool:
    """Acts whose target is only their object ("investigated a fire AT Waitrose": what
    is investigated, not where; sides.yaml object_only_roots)."""
    return cameo.startswith(data()["object_only_roots"]) if data()["object_only_roots"] else False


def individual(word: str) -> bool:
    """A word for one person ("a Wasilla WOMAN"): a name before it says where the person
    is from, not which body the person is."""
    return word.lower() in data()["individuals"]
