"""One event, many reports: merging event mentions across (and within) articles.

A general cross-document event coreference method, no corpus-specific rule:

1. block: only mentions of the same PLOVER type are compared, and only pairs
   that share a rare content word or an actor (an inverted index, so the
   work grows with the candidate pairs, not with the square of the corpus);
2. score: weighted evidence from wording (IDF-weighted Jaccard of content
   words of the mention and its actors' names), actors (source and target
   agree, or conflict), dates (equal, unknown, or too far apart: a veto) and
   facts (both sentences state the same claim about the event's actor);
3. cluster: pairs above the threshold are linked, best first; two clusters
   join only when no pair across them is vetoed (different dates, different
   negation, an act dated after the other article was published), so a chain
   of weak links cannot glue two events together.

Twice in one article needs closer wording (a speaker's three accusations in
one speech are three statements, not one event). Each cluster gets a stable
id from its earliest report; ``events.event_id`` is set to it.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from functools import lru_cache
from itertools import combinations

from newsledger.analyze.common import (
    UnionFind,
    clear,
    data,
    idf_table,
    in_block,
    same_actor,
    stem,
    weighted_jaccard,
    words,
)
from newsledger.extract.claims_rules import days_apart, name_key, parse_date, rules
from newsledger.kb.names import fold


def actor_key(row: dict, side: str) -> str | None:
    name = row.get(f"{side}_name")
    if name:
        return name_key(name)
    return row.get(f"{side}_id")


def _act_classes(row: dict) -> set[str]:
    """Predicate classes of the act's words (murder, assassination, killing -> killed)."""
    R = rules()
    raw = fold(row["text"]).split() + [fold(row.get("trigger") or "")]
    out = set()
    for w in raw:
        for form in (w, stem(w)):
            cls = R["noun_pred"].get(form) or R["verb_pred"].get(form)
            if cls:
                out.add("act:" + cls)
    return out


@lru_cache(maxsize=1)
def _speech_stems() -> frozenset[str]:
    """Reporting verbs (say, claim, announce): a statement is told apart by what it
    says, so these words are no evidence that two statements are one."""
    from newsledger.extract.lexicon import word_list

    return frozenset(stem(w) for w in word_list("reporting_verbs")) | frozenset(word_list("reporting_verbs"))


def _features(row: dict, facts: set[str] = frozenset()) -> dict:
    # Wording is about the act: the actors' names count as actors, not again as
    # words (two acts of one speaker share all of his name).
    names = set()
    for side in ("source", "target"):
        names |= set(words(row.get(f"{side}_name") or ""))
    toks = (set(words(row["text"])) - _speech_stems() - names) | _act_classes(row)
    toks |= {"n:" + w for w in names}  # weighed down in wording (see name_weight)
    once = _once_only(row, toks)
    facts = set(facts) | once
    return {
        "once": once,
        "row": row,
        "words": toks,
        "src": actor_key(row, "source"),
        "tgt": actor_key(row, "target"),
        "date": row.get("date"),
        "published": row.get("published"),
        "neg": bool(row.get("negated")),
        "facts": facts,
    }


def _once_only(row: dict, toks: set[str]) -> set[str]:
    """Acts that can befall a person only once: two reports of the killing of one named
    person are reports of one killing, however differently they word it."""
    if row.get("target_type") != "PERSON" or not row.get("target_name"):
        return set()
    # the person's actor id (a shared surname is no shared person), else the whole name
    who = row.get("target_id") or fold(row["target_name"])
    return {
        f"{who}|{cls[4:]}"
        for cls in toks
        if cls.startswith("act:") and cls[4:] in data()["events"]["once_only_acts"]
    }


def fact_keys(events: list[dict], claims: list[dict]) -> dict[int, set[str]]:
    """For each event row index, the facts its sentence states about one of its actors.

    A claim ("the parliament passed a measure on <date>") in the sentence of
    an event whose doer or target is the claim's subject names the event's
    fact; two reports stating the same fact are evidence of one event even
    when they word it differently (or disagree on its date).
    """
    by_sent: dict[tuple, list[dict]] = defaultdict(list)
    for c in claims:
        if c.get("kind") in ("date", "measure_kind"):
            by_sent[(c["doc_id"], c["sent_start"])].append(c)
    out: dict[int, set[str]] = {}
    for i, e in enumerate(events):
        actors = {_last(e.get("source_name")), _last(e.get("target_name"))} - {""}
        for c in by_sent.get((e["doc_id"], e.get("sent_start")), []):
            head = _last(c.get("subject_name") or c["subject"])
            if head in actors:
                out.setdefault(i, set()).add(f"{head}|{c['predicate']}")
    return out


