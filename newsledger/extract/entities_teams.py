"""Names NER cuts or labels by their use in the article: teams, scores, initials.

Small span rules the entities stage applies before resolution (entities.py calls
them from ``_doc_labels``, ``_relabelled`` and ``_split_name``):

* a score or a record after a name is no part of it ("Evansville 51 - 50",
  "Creighton 65, Drake 53");
* a city that begins a team's name in the article, used as a doer ("Indianapolis
  beat ...", "New Orleans have decided", "Boston's offer"), is the team;
* a person's name that begins an institution's name in the article and is only
  written where a place goes ("checked into Betty Ford", "at Betty Ford") is the
  institution's short form;
* a given name and a spaced initial ("Raj K .") NER cut before the surname are one
  name with it (tokenised text writes "Raj K . Chohan").
"""

from __future__ import annotations

import re
from importlib import resources

import yaml
from spacy.tokens import Span

from newsledger.kb.names import SURNAME_PARTICLES
from newsledger.kb.resolve import STANDS_FOR

# A score or a win-loss record written after a name: "51 - 50", "91-73", "25 - 7".
_SCORE = re.compile(r"^\d{1,3} ?[-–] ?\d{1,3}$")
# A team's name after its city: one or two capitalised words, the last a plural.
_TEAM_TAIL = r" ((?:[A-Z][a-z]+ )?(?:[A-Z][a-z]+[^s\W]s|\d+ers))\b"
# A game's score or a team's record somewhere in the article: "20 - 13", "91-73".
_SCORES = re.compile(r"(?<![\d-])\d{1,3} ?- ?\d{1,3}(?![\d-])")
# Word lists (general vocabulary) live in data/teams.yaml.
_DATA = yaml.safe_load(resources.files("newsledger.extract").joinpath("data/teams.yaml").read_text("utf-8"))
_TEAM_VERBS = frozenset(_DATA["team_verbs"])
_PLACE_PREPS = frozenset(_DATA["place_preps"])
_NOT_TEAMS = frozenset(_DATA["not_teams"])
_HEADS = frozenset(_DATA["institution_heads"])


def score_trimmed(ent: Span) -> Span | None:
    """A person or place name with a score or a record NER took into it, without
    them ("Evansville 51 - 50", "Creighton 65" before ", Drake 53"); None when the
    span ends with no score. Roads, products and channels keep their numbers
    (only PERSON and GPE spans are cut)."""
    if ent.label_ not in ("PERSON", "GPE") or len(ent) < 2 or not ent[-1].text[:1].isdigit():
        return None
    doc, end = ent.doc, ent.end
    cut = None
    for n in (3, 1):  # "51 - 50" as three tokens; "91-73" as one
        if len(ent) > n and _SCORE.match(doc[end - n : end].text.replace(" ", "")):
            cut = end - n
            break
    if cut is None and ent[-1].is_digit and len(ent) > 1 and _score_line(doc, end):
        cut = end - 1  # "Creighton 65 , Drake 53"
    if cut is None or not all(t.is_title or t.is_upper for t in doc[ent.start : cut] if t.is_alpha):
        return None
    return Span(doc, ent.start, cut, label=ent.label_)


def _score_line(doc, end: int) -> bool:
    """A comma, a capitalised name and a number after the span: a score line."""
    rest = doc[end : end + 5]
    if len(rest) < 3 or rest[0].text != ",":
        return False
    for i, tok in enumerate(rest[1:], 1):
        if tok.is_digit:
            return i > 1
        if not (tok.is_title or tok.is_upper):
            return False
    return False


