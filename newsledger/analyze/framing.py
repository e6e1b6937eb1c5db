"""Framing: which loaded or neutral words each outlet uses for the same things.

The lexicon is data (data/framing.yaml): concepts, their frames, each
frame's terms. Counting is one regex pass per concept over the article with
its boilerplate blanked; the longest term wins, so "occupation forces" is
one loaded term, not also a neutral "forces".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from newsledger.analyze.common import data, of_docs


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[re.Pattern, dict[str, str]]]:
    """concept -> (pattern of all its terms, {term: frame})."""
    out = {}
    for concept, spec in data("framing")["concepts"].items():
        frame_of = {}
        for frame, terms in spec["frames"].items():
            for t in terms:
                frame_of[t.lower()] = frame
        alts = []
        for t in sorted(frame_of, key=len, reverse=True):
            body = re.escape(t.rstrip("*")).replace(r"\ ", r"\s+")
            alts.append(body + (r"\w*" if t.endswith("*") else ""))
        pat = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
        out[concept] = (pat, frame_of)
    return out


def _frame(term: str, frame_of: dict[str, str]) -> tuple[str, str]:
    t = re.sub(r"\s+", " ", term.lower())
    if t in frame_of:
        return frame_of[t], t
    for key, frame in frame_of.items():
        if key.endswith("*") and t.startswith(key[:-1]):
            return frame, key
    return "unknown", t


def count(text: str) -> Counter:
    """(concept, frame, term) -> occurrences in a text."""
    out = Counter()
    for concept, (pat, frame_of) in lexicon().items():
        for m in pat.finditer(text):
            frame, term = _frame(m.group(0), frame_of)
            out[(concept, frame, term)] += 1
    return out


def _masked(text: str, spans: list[dict]) -> str:
    chars = list(text)
    for s in spans:
        chars[s["start"] : s["end"]] = " " * (s["end"] - s["start"])
    return "".join(chars)


def refresh(store, docs: list[str] | None = None) -> int:
    """Framing counts of the articles ``docs`` (all for None), replacing theirs."""
    cond, args = of_docs("doc_id", docs)
    excluded = defaultdict(list)
    for s in store.query(f'SELECT doc_id, start, "end" FROM excluded_spans WHERE {cond}', args):
        excluded[s["doc_id"]].append(s)
    if docs is None:
        store.db.execute("DELETE FROM framing_terms")
    else:
        store.db.executemany("DELETE FROM framing_terms WHERE doc_id = ?", [(d,) for d in docs])
    rows = []
    cond, args = of_docs("id", docs)
    for d in store.db.execute(f"SELECT id, text FROM documents WHERE {cond}", args).fetchall():
        for (concept, frame, term), c in count(_masked(d[1], excluded[d[0]])).items():
            rows.append((d[0], concept, frame, term, c))
    store.db.executemany("INSERT INTO framing_terms VALUES (?, ?, ?, ?, ?)", rows)
    return sum(r[-1] for r in rows)


def by_outlet(store) -> list[dict]:
    """One row per outlet and concept: counts per frame and the loaded share."""
    rows = store.query(
        "SELECT COALESCE(d.outlet, d.name) AS outlet, f.concept, f.frame, "
        "SUM(f.count) AS n, COUNT(DISTINCT f.doc_id) AS docs "
        "FROM framing_terms f JOIN documents d ON d.id = f.doc_id "
        "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    )
    terms = store.query(
        "SELECT COALESCE(d.outlet, d.name) AS outlet, f.concept, f.term, "
        "SUM(f.count) AS n FROM framing_terms f JOIN documents d "
        "ON d.id = f.doc_id GROUP BY 1, 2, 3 ORDER BY n DESC"
    )
    out: dict[tuple, dict] = {}
    for r in rows:
        row = out.setdefault(
            (r["outlet"], r["concept"]),
            {"outlet": r["outlet"], "concept": r["concept"], "frames": {}, "terms": []},
        )
        row["frames"][r["frame"]] = r["n"]
    for t in terms:
        out[(t["outlet"], t["concept"])]["terms"].append(f"{t['term']}×{t['n']}")
    for row in out.values():
        total = sum(row["frames"].values())
        loaded = sum(n for f, n in row["frames"].items() if f != "neutral")
        row["loaded_share"] = round(loaded / total, 2) if total else 0.0
    return list(out.values())
