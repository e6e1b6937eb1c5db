"""spaCy's rule lemmatizer, its lemma remembered per (word, part of speech, morphology).

spaCy's ``Lemmatizer`` walks the Doc's tokens in Python and asks its rules for
each one; it caches the rules' answer per (word, POS, morphology) but only
after tests it repeats every time (a base form, a space), and it sets each
lemma through ``Token.lemma_``: ~6 ms per 400-word article. The lemma is a
function of those three values and the lemmatizer's tables alone, so this
component keeps it per triple and writes all the lemmas of a Doc in one
``Doc.from_array``; a triple not seen before is lemmatized by spaCy's own
lemmatizer. The lemmas are the same (``tests/nlp/test_lemmas.py``).
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "newsledger_lemmatizer"


class RememberedLemmas:
    """Sets what ``lemmatizer(doc)`` sets (see the module doc)."""

    def __init__(self, lemmatizer: Lemmatizer | None = None):
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings, overwrite = doc.vocab.strings, self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue  # set before (by the attribute ruler): spaCy leaves it
            found = self.known.get((orth, pos, morph))
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.known[(orth, pos, morph)] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1).astype(numpy.uint64))
        return doc


@Language.factory(FACTORY)
def _make(nlp: Language, name: str) -> RememberedLemmas:
    return RememberedLemmas()


def speed_up(nlp: Language, name: str = "lemmatizer") -> None:
    """Put a RememberedLemmas around the rule lemmatizer ``name``, in its place and
    under its name; other lemmatizers (lookup mode) are left as they are."""
    old = nlp.get_pipe(name)
    if not isinstance(old, Lemmatizer) or old.mode != "rule":
        return
    nlp.replace_pipe(name, FACTORY)
    nlp.get_pipe(name).lemmatizer = old
