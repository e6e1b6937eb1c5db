"""What the clause around a trigger says about it: negated, hypothetical, when, where.

Negation and modality are read off the dependency path from the trigger to
the sentence root, so "no plans to withdraw" and "if they stay" are seen
wherever the trigger sits in the clause.
"""
from __future__ import annotations

from newsledger.extract.base import Extraction
from newsledger.extract.events.args import covering
from newsledger.extract.lexicon import word_list
from newsledger.extract.timeref import date_at

_NEG_WORDS = {"not", "n't", "never", "no", "without", "nor"}
_NEG_DETS = {"no", "neither"}
_FAILING = {"fail", "cease"}
_COND_MARKS = {"if", "unless", "whether", "should"}
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "into", "around"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")


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
            break       # "the withdrawal is NOT an easy matter": the predicate is denied
        if i and t.lemma_.lower() in _FAILING:
            return not any(c.dep_ == "neg" for c in t.children)
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEG_DETS):
                return True
        if i and t.lower_ in _NEG_WORDS:
            return True
        # "no plans to withdraw": stop at the first clause boundary above the noun
        if i and t.dep_ in ("ccomp", "advcl", "relcl", "ROOT"):
            break
    return False


def _copula(tok) -> bool:
    """A form of "be" linking its subject to a predicate noun or adjective."""
    return tok.lemma_.lower() == "be" and any(c.dep_ in ("attr", "acomp") for c in tok.children)


def intent(trigger) -> str | None:
    """"unless" for a conditional announcement ("will withdraw unless .."), "intent" for
    an announced act ("will withdraw", "is ready to talk", "plans to impose"), None for
    a reported act. Only the trigger's own auxiliaries and the heads of its infinitive
    chain count: "will escort them as they LEAVE" does not announce the leaving."""
    heads = word_list("events/intent_heads")
    t, found = trigger, None
    for i in range(4):
        if any(c.dep_ == "aux" and c.lemma_.lower() in heads for c in t.children) or \
                (i and t.lemma_.lower() in heads):
            found = "intent"
            break
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            break
        t = t.head
    if found and any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children)
                     for c in t.subtree):
        return "unless"
    return found


def hypothetical(trigger) -> bool:
    """Conditional ("if they stay") or intended/wanted ("plans to", "want to") acts."""
    modal = word_list("events/modal_heads")
    head = trigger.head
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and \
            head.lemma_.lower() in word_list("events/realization_verbs") and \
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in head.children):
        return True     # "the withdrawal WOULD be announced on December 31st": still ahead
    for i, t in enumerate(_path(trigger)):
        if any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in t.children):
            return True
        if i and t.lemma_.lower() in modal:
            return True
        if t.dep_ in ("ccomp", "ROOT"):
            break
    return False


def clause_bounds(tok) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1])


def event_date(ex: Extraction, clause_tok, sent) -> str | None:
    """The date the clause gives; else the sentence's; reported history keeps its own."""
    s, e = clause_bounds(clause_tok)
    return date_at(ex, s, e) or date_at(ex, sent.start_char, sent.end_char)


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