def _last(name: str | None) -> str:
    toks = fold(name or "").replace("np:", "").replace("_", " ").split()
    return toks[-1] if toks else ""


def _veto(a: dict, b: dict, cfg: dict) -> bool:
    """Evidence that two mentions are different events whatever their wording."""
    if a["row"].get("type") != b["row"].get("type") or a["neg"] != b["neg"]:
        return True
    # One sentence coded for two doers ("A and B rejected ...") is two events.
    if (
        a["row"]["doc_id"] == b["row"]["doc_id"]
        and a["src"]
        and b["src"]
        and not same_actor(a["src"], b["src"])
    ):
        return True
    return _time_veto(
        a["date"],
        a["published"],
        b["date"],
        b["published"],
        cfg,
        a["row"].get("type") in cfg["durative_types"],
    )


def _time_veto(date_a, pub_a, date_b, pub_b, cfg: dict, durative: bool = False) -> bool:
    # A dated act cannot be what an article published well before it reported,
    # unless it is a process (talks, cooperation) that an earlier article saw begin.
    for date, pub in ((date_a, pub_b), (date_b, pub_a)) if not durative else ():
        gap = days_apart(date, pub)
        if (
            gap is not None
            and date > (pub or "")
            and gap > cfg["date_tolerance_days"]
            and parse_date(date)[1] == "day"
        ):
            return True
    da, db = parse_date(date_a), parse_date(date_b)
    if da and db:
        if da[1] == "day" and db[1] == "day":
            return days_apart(date_a, date_b) > cfg["date_tolerance_days"]
        short = min(date_a, date_b, key=len)
        return not (date_a.startswith(short) and date_b.startswith(short))
    return False


class _Group:
    """What the vetoes need to know of a cluster, so that joining two clusters
    costs their distinct dates and shared articles, not all pairs of reports."""

    def __init__(self, f: dict):
        self.rep = f
        self.times = {(f["date"], f["published"])}
        self.sources = defaultdict(set)
        self.sources[f["row"]["doc_id"]].add(f["src"])

    def vetoes(self, other: _Group, cfg: dict) -> bool:
        a, b = self.rep, other.rep
        if a["row"].get("type") != b["row"].get("type") or a["neg"] != b["neg"]:
            return True
        for doc in self.sources.keys() & other.sources.keys():
            if any(x and y and not same_actor(x, y) for x in self.sources[doc] for y in other.sources[doc]):
                return True
        durative = a["row"].get("type") in cfg["durative_types"]
        return any(
            _time_veto(da, pa, db, pb, cfg, durative) for da, pa in self.times for db, pb in other.times
        )

    def absorb(self, other: _Group) -> None:
        self.times |= other.times
        for doc, srcs in other.sources.items():
            self.sources[doc] |= srcs


def _one_act(a: dict, b: dict) -> bool:
    """The same words coded once per target ("strikes on the bases and the embassy"):
    one act; but not a killing of two named persons (``_once_only``). (Once per doer,
    "A and B rejected", is two acts: see ``_veto``.)"""
    ra, rb = a["row"], b["row"]
    if a["once"] and b["once"] and not a["once"] & b["once"]:
        return False  # "the killing of X and Y": each is killed, two events
    return (
        ra["doc_id"] == rb["doc_id"]
        and ra["start"] == rb["start"]
        and ra["end"] == rb["end"]
        and (a["src"] == b["src"] or not a["src"] or not b["src"])
    )


