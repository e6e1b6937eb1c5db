"""Quotation marks: pairing them into quotations, one line (paragraph) at a time.

A quotation never crosses a line break: news that quotes over several
paragraphs leaves the mark open at the end of each, so an opening mark without
its closing one runs to the end of its line and no further (an unbalanced mark
cannot swallow the rest of the article). A closing mark with no opening one
after a closed quotation moves that quotation's end (a misplaced mark: “… for”
[giving] Advice.”) where the caller allows it: not over an attribution. Single marks (‘…’) make a
quotation only as a clear pair
outside double marks: they double as apostrophes and transliteration marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE, STRAIGHT = "“„«", "”»", '"'
# What content never ends with: spaces and closing punctuation.
TRAIL = " \t,.;:!?…"
LEAD = " \t"
_LINE = re.compile(r"[^\n]+")
# Single marks pair only when both sides are clear: ‘ after a space (or line start)
# and before a letter; ’ after a non-space and not before a letter. A ’ between
# letters is an apostrophe ("don’t", "Parliament’s") and may sit inside; an
# unpaired ‘ is a transliteration mark ("Kate ‘al-Rikabi"), never a quotation.
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–:]))‘(?=\w)[^‘’\n]*(?:’(?=\w)[^‘’\n]*)*(?<=\S)’(?!\w)", re.M)
_MARK = re.compile("[" + re.escape(OPEN + CLOSE + STRAIGHT) + "]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Quotation:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when the line ended first
    start: int  # content: inside the marks, without edge spaces and punctuation
    end: int

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start : self.end]))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge spaces, trailing punctuation and unpaired edge marks."""
    while True:
        s0, e0 = start, end
        while start < end and text[start] in LEAD:
            start += 1
        while end > start and text[end - 1] in TRAIL:
            end -= 1
        inner = text[start:end]
        if end > start and text[end - 1] in CLOSE + STRAIGHT and not _paired_close(inner):
            end -= 1  # unpaired: `… “an objective,”` keeps its mark, comma and all
        if end > start and text[start] in OPEN + STRAIGHT and not _paired_open(inner):
            start += 1
        if end - start >= 2 and text[start] == "‘" and text[end - 1] == "’":
            start, end = start + 1, end - 1  # a headline's ‘…’ around the whole span
        if (start, end) == (s0, e0):
            return start, end


def _paired_close(s: str) -> bool:
    if s[-1] == STRAIGHT:
        return s.count(STRAIGHT) % 2 == 0
    return any(c in OPEN for c in s[:-1])


def _paired_open(s: str) -> bool:
    if s[0] == STRAIGHT:
        return s.count(STRAIGHT) % 2 == 0
    return any(c in CLOSE for c in s[1:])


def _is_opening(text: str, i: int, line_start: int) -> bool:
    """A straight mark opens when it follows a space or starts the line."""
    return i == line_start or text[i - 1] in " \t([{—–-:"


def find_quotations(text: str, joinable=None) -> list[Quotation]:
    """Double-mark quotations, and single-mark ones outside them, in text order.

    `joinable(close, stray)` says whether a stray closing mark may extend the
    quotation closed before it (default: always)."""
    out: list[Quotation] = []
    for line in _LINE.finditer(text):
        out.extend(_line_quotations(text, line.start(), line.end(), joinable))
    singles = [_make(text, m.start(), m.end() - 1, m.end() - 1) for m in _SINGLE.finditer(text)]
    spans = [(q.open, q.outer_end) for q in out]
    out.extend(
        q
        for q in singles
        if q.end > q.start and not any(a <= q.open < b or q.open <= a < q.outer_end for a, b in spans)
    )
    return sorted(out, key=lambda q: q.open)


def _line_quotations(text: str, lo: int, hi: int, joinable=None) -> list[Quotation]:
    out: list[Quotation] = []
    open_at = None
    last_closed = False  # the previous quotation on this line ended with a mark
    for mark in _MARK.finditer(text, lo, hi):
        i, c = mark.start(), mark.group()
        opening = c in OPEN or (c == STRAIGHT and open_at is None and _is_opening(text, i, lo))
        if opening:
            if open_at is not None:  # a second opening: the first never closed
                out.append(_make(text, open_at, None, i))
            open_at, last_closed = i, False
        elif open_at is not None:
            out.append(_make(text, open_at, i, i))
            open_at, last_closed = None, True
        elif last_closed and out and c in CLOSE and (joinable is None or joinable(out[-1].close, i)):
            prev = out[-1]
            out[-1] = _make(text, prev.open, i, i)
    if open_at is not None:
        out.append(_make(text, open_at, None, hi))
    return [q for q in out if q.end > q.start]


def _make(text: str, open_at: int, close: int | None, end: int) -> Quotation:
    start, end = trim(text, open_at + 1, end)
    return Quotation(open_at, close, start, end)
