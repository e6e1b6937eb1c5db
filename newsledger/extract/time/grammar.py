"""The TIMEX3 grammar: tables and rules from data/time/*.yaml, compiled once.

A rule's pattern is written with macros ({month}, {year}, {num} ...) that
expand to named groups, so normalisation reads values by group name and the
rules stay readable data. ``find`` returns the non-overlapping matches of all
rules over a text (longest first, then rule order).
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.errors import NewsledgerError

_DATA = "data/time"
_REF = re.compile(r"\{([A-Za-z]\w*?)(_|#\d)?\}")  # not {3}, a quantifier
# A match may not start or end inside a word (or a number).
_LEFT = r"(?<![\w'’-])"
_RIGHT = r"(?![\w-]|['’](?!s\b)\w)"  # "Monday's" ends at the day


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    op: str
    regex: re.Pattern
    literal: str | None = None
    mod: str | None = None
    # Lower-cased strings of which every match contains at least one (None:
    # no such set); a text holding none of them cannot match, so the regex,
    # whose leading look-behind defeats re's own prefix scan, is not run.
    needles: frozenset | None = None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict


def _read(name: str) -> dict:
    raw = resources.files("newsledger.extract").joinpath(f"{_DATA}/{name}").read_text("utf-8")
    return load_yaml(raw)


@lru_cache(maxsize=1)
def tables() -> dict[str, dict]:
    """Lexical tables, keys lower-cased (lookups are case-insensitive)."""
    raw = _read("tables.yaml")
    out = {}
    for name, table in raw.items():
        if isinstance(table, dict):
            out[name] = {str(k).lower(): v for k, v in table.items()}
    out["_capitalised"] = set(raw.get("capitalised", []))
    return out


def _alternation(table: str, raw: dict) -> str:
    if table not in raw or not isinstance(raw[table], dict):
        raise NewsledgerError(
            f"time rule uses unknown table {{{table}}}; add it to tables.yaml", code="NL-TIME-GRAMMAR"
        )
    keys = sorted((str(k) for k in raw[table]), key=len, reverse=True)
    alts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    if table in raw.get("capitalised", []):
        # Written with a capital or all in capitals, never lower case.
        forms = "|".join(re.escape(f) for k in keys for f in (k, k.upper()))
        return f"(?-i:{forms})"
    return f"(?:{alts})"


def _expand(pattern: str, macros: dict, raw: dict, depth: int = 0) -> str:
    if depth > 5:
        raise NewsledgerError(f"macro recursion in {pattern!r}; check rules.yaml", code="NL-TIME-GRAMMAR")

    def sub(m: re.Match) -> str:
        name, suffix = m.group(1), m.group(2) or ""
        if name in macros and not suffix:
            return _expand(macros[name], macros, raw, depth + 1)
        alt = _alternation(name, raw)
        if suffix == "_":
            return alt
        return f"(?P<{name}{suffix[1:]}>{alt})"

    return _REF.sub(sub, pattern)


def _one_line(pattern: str) -> str:
    """\\s without the line break, inside and outside character classes."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append((" \\t\u00a0" if in_class else r"[^\S\n]") if pair == r"\s" else pair)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


# Only ASCII needles: the non-ASCII letters that match ASCII ones under re.I
# (dotted/dotless i, long s, Kelvin sign) are folded by _fold, so a needle is
# found in the folded text whenever the regex could match.
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def _fold(text: str) -> str:
    return text.translate(_FOLD).lower()


def _needles(items) -> frozenset | None:
    """Strings one of which every match of the parsed sequence must contain."""
    options, run = [], []
    for op, av in list(items) + [(None, None)]:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        sub = _item_needles(op, av)
        if sub:
            options.append(sub)
    # The most selective option: its shortest needle as long as possible.
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _item_needles(op, av) -> frozenset | None:
    if op is _sre.SUBPATTERN:
        return _needles(av[3])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needles(av[2])
    if op is _sre.BRANCH:
        alts = [_needles(b) for b in av[1]]
        return None if not alts or None in alts else frozenset().union(*alts)
    return None


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
}


def _class_item(op, av) -> str | None:
    if op is _sre.LITERAL:
        return re.escape(chr(av))
    if op is _sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    return _CATEGORIES.get(av) if op is _sre.CATEGORY else None


def _first(items) -> tuple[list[str], bool] | None:
    """Character-class parts one of which a match of the sequence starts with,
    and whether it can match empty; None where that is not simply known."""
    parts: list[str] = []
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero width: the next item starts the match
        if op in (_sre.LITERAL, _sre.IN):
            sub = [_class_item(op, av)] if op is _sre.LITERAL else [_class_item(*x) for x in av]
            return (parts + sub, False) if None not in sub else None
        if op is _sre.SUBPATTERN:
            found = _first(av[3])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            found = _first(av[2])
            found = found and (found[0], found[1] or av[0] == 0)
        elif op is _sre.BRANCH:
            alts = [_first(b) for b in av[1]]
            found = None if None in alts else ([p for a in alts for p in a[0]], any(a[1] for a in alts))
        else:
            return None
        if found is None:
            return None
        parts += found[0]
        if not found[1]:
            return parts, False
    return parts, True


