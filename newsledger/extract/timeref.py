"""When a statement or event happened, from the dates its sentence gives.

Quotes, events and claims ask here for their date so that every stage uses
the same rule; the time stage (ORDER 20) has already added the sentence's
timexes to the Extraction, each with the tense of its clause.

The rule: a calendar-valued DATE or TIME timex of the sentence, not in a
future clause (a deadline, "will leave by the end of 2021", is not when
something happened); the one nearest ``near`` (e.g. the cue's offset) when
given, else the first. None when the sentence fixes no date: callers decide
whether the publication date stands in, and say so.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsledger.extract.base import Extraction
from newsledger.extract.time.published import Post, posts

_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2}|SP|SU|FA|WI))?")


def _index(ex: Extraction) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The timexes that can date a sentence, sorted by start, built once per
    Extraction (each quote, event and claim asks): (starts, [(start, end, value)]).

    Kept on the Extraction and rebuilt when its timex list changes."""
    key = (id(ex.timexes), len(ex.timexes))
    cached = ex.__dict__.get("_timeref_index")
    if cached is not None and cached[0] == key:
        return cached[1]
    rows = []
    for t in ex.timexes:
        m = _CALENDAR.match(t.value or "") if t.type in ("DATE", "TIME") else None
        if m and getattr(t, "tense", None) != "future":
            rows.append((t.start, t.end, m.group(0)))
    rows.sort()
    index = ([r[0] for r in rows], rows)
    ex.__dict__["_timeref_index"] = (key, index)
    return index


def date_at(ex: Extraction, sent_start: int, sent_end: int, near: int | None = None) -> str | None:
    """The calendar value (YYYY, YYYY-MM, YYYY-MM-DD ...) the sentence gives, or None."""
    starts, rows = _index(ex)
    found = []
    for k in range(bisect_left(starts, sent_start), len(rows)):
        start, end, value = rows[k]
        if start >= sent_end:
            break
        if end <= sent_end:
            found.append((start, value))
    if not found:
        return None
    if near is None:
        return found[0][1]
    return min(found, key=lambda f: (abs(f[0] - near), f[0]))[1]


def article_date(ex: Extraction) -> str | None:
    """The publication date: given by the input, else inferred by the time stage."""
    return ex.article.published or ex.doc_updates.get("published")


def embedded_posts(ex: Extraction) -> list[Post]:
    """Embedded posts (tweets) with who posted them and when, read from their
    attribution lines ("- Name (@handle) April 24, 2021"), even where masked:
    a quote taken from a post is dated by it."""
    return posts(ex.article.text)
