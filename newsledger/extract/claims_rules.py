"""Rule data and small helpers of the claims stage (see data/claims.yaml).

Kept apart from the stage so that the analysis side (contradictions) reads
the same tables: which roles exclude each other, which predicates repeat,
how close two dates must be to be the same fact.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.kb.names import fold, slug

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Words of a title that are not part of a person's name (for name keys).
_TITLES = {
    "general",
    "lieutenant",
    "major",
    "colonel",
    "brigadier",
    "sheikh",
    "sayyid",
    "president",
    "minister",
    "prime",
    "commander",
    "dr",
    "mr",
    "mrs",
    "ms",
    "gen",
    "lt",
    "sir",
    "imam",
    "ayatollah",
    "grand",
}


@lru_cache(maxsize=1)
def rules() -> dict:
    raw = resources.files("newsledger.extract").joinpath("data/claims.yaml").read_text("utf-8")
    data = load_yaml(raw)
    verbs, nouns = {}, {}
    for pred, words in data["predicates"].items():
        for w in words.get("verbs") or []:
            verbs.setdefault(w, pred)
        for w in words.get("nouns") or []:
            nouns.setdefault(w, pred)
    data["verb_pred"], data["noun_pred"] = verbs, nouns
    data["measure_kind"] = {w: k for k, ws in data["measures"].items() for w in ws}
    data["role_rank"] = {w: k for k, ws in data["roles"].items() for w in ws}
    data["count_class"] = {w: k for k, ws in data["counts"].items() for w in ws}
    data["casualty_verb"] = {w: k for k, ws in (data.get("casualties") or {}).items() for w in ws}
    # Longest titles first so "deputy head" wins over "head".
    titles = sorted(data["role_rank"], key=len, reverse=True)
    data["role_re"] = re.compile(
        r"\b("
        + "|".join(re.escape(t).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for t in titles)
        + r")\b",
        re.I,
    )
    return data


def role_rank(title: str) -> str | None:
    return rules()["role_rank"].get(
        re.sub(r"[\s-]+", " ", title.lower()).replace("secretary general", "secretary general")
    ) or rules()["role_rank"].get(re.sub(r"\s+", "-", title.lower()))


@lru_cache(maxsize=4096)
def parse_date(value: str | None) -> tuple[date, str] | None:
    """A calendar value as (first day, precision) or None."""
    m = _CALENDAR.match(value or "")
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        return date(int(y), int(mo or 1), int(d or 1)), "day" if d else "month" if mo else "year"
    except ValueError:
        return None


def shift(value: str, n: int, unit: str) -> str | None:
    """A date moved by n units (day/week/month/year) keeping its precision; None if too coarse."""
    got = parse_date(value)
    if not got:
        return None
    d, prec = got
    if unit in ("day", "week"):
        if prec != "day":
            return None
        return (d + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        if prec == "year":
            return None
        months = d.year * 12 + d.month - 1 + n
        out = f"{months // 12:04d}-{months % 12 + 1:02d}"
        return out + (f"-{d.day:02d}" if prec == "day" else "")
    if unit == "year":
        return f"{d.year + n:04d}" + value[4:]
    return None


def days_apart(a: str | None, b: str | None) -> int | None:
    pa, pb = parse_date(a), parse_date(b)
    if not pa or not pb:
        return None
    return abs((pa[0] - pb[0]).days)


def name_key(name: str, label: str | None = None) -> str:
    """A comparable key for an actor's name: folded, titles dropped for people."""
    toks = fold(name).split()
    if label == "PERSON":
        toks = [t for t in toks if t not in _TITLES] or toks
    return slug(" ".join(toks))