def team_cities(doc, kb=None) -> dict[str, str]:
    """Places of the article written before a capitalised plural somewhere in it
    ("Indianapolis Colts", "New Orleans Saints", "Philadelphia 76ers"), to that team's
    name: {"Indianapolis": "Indianapolis Colts"}. NER often misses the team's name
    itself ("Colts" as a title), so the text is searched. A place is a GPE of the
    article, or a city of the KB that begins a name NER read as a place ("the
    Jacksonville Jaguars" as LOC). A place before two plurals is left out; "Boston
    Herald" is no team (no plural)."""
    text = doc.text
    out: dict[str, str] = {}
    if not _SCORES.search(text):
        return out  # no score, no game: a city is a city
    # "Mo Cheeks" is no team of "Mo": a word of a person's full name is no team's name
    people = {w for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for w in e.text.split()}
    places = {e.text for e in doc.ents if e.label_ == "GPE" and len(e.text) > 3 and e.text.istitle()}
    if kb is not None:
        places |= _kb_cities(doc, kb)
    for place in places:
        teams = {
            t
            for t in re.findall(re.escape(place) + _TEAM_TAIL, text)
            if t.split()[-1] not in _NOT_TEAMS and t.split()[-1] not in people
        }
        if len(teams) == 1:
            out[place] = f"{place} {teams.pop()}"
    return out


def _kb_cities(doc, kb) -> set[str]:
    """The first words of place names ending in a plural that are a city of the KB
    ("Jacksonville" of "the Jacksonville Jaguars" read as LOC)."""
    out = set()
    for e in doc.ents:
        words = bare_name(e).split()
        if e.label_ in ("LOC", "GPE", "FAC") and 1 < len(words) < 4 and words[-1][-1:] == "s":
            hit = kb.lookup(" ".join(words[:-1]), "GPE")
            if hit is not None and hit.type == "city":
                out.add(" ".join(words[:-1]))
    return out


def bare_name(ent: Span) -> str:
    """The entity's text without a leading "the"."""
    return ent[1:].text if len(ent) > 1 and ent[0].lower_ == "the" else ent.text


def acts_as_team(ent: Span) -> bool:
    """A place name used as a doer: subject of a team's verb ("Indianapolis beat",
    "New Orleans have decided"), possessor ("Boston's offer"), or the object of a
    win over it ("victory over Kansas City", "31-24 win over Jacksonville")."""
    root = ent.root
    head = root.head
    if root.dep_ == "poss" and ent.end < len(ent.doc) and ent.doc[ent.end].text in ("'s", "’s", "'"):
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in _TEAM_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("over", "against"):
        noun = head.head
        return noun.lemma_.lower() in ("win", "victory", "loss", "defeat", "game", "lead")
    return False


def institution_short_forms(doc, persons: set[str]) -> dict[str, str]:
    """Person names of the article that begin one institution's name of it ("Betty
    Ford" and "Betty Ford Center") and are written only where a place goes ("into
    Betty Ford", "at Betty Ford", "Leaves Betty Ford"), to that name: the
    institution's short form, not the person. A name also written as a doer, or
    beginning two institutions' names, stays a person."""
    longs = [e for e in doc.ents if e.label_ in ("ORG", "FAC") and len(e) > 2 and e[-1].lower_ in _HEADS]
    out = {}
    for name in persons:
        if len(name.split()) < 2:
            continue
        found = {bare_name(e) for e in longs if bare_name(e).startswith(name + " ")}
        if len(found) != 1:
            continue
        uses = [e for e in doc.ents if e.text == name and e.label_ == "PERSON"]
        if uses and all(e.start > 0 and doc[e.start - 1].lower_ in _PLACE_PREPS for e in uses):
            out[name] = found.pop()
    return out


def surname_reads_person(text: str, votes: dict[str, dict[str, int]]) -> bool:
    """A name of a given name and a surname NER read as an organisation ("Bettie Page"
    as ORG) whose last word alone it reads as a person in the article, at least twice
    and more often than anything else ("Page died", "Page said"): a person's name.
    A name whose last word is no name alone ("Morgan Stanley" without "Stanley"
    said), a longer name, or a generic head ("Betty Ford Center") keeps its label."""
    words = text.split()
    if len(words) not in (2, 3) or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    alone = votes.get(words[-1], {})
    person = alone.get("PERSON", 0)
    return person >= 2 and person > sum(alone.values()) - person and words[-1].lower() not in _HEADS


# Lowercase words a person's name may start with: particles ("al-Hassan", "de Gaulle").
_LOWER_NAME = SURNAME_PARTICLES | {"al", "el", "ul", "bin", "ibn", "bint", "abu"}


