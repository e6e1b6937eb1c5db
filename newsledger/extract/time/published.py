"""When an article was published, from its own text, when the input did not say.

In order of trust:

1. a dateline: a full date at the head of the text ("May 14, 2009",
   "BAGHDAD, May 14, 2009 (Reuters) -");
2. the dates of embedded posts ("- Name (@handle) April 24, 2021"): the
   article is not older than the newest post it embeds, and most often of
   that day;
3. the text's own constraints. An event dated in the past bounds publication
   from below (from the first day of its period), a deadline in a future
   clause from above. A bare weekday in a past clause ("said on Friday") is
   news of the week before publication and not older than the latest dated
   event. The day chosen is the one nearest after the latest past event the
   text dates (news is about what is recent), with its weekday mentions as
   fresh as possible. Deadlines and future events are never that focus: "by
   the end of 2021" may be written in any month. Where a text leaves the year
   off some dates, a day in a year it writes out is a little less likely (the
   wire style rule, as a penalty, not an exclusion). With bounds but no past
   event to be near, the result is the month or year the bounds share, or None.

Without a dated reference the result is None with the reason: never today.
The method says which of these gave the date; the note says why.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from newsledger.extract.time.grammar import Match, find, tables
from newsledger.extract.time.normalize import Context, normalize

_SEARCH_DAYS = 400  # how far past the lower bound a weekday-tied date is looked for


@dataclass(frozen=True)
class Item:
    """A time expression as publication inference sees it."""

    match: Match
    value: str | None   # resolved without an anchor: only what the text fixes itself
    mod: str | None
    tense: str | None


@dataclass(frozen=True)
class Published:
    date: str | None
    precision: str | None
    method: str | None
    note: str
    confidence: float = 0.0

    def updates(self) -> dict:
        return {"published": self.date, "published_precision": self.precision,
                "published_method": self.method, "published_note": self.note}


@lru_cache(maxsize=1)
def _config() -> dict:
    raw = resources.files("newsledger.extract").joinpath("data/time/published.yaml")
    cfg = yaml.safe_load(raw.read_text("utf-8"))
    cfg["embed"] = [re.compile(p, re.M) for p in cfg["embed_lines"]]
    return cfg


def _interval(value: str | None) -> tuple[date, date] | None:
    """First and last day of a calendar value (YYYY, YYYY-MM, YYYY-MM-DD)."""
    if not value or not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value):
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _dateline(text: str, items: list[Item]) -> Published | None:
    cfg = _config()
    head_end = 0
    lines = [ln for ln in text.splitlines(keepends=True)]
    seen = 0
    for ln in lines:
        head_end += len(ln)
        seen += bool(ln.strip())
        if seen >= cfg["dateline_lines"]:
            break
    for it in items:
        if it.match.start >= head_end or not it.value or len(it.value) != 10:
            continue
        line_start = text.rfind("\n", 0, it.match.start) + 1
        line_end = text.find("\n", it.match.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        after = text[it.match.end:it.match.end + 25]
        if len(line.strip()) <= cfg["dateline_max_line"] or re.match(r"\s*[(\-–—|]", after):
            return Published(it.value, "day", "dateline",
                             f"dateline {it.match.groups['_text']!r}", 0.9)
    return None


@dataclass(frozen=True)
class Post:
    """An embedded post's attribution line: who posted it and when."""

    start: int          # of the attribution line
    end: int
    date: str | None
    name: str | None
    handle: str | None


def posts(raw: str) -> list[Post]:
    """Attribution lines of embedded posts in a text, in order."""
    out = []
    for pat in _config()["embed"]:
        for m in pat.finditer(raw):
            gd = m.groupdict()
            out.append(Post(m.start(), m.end(), _date_value(m.group("date")),
                            (gd.get("name") or "").strip() or None, gd.get("handle")))
    return sorted(out, key=lambda p: p.start)


