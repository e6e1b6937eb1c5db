"""TIMEX3 values from a rule match, an anchor date and the tense of the clause.

Each rule names an operation (``op``) here; operations read the match's named
groups through the tables of the grammar. A value that needs an anchor and
has none is None: nothing is resolved against today's date.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from newsledger.extract.time.grammar import Match, tables

_PAST_SLACK_DAYS = 90
_FULL_MONTHS = {m.lower() for m in calendar.month_name if m}


@dataclass(frozen=True)
class Context:
    """What a value may depend on besides the match itself."""

    anchor: date | None = None  # publication date (or DCT), day precision
    anchor_year: int | None = None  # known even when only the year is
    tense: str | None = None  # past | present | future, of the governing clause
    sentence_year: int | None = None  # the year of a coordinated date ("May 3 and June 5, 2020")


@dataclass(frozen=True)
class Value:
    value: str | None
    type: str
    mod: str | None = None


def _num(g: dict) -> float | str | None:
    raw = g.get("num")
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw[0].isdigit():
        n = float(raw)
    else:
        n = tables()["number"].get(raw)
    if n is None or n == "X":
        return "X"
    if "half" in g.get("_text", ""):
        n = float(n) + 0.5
    return int(n) if float(n).is_integer() else n


def _lookup(table: str, key: str | None):
    return tables()[table].get(" ".join(key.lower().split())) if key else None


def _month(g: dict) -> int | None:
    if g.get("month_num"):
        return int(g["month_num"])
    return _lookup("month", g.get("month"))


def _day(g: dict) -> int | None:
    raw = g.get("day_num") or g.get("day")
    return int(raw) if raw else None


def _year_for(month: int, day: int | None, ctx: Context, shift: int | None) -> int | None:
    """The year of a month (and day) written without one, by tense or next/last.

    A past-tense clause moves a date to the year before only when it lies more
    than a quarter after the anchor ("since November", said in March): dates
    a few weeks ahead are often what was scheduled ("a June 3 hearing has been
    set"). A future clause moves a date already passed to the next year."""
    if ctx.sentence_year:
        return ctx.sentence_year
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    direction = shift if shift else {"past": -1, "future": 1}.get(ctx.tense or "", 0)
    try:
        this_year = date(a.year, month, day or 1)
    except ValueError:
        this_year = date(a.year, month, 28)
    ahead = (this_year - a).days if day else (month - a.month) * 30
    if direction < 0 and ahead > (0 if shift else _PAST_SLACK_DAYS):
        return a.year - 1
    if direction > 0 and ahead < 0:
        return a.year + 1
    return a.year


def op_date(m: Match, ctx: Context) -> Value | None:
    g = m.groups
    year = int(g["year"]) if g.get("year") else None
    if g.get("yy2"):  # two-digit years: the century that puts them nearest 2000
        year = 2000 + int(g["yy2"]) if int(g["yy2"]) < 50 else 1900 + int(g["yy2"])
    month, day = _month(g), _day(g)
    edge = _lookup("edge", g.get("edge"))
    if month is None:
        if year is None:
            return Value(None, "DATE")
        # "the end of 2021" reads as its last month (the project's gold), "late
        # 2006" and "the beginning of 2006" as the year (TimeML) with a mod.
        if edge == "END" and " of" in g["_text"].lower():
            return Value(f"{year}-12", "DATE", edge)
        return Value(str(year), "DATE", edge)
    if g.get("month") and m.rule.name == "month_alone" and g["month"].lower() not in _FULL_MONTHS:
        return None  # "Jan" alone is more often a name than a month: no timex
    if year is None and g.get("relyear"):
        if ctx.anchor_year is None:
            return Value(None, "DATE")
        year = ctx.anchor_year + _lookup("shift", g["relyear"])
    if year is None:
        shift = _lookup("shift", g.get("shift"))
        if g["_text"].lower().startswith("since"):
            shift = -1  # "since November": the last one before the anchor
        year = _year_for(month, day, ctx, shift)
        if year is None:
            return Value(None, "DATE")
    if day is None:
        return Value(f"{year}-{month:02d}", "DATE", edge)
    try:
        date(year, month, day)
    except ValueError:
        return Value(None, "DATE")
    return Value(f"{year}-{month:02d}-{day:02d}", "DATE", edge)


def _weekday_date(wd: int, ctx: Context, shift: int | None) -> date | None:
    a = ctx.anchor
    if a is None:
        return None
    diff = wd - a.isoweekday()
    if shift == 1:  # next Friday: strictly after the anchor
        return a + timedelta(days=diff if diff > 0 else diff + 7)
    if shift == -1:  # last Friday: strictly before
        return a + timedelta(days=diff if diff < 0 else diff - 7)
    if shift == 0:  # this Friday: the anchor's week
        return a + timedelta(days=diff)
    if ctx.tense == "future":
        return a + timedelta(days=diff if diff >= 0 else diff + 7)
    # News reports the past: the latest such day on or before the anchor.
    return a + timedelta(days=diff if diff <= 0 else diff - 7)


def op_holiday(m: Match, ctx: Context) -> Value:
    g = m.groups
    month, day = (int(x) for x in _lookup("holiday", g["holiday"]).split("-"))
    year = int(g["year"]) if g.get("year") else _year_for(month, day, ctx, _lookup("shift", g.get("shift")))
    return Value(f"{year}-{month:02d}-{day:02d}" if year else None, "DATE")


def op_weekday(m: Match, ctx: Context) -> Value:
    g = m.groups
    d = _weekday_date(_lookup("weekday", g["weekday"]), ctx, _lookup("shift", g.get("shift")))
    pod = _lookup("part_of_day", g.get("part_of_day"))
    typ = "TIME" if pod else "DATE"
    mod = _lookup("edge", g.get("edge"))  # "late Friday"
    if d is None:
        return Value(None, typ, mod)
    return Value(d.isoformat() + (f"T{pod}" if pod else ""), typ, mod)


_DEIXIS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "before yesterday": -2,
    "after tomorrow": 2,
}