def person_recut(ent: Span, full: set[str]) -> Span | None:
    """A person's span without what NER ran into it, or None: lowercase words before
    the name ("godfather Gigante", "don Vincent Gigante"; particles stay), or a
    capitals headline after it ("GARY ROSS REMAINS IN TALKS": the longest start
    that is a full person name of the article, compared without case)."""
    if ent.label_ != "PERSON" or len(ent) < 2:
        return None
    doc, start = ent.doc, ent.start
    while start < ent.end - 1 and doc[start].is_lower and doc[start].is_alpha:
        if doc[start].lower_ in _LOWER_NAME or doc[start].text.startswith(("al-", "el-")):
            break
        start += 1
    if start > ent.start:
        return Span(doc, start, ent.end, label="PERSON")
    if len(ent) > 2 and ent.text.isupper():
        low = {f.lower() for f in full}
        for n in range(len(ent) - 1, 1, -1):
            if ent[:n].text.lower() in low:
                return Span(doc, ent.start, ent.start + n, label="PERSON")
    return None


def initial_before(doc, prev: Span, s: Span) -> bool:
    """A person's name ending with a one-letter initial and the surname NER cut off
    after its spaced period ("Raj K" "." "Chohan"): one name."""
    last = doc[prev.end - 1]
    return (
        prev.label_ == "PERSON"
        and len(prev) > 1
        and len(last.text) == 1
        and last.is_upper
        and s.start == prev.end + 1
        and doc[prev.end].text == "."
        and len(s) <= 2
        and all(t.is_title and t.is_alpha for t in s)
        and not s.kb_id_
    )


def initialled_surnames(doc) -> set[str]:
    """Surnames written after a given name and a spaced initial ("Raj K . Chohan")."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.end + 1 >= len(doc):
            continue
        last, dot, nxt = doc[ent.end - 1], doc[ent.end], doc[ent.end + 1]
        if len(last.text) == 1 and last.is_upper and dot.text == "." and nxt.is_title and nxt.is_alpha:
            out.add(nxt.text)
    return out


class Labels(dict):
    """Label per name of an article, with the article's places that begin a team's
    name (``teams``), its institutions' short forms (``short_forms``) and the names
    NER read as groups that are persons (``persons``)."""

    teams: dict[str, str] = {}
    short_forms: dict[str, str] = {}
    persons: set[str] = set()
    full_names: set[str] = set()


def by_use(ent: Span, labels: Labels) -> Span | None:
    """The entity relabelled by how the article uses it, or None: a city acting as
    the team it names ("Indianapolis beat"), a team's name NER read as a place
    ("Jacksonville Jaguars" as LOC), an institution's short form read as a person,
    a person's name read as a group whose surname alone is read as a person."""
    teams = getattr(labels, "teams", None)
    if teams and ent.label_ == "GPE" and ent.text in teams and acts_as_team(ent):
        return Span(ent.doc, ent.start, ent.end, label="ORG", kb_id=STANDS_FOR + teams[ent.text])
    if teams and ent.label_ != "ORG" and bare_name(ent) in teams.values():
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    short = getattr(labels, "short_forms", {})
    if ent.label_ == "PERSON" and ent.text in short:
        return Span(ent.doc, ent.start, ent.end, label="ORG", kb_id=STANDS_FOR + short[ent.text])
    if ent.label_ == "ORG" and not ent.kb_id_ and ent.text in getattr(labels, "persons", ()):
        return Span(ent.doc, ent.start, ent.end, label="PERSON")  # "Bettie Page" beside "Page said"
    return None


def team_word(tok) -> bool:
    """A plural of digits and letters after a city ("76ers", "49ers"): a team's name."""
    t = tok.text
    return t[:1].isdigit() and t[-1:] in "sS" and t.isalnum() and any(c.isalpha() for c in t[:-1])


def plural_proper(tok) -> bool:
    """A capitalised plural proper noun of letters ("Jaguars", "Heels")."""
    text = tok.text
    return (
        tok.tag_ in ("NNPS", "NNP")
        and len(text) > 3
        and text[-1] == "s"
        and text[0].isupper()
        and text[1:].islower()
        and text.isalpha()
    )
