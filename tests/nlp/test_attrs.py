"""The attribute ruler's rules matched by look-up give spaCy's matches and annotations."""

from __future__ import annotations

import os

import spacy
from spacy.pipeline import AttributeRuler

from newsledger.nlp.attrs import LookupMatch

TEXT = (
    "Talks stall over river dams\n\nThe ministers didn't meet on Monday in Basra; it's said "
    "they're gonna try again. \"I'd have gone,\" she said, \"but y'all ain't ready.\" "
    "There are 12 dams, and that is why nothin' moved. Let's see whether it holds.\n"
)


def _ruler(patterns):
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_every_kind_of_rule_matches_as_the_matcher_does():
    nlp, ruler = _ruler(
        [
            {"patterns": [[{"LOWER": "the"}]], "attrs": {"TAG": "DT"}},  # equality
            {"patterns": [[{"ORTH": {"IN": ["dams", "Basra"]}}]], "attrs": {"TAG": "NN"}},  # IN
            {"patterns": [[{"IS_PUNCT": True, "ORTH": {"NOT_IN": [";"]}}]], "attrs": {"TAG": "P"}},
            {"patterns": [[{"LOWER": {"REGEX": "^t"}}]], "attrs": {"TAG": "T"}},  # checked everywhere
            {"patterns": [[{"LOWER": "river"}, {"LOWER": "dams"}]], "attrs": {"TAG": "X"}, "index": 1},
            {"patterns": [[{"LOWER": "dams"}], [{"ORTH": "dams"}]], "attrs": {"TAG": "NNS"}},  # one match
            {"patterns": [[{"LOWER": "river"}, {"LOWER": "dams", "OP": "+"}]], "attrs": {"TAG": "Y"}},
            {"patterns": [[{"LOWER": {"REGEX": "^b"}}, {}]], "attrs": {"TAG": "Z"}},
            {
                "patterns": [[{"LOWER": {"NOT_IN": ["the", "river", "dams", ";", "."]}}]],
                "attrs": {"TAG": "W"},
            },
        ]
    )
    doc = nlp("The river dams; the Basra dams.")
    fast = LookupMatch(ruler)
    assert len(fast.rest) == 1  # the rule with an operator: left to a Matcher
    assert fast(doc) == ruler.match(doc)
    rules = [(int(nlp.vocab.strings[m]), s, e) for _, m, s, e in fast(doc)]
    assert rules == [
        (0, 0, 1),
        (0, 4, 5),
        (1, 2, 3),
        (1, 5, 6),
        (1, 6, 7),
        (2, 7, 8),
        (3, 0, 1),
        (3, 4, 5),
        (4, 1, 3),
        (5, 2, 3),
        (5, 6, 7),
        (6, 1, 3),
        (7, 5, 7),
        (8, 5, 6),
    ]


def test_model_rules_give_the_same_annotations(nlp):
    from newsledger.nlp.pipeline import _load_package

    stock = _load_package(os.environ.get("NEWSLEDGER_TEST_MODEL", "sm"))  # as shipped
    ruler = stock.get_pipe("attribute_ruler")
    fast = LookupMatch(ruler)
    assert len(fast.rest) < len(ruler.matcher) / 5  # most rules are looked up
    doc = stock(TEXT, disable=["attribute_ruler", "lemmatizer", "ner"])
    assert fast(doc) == ruler.match(doc)
    ours = nlp(TEXT)  # newsledger's pipeline: its ruler matches by look-up
    theirs = stock(TEXT)
    assert [(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in ours] == [
        (t.tag_, t.pos_, str(t.morph), t.lemma_) for t in theirs
    ]
    assert isinstance(nlp.get_pipe("attribute_ruler").match, LookupMatch)
