"""What the analyses share: their data file, word tokens, union-find, actor keys."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources

import yaml

from newsledger.kb.names import fold

_WORD = re.compile(r"[a-z][a-z0-9]+")


@cache
def data(name: str = "analysis") -> dict:
    raw = resources.files("newsledger.analyze").joinpath(f"data/{name}.yaml").read_text("utf-8")
    return yaml.safe_load(raw)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(data()["stop_words"])


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    """A light suffix strip so that withdraw/withdrawal/withdrawing meet."""
    for suf in ("ations", "ation", "ings", "ing", "als", "al", "ies", "es", "ed", "s"):
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def words(text: str) -> list[str]:
    """Content words of a text, folded and stemmed."""
    stops = stop_words()
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in stops]


def idf_table(docs: list[set[str]]) -> dict[str, float]:
    """Smoothed IDF, log(1 + n/df): words shared by all still count a little,
    so that a small corpus (or a tight cluster of reports) is not all noise."""
    n = len(docs) or 1
    df = Counter(w for d in docs for w in d)
    return {w: math.log(1 + n / c) for w, c in df.items()}


def weighted_jaccard(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    inter = sum(idf.get(w, 1.0) for w in a & b)
    union = sum(idf.get(w, 1.0) for w in a | b)
    return inter / union if union else 0.0


class UnionFind:
    def __init__(self, items=()):
        self.parent = {i: i for i in items}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict:
        out: dict = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


@lru_cache(maxsize=65536)
def _tokens(key: str | None) -> tuple[str, ...]:
    # Cached: the same few actor keys are compared many thousands of times.
    return tuple(t for t in re.split(r"[_\s]+", fold(key or "").replace("np:", "")) if t)


def distinctive(key: str | None) -> set[str]:
    generic = set(data()["generic_name_words"])
    return {t for t in _tokens(key) if t not in generic and len(t) > 1}


def same_body(a: str | None, b: str | None) -> bool:
    """Two names of bodies agree: equal, or their distinctive words overlap by half."""
    if not a or not b:
        return False
    if fold(a) == fold(b):
        return True
    da, db = distinctive(a), distinctive(b)
    if not da or not db:
        return False
    return len(da & db) / min(len(da), len(db)) >= 0.5


def same_actor(a: str | None, b: str | None) -> bool:
    """Two actor keys name the same actor.

    Equal keys; where either is a noun phrase ("np:iraqi_parliament",
    "np:parliament") the same head word with one's words inside the other's;
    for names, the same last word and, where both have one, the same first word.
    """
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    if a.startswith("np:") or b.startswith("np:"):
        # A description and a name meet when one's words lie inside the other's
        # ("the parliament" and "Iraqi Parliament", tagged in one article only).
        return set(ta) <= set(tb) or set(tb) <= set(ta)
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


# How a ledger's pass is cut (migrations 0015, 0023): leading characters of the publication
# date that name a block (7, a month, is the expression of the index ``documents_block``),
# or -1 for "window" blocks (the default: ``analyze/cut.py``, kept in ``analysis_cut``).
BLOCKS = {"window": -1, "ledger": 0, "year": 4, "month": 7}


def block_chars(store) -> int:
    row = store.db.execute("SELECT block_chars FROM analysis_state").fetchone()
    return row[0] if row else 0


def block_sql(store, d: str = "d") -> str:
    """SQL of an article's block (alias ``d``): '' for all when the ledger is one block."""
    n = block_chars(store)
    if n < 0:
        return f"COALESCE((SELECT c.block FROM analysis_cut c WHERE c.doc_id = {d}.id), '')"
    return f"COALESCE(substr({d}.published, 1, {n}), '')" if n else "''"


def in_block(store, block: str | None, d: str = "d") -> tuple[str, tuple]:
    """(SQL condition, args) keeping the articles (alias ``d``) of one block; all for None."""
    if block is None:
        return "1", ()
    if block_chars(store) < 0:
        return f"{d}.id IN (SELECT doc_id FROM analysis_cut WHERE block = ?)", (block,)
    return block_sql(store, d) + " = ?", (block,)


def of_docs(col: str, docs: list[str] | None) -> tuple[str, tuple]:
    """(SQL condition, args) keeping rows whose ``col`` is one of ``docs``; all for None."""
    if docs is None:
        return "1", ()
    return f"{col} IN ({', '.join('?' for _ in docs)})", tuple(docs)


def clear(store, table: str, block: str | None) -> None:
    """Delete a derived table's rows of one block (all rows for None)."""
    if block is None:
        store.db.execute(f"DELETE FROM {table}")
    else:
        store.db.execute(f"DELETE FROM {table} WHERE block = ?", (block,))
