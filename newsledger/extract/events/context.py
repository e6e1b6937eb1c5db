"""What the clause around a trigger says about it: negated, hypothetical, when, where.

Negation and modality are read off the dependency path from the trigger to
the sentence root, so "no plans to withdraw" and "if they stay" are seen
wherever the trigger sits in the clause.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.extract.base import Extraction
from newsledger.extract.events.args import covering
from newsledger.extract.lexicon import word_list

_NEG_WORDS = {"not", "n't", "never", "no", "without", "nor"}
_NEG_DETS = {"no", "neither"}
_FAILING = {"fail", "cease"}
_COND_MARKS = {"if", "unless", "whether", "should"}
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "into", "around"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# A calendar value (as the time stage writes it) at the start of a timex value.
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2}|SP|SU|FA|WI))?")
# Edges into a clause of its own: a negation above one does not reach into it.
_CLAUSE_EDGES = {"relcl", "advcl", "ccomp", "conj", "parataxis", "csubj"}
# Event dates before this year come from phrases like "since 1789", not from events.
_FIRST_EVENT_YEAR = 1900
_DAY_WORDS = (
    *(d.lower() for d in calendar.day_name),
    "today",
    "yesterday",
    "tonight",
    *(m.lower() for m in calendar.month_name if m),
)


def _path(tok):
    """The trigger and its heads up to the sentence root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 12:
        out.append(out[-1].head)
    return out


def negated(trigger) -> bool:
    """A negation on the trigger itself or on the noun/verb that governs it closely
    ("did not withdraw", "no plans to withdraw", "failed to reach agreement")."""
    path = _path(trigger)[:3]
    for i, t in enumerate(path):
        if i and path[i - 1].dep_ == "nsubj" and _copula(t):
            break  # "the withdrawal is NOT an easy matter": the predicate is denied
        # A clause of its own: "fighters, who have attacked X, will NOT dissuade" is not
        # negated; "NO plans for X to withdraw" is (the noun the clause hangs on).
        crossed = bool(i) and path[i - 1].dep_ in _CLAUSE_EDGES and path[i - 1].pos_ in ("VERB", "AUX")
        if crossed and t.pos_ not in ("NOUN", "PROPN"):
            break
        if i and t.lemma_.lower() in _FAILING:
            return not any(c.dep_ == "neg" for c in t.children)
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEG_DETS):
                return True
        if i and t.lower_ in _NEG_WORDS:
            return True
        if crossed:
            break
        # "no plans to withdraw": stop at the first clause boundary above the noun
        if i and t.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            break
    return False


def _copula(tok) -> bool:
    """A form of "be" linking its subject to a predicate noun or adjective."""
    return tok.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in tok.children)


def intent(trigger) -> str | None:
    """ "unless" for a conditional announcement ("will withdraw unless .."), "intent" for
    an announced act ("will withdraw", "is ready to talk", "plans to impose"), None for
    a reported act. Only the trigger's own auxiliaries and the heads of its infinitive
    chain count: "will escort them as they LEAVE" does not announce the leaving."""
    heads = word_list("events/intent_heads")
    t, found = trigger, None
    for i in range(4):
        if any(c.dep_ == "aux" and c.lemma_.lower() in heads for c in t.children) or (
            i and t.lemma_.lower() in heads
        ):
            found = "intent"
            break
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            break
        t = t.head
    if found and any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children) for c in t.subtree):
        return "unless"
    return found


def hypothetical(trigger) -> bool:
    """Conditional ("if they stay") or intended/wanted ("plans to", "want to") acts."""
    modal = word_list("events/modal_heads")
    if conditional_clause(trigger):
        return True
    head = trigger.head
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and head.lemma_.lower() in word_list("events/realization_verbs")
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in head.children)
    ):
        return True  # "the withdrawal WOULD be announced on December 31st": still ahead
    for i, t in enumerate(_path(trigger)):
        if any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in t.children):
            return True
        if i and t.lemma_.lower() in modal:
            return True
        if any(c.dep_ == "aux" and c.lower_ in modal for c in t.children):
            return True  # "he COULD be sentenced to life": possible, not done
        # a clause of its own stops the search; an infinitive the parser took for one
        # ("expected Orozco TO BE CHARGED") hangs on its head's mood
        if t.dep_ == "ROOT" or (t.dep_ == "ccomp" and not any(c.lower_ == "to" for c in t.children)):
            break
    return False


@lru_cache(maxsize=1)
def modality() -> dict:
    path = resources.files("newsledger.extract").joinpath("data/events/modality.yaml")
    raw = load_yaml(path.read_text("utf-8")) or {}
    return {k: frozenset(v or ()) for k, v in raw.items()}


def accidental(trigger) -> bool:
    """Whether the act is told as an accident ("shot .. in a hunting ACCIDENT",
    "ACCIDENTALLY shot"), on the trigger or a verb coordinated with it."""
    words = modality()["accident_words"]
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj")]
    if trigger.dep_ == "conj":
        verbs.append(trigger.head)
    for v in verbs:
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in words:
                return True
            if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in words for g in c.children):
                return True
    return False


