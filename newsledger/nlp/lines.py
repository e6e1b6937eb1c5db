"""Sentences never run across a line break.

News text puts headlines, datelines, tweet attributions and paragraphs on
lines of their own without final punctuation; spaCy's parser would join a
headline to the first sentence below it, and every stage would then read one
"sentence" across two paragraphs. Setting the boundary before the parser runs
makes the parser respect it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "newsledger_line_sentences"


@Language.component(FACTORY)
def line_sentences(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        # A newline ends the sentence either as a whitespace token ("\n\n") or
        # as the trailing whitespace of the previous token ("headline\n").
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not doc[i].is_space:
                doc[i].is_sent_start = True
    return doc
