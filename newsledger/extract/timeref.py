"""When a statement or event happened, from the dates its sentence gives.

Quotes, events and claims ask here for their date so that every stage uses
the same rule; the time stage (ORDER 20) has already added the sentence's
timexes to the Extraction.
"""
from __future__ import annotations

import re

from newsledger.extract.base import Extraction

_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_at(ex: Extraction, sent_start: int, sent_end: int) -> str | None:
    """The calendar value of the first DATE timex in the sentence, or None."""
    for t in ex.timexes:
        if sent_start <= t.start and t.end <= sent_end and t.type in ("DATE", "TIME") and t.value:
            m = _CALENDAR.match(t.value)
            if m:
                return m.group(0)
    return None