def op_deictic(m: Match, ctx: Context) -> Value:
    g = m.groups
    word = " ".join(g.get("deixis", "today").lower().split())
    pod = _lookup("part_of_day", g.get("part_of_day")) or ("NI" if word == "tonight" else None)
    typ = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return Value(None, typ)
    d = ctx.anchor + timedelta(days=_DEIXIS[word])
    return Value(d.isoformat() + (f"T{pod}" if pod else ""), typ)


def _period(unit: str, ctx: Context, n: int) -> str | None:
    """The calendar period `n` units from the anchor's, at the unit's granularity."""
    a = ctx.anchor
    if unit in ("year", "decade", "century"):
        if ctx.anchor_year is None:
            return None
        step = {"year": 1, "decade": 10, "century": 100}[unit]
        y = ctx.anchor_year + n * step
        return {"year": str(y), "decade": str(y)[:3], "century": str(y)[:2]}[unit]
    if a is None:
        return None
    if unit == "month":
        k = a.year * 12 + a.month - 1 + n
        return f"{k // 12}-{k % 12 + 1:02d}"
    if unit == "quarter":
        k = a.year * 4 + (a.month - 1) // 3 + n
        return f"{k // 4}-Q{k % 4 + 1}"
    if unit == "day":
        return (a + timedelta(days=n)).isoformat()
    y, w, _ = (a + timedelta(weeks=n)).isocalendar()
    return f"{y}-W{w:02d}" + ("-WE" if unit == "weekend" else "")


def op_offset(m: Match, ctx: Context) -> Value:
    g = m.groups
    unit = (g.get("refunit") or m.rule.literal or "").lower()
    shift = _lookup("shift", g.get("shift")) or _lookup("relative_to_told", g.get("relative_to_told")) or 0
    edge = _lookup("edge", g.get("edge"))
    value = _period(unit, ctx, shift)
    if value and edge == "END" and unit == "year" and " of" in g["_text"].lower():
        value = f"{value}-12"  # as "the end of 2021"; "late last year" stays the year
    return Value(value, "DATE", edge)


_UNIT_PERIOD = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Y": "year",
    "DE": "decade",
    "Q": "quarter",
    "CE": "century",
    "WE": "weekend",
}


def op_ago(m: Match, ctx: Context) -> Value:
    n = _num(m.groups)
    code = _lookup("unit", m.groups["unit"])
    if n == "X" or not isinstance(n, int) or code not in _UNIT_PERIOD:
        return Value("PAST_REF", "DATE")
    return Value(_period(_UNIT_PERIOD[code], ctx, -n), "DATE")


def _duration(n, code: str) -> str:
    if code == "DE":
        n, code = (n * 10 if n != "X" else n), "Y" if n != "X" else "DE"
    elif code == "CE":
        n, code = (n * 100 if n != "X" else n), "Y" if n != "X" else "CE"
    if code.startswith("T"):
        return f"PT{n}{code[1:]}"
    return f"P{n}{code}"


def op_duration(m: Match, ctx: Context) -> Value:
    g = m.groups
    n = _num(g) if g.get("num") else 1  # "the past year": one
    code = _lookup("unit", g.get("unit")) or _lookup("unit_adj", g.get("unit_adj"))
    if n is None or code is None:
        return Value(None, "DURATION")
    return Value(_duration(n, code), "DURATION")


def op_vague_duration(m: Match, ctx: Context) -> Value:
    code = _lookup("unit", m.groups["vunit"])
    return Value(_duration("X", code), "DURATION")