def _embeds(raw: str, items: list[Item]) -> list[tuple[date, str, int]]:
    """Dates of embedded posts, from their attribution lines: (date, text, start).

    The line is read in the raw text, so a date is found even where boilerplate
    masking blanked the line (it then gives no timex, only this inference)."""
    found = []
    by_start = {it.match.start: it for it in items}
    for pat in _config()["embed"]:
        for m in pat.finditer(raw):
            it = by_start.get(m.start("date"))
            value = it.value if it else _date_value(m.group("date"))
            if value and len(value) == 10:
                found.append((date.fromisoformat(value), m.group("date"), m.start("date")))
    return found


def _date_value(text: str) -> str | None:
    """The value of a full date written out, read without an anchor."""
    for m in find(text):
        if m.start == 0 and m.end == len(text):
            v = normalize(m, Context())
            return v.value if v else None
    return None


def _weekdays(items: list[Item]) -> list[tuple[int, str]]:
    """Bare weekdays of past or present clauses, one per mention: this week's news.

    A day mentioned twice weighs twice when the freshest reading is chosen."""
    out = []
    for it in items:
        g = it.match.groups
        if it.match.rule.op == "weekday" and not g.get("shift") and it.tense != "future":
            out.append((tables()["weekday"][g["weekday"].lower()], g["weekday"]))
    return out


def _has_yearless(items: list[Item]) -> bool:
    """Whether the text writes some month-days without a year ("on July 25")."""
    return any(it.match.rule.op == "date" and it.match.groups.get("month") and not it.value
               for it in items)


@dataclass
class _Constraints:
    lo_event: date | None = None    # latest past event the text dates (its first day)
    hi: date | None = None          # earliest future deadline it dates
    focus: date | None = None       # latest past event, not a period's end: what the news is about
    focus_text: str = ""
    focus_day: bool = False         # the focus is a day, not a month
    other_year: set = field(default_factory=set)  # years written out on full past dates


def _bounds(items: list[Item], other_year_rule: bool) -> _Constraints:
    """Bounds and focus from dated expressions (month or day precision).

    A future clause or a deadline ("by the end of 2021") says what is
    expected, not what is news: it bounds publication from above and is never
    the focus; nor is the end of a period ("at the end of 2021", said of the
    past), which says by when, not on which day. A past date bounds publication
    from below from the first day of its period."""
    c = _Constraints()
    for it in items:
        iv = _interval(it.value)
        if iv is None or len(it.value) < 7:
            continue        # a bare year ("founded in 1998") is background, not news
        first, last = iv
        if it.tense == "future":
            c.hi = last if c.hi is None or last < c.hi else c.hi
            continue
        c.lo_event = first if c.lo_event is None or first > c.lo_event else c.lo_event
        if other_year_rule and len(it.value) == 10 and it.match.groups.get("year"):
            c.other_year.add(first.year)
        if it.mod != "END" and (c.focus is None or last > c.focus):
            c.focus, c.focus_text, c.focus_day = last, it.match.groups["_text"], len(it.value) == 10
    return c


def _candidates(lo: date, hi: date | None, wdays: Counter, lo_event: date | None) -> list[date]:
    """Feasible days from the lower bound to the deadline, at most _SEARCH_DAYS of them.

    A weekday of a past clause names a day of the week before publication, not
    older than the latest dated event: publication is on or after the first
    such weekday from that event on, for each weekday mentioned."""
    start = lo
    if lo_event is not None:
        for wd in wdays:
            start = max(start, lo_event + timedelta(days=(wd - lo_event.isoweekday()) % 7))
    last = lo + timedelta(days=_SEARCH_DAYS)
    last = min(hi, last) if hi is not None else last
    return [start + timedelta(days=k) for k in range((last - start).days + 1)]


def _score(p: date, wdays: Counter, c: _Constraints, embed: date | None, penalty: int) -> tuple:
    """Smaller is better: days after the embedded post; else weeks after the
    focus, a few more in a year the text writes out, then the freshest weekdays
    (a day mentioned twice weighs twice)."""
    age = sum(n * ((p.isoweekday() - wd) % 7) for wd, n in wdays.items())
    if embed is not None:       # posts are embedded on the day they are news
        return abs((p - embed).days), age, p
    dist = abs((p - c.focus).days)
    return dist // 7 + (penalty if p.year in c.other_year else 0), age, dist, p


