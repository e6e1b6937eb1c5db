"""The tense of the clause a time expression belongs to, from the parse.

"On Friday" in "he said on Friday" is the Friday before the anchor; in "they
will meet on Friday" the one after. We climb from the expression to the first
verb that governs it and read its tense, modals and infinitive marker.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from newsledger.datafile import load_yaml
from newsledger.extract.base import doc_text

_FUTURE_AUX = {"will", "shall", "'ll", "would", "wo", "could", "may", "might", "should", "must"}
_MAX_CLIMB = 8


@lru_cache(maxsize=1)
def _future_predicates() -> frozenset:
    raw = resources.files("newsledger.extract").joinpath("data/time/tense.yaml").read_text("utf-8")
    return frozenset(load_yaml(raw)["future_predicates"])


def _planned(tok: Token) -> bool:
    """'scheduled', 'due', 'set' as a state ("is set for Friday"), not an act
    ("set fire on Friday")."""
    return tok.tag_ in ("VBN", "JJ") and tok.lemma_.lower() in _future_predicates()


def _past_perfect(tok: Token) -> bool:
    """ "had left by 2019": the one deadline reading that is in the past."""
    v = _verb_above(tok)
    return v is not None and any(c.lower_ == "had" for c in v.children if c.dep_ == "aux")


def _verb_above(tok: Token) -> Token | None:
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _verb_tense(v: Token) -> str | None:
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or _planned(v):
        return "future"
    if any(a.lower_ == "to" for a in auxes) or v.tag_ == "VB" and not auxes:
        return "future"  # "to expel by the end of 2021": an aim, not a fact
    if v.tag_ == "VBN" and v.dep_ == "acl" and not auxes:
        return "past"  # "a resolution passed on January 5": a done deed
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and v.tag_ == "VBN":
        return "past"  # present perfect reports a past event
    if v.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    return None


def tense_at(doc: Doc, start: int, end: int, bounds: tuple[int, int] | None = None) -> str | None:
    """past | present | future for the clause around a character span, or None.

    ``bounds`` (the sentence, cut at line breaks) keeps the climb inside it: a
    parser may attach an embed line's date to the next paragraph's verb."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lo, hi = bounds or (0, len(doc_text(doc)))
    tok = span.root
    if span.start > 0 and doc[span.start - 1].lower_ == "by" and not _past_perfect(tok):
        return "future"  # "by the end of 2021", "by Friday": a deadline
    if _planned(tok.head) or _planned(tok.head.head):
        return "future"  # "due on Friday", "scheduled for next week"
    for _ in range(_MAX_CLIMB):
        v = _verb_above(tok)
        if v is None or not lo <= v.idx < hi:
            return None
        t = _verb_tense(v)
        if t is not None:
            return t
        if v.head is v:
            return None
        tok = v.head  # a participle or gerund: ask the clause above
    return None