def op_literal(m: Match, ctx: Context) -> Value:
    return Value(m.rule.literal, m.rule.type)


def op_set(m: Match, ctx: Context) -> Value:
    g = m.groups
    if g.get("weekday"):
        return Value(f"XXXX-WXX-{_lookup('weekday', g['weekday'])}", "SET")
    if g.get("season"):
        return Value(f"XXXX-{_lookup('season', g['season'])}", "SET")
    value = _lookup("unit_set", g.get("setunit")) or _lookup("set_adverb", g.get("set_adverb"))
    return Value(value, "SET")


def op_quarter(m: Match, ctx: Context) -> Value:
    g = m.groups
    q = int(g["qnum"][1]) if g.get("qnum") else _lookup("ordinal", g.get("ordinal"))
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yy"):
        year = 2000 + int(g["yy"][1:]) if int(g["yy"][1:]) < 50 else 1900 + int(g["yy"][1:])
    elif g.get("shift") and ctx.anchor_year is not None:
        year = ctx.anchor_year + _lookup("shift", g["shift"])
    elif ctx.anchor is not None:
        # "the fourth quarter" reported in March is last year's; in August, this year's.
        current = (ctx.anchor.month - 1) // 3 + 1
        year = ctx.anchor.year - (q > current + 1 and ctx.tense == "past")
    else:
        return Value(None, "DATE")
    return Value(f"{year}-Q{q}", "DATE")


def _year_of(g: dict, ctx: Context) -> int | None:
    """An explicit year, or this/next/last year from the anchor."""
    if g.get("year"):
        return int(g["year"])
    if ctx.anchor_year is None:
        return None
    return ctx.anchor_year + (_lookup("shift", g.get("shift")) or 0)


def op_half(m: Match, ctx: Context) -> Value:
    year = _year_of(m.groups, ctx)
    half = 1 if m.groups["half"].lower() in ("first", "1st") else 2
    return Value(f"{year}-H{half}" if year else None, "DATE")


def op_fiscal(m: Match, ctx: Context) -> Value:
    return Value(f"FY{m.groups['year']}", "DATE")


def op_decade(m: Match, ctx: Context) -> Value:
    g = m.groups
    edge = _lookup("edge", m.groups["_text"].lower().replace("the ", "").split("-")[0].split()[0])
    if g.get("decade"):
        return Value(g["decade"], "DATE", edge)
    d = int(g["decade2"])
    century = 19
    if ctx.anchor_year is not None and d * 10 <= ctx.anchor_year % 100:
        century = ctx.anchor_year // 100
    return Value(f"{century}{d}", "DATE", edge)


def op_season(m: Match, ctx: Context) -> Value:
    g = m.groups
    code = _lookup("season", g.get("season")) or _lookup("fall_season", g.get("fall_season"))
    if g.get("year"):
        return Value(f"{g['year']}-{code}", "DATE")
    if ctx.anchor_year is None:
        return Value(None, "DATE")
    return Value(f"{ctx.anchor_year + (_lookup('shift', g.get('shift')) or 0)}-{code}", "DATE")


def op_clock(m: Match, ctx: Context) -> Value:
    g = m.groups
    if g.get("fixed"):
        hh, mm = (12, 0) if g["fixed"].lower() == "noon" else (24, 0)
    else:
        hh, mm = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
    tz = _lookup("timezone", g.get("timezone")) or ""
    day = _weekday_date(_lookup("weekday", g["weekday"]), ctx, None) if g.get("weekday") else ctx.anchor
    if day is None:
        return Value(None, "TIME")
    return Value(f"{day.isoformat()}T{hh:02d}:{mm:02d}{tz}", "TIME")


# Ops whose value, once resolved without an anchor, still changes with one:
# "the '20s" is of the anchor's century.
_ANCHOR_SHAPES_RESOLVED = frozenset({"decade"})

OPS = {name[3:]: fn for name, fn in globals().items() if name.startswith("op_")}


def normalize(m: Match, ctx: Context) -> Value | None:
    """The match's value; None when, read in full, the match is no time expression."""
    v = OPS[m.rule.op](m, ctx)
    if v is not None and v.mod is None and m.rule.mod:
        v = Value(v.value, v.type, m.rule.mod)  # a rule-level mod (rules.yaml `mod`)
    return v


def reanchor(m: Match, unanchored: Value, ctx: Context) -> Value:
    """The value against an anchor, given the value read without one (same tense
    and sentence year): normalised again only where the anchor can change it."""
    if ctx.anchor is None and ctx.anchor_year is None:
        return unanchored
    if unanchored.value is not None and m.rule.op not in _ANCHOR_SHAPES_RESOLVED:
        return unanchored
    return normalize(m, ctx) or unanchored
