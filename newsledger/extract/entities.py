"""Entities (baseline): spaCy NER mentions, grouped per name into actors.

An actor's id is derived from its folded name, so the same spelling gets the
same id in every article. The actors issue replaces the grouping with the
knowledge base and transliteration-aware matching.
"""
from __future__ import annotations

from collections import Counter

from newsledger.extract.base import Extraction, sent_bounds
from newsledger.kb.names import fold, slug
from newsledger.records import Entity, Mention

NAME = "entities.ner"
VERSION = "1"
ORDER = 10
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_TRIM_START = {"the", "a", "an"}


def _trimmed(ent):
    """The entity span without a leading article, so spans are names."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in _TRIM_START:
        start += 1
    return ent.doc[start:ent.end]


def extract(doc, ex: Extraction):
    spans = [_trimmed(e) for e in doc.ents if e.label_ in LABELS]
    spans = [s for s in spans if fold(s.text)]
    labels: dict[str, Counter] = {}
    names: dict[str, str] = {}
    for s in spans:
        key = fold(s.text)
        labels.setdefault(key, Counter())[s.label_] += 1
        # The longest spelling seen is the most informative display name.
        if len(s.text) > len(names.get(key, "")):
            names[key] = s.text
    out = []
    for key, counts in labels.items():
        out.append(Entity(id=slug(names[key]), name=names[key], type=counts.most_common(1)[0][0]))
    for s in spans:
        key = fold(s.text)
        ss, se = sent_bounds(s)
        out.append(Mention(ex.article.id, s.start_char, s.end_char, s.text, s.label_,
                           slug(names[key]), names[key], ss, se, extractor=NAME,
                           confidence=0.6))
    return out