def _with_first(pattern: str, tree) -> str:
    """The pattern behind a look-ahead for its possible first characters: re tries
    every position of the text, and the class turns most away at once instead
    of trying the rule's alternatives there. The matches are the same: the
    class ignores case, so it admits at least what case-sensitive parts do.
    ``tree``: the pattern as re's parser reads it."""
    found = _first(tree)
    if found is None or found[1]:
        return pattern
    first = "".join(dict.fromkeys(found[0]))
    return f"(?i:(?=[{first}])){pattern}"


def _fast(regex: re.Pattern) -> re.Pattern:
    """``regex`` with the look-ahead of ``_with_first`` (itself where none helps)."""
    fast = _with_first(regex.pattern, _sre_parse.parse(regex.pattern, regex.flags))
    return regex if fast == regex.pattern else re.compile(fast, regex.flags)


def _rule_needles(regex: re.Pattern) -> frozenset | None:
    return _needles(_sre_parse.parse(regex.pattern, regex.flags))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    spec = _read("rules.yaml")
    raw_tables = _read("tables.yaml")
    macros = spec.get("macros", {})
    out = []
    for r in spec["rules"]:
        # An expression never runs across a line break (a title into a date line).
        body = _one_line(_expand(r["pattern"], macros, raw_tables))
        pattern = f"{_LEFT}(?:{body}){_RIGHT}"
        try:
            # Parsed once for the look-ahead and the needles, compiled once: re's
            # parser is pure Python, and these 45 rules load in every ingest.
            tree = _sre_parse.parse(pattern, re.I)
            regex = re.compile(_with_first(pattern, tree), re.I)
        except re.error as e:
            raise NewsledgerError(
                f"time rule {r['name']!r} does not compile ({e}); fix rules.yaml", code="NL-TIME-GRAMMAR"
            ) from None
        out.append(
            Rule(
                r["name"],
                r["type"],
                r["op"],
                regex,
                r.get("literal"),
                r.get("mod"),
                _needles(tree),
            )
        )
    return tuple(out)


def find(text: str) -> list[Match]:
    """Non-overlapping rule matches: longest first, then earliest rule, then leftmost."""
    cands = []
    lines = _NeedleLines(text)
    for order, rule in enumerate(rules()):
        for a, b in lines.spans(rule.needles):
            for m in rule.regex.finditer(text, a, b):
                if m.end() > m.start():
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    groups["_text"] = m.group(0)
                    cands.append((-(m.end() - m.start()), order, m.start(), m.end(), rule, groups))
    cands.sort(key=lambda c: c[:3])
    # Accepted spans never overlap, so sorted by start they are sorted by end
    # too: a candidate can only clash with its two neighbours (log n, not n).
    starts: list[int] = []
    ends: list[int] = []
    out = []
    for _, _, start, end, rule, groups in cands:
        k = bisect_right(starts, start)
        if (k > 0 and ends[k - 1] > start) or (k < len(starts) and starts[k] < end):
            continue
        starts.insert(k, start)
        ends.insert(k, end)
        out.append(Match(start, end, rule, groups))
    return sorted(out, key=lambda m: m.start)


class _NeedleLines:
    """Where in a text a rule can match: the lines holding one of its needles.

    A match holds a needle and never runs across a line break, so running a
    rule on just those lines finds what running it on the whole text finds
    (its look-behind still sees the text before a line, and each span ends
    after the line's break, as the look-ahead saw it). Most rules' needles
    (month names, "ago", "quarter") sit on a few lines of an article."""

    def __init__(self, text: str):
        self.end = len(text)
        self.folded = _fold(text)
        # Line starts in the text and in its folded form (the same lines; the
        # folding could in principle change a line's length, not their number).
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.fstarts = [0] + [m.end() for m in re.finditer("\n", self.folded)]
        self.known: dict[str, list[int]] = {}

    def spans(self, needles: frozenset | None) -> list[tuple[int, int]]:
        if needles is None:
            return [(0, self.end)]
        lines = sorted({k for n in needles for k in self._lines_with(n)})
        out: list[tuple[int, int]] = []
        for k in lines:
            a = self.starts[k]
            b = self.starts[k + 1] if k + 1 < len(self.starts) else self.end
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)  # consecutive lines: one span
            else:
                out.append((a, b))
        return out

    def _lines_with(self, needle: str) -> list[int]:
        found = self.known.get(needle)
        if found is None:
            found, pos = [], self.folded.find(needle)
            while pos != -1:
                k = bisect_right(self.fstarts, pos) - 1
                found.append(k)
                nxt = self.fstarts[k + 1] if k + 1 < len(self.fstarts) else len(self.folded)
                pos = self.folded.find(needle, nxt)
            self.known[needle] = found
        return found
