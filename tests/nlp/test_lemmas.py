"""Lemmas remembered per (word, POS, morphology) are spaCy's rule lemmatizer's lemmas."""

from __future__ import annotations

import os

from spacy.tokens import Doc

from newsledger.nlp.lemmas import RememberedLemmas

TEXT = (
    "The ministers didn't meet on Monday; they were meeting the envoys' aides, who had met "
    'them twice. Talks stalled. She said: "We\'re better off waiting." Mice ran; geese flew.\n'
)


def _copy(doc: Doc) -> Doc:
    return Doc(doc.vocab).from_bytes(doc.to_bytes())


def test_same_lemmas_as_spacy_and_kept_per_word_pos_and_morphology(nlp):
    from newsledger.nlp.pipeline import _load_package

    stock = _load_package(os.environ.get("NEWSLEDGER_TEST_MODEL", "sm"))  # as shipped
    spacy_lemmas = stock.get_pipe("lemmatizer")
    parsed = stock(TEXT, disable=["lemmatizer"])
    theirs, ours = spacy_lemmas(_copy(parsed)), _copy(parsed)
    ruled = {t.i: t.lemma_ for t in ours if t.lemma}  # the attribute ruler's lemmas stay
    remembered = RememberedLemmas(spacy_lemmas)
    remembered(ours)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert {t.i: t.lemma_ for t in ours if t.i in ruled} == ruled
    by_word = {t.text: t.lemma_ for t in ours}
    assert (by_word["ministers"], by_word["met"], by_word["Mice"]) == ("minister", "meet", "mouse")
    assert len(remembered.known) >= len({t.text for t in ours if not t.is_punct}) - len(ruled)
    again = _copy(parsed)
    remembered(again)  # now from what it remembers
    assert [t.lemma_ for t in again] == [t.lemma_ for t in theirs]


def test_the_pipeline_lemmatizes_through_it(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), RememberedLemmas)
    assert [t.lemma_ for t in nlp("The mice were flying.")] == ["the", "mouse", "be", "fly", "."]