def _coarse(lo: date, hi: date | None) -> Published:
    """Bounds without a past event to be near: the month or year they share, or None."""
    why = f"on or after {lo.isoformat()}"
    why += f", before the deadline {hi.isoformat()}" if hi else ""
    why += "; no past event but a deadline or a period's end: nothing ties it to a day"
    if hi is not None and (lo.year, lo.month) == (hi.year, hi.month):
        return Published(lo.isoformat()[:7], "month", "inferred", why, 0.3)
    if hi is not None and lo.year == hi.year:
        return Published(str(lo.year), "year", "inferred", why, 0.2)
    return Published(None, None, None, why)


def _by_constraints(items: list[Item], embeds: list[tuple[date, str, int]]) -> Published:
    cfg = _config()
    in_embeds = {start for _, _, start in embeds}
    own = [i for i in items if i.match.start not in in_embeds]
    weekdays = _weekdays(items)
    # A text that leaves the year off some dates writes it out for other years.
    c = _bounds(own, cfg["explicit_year_is_other_year"] and _has_yearless(own))
    embed = max(embeds)[0] if embeds else None
    lo = max([d for d in (embed, c.lo_event) if d], default=None)
    if lo is None:
        loose = [it.match.groups["_text"] for it in items if it.value is None][:4]
        return Published(None, None, None, "no dated event (month or day) in the text to place "
                         + (", ".join(repr(t) for t in loose) if loose else "it") + " in time")
    if not weekdays and not embeds:
        return Published(None, None, None,
                         f"on or after {lo.isoformat()} (latest dated event); nothing ties it to a day")
    hi = c.hi if c.hi is not None and c.hi >= lo else None  # a passed deadline bounds nothing
    if embed is None and (c.focus is None or c.focus < c.lo_event):
        return _coarse(lo, hi)   # the latest event is a deadline's: no news day to be near
    wdays = Counter(wd for wd, _ in weekdays)
    ok = _candidates(lo, hi, wdays, c.lo_event)
    if not ok:
        return Published(None, None, None, "the text's date constraints contradict each other")
    penalty = cfg["other_year_penalty_weeks"]
    best = min(ok, key=lambda d: _score(d, wdays, c, embed, penalty))
    return _explain(best, lo, hi, weekdays, c, embeds)


def _explain(best, lo, hi, weekdays, c, embeds) -> Published:
    why = [f"on or after {lo.isoformat()}"]
    if c.other_year and not embeds:
        why.append("rather not in " + ", ".join(map(str, sorted(c.other_year)))
                   + " (years written out beside dates without one)")
    if weekdays:
        why.append("news of " + ", ".join(dict.fromkeys(w for _, w in weekdays)) + " in the week before")
    if hi is not None:
        why.append(f"before the deadline {hi.isoformat()}")
    if embeds:
        why.append(f"nearest the embedded post of {max(embeds)[1]!r}")
        method, conf = ("embed", 0.7) if best == max(embeds)[0] else ("inferred", 0.5)
        return Published(best.isoformat(), "day", method, "; ".join(why), conf)
    why.append(f"nearest {c.focus_text!r}")
    # Kept in a year the style rule doubts: the text may be background only.
    conf = 0.25 if best.year in c.other_year else 0.4
    if not c.focus_day:         # a month-long event: the weekdays fix no single day
        return Published(best.isoformat()[:7], "month", "inferred", "; ".join(why), conf - 0.1)
    return Published(best.isoformat(), "day", "inferred", "; ".join(why), conf)


def infer(raw_text: str, items: list[Item]) -> Published:
    """The publication date the text supports, how it was found, and why."""
    embeds = _embeds(raw_text, items)
    in_embeds = {start for _, _, start in embeds}
    found = _dateline(raw_text, [i for i in items if i.match.start not in in_embeds])
    if found:
        return found
    return _by_constraints(items, embeds)
