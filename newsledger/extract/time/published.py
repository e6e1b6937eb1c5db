"""When an article was published, from its own text, when the input did not say.

In order of trust:

1. a dateline: a full date at the head of the text ("May 14, 2009",
   "BAGHDAD, May 14, 2009 (Reuters) -");
2. the dates of embedded posts ("- Name (@handle) April 24, 2021"): the
   article is not older than the newest post it embeds, and most often of
   that day;
3. the text's own constraints. An event dated in the past bounds publication
   from below, a deadline in a future clause from above. A bare weekday in a
   past clause ("said on Friday") is news of the week before publication and
   not older than the latest dated event. A person named with the title of
   an office bounds it by the office's tenure in the knowledge base
   (tenure.py; bounds only, never a date to be near). Among the days that
   satisfy all of this, the one in the week nearest the latest date the text
   refers to (news is about what is recent or imminent), with its weekday
   mentions as fresh as possible. Where a text leaves the year off some
   dates, a day in a year it writes out is less likely (the wire style rule,
   as a penalty). Where only the knowledge base places the text, the year is
   left open unless its bounds fix it.

Without a dated reference the result is None with the reason: never today.
The method says which of these gave the date; the note says why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.extract.time.grammar import Match, find, tables
from newsledger.extract.time.normalize import Context, normalize

_SEARCH_DAYS = 400  # how far past the lower bound a weekday-tied date is looked for


@dataclass(frozen=True)
class Item:
    """A time expression as publication inference sees it."""

    match: Match
    value: str | None  # resolved without an anchor: only what the text fixes itself
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
        return {
            "published": self.date,
            "published_precision": self.precision,
            "published_method": self.method,
            "published_note": self.note,
        }


@lru_cache(maxsize=1)
def _config() -> dict:
    raw = resources.files("newsledger.extract").joinpath("data/time/published.yaml")
    cfg = load_yaml(raw.read_text("utf-8"))
    cfg["embed"] = [re.compile(p, re.M) for p in cfg["embed_lines"]]
    return cfg


def _interval(value: str | None, mod: str | None = None) -> tuple[date, date] | None:
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
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        after = text[it.match.end : it.match.end + 25]
        if len(line.strip()) <= cfg["dateline_max_line"] or re.match(r"\s*[(\-–—|]", after):
            return Published(it.value, "day", "dateline", f"dateline {it.match.groups['_text']!r}", 0.9)
    return None


@dataclass(frozen=True)
class Post:
    """An embedded post's attribution line: who posted it and when."""

    start: int  # of the attribution line
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
            out.append(
                Post(
                    m.start(),
                    m.end(),
                    _date_value(m.group("date")),
                    (gd.get("name") or "").strip() or None,
                    gd.get("handle"),
                )
            )
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


def _yearless(items: list[Item]) -> list[tuple[int, int, int, str]]:
    """Month-days written without a year: (month, day, +1 future / -1 past, text)."""
    out = []
    for it in items:
        g = it.match.groups
        if it.match.rule.op == "date" and g.get("month") and not it.value:
            month = tables()["month"].get(g["month"].lower())
            day = int(g["day"]) if g.get("day") else None
            if month:
                last_day = calendar.monthrange(2001, month)[1] if month != 2 else 28
                out.append(
                    (
                        month,
                        day or (1 if it.tense == "future" else last_day),
                        1 if it.tense == "future" else -1,
                        g["_text"],
                    )
                )
    return out


@dataclass
class _Constraints:
    lo_event: date | None = None  # latest past event the text dates
    hi: date | None = None  # earliest future deadline it dates
    focus: date | None = None  # latest date it refers to
    focus_text: str = ""
    other_year: set = field(default_factory=set)  # years written out for past events


def _bounds(items: list[Item], other_year_rule: bool) -> _Constraints:
    c = _Constraints()
    for it in items:
        iv = _interval(it.value, it.mod)
        if iv is None or len(it.value) < 7:
            continue  # a bare year ("founded in 1998") is background, not news
        first, last = iv
        if it.tense == "future":
            c.hi = last if c.hi is None or last < c.hi else c.hi
        else:
            # "at the end of 2021" happened in its last days, any other past date
            # from its first one.
            point = last if it.mod == "END" else first
            c.lo_event = point if c.lo_event is None or point > c.lo_event else c.lo_event
            if other_year_rule:
                c.other_year.add(first.year)
        if c.focus is None or last > c.focus:
            c.focus, c.focus_text = last, it.match.groups["_text"]
    return c


def _per_weekday(weekdays: list[tuple[int, str]], combine) -> dict[int, int]:
    """For each ISO weekday of a candidate day, `combine` of how many days back
    each mentioned weekday last fell: a day's checks depend only on its weekday,
    so they are computed 7 times, not once per candidate day."""
    return {dow: combine([(dow - wd) % 7 for wd, _ in weekdays] or [0]) for dow in range(1, 8)}


