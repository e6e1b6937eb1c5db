"""Publication dates given by the input: parse, never guess."""

from __future__ import annotations

import re
from datetime import date, datetime

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_given(value) -> tuple[str, str] | None:
    """(ISO date, precision) for a date given in metadata, or None when it is not one."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    if _YEAR.match(s):
        return s, "year"
    m = _MONTH.match(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return s, "month"
    try:
        d = datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            d = date.fromisoformat(s[:10])
        except ValueError:
            return None
    return d.isoformat(), "day"
