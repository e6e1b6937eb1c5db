"""spaCy's attribute ruler, its one-token rules matched by lookup instead of by its Matcher.

The shipped models' attribute ruler (tag map, morph rules, exceptions: ~180
rules in en_core_web_md) finds its matches with a spaCy ``Matcher``, which
tries every rule at every token: ~26 ms per 400-word article, more than the
parser. Nearly all of its rules are one token testing attributes for equality
(``{"TAG": "NN"}``, ``{"TAG": "PRP", "LOWER": "his"}``); which of those hold at a
token follows from the token's values alone, so one dictionary look-up per
combination of tested attributes finds them all. The other rules (several
tokens, operators, other tests) stay with a Matcher of their own. The matches
are the same (rule, start, end) triples, sorted as spaCy sorts them, and
spaCy's own ``set_annotations`` applies them: the annotations are identical
(``tests/nlp/test_attrs.py`` compares both on every token).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product
from operator import itemgetter

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Token attributes a one-token rule may test and be looked up on: to_array gives
# their string hashes (flags as 0/1), which is what the Matcher compares.
_LOOKUP = {"TAG", "LOWER", "ORTH", "DEP", "IS_SPACE", "IS_PUNCT", "IS_DIGIT"}
_FLAGS = {"IS_SPACE", "IS_PUNCT", "IS_DIGIT"}


def _tests(ruler: AttributeRuler, token: dict) -> tuple[dict[str, list[int]], dict[str, frozenset]] | None:
    """A one-token pattern as (attribute: the values it accepts) for its
    equality and ``IN`` tests and (attribute: the values it refuses) for its
    ``NOT_IN`` tests, as the hashes the Matcher compares; None for a pattern
    testing anything else (``REGEX``, lengths, ...) or only ``NOT_IN``."""
    accept, refuse = {}, {}
    for k, v in token.items():
        n = str(k).upper()
        if n not in _LOOKUP:
            return None
        op = next(iter(v)) if isinstance(v, dict) and len(v) == 1 else None
        values = list(v[op]) if op in ("IN", "NOT_IN") else [v] if op is None else None
        if values is None:
            return None
        if n in _FLAGS and op is None and isinstance(v, bool):
            accept[n] = [int(v)]
        elif n not in _FLAGS and all(isinstance(x, str) for x in values):
            hashes = [ruler.vocab.strings.add(x) for x in values]
            if op == "NOT_IN":
                refuse[n] = frozenset(hashes)
            else:
                accept[n] = hashes
        else:
            return None
    return (accept, refuse) if accept else None


class LookupMatch:
    """``AttributeRuler.match`` with the same result, set on the ruler in its place."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        rules: list[tuple[int, dict, dict]] = []
        self.rest = Matcher(ruler.vocab)
        for key in ruler.matcher._patterns:
            rule = ruler.vocab.strings[key]
            patterns = ruler.matcher.get(key)[1]
            tests = [_tests(ruler, p[0]) if len(p) == 1 else None for p in patterns]
            if any(t is None for t in tests):
                self.rest.add(rule, patterns)
            else:
                rules += [(int(rule), accept, refuse) for accept, refuse in tests]
        self.attrs = sorted({n for _, accept, refuse in rules for n in (*accept, *refuse)})
        column = {n: i for i, n in enumerate(self.attrs)}
        # Per combination of accepted attributes: the row's values at their
        # columns -> the (rule, refused values by column) that accept them.
        tables: dict[tuple[str, ...], dict] = defaultdict(dict)
        for rule, accept, refuse in rules:
            names = tuple(sorted(accept))
            checks = tuple((column[n], refuse[n]) for n in sorted(refuse))
            for values in product(*(accept[n] for n in names)):
                found = tables[names].setdefault(values if len(values) > 1 else values[0], [])
                if (rule, checks) not in found:  # two equal patterns: the Matcher reports one match
                    found.append((rule, checks))
        self.tables = [(itemgetter(*(column[n] for n in names)), t) for names, t in tables.items()]
        self.hash = {rule: ruler.vocab.strings[str(rule)] for rule, _, _ in rules}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        matches = [
            (int(self.ruler.vocab.strings[m_id]), m_id, s, e)
            for m_id, s, e in self.rest(doc, allow_missing=True, as_spans=False)
        ]
        if self.attrs and len(doc):
            rows = doc.to_array([IDS[n] for n in self.attrs]).reshape(len(doc), -1).tolist()
            seen = set()
            for i, row in enumerate(rows):
                for get, table in self.tables:
                    for rule, checks in table.get(get(row), ()):
                        if all(row[c] not in refused for c, refused in checks) and (rule, i) not in seen:
                            seen.add((rule, i))
                            matches.append((rule, self.hash[rule], i, i + 1))
        matches.sort()
        return matches


def speed_up(ruler: AttributeRuler) -> None:
    """Let ``ruler`` find its matches by look-up (see the module doc); its
    patterns must not change afterwards."""
    ruler.match = LookupMatch(ruler)