def _reach(lo: date, deadline: date | None, hi: date | None, c: _Constraints) -> date:
    """The last day tried: the upper bound where it is the text's deadline (the
    news may be of its eve); else as far past the first year not penalised as
    the search goes, cut by a tenure's end: a tenure years long widens nothing."""
    if deadline is not None and hi == deadline:
        return hi
    free = lo
    while free.year in c.other_year:
        free = date(free.year + 1, 1, 1)
    far = free + timedelta(days=_SEARCH_DAYS)
    return min(hi, far) if hi is not None else far


def _candidates(lo: date, last: date, weekdays, c: _Constraints) -> list[date]:
    """Feasible days from the lower bound to the last one tried: every weekday told
    fell on or after the latest event."""
    days = (lo + timedelta(days=k) for k in range((last - lo).days + 1))
    if c.lo_event is None or not weekdays:
        return list(days)
    back = _per_weekday(weekdays, max)
    return [d for d in days if d - timedelta(days=back[d.isoweekday()]) >= c.lo_event]


def _recurrence(month: int, day: int, sign: int, p: date) -> date:
    """The occurrence of a yearly month-day nearest `p` on the side the tense says."""
    # The common case in O(1): this is scored for every candidate day.
    if sign > 0:
        year = p.year if (month, day) >= (p.month, p.day) else p.year + 1
    else:
        year = p.year if (month, day) <= (p.month, p.day) else p.year - 1
    try:
        return date(year, month, day)
    except ValueError:  # February 29 in a common year: the nearest year that has it
        pass
    for year in (p.year - 1, p.year, p.year + 1) if sign > 0 else (p.year, p.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if (sign > 0 and d >= p) or (sign < 0 and d <= p):
            return d
    return p


def _score(p: date, ages: dict[int, int], yearless, c: _Constraints, embed: date | None) -> tuple:
    """Smaller is better: near the latest date referred to, then the freshest weekdays
    (`ages`: days since the weekdays told, summed, by the weekday of `p`)."""
    age = ages[p.isoweekday()]
    if embed is not None:  # posts are embedded on the day they are news
        return abs((p - embed).days), age, p
    focus = max(
        ([c.focus] if c.focus else []) + [_recurrence(m, d, sign, p) for m, d, sign, _ in yearless], default=p
    )
    dist = abs((p - focus).days)
    # The style rule as a preference: a day in a year the text writes out is
    # as if some weeks further from the news.
    weeks = dist // 7 + (_config()["other_year_penalty_weeks"] if p.year in c.other_year else 0)
    return weeks, age, dist, p


@dataclass
class _Known:
    """Bounds from the knowledge base (tenure.py), as kept against the text's own."""

    lo: date | None = None
    lo_why: str = ""
    hi: date | None = None
    hi_why: str = ""
    dropped: str = ""


def _known(bounds, text_lo: date | None) -> _Known:
    """The tightest bounds of the knowledge base; an end of tenure the text's own
    dates are later than is dropped (the title was used after it, or the
    knowledge base is wrong): the text wins."""
    k = _Known()
    for b in bounds:
        if b.lo and (k.lo is None or b.lo > k.lo):
            k.lo, k.lo_why = b.lo, b.why
        if b.hi and (k.hi is None or b.hi < k.hi):
            k.hi, k.hi_why = b.hi, b.why
    floor = max([d for d in (text_lo, k.lo) if d], default=None)
    if k.hi is not None and floor is not None and k.hi < floor:
        k.dropped = f"ignored the end {k.hi.isoformat()} ({k.hi_why}): the text is later"
        k.hi, k.hi_why = None, ""
    return k


def _limits(lo: date, hi: date | None, kb: _Known, text_lo: date | None) -> list[str]:
    """The bounds in words, saying where those of the knowledge base come from."""
    lo_kb = kb.lo == lo and (text_lo is None or kb.lo > text_lo)
    hi_kb = hi is not None and kb.hi == hi
    if lo_kb and hi_kb and kb.lo_why == kb.hi_why:
        out = [f"between {lo.isoformat()} and {hi.isoformat()}: {kb.lo_why}"]
    else:
        out = [f"on or after {lo.isoformat()}" + (f": {kb.lo_why}" if lo_kb else "")]
        if hi is not None:
            out.append(
                f"on or before {hi.isoformat()}: {kb.hi_why}"
                if hi_kb
                else f"before the deadline {hi.isoformat()}"
            )
    return out + ([kb.dropped] if kb.dropped else [])


def _by_constraints(items: list[Item], embeds: list[tuple[date, str, int]], known=()) -> Published:
    in_embeds = {start for _, _, start in embeds}
    own = [i for i in items if i.match.start not in in_embeds]
    weekdays, yearless = _weekdays(items), _yearless(own)
    # A text that leaves the year off some dates writes it out for other years.
    c = _bounds(own, _config()["explicit_year_is_other_year"] and bool(yearless))
    embed = max(embeds)[0] if embeds else None
    text_lo = max([d for d in (embed, c.lo_event) if d], default=None)
    kb = _known(known, text_lo)
    lo = max([d for d in (text_lo, kb.lo) if d], default=None)
    if lo is None:
        loose = [it.match.groups["_text"] for it in items if it.value is None][:4]
        return Published(
            None,
            None,
            None,
            "no dated event (month or day) in the text to place "
            + (", ".join(repr(t) for t in loose) if loose else "it")
            + " in time",
        )
    deadline = c.hi if c.hi is not None and c.hi >= lo else None  # a passed one bounds nothing
    hi = min([d for d in (deadline, kb.hi) if d], default=None)
    limits = _limits(lo, hi, kb, text_lo)
    if not weekdays and not embeds:
        latest = " (latest dated event)" if lo == text_lo else ""
        return Published(
            None, None, None, "; ".join([limits[0] + latest] + limits[1:]) + "; nothing ties it to a day"
        )
    ok = _candidates(lo, _reach(lo, deadline, hi, c), weekdays, c)
    if not ok and known:
        # The text's weekdays do not fit in the tenure: the text wins.
        found = _by_constraints(items, embeds)
        return replace(
            found,
            note=found.note + "; ignored the knowledge base's bounds: the text's weekdays do not fit in them",
        )
    if not ok:
        return Published(None, None, None, "the text's date constraints contradict each other")
    if embed is None and c.focus is None:
        # Only the knowledge base places the text, and a tenure says nothing of
        # where in it the text was written: no date to be near.
        unplaced = _unplaced(ok, hi, yearless, limits, weekdays)
        if unplaced is not None:
            return unplaced
    ages = _per_weekday(weekdays, sum)
    best = min(ok, key=lambda d: _score(d, ages, yearless, c, embed))
    return _explain(best, limits, weekdays, yearless, c, embeds)


def _unplaced(ok: list[date], hi: date | None, yearless, limits: list[str], weekdays) -> Published | None:
    """Bounds without a dated event to be near: the year, or the month, they leave,
    or None with the bounds. Where they leave one year, the month-days the text
    gives without one are of that year and place the day (None returned)."""
    why = limits + ["news of " + ", ".join(dict.fromkeys(w for _, w in weekdays)) + " in the week before"]
    years = {d.year for d in ok}
    if hi is None or len(years) > 1:
        loose = [t for _, _, _, t in yearless]
        because = (
            ("nothing fixes the year of " + ", ".join(repr(t) for t in loose))
            if loose
            else "no dated event to be near"
        )
        return Published(None, None, None, "; ".join(why) + f"; {because}")
    if yearless:
        return None
    months = {d.month for d in ok}
    year = years.pop()
    if len(months) == 1:
        return Published(
            f"{year}-{months.pop():02d}",
            "month",
            "inferred",
            "; ".join(why + ["the month the bounds leave"]),
            0.2,
        )
    return Published(str(year), "year", "inferred", "; ".join(why + ["the year the bounds leave"]), 0.2)


def _explain(best, limits, weekdays, yearless, c, embeds) -> Published:
    why = list(limits)
    if c.other_year:
        why.append(", ".join(map(str, sorted(c.other_year))) + " less likely (years written out)")
    if weekdays:
        why.append("news of " + ", ".join(dict.fromkeys(w for _, w in weekdays)) + " in the week before")
    if embeds:
        why.append(f"nearest the embedded post of {max(embeds)[1]!r}")
        method, conf = ("embed", 0.7) if best == max(embeds)[0] else ("inferred", 0.5)
    else:
        near = [c.focus_text] if c.focus_text else []
        near += [t for _, _, _, t in yearless]
        why.append("nearest " + ", ".join(repr(t) for t in near))
        method, conf = "inferred", 0.4
    return Published(best.isoformat(), "day", method, "; ".join(why), conf)


def infer(raw_text: str, items: list[Item], known=()) -> Published:
    """The publication date the text supports, how it was found, and why.

    ``known``: bounds from the knowledge base (tenure.Bound: lo, hi, why)."""
    embeds = _embeds(raw_text, items)
    in_embeds = {start for _, _, start in embeds}
    found = _dateline(raw_text, [i for i in items if i.match.start not in in_embeds])
    if found:
        return found
    return _by_constraints(items, embeds, known)
