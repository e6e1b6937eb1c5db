"""Stories (articles about the same thing) and near-duplicates (syndicated copies).

Similarity of two articles mixes their wording (TF-IDF cosine) and the
actors they mention (Jaccard of actor keys);
links join best first, and a story never spans more than ``max_days_apart``
(so an undated article cannot chain two seasons together). Candidates come
from each article's top TF-IDF terms (an inverted index), not from all pairs.

Near-duplicates: Jaccard of word 5-shingles at or above ``duplicate_jaccard``;
the copy points at the earliest article (by date, then name).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from collections import Counter, defaultdict
from itertools import combinations, repeat
from operator import mul

import numpy as np

from newsledger.analyze.common import UnionFind, clear, data, in_block, words
from newsledger.extract.claims_rules import days_apart, name_key
from newsledger.kb.names import fold


def _tfidf(docs: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    df = Counter(w for toks in docs.values() for w in set(toks))
    n = len(docs)
    out = {}
    for d, toks in docs.items():
        tf = Counter(toks)
        # Smoothed IDF: in a small corpus the shared topic words still count a little.
        vec = {w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[d] = {w: v / norm for w, v in vec.items()}
    return out


def _cosine(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    # sum(v * b.get(w, 0.0) for w, v in a.items()), with the loop in C: the same
    # products added in the same order, so the same float, several times faster.
    return sum(map(mul, a.values(), map(b.get, a.keys(), repeat(0.0))))


def _jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)  # |a | b| from the sizes: one set operation, not two
    return inter / (len(a) + len(b) - inter)


class _NearCopies:
    """Shingle Jaccard of the candidate pairs, computed only where it can reach
    ``floor`` (the near-duplicate threshold); elsewhere 0.0.

    Each article's shingles are counted per hash bucket: two sets share at
    most the smaller count in every bucket, which bounds their Jaccard from
    above, so pairs that are not copies (even of one topic and size) are
    dropped in a few array operations. For the rest the shared shingles are
    counted with one article's shingles marked in an array: the same integer
    counts as a set intersection gives, so the same Jaccard, several times
    faster (many copies of one story make these pairs many)."""

    BUCKETS = 128
    CHUNK = 20_000  # pairs bounded at once (keeps the arrays small)

    def __init__(self, sets: dict[str, set[int]], pairs: list[tuple[str, str]], floor: float):
        ids = {h: k for k, h in enumerate({h for s in sets.values() for h in s})}
        self.index = {
            d: np.fromiter((ids[h] for h in s), dtype=np.int64, count=len(s)) for d, s in sets.items()
        }
        self.known: dict[tuple[str, str], float] = {}
        by_first: dict[str, list[str]] = defaultdict(list)
        for a, b in self._possible(pairs, floor):
            by_first[a].append(b)
        marked = np.zeros(len(ids), dtype=bool)
        for a, partners in by_first.items():
            marked[self.index[a]] = True
            for b in partners:
                inter = int(np.count_nonzero(marked[self.index[b]]))
                self.known[(a, b)] = inter / (len(self.index[a]) + len(self.index[b]) - inter)
            marked[self.index[a]] = False

    def _possible(self, pairs, floor: float):
        """The pairs whose bucket bound reaches the floor."""
        ids = list(self.index)
        pos = {d: i for i, d in enumerate(ids)}
        counts = np.zeros((len(ids), self.BUCKETS), dtype=np.int32)
        for i, d in enumerate(ids):
            counts[i] = np.bincount(self.index[d] % self.BUCKETS, minlength=self.BUCKETS)
        sizes = counts.sum(axis=1)
        for k in range(0, len(pairs), self.CHUNK):
            chunk = pairs[k : k + self.CHUNK]
            a = np.fromiter((pos[x] for x, _ in chunk), dtype=np.int64, count=len(chunk))
            b = np.fromiter((pos[y] for _, y in chunk), dtype=np.int64, count=len(chunk))
            inter = np.minimum(counts[a], counts[b]).sum(axis=1)
            bound = inter / np.maximum(sizes[a] + sizes[b] - inter, 1)
            # a hair under the floor: the bound must never be what rounds a pair away
            yield from (p for p, ok in zip(chunk, bound >= floor - 1e-9) if ok)

    def jaccard(self, a: str, b: str) -> float:
        return self.known.get((a, b), 0.0)


def shingles(text: str, k: int) -> set[int]:
    toks = fold(text).split()
    # Python's 64-bit hash of the word tuple: no string built per shingle, and fewer
    # collisions than a 32-bit checksum (only compared within one run, so the
    # per-process hash seed does not matter)
    return {hash(tuple(toks[i : i + k])) for i in range(max(1, len(toks) - k + 1))}


def _candidates(vecs: dict, top: int) -> set[tuple[str, str]]:
    index = defaultdict(list)
    for d, vec in vecs.items():
        # nlargest keeps sorted()'s order among equal weights (first seen first)
        for w in heapq.nlargest(top, vec, key=vec.__getitem__):
            index[w].append(d)
    pairs = set()
    for ids in index.values():
        pairs.update(combinations(sorted(ids), 2))  # (a, b) with a < b, as before
    return pairs


class _Similarity:
    """Wording (TF-IDF cosine) and actor (Jaccard) similarity of two articles.

    Articles with the same words and actors (copies that differ only in what
    no vector counts: numbers, punctuation, stop words) have equal vectors in
    the same order, so every comparison with them gives the same float: each
    pair of such classes is computed once. Syndication makes these classes
    large and the pairs between them most of the pass."""

    def __init__(self, vecs: dict, actors: dict, cfg: dict):
        self.vecs, self.actors, self.cfg = vecs, actors, cfg
        first: dict[tuple, str] = {}
        self.canon = {
            d: first.setdefault((tuple(vec.items()), frozenset(actors.get(d, ()))), d)
            for d, vec in vecs.items()
        }
        self.known: dict[tuple[str, str], float] = {}

    def __call__(self, a: str, b: str) -> float:
        key = (self.canon[a], self.canon[b])
        sim = self.known.get(key)
        if sim is None:
            sim = self.known[key] = self.cfg["weight_words"] * _cosine(self.vecs[a], self.vecs[b]) + self.cfg[
                "weight_actors"
            ] * _jaccard(self.actors.get(a, set()), self.actors.get(b, set()))
        return sim


def group(
    docs: list[dict], actors: dict[str, set], cfg: dict | None = None
) -> tuple[list[list[str]], dict[str, tuple[str, float]]]:
    """(stories as lists of doc ids, {copy doc id: (original doc id, jaccard)})."""
    cfg = cfg or data()["stories"]
    by_id = {d["id"]: d for d in docs}
    vecs = _tfidf({d["id"]: words(d["text"]) for d in docs})
    dups = {}
    order = sorted(by_id, key=lambda i: (by_id[i].get("published") or "9999", by_id[i]["name"]))
    rank = {d: k for k, d in enumerate(order)}
    links = []
    similarity = _Similarity(vecs, actors, cfg)
    pairs = list(_candidates(vecs, cfg["top_terms"]))
    copies = _NearCopies(
        {d["id"]: shingles(d["text"], cfg["shingle_size"]) for d in docs}, pairs, cfg["duplicate_jaccard"]
    )
    for a, b in pairs:
        gap = days_apart(by_id[a].get("published"), by_id[b].get("published"))
        if gap is not None and gap > cfg["max_days_apart"]:
            continue
        sim = similarity(a, b)
        jac = copies.jaccard(a, b)
        if jac >= cfg["duplicate_jaccard"]:
            copy, orig = (a, b) if rank[a] > rank[b] else (b, a)
            # The most similar original, the earliest among equals (pairs come in
            # no fixed order, so a tie must not go to whichever came first).
            if copy not in dups or (dups[copy][1], -rank[dups[copy][0]]) < (jac, -rank[orig]):
                dups[copy] = (orig, jac)
            sim = max(sim, 1.0)
        if sim >= cfg["link_threshold"]:
            links.append((sim, a, b))
    dups = {c: (o, round(j, 3)) for c, (o, j) in dups.items()}
    return _join(by_id, links, cfg["max_days_apart"], rank), dups


def _join(by_id, links, max_days: int, rank) -> list[list[str]]:
    """Best links first; two groups join only while the story spans at most max_days,
    so an undated article cannot chain April and December into one story."""
    uf = UnionFind(by_id)
    span = {d: (by_id[d].get("published"),) * 2 for d in by_id}
    for _, a, b in sorted(links, reverse=True):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        dates = [x for x in span[ra] + span[rb] if x]
        lo, hi = (min(dates), max(dates)) if dates else (None, None)
        gap = days_apart(lo, hi)
        if gap is not None and gap > max_days:
            continue
        uf.union(ra, rb)
        span[uf.find(ra)] = (lo, hi)
    return [sorted(g, key=rank.get) for g in uf.groups().values()]


def refresh(store, block: str | None = None) -> int:
    """Stories of one block's articles (all articles for None), replacing that block's."""
    cond, args = in_block(store, block)
    docs = store.query(f"SELECT id, name, text, title, published FROM documents d WHERE {cond}", args)
    actors = defaultdict(set)
    for m in store.query(
        f"SELECT m.doc_id, m.entity_name, m.label FROM mentions m JOIN documents d ON d.id = m.doc_id "
        f"WHERE {cond}",
        args,
    ):
        actors[m["doc_id"]].add(name_key(m["entity_name"] or "", m["label"]))
    stories, dups = group(docs, actors)
    by_id = {d["id"]: d for d in docs}
    if block is None:
        store.db.execute("DELETE FROM story_docs")
    else:
        store.db.execute(
            "DELETE FROM story_docs WHERE story_id IN (SELECT id FROM stories WHERE block = ?)", (block,)
        )
    clear(store, "stories", block)
    for members in stories:
        sid = "st_" + hashlib.sha1(members[0].encode()).hexdigest()[:10]
        dates = sorted(by_id[m]["published"] for m in members if by_id[m]["published"])
        head = by_id[members[0]]
        # a story of the same id in another month: its first article moved here (a new
        # date); that month is pending too and is redone without it
        store.db.execute("DELETE FROM story_docs WHERE story_id = ?", (sid,))
        store.db.execute("DELETE FROM stories WHERE id = ?", (sid,))
        store.db.execute(
            "INSERT INTO stories (id, label, size, first_date, last_date, attrs, block) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                sid,
                head["title"] or head["name"],
                len(members),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                json.dumps({"duplicates": sum(m in dups for m in members)}),
                block or "",
            ),
        )
        store.db.executemany(
            "INSERT INTO story_docs VALUES (?, ?, ?, ?)",
            [(sid, m, *(dups.get(m) or (None, None))) for m in members],
        )
    return len(stories)