def conditional_clause(trigger) -> bool:
    """ "practise self-defence WHEN ATTACKED", "WHENEVER they are attacked": a condition,
    not an act (an elliptical when-clause has no subject of its own)."""
    marks = modality()["condition_marks"]
    for t in _path(trigger)[:2]:
        mark = next((c for c in t.children if c.dep_ in ("mark", "advmod") and c.lower_ in marks), None)
        if mark is not None and (
            mark.lower_ == "whenever"
            or (t.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in t.children))
        ):
            return True
        if t.dep_ not in ("advcl", "xcomp"):
            break
    return False


def denial_of(trigger):
    """The verb that denies the clause a trigger is in ("DENIED reports that it had
    resumed its attacks"), or None."""
    m = modality()
    tok = trigger
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        dep, tok = tok.dep_, tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in m["denial_verbs"]:
            if dep == "ccomp" or (dep == "dobj" and tok.lemma_.lower() != "reject"):
                return tok
            return None
        if (
            tok.pos_ == "NOUN"
            and tok.lower_ in m["denial_objects"]
            and tok.dep_ in ("dobj", "obj")
            and tok.head.lemma_.lower() in m["denial_verbs"]
        ):
            return tok.head
        if dep not in (
            "ccomp",
            "acl",
            "relcl",
            "dobj",
            "pobj",
            "prep",
            "xcomp",
            "conj",
            "advcl",
            "pcomp",
            "nsubj",
            "nsubjpass",
        ):
            return None
    return None


def hearsay(ex: Extraction, trigger, source_id: str | None, material: bool = True) -> bool:
    """The narrator attributes the act to someone else: "reportedly", "according to
    X", or a deed is what another party says ("police said militants attacked"). (A
    statement under "said" is the sayer's own act.)"""
    m = modality()
    sent = trigger.sent
    if any(c.lower_ in m["hearsay_adverbs"] for c in trigger.children):
        return True
    low = sent.text.lower()
    if any(p in low for p in m["hearsay_phrases"]):
        return True
    if not material:
        return False
    reporting = word_list("reporting_verbs")
    tok = trigger
    for _ in range(6):
        kids = [c for c in tok.children if c.dep_ == "parataxis" and c.lemma_.lower() in reporting]
        if kids:
            return _other_reporter(ex, kids[0], source_id)
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in reporting:
            return _other_reporter(ex, tok.head, source_id)
        if tok.dep_ not in ("conj", "xcomp", "advcl", "dobj", "pobj", "prep"):
            return False
        tok = tok.head
    return False


def _other_reporter(ex: Extraction, verb, source_id: str | None) -> bool:
    """A reporting verb whose speaker is not the doer ("X said they would .." is X's own
    word on its own act: asserted)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    m = covering(ex, subj)
    if m is not None and source_id and m.entity_id == source_id:
        return False
    return subj.pos_ != "PRON" or subj.lower_ not in ("i", "we")


def factuality(*, denied: bool, negated: bool, hypothetical: bool, future: bool, reported: bool) -> str:
    """One mode per event, the strongest that holds."""
    if denied:
        return "denied"
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "reported" if reported else "asserted"


def clause_bounds(tok) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def event_date(ex: Extraction, clause_tok, sent) -> str | None:
    """The date the clause gives; else the sentence's; reported history keeps its own.
    A clock time or weekday counts only with a calendar date of its own sentence ("at
    9:30 p.m." is not the date of an attack named two paragraphs before); a year
    before 1900 ("since 1789") dates no event."""
    s, e = clause_bounds(clause_tok)
    return _date_between(ex, s, e, sent) or _date_between(ex, sent.start_char, sent.end_char, sent)


def _date_between(ex: Extraction, start: int, end: int, sent) -> str | None:
    best = None
    for t in ex.timexes:
        if (
            not (start <= t.start and t.end <= end)
            or t.type not in ("DATE", "TIME")
            or getattr(t, "tense", None) == "future"
            or (best and best.start <= t.start)
        ):
            continue
        m = _CALENDAR.match(t.value or "")
        if m is None or int(m.group(0)[:4]) < _FIRST_EVENT_YEAR:
            continue
        if t.type == "TIME" and not _dated_in(ex, t, sent):
            continue  # a bare clock time resolved against some other date
        best = t
    return _CALENDAR.match(best.value).group(0) if best is not None else None


def _dated_in(ex: Extraction, timex, sent) -> bool:
    """A clock time whose day the same sentence names (or the time's own words)."""
    if any(ch.isdigit() for ch in timex.value[:10]) and any(w in timex.text.lower() for w in _DAY_WORDS):
        return True
    return any(
        t.type == "DATE" and sent.start_char <= t.start < sent.end_char and t is not timex for t in ex.timexes
    )


def _places(ex: Extraction, trigger):
    """(token, mention) of places named in locative phrases of the trigger or its object."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "pobj")]
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            for obj in prep.children:
                m = covering(ex, obj) if obj.dep_ == "pobj" else None
                if m is not None and m.label in _PLACE_LABELS:
                    yield obj, m


def location(ex: Extraction, trigger, exclude: set[int]) -> str | None:
    """A place named in a locative phrase of the trigger (or of its object)."""
    return next((m.entity_name for _, m in _places(ex, trigger) if m.start not in exclude), None)


def place_object(ex: Extraction, trigger):
    """The head token of a country or region the act is done in (GPE), for acts coded
    against a place when no party is named."""
    return next((tok for tok, m in _places(ex, trigger) if m.label == "GPE"), None)
