"""spaCy's attribute ruler, its rules matched by look-up instead of by its Matcher.

The shipped models' attribute ruler (tag map, morph rules, exceptions: ~180
rules in en_core_web_md) finds its matches with a spaCy ``Matcher``, which
tries every rule at every token: ~26 ms per 400-word article, more than the
parser. Nearly all of its rules are one token testing attributes for equality
(``{"TAG": "NN"}``, ``{"TAG": "PRP", "LOWER": "his"}``); which of those hold at a
token follows from the token's values alone, so one dictionary look-up per
combination of tested attributes finds them all, and the few others (a second
token, ``NOT_IN``, ``REGEX``) are checked where they can start. Rules of other
forms (operators, lengths) stay with a Matcher of their own. The matches are
the same (rule, start, end) triples, sorted as spaCy sorts them, and spaCy's
own ``set_annotations`` applies them: the annotations are identical
(``tests/nlp/test_attrs.py`` compares both on every token).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import product
from operator import itemgetter

import numpy
from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Token attributes a rule may test and be looked up on: to_array gives their
# string hashes (flags as 0/1), which is what the Matcher compares.
_LOOKUP = {"TAG", "LOWER", "ORTH", "DEP", "IS_SPACE", "IS_PUNCT", "IS_DIGIT"}
_FLAGS = {"IS_SPACE", "IS_PUNCT", "IS_DIGIT"}
_IN, _OUT, _REGEX = 0, 1, 2  # a test: the value among some, among none, or its string searched


def _tests(ruler: AttributeRuler, token: dict) -> tuple[dict[str, list[int]], list[tuple]] | None:
    """One token of a pattern as (attribute: the values it accepts) for its
    equality and ``IN`` tests, and its other tests as (attribute, kind, values
    or regex) for ``NOT_IN`` and ``REGEX``; values are the hashes the Matcher
    compares. None for a token testing anything else (lengths, operators...)."""
    accept, other = {}, []
    for k, v in token.items():
        n = str(k).upper()
        if n not in _LOOKUP:
            return None
        op = next(iter(v)) if isinstance(v, dict) and len(v) == 1 else None
        if op == "REGEX" and n not in _FLAGS and isinstance(v[op], str):
            other.append((n, _REGEX, re.compile(v[op])))  # as spaCy's _RegexPredicate
            continue
        values = list(v[op]) if op in ("IN", "NOT_IN") else [v] if op is None else None
        if values is None:
            return None
        if n in _FLAGS and op is None and isinstance(v, bool):
            accept[n] = [int(v)]
        elif n not in _FLAGS and all(isinstance(x, str) for x in values):
            hashes = [ruler.vocab.strings.add(x) for x in values]
            if op == "NOT_IN":
                other.append((n, _OUT, frozenset(hashes)))
            else:
                accept[n] = hashes
        else:
            return None
    return accept, other


class LookupMatch:
    """``AttributeRuler.match`` with the same result, set on the ruler in its place.

    A rule is looked up on the values its first token accepts (one table per
    combination of attributes tested; numpy picks the tokens a table can
    accept, so Python looks at those only), then its other tests are checked;
    a rule whose first token accepts no listed values is checked at every
    token. Rules of another form stay with a spaCy Matcher of their own."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        rules: list[tuple[int, list]] = []
        self.rest = Matcher(ruler.vocab)
        for key in ruler.matcher._patterns:
            rule = ruler.vocab.strings[key]
            patterns = ruler.matcher.get(key)[1]
            tests = [[_tests(ruler, token) for token in p] for p in patterns]
            if any(not t or None in t for t in tests):
                self.rest.add(rule, patterns)
            else:
                rules += [(int(rule), t) for t in tests]
        self.attrs = sorted(
            {n for _, t in rules for accept, other in t for n in (*accept, *(o[0] for o in other))}
        )
        column = {n: i for i, n in enumerate(self.attrs)}
        # Per combination of attributes the first token accepts: its values at
        # their columns -> (rule, length, the other tests as (offset, column,
        # kind, values or regex)).
        tables: dict[tuple[str, ...], dict] = defaultdict(dict)
        self.anywhere: list[tuple[int, int, tuple]] = []
        for rule, tokens in rules:
            names = tuple(sorted(tokens[0][0]))
            checks = tuple(
                [
                    (o, column[n], _IN, frozenset(v))
                    for o, (accept, _) in enumerate(tokens)
                    if o
                    for n, v in accept.items()
                ]
                + [(o, column[n], kind, v) for o, (_, other) in enumerate(tokens) for n, kind, v in other]
            )
            entry = (rule, len(tokens), checks)
            if not names:
                self.anywhere.append(entry)
                continue
            for values in product(*(tokens[0][0][n] for n in names)):
                found = tables[names].setdefault(values if len(values) > 1 else values[0], [])
                if entry not in found:
                    found.append(entry)
        self.tables = []
        for names, table in tables.items():
            # numpy filters on the column with the most values told apart.
            cols = [column[n] for n in names]
            k = max(range(len(names)), key=lambda j: len({v if len(names) == 1 else v[j] for v in table}))
            values = numpy.array(sorted({v if len(names) == 1 else v[k] for v in table}), dtype=numpy.uint64)
            self.tables.append((cols[k], values, itemgetter(*cols), table))
        self.hash = {rule: ruler.vocab.strings[str(rule)] for rule, _ in rules}
        self.searched: dict[tuple[re.Pattern, int], bool] = {}  # (regex, string hash) -> found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches = (
            [
                (int(self.strings[m_id]), m_id, s, e)
                for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)
            ]
            if len(self.rest)
            else []
        )
        n = len(doc)
        if not self.attrs or not n:
            return sorted(matches)
        array = doc.to_array([IDS[a] for a in self.attrs]).reshape(n, -1)
        rows = array.tolist()
        found = set()  # the Matcher reports a (rule, start, end) once, whichever pattern matched
        for col, values, get, table in self.tables:
            for i in numpy.flatnonzero(numpy.isin(array[:, col], values)).tolist():
                for rule, length, checks in table.get(get(rows[i]), ()):
                    if i + length <= n and (not checks or self._passes(rows, i, checks)):
                        found.add((rule, i, i + length))
        for rule, length, checks in self.anywhere:
            for i in range(n - length + 1):
                if self._passes(rows, i, checks):
                    found.add((rule, i, i + length))
        matches += [(rule, self.hash[rule], s, e) for rule, s, e in found]
        matches.sort()
        return matches

    def _passes(self, rows: list, i: int, checks: tuple) -> bool:
        for offset, col, kind, test in checks:
            value = rows[i + offset][col]
            if kind == _IN:
                ok = value in test
            elif kind == _OUT:
                ok = value not in test
            else:
                ok = self.searched.get((test, value))
                if ok is None:
                    ok = self.searched[(test, value)] = bool(test.search(self.strings[value]))
            if not ok:
                return False
        return True


def speed_up(ruler: AttributeRuler) -> None:
    """Let ``ruler`` find its matches by look-up (see the module doc); its
    patterns must not change afterwards."""
    ruler.match = LookupMatch(ruler)
