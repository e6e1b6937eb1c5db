"""Bounds on publication from what the knowledge base knows of the persons a text names.

A person named with the title of an office ("Prime Minister NAME", "NAME, the
prime minister,", "The Secretary-General of X, NAME") holds it as the text is
written, unless the title says otherwise ("former", "late", "then-",
"-elect"), names another office ("Vice President", "deputy prime minister")
or the sentence tells of a death or an anniversary, where titles are those
of that time. The office's tenure in the knowledge base (the entity's roles,
as the entities stage copied them: curated ones, else the Phoenix codes)
bounds publication from its start and, when it ended, to its end.

These are bounds only: a tenure says nothing of where in it a text was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.extract.base import Extraction
from newsledger.kb.names import honorifics

_WINDOW = 200  # characters looked at before a name for its title
_MAX_NP_WORDS = 4  # words a title's noun phrase may carry in front of it
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")


@dataclass(frozen=True)
class Bound:
    """A bound on publication: the person's mention, the dates, and why."""

    start: int
    end: int
    lo: date | None
    hi: date | None
    why: str


@dataclass(frozen=True)
class _Office:
    titles: tuple[str, ...]
    lo: date | None
    hi: date | None
    source: str


@lru_cache(maxsize=1)
def _config() -> dict:
    raw = resources.files("newsledger.extract").joinpath("data/time/tenure.yaml")
    cfg = load_yaml(raw.read_text("utf-8"))
    for k in ("not_current", "not_current_suffix", "determiners", "current", "other_office"):
        cfg[k] = frozenset(cfg[k])
    cfg["historic"] = re.compile(r"\b(?:" + "|".join(map(re.escape, cfg["historic_words"])) + r")\b", re.I)
    hon = sorted(honorifics(), key=len, reverse=True)
    cfg["honorifics"] = "|".join(map(re.escape, hon))
    return cfg