def _actor_score(a: dict, b: dict, symmetric: bool = False) -> float:
    """+1 per agreeing side, -0.5 per conflicting one, over two sides.

    For symmetric acts (an agreement between A and B is one between B and
    A) the pair of actors is compared either way round.
    """

    def agree(pairs):
        score = 0.0
        for x, y in pairs:
            if x and y:
                score += 1.0 if same_actor(x, y) else -0.5
        return score / 2

    straight = agree([(a["src"], b["src"]), (a["tgt"], b["tgt"])])
    if not symmetric:
        return straight
    return max(straight, agree([(a["src"], b["tgt"]), (a["tgt"], b["src"])]))


def _date_score(a: dict, b: dict) -> float:
    """Equal dates are evidence; an unknown date is half of it (most reports give none)."""
    if a["date"] and b["date"]:
        return 1.0 if a["date"] == b["date"] else 0.25
    return 0.5


def score(a: dict, b: dict, idf: dict, cfg: dict) -> tuple[float, float]:
    """(total evidence, wording similarity) of a pair of mentions.

    Wording alone never links: the same words ("sales fell") are said of many
    events, so a pair also needs agreeing actors, an equal date or a shared fact.
    """
    wording = weighted_jaccard(a["words"], b["words"], idf)
    symmetric = a["row"].get("type") in cfg["symmetric_types"]
    fact = 1.0 if a["facts"] & b["facts"] else 0.0
    actors = _actor_score(a, b, symmetric)
    date = _date_score(a, b)
    if actors <= 0 and date < 1.0 and not fact:
        return 0.0, wording
    # Undated acts reported far apart in time (a spokesman's statements of two
    # seasons) are one event only when both state the same fact.
    if not a["date"] and not b["date"] and not fact:
        gap = days_apart(a["published"], b["published"])
        if gap is not None and gap > cfg["undated_max_days"]:
            return 0.0, wording
    return (
        cfg["weight_wording"] * wording
        + cfg["weight_actors"] * actors
        + cfg["weight_date"] * date
        + cfg["weight_fact"] * fact
    ), wording


def _copies(feats: list[dict]) -> dict[int, int]:
    """{index: index of its first identical twin} for mentions that say the same
    act in the same words with the same actors, date and publication date.

    Syndicated copies and rewrites repeat their events word for word; linking
    each copy to the first saves comparing every copy with every other one
    (which made the pass quadratic in the number of copies). Twins with no
    actor, date or fact stay apart, as pairwise scoring would leave them."""
    first: dict[tuple, int] = {}
    out = {}
    for i, f in enumerate(feats):
        if not (f["src"] or f["tgt"] or f["date"] or f["facts"]):
            continue
        key = (
            f["row"].get("type"),
            f["src"],
            f["tgt"],
            f["date"],
            f["published"],
            f["neg"],
            frozenset(f["words"]),
            frozenset(f["facts"]),
        )
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    return out


def _candidates(feats: list[dict], cfg: dict, skip=frozenset()) -> set[tuple[int, int]]:
    """Pairs of the same type sharing a rare word or an actor key (``skip``: copies)."""
    index: dict[tuple, list[int]] = defaultdict(list)
    max_df = max(2, int(cfg["max_df_share"] * (len(feats) - len(skip))))
    for i, f in enumerate(feats):
        if i in skip:
            continue
        typ = f["row"].get("type")
        for w in f["words"]:
            index[(typ, "w", w)].append(i)
        for side in ("src", "tgt"):
            if f[side]:
                index[(typ, side, f[side].split("_")[-1])].append(i)
    pairs = set()
    for key, ids in index.items():
        if key[1] == "w" and len(ids) > max_df:
            continue
        pairs.update(combinations(ids, 2))
    return pairs


