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
import time
from collections.abc import Iterable, Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

# A run longer than this of characters that are neither word characters nor
# spaces is blanked inside, keeping its first and last KEEP characters.
RUN_LIMIT = 16
KEEP = 4
CHUNK_CHARS = 20_000
_RUN = re.compile(rf"[^\w\s]{{{RUN_LIMIT + 1},}}")
_BREAKS = ("\n\n", "\n", ". ", " ")


def defuse(text: str) -> str:
    """``text`` with the inside of long punctuation runs blanked (same length)."""
    if not _RUN.search(text):
        return text
    return _RUN.sub(lambda m: m.group()[:KEEP] + " " * (len(m.group()) - 2 * KEEP) + m.group()[-KEEP:], text)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters that join back to it,
    each cut just after a paragraph break, else a line break, a full stop or a space."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for sep in _BREAKS:
            i = window.rfind(sep, size // 2)
            if i > 0:
                cut = i + len(sep)
                break
        cut = cut or size  # no break in the second half: a hard cut
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


PARSE_TIMEOUT = ("newsledger", "parse_timeout")  # Doc.user_data key: parsing ran out of time


def parse(
    nlp: Language,
    items: Iterable[tuple[str, object]],
    *,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
    budget: float | None = None,
) -> Iterator[tuple[Doc, object]]:
    """(Doc, context) for each (text, context), in order, like ``nlp.pipe(as_tuples=True)``.

    Each text is defused before parsing; the Doc's text equals the defused text.
    Short texts are parsed in batches; a long one piece by piece, one piece in
    memory at a time. When its pieces take more than ``budget`` seconds, the
    rest is not parsed: the Doc is then the tokens alone, flagged
    ``doc.user_data[PARSE_TIMEOUT]``, and no stage should read it."""
    batch: list[tuple[str, object]] = []
    for text, ctx in items:
        text = defuse(text)
        if len(text) <= chunk_chars:
            batch.append((text, ctx))
            if len(batch) >= batch_size:
                yield from nlp.pipe(batch, as_tuples=True, batch_size=batch_size)
                batch = []
            continue
        if batch:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=batch_size)
            batch = []
        yield _parse_long(nlp, text, chunk_chars, budget), ctx
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=batch_size)


def _parse_long(nlp: Language, text: str, chunk_chars: int, budget: float | None) -> Doc:
    start = time.monotonic()
    docs = []
    for part in chunks(text, chunk_chars):
        if budget and time.monotonic() - start > budget:
            doc = nlp.make_doc(text)  # linear: the text is defused
            doc.user_data[PARSE_TIMEOUT] = True
            return doc
        doc = nlp(part)
        doc.tensor = numpy.zeros((0, 0), dtype="float32")  # no stage reads it: don't join it
        docs.append(doc)
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_one(nlp: Language, text: str, budget: float | None = None) -> Doc:
    return next(parse(nlp, [(text, None)], budget=budget))[0]