def _iso(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _hull(tenures: list[dict]) -> tuple[date | None, date | None]:
    """From the earliest start to the latest end of an office's stints; an open
    start or end leaves that side unbounded."""
    los = [_iso(r.get("from")) for r in tenures]
    his = [_iso(r.get("to")) for r in tenures]
    lo = min(los) if los and all(los) else None
    hi = max(his) + timedelta(days=_config()["end_grace_days"]) if his and all(his) else None
    return lo, hi


def offices(roles: list[dict]) -> list[_Office]:
    """The offices a person held with the titles that name them and their tenure.

    Curated roles are named ("prime minister"); Phoenix codes only by sector
    ("IRQGOV"), so they are used for persons without a curated role, and
    only for the start of their tenure."""
    cfg = _config()
    named: dict[str, list[dict]] = {}
    for r in roles:
        if r.get("role"):
            named.setdefault(r["role"].lower(), []).append(r)
    out = []
    for role, stints in named.items():
        lo, hi = _hull(stints)
        if lo or hi:
            titles = (role, *cfg["title_synonyms"].get(role, ()))
            out.append(_Office(titles, lo, hi, "tenure from the knowledge base"))
    if named:
        return out
    coded: dict[str, list[dict]] = {}
    for r in roles:
        code = r.get("code") or ""
        if len(code) >= 6:
            coded.setdefault(code[3:6], []).append(r)
    for sector, stints in coded.items():
        # A coded stint ends where the dictionary's coding of it stopped, not
        # always where the office did (a later office of the sector is often
        # missing): only its start bounds publication.
        lo, _ = _hull(stints)
        if lo and sector in cfg["phoenix_sectors"]:
            out.append(
                _Office(
                    tuple(cfg["phoenix_sectors"][sector]),
                    lo,
                    None,
                    f"{sector} tenure from the Phoenix dictionaries",
                )
            )
    return out


def _alternation(titles: tuple[str, ...]) -> str:
    """Titles as one pattern; hyphens and spaces are interchangeable."""
    alts = sorted(
        {r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", t.strip()))) for t in titles},
        key=len,
        reverse=True,
    )
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=256)
def _patterns(titles: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """Before a name: "[np] TITLE [of X][,] [honorifics]"; after it: ", [np] TITLE"."""
    t, cfg = _alternation(titles), _config()
    suffix = r"(?:(?:-|\s+)(?P<suffix>\w+))?"
    pre = re.compile(
        r"(?:(?P<glued>[A-Za-z]+)-|(?<![\w-]))(?P<title>"
        + t
        + r")"
        + suffix
        + r"(?:\s+(?:of|for)\s+[^,;:\n()\"“”]{1,60}?)?(?P<comma>\s*,)?"
        r"(?:\s+(?:" + cfg["honorifics"] + r")\.?)*\s*$",
        re.I,
    )
    post = re.compile(
        r"^[ \t]*,[ \t]*(?P<np>(?:[\w’'.-]+[ \t]+){0,4}?)(?:(?P<glued>[A-Za-z]+)-)?"
        r"(?P<title>" + t + r")(?![\w])" + suffix,
        re.I,
    )
    return pre, post


def _np_state(words: list[str], strict: bool) -> str | None:
    """Read a title's noun phrase, nearest word first: "past" (former, late, -elect:
    not the office now), "other" (another office), "ok", or None where a word is
    none of a noun phrase's (``strict``: every word must be one)."""
    cfg = _config()
    for w in words[:_MAX_NP_WORDS]:
        low = w.lower().strip(".")
        if not re.match(r"\w", w):
            return "ok"  # punctuation: the phrase began after it
        if low in cfg["not_current"]:
            return "past"
        if low in cfg["other_office"]:
            return "other"
        if (
            low in cfg["determiners"]
            or low in cfg["current"]
            or low.endswith(("'s", "’s"))
            or w[:1].isupper()
        ):
            continue
        return None if strict else "ok"
    return "ok"


def _determined(words: list[str]) -> bool:
    """Whether a title's noun phrase, read nearest word first, has a determiner or
    a possessive ("the Portuguese premier", "Portugal's premier")."""
    cfg = _config()
    for w in words[:_MAX_NP_WORDS]:
        low = w.lower()
        if low in cfg["determiners"] or low.endswith(("'s", "’s")):
            return True
        if not (w[:1].isupper() or low in cfg["current"]):
            return False
    return False


def _current(m: re.Match, words_before: list[str], strict: bool) -> bool:
    """Whether a title match names the office as held now."""
    cfg = _config()
    glued = (m.group("glued") or "").lower()
    suffix = (m.group("suffix") or "").lower()
    if glued in cfg["not_current"] or glued in cfg["other_office"] or suffix in cfg["not_current_suffix"]:
        return False
    return _np_state(words_before, strict) == "ok"


def titled(text: str, start: int, end: int, sent: tuple[int, int], titles: tuple[str, ...]) -> str | None:
    """The title, as written, of one of ``titles`` the name at text[start:end] is
    given as held now; None when it is given none, or one of the past or future."""
    pre, post = _patterns(titles)
    line = text.rfind("\n", 0, start) + 1
    lo = max(line, sent[0], start - _WINDOW)
    before = text[lo:start]
    m = pre.search(before)
    if m is not None:
        words = list(reversed(_WORD.findall(before[: m.start()])))
        title_cap = m.group("title")[:1].isupper()
        # "the prime minister, NAME" needs a noun phrase ("became prime minister,
        # NAME said" is no apposition); "Prime Minister NAME" does not.
        if m.group("comma") and not title_cap and not _determined(words):
            return None
        return m.group("title") if _current(m, words, strict=False) else None
    line_end = text.find("\n", end)
    after = text[end : min(end + _WINDOW, line_end if line_end >= 0 else len(text))]
    m = post.match(after)
    if m is None:
        return None
    words = list(reversed(m.group("np").split()))
    return m.group("title") if _current(m, words, strict=True) else None


def bounds(ex: Extraction) -> list[Bound]:
    """Bounds from the offices named persons are given in the text: one per person
    and office, from its first titled mention."""
    text = ex.article.text
    historic = _config()["historic"]
    out, seen = [], set()
    for m in ex.mentions:
        ent = ex.entities.get(m.entity_id)
        if m.nominal or m.label != "PERSON" or ent is None or not ent.attrs.get("roles"):
            continue
        sent = (m.sent_start, m.sent_end) if m.sent_end > m.sent_start else (0, len(text))
        if historic.search(text, sent[0], sent[1]):
            continue
        for office in offices(ent.attrs["roles"]):
            title = (
                None if (ent.id, office.titles) in seen else titled(text, m.start, m.end, sent, office.titles)
            )
            if title is None:
                continue
            seen.add((ent.id, office.titles))
            why = f"{ent.name} is named {' '.join(title.split())} ({office.source})"
            out.append(Bound(m.start, m.end, office.lo, office.hi, why))
    return out