def cluster(rows: list[dict], cfg: dict | None = None, claims: list[dict] = ()) -> list[list[dict]]:
    """Event rows grouped into real-world events (lists of their reports).

    Rows may carry ``published`` (their article's date) and ``sent_start``;
    ``claims`` (rows of the claims table) add the facts their sentences state.
    """
    cfg = cfg or data()["events"]
    facts = fact_keys(rows, list(claims))
    feats = [_features(r, facts.get(i, frozenset())) for i, r in enumerate(rows)]
    idf = idf_table([f["words"] for f in feats])
    for w in idf:
        if w.startswith("n:"):
            idf[w] *= cfg["name_weight"]
    copies = _copies(feats)
    scored = []
    for i, j in _candidates(feats, cfg, skip=copies.keys()):
        a, b = feats[i], feats[j]
        if _veto(a, b, cfg):
            continue
        if _one_act(a, b):
            scored.append((2.0, i, j))
            continue
        s, wording = score(a, b, idf, cfg)
        same_doc = a["row"]["doc_id"] == b["row"]["doc_id"]
        if s >= cfg["link_threshold"] and (not same_doc or wording >= cfg["same_doc_min_wording"]):
            scored.append((s, i, j))
    uf = UnionFind(range(len(feats)))
    groups = {i: _Group(f) for i, f in enumerate(feats)}
    for i, j in sorted(copies.items()):
        rj = uf.find(j)
        uf.union(rj, i)
        keep, gone = (rj, i) if uf.find(rj) == rj else (i, rj)
        groups[keep].absorb(groups.pop(gone))
    for _s, i, j in sorted(scored, key=lambda t: t[0], reverse=True):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or groups[ri].vetoes(groups[rj], cfg):
            continue
        uf.union(ri, rj)
        keep, gone = (ri, rj) if uf.find(ri) == ri else (rj, ri)
        groups[keep].absorb(groups.pop(gone))
    return [[rows[i] for i in sorted(ids)] for ids in uf.groups().values()]


def cluster_id(reports: list[dict]) -> str:
    """Stable across runs: from the earliest report's place and reading."""
    first = min(
        (r["doc_id"], r["start"], r["end"], r["type"], r.get("source_name") or "", r.get("target_name") or "")
        for r in reports
    )
    return "ev_" + hashlib.sha1(json.dumps(first).encode()).hexdigest()[:12]


def _summary(cid: str, reports: list[dict]) -> dict:
    """The event as most reports give it: date, and doer and target as one pair
    (for an agreement "A with B" and "B with A" must not become "A with A")."""

    def common(keys):
        vals = [tuple(r.get(k) for k in keys) for r in reports if r.get(keys[-1])]
        return max(sorted(set(vals), key=str), key=vals.count) if vals else (None,) * len(keys)

    label = max(reports, key=lambda r: len(r["text"]))["text"][:160]
    src_id, src, tgt_id, tgt = common(("source_id", "source_name", "target_id", "target_name"))
    if src is None and tgt is None:
        src_id, src = common(("source_id", "source_name"))
    return {
        "id": cid,
        "type": reports[0]["type"],
        "date": common(("date",))[0],
        "source_id": src_id,
        "source_name": src,
        "target_id": tgt_id,
        "target_name": tgt,
        "label": label,
        "reports": len(reports),
        "docs": len({r["doc_id"] for r in reports}),
    }


def refresh(store, block: str | None = None) -> int:
    """Cluster the event mentions of one block (all for None); set events.event_id;
    returns events found."""
    cond, args = in_block(store, block)
    rows = store.query(
        "SELECT e.*, d.published, t.type AS target_type FROM documents d "
        "JOIN events e ON e.doc_id = d.id "
        f"LEFT JOIN entities t ON t.id = e.target_id WHERE {cond} ORDER BY e.doc_id, e.start, e.id",
        args,
    )
    claims = store.query(f"SELECT c.* FROM documents d JOIN claims c ON c.doc_id = d.id WHERE {cond}", args)
    groups = cluster(rows, claims=claims)
    clear(store, "event_clusters", block)
    seen: set[str] = set()
    for reports in groups:
        cid = cluster_id(reports)
        while cid in seen:  # the same reading twice at one place: keep both apart
            cid += "x"
        seen.add(cid)
        s = _summary(cid, reports)
        s["block"] = block or ""
        # one of the same id in another month: its report moved here (a new date); that
        # month is pending too and is redone without it
        store.db.execute("DELETE FROM event_clusters WHERE id = ?", (cid,))
        store.db.execute(
            f"INSERT INTO event_clusters ({', '.join(s)}) VALUES ({', '.join('?' for _ in s)})",
            list(s.values()),
        )
        store.db.executemany("UPDATE events SET event_id=? WHERE id=?", [(cid, r["id"]) for r in reports])
    return len(groups)
