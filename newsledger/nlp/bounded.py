"""Parsing in time and memory near-linear in an article's length.

Two things make spaCy slow or hungry on some inputs, and both are defused here
without moving a single offset:

* Its tokenizer strips prefix and suffix punctuation one character at a time
  and re-slices the rest of the string each time, so a long run of quote marks
  or brackets with no space in it costs time quadratic in the run (20,000 ``"``
  took 35 s). ``defuse`` blanks the inside of such runs to spaces: the same
  length, so every offset still indexes the stored text, as boilerplate masking
  does (``ingest.boilerplate.mask``).
* Its parser and tagger hold activations for the whole Doc at once, so a 2 MB
  article needed 7 GB. ``parse`` splits long texts at line breaks (else at
  spaces) into pieces of at most ``CHUNK_CHARS`` characters, parses them as a
  batch and joins the pieces into one Doc with ``Doc.from_docs``: the text of
  the joined Doc is the input, character for character.

Articles shorter than ``CHUNK_CHARS`` (nearly all news) are parsed whole, as
before, so their analyses do not change.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# A run longer than this of characters that are neither word characters nor
# spaces is blanked inside, keeping its first and last KEEP characters.
RUN_LIMIT = 16
KEEP = 4
CHUNK_CHARS = 20_000
_RUN = re.compile(r"[^\w\s]{%d,}" % (RUN_LIMIT + 1))
_BREAKS = ("\n\n", "\n", ". ", " ")


def defuse(text: str) -> str:
    """``text`` with the inside of long punctuation runs blanked (same length)."""
    if not _RUN.search(text):
        return text
    return _RUN.sub(lambda m: m.group()[:KEEP] + " " * (len(m.group()) - 2 * KEEP)
                    + m.group()[-KEEP:], text)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it,
    each cut just after a paragraph break, else a line break, a full stop or a space."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for sep in _BREAKS:
            i = window.rfind(sep, size // 2)
            if i > 0:
                cut = i + len(sep)
                break
        cut = cut or size       # no break in the second half: a hard cut
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def parse(nlp: Language, items: Iterable[tuple[str, object]], *, batch_size: int = 32,
          chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[Doc, object]]:
    """(Doc, context) for each (text, context), in order, like ``nlp.pipe(as_tuples=True)``.

    Each text is defused before parsing; the Doc's text equals the defused text."""
    def pieces():
        for text, ctx in items:
            parts = chunks(defuse(text), chunk_chars)
            for i, part in enumerate(parts):
                yield part, (ctx, i, len(parts))

    got: list[Doc] = []
    for doc, (ctx, i, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        got.append(doc)
        if i == n - 1:
            yield (got[0] if n == 1 else Doc.from_docs(got, ensure_whitespace=False)), ctx
            got = []


def parse_one(nlp: Language, text: str) -> Doc:
    return next(parse(nlp, [(text, None)]))[0]
