"""Cross-document event coreference on MEANTIME: CoNLL F1 of the event merging.

    python bench/event_coref.py [--corpus DIR] [--min 0.5] [--json]

Setting: gold event mentions. Each event mention of MEANTIME's
cross-document layer becomes an event row with its trigger words, its
annotated participants (Arg0 as source, Arg1 as target, by their surface
text), the date of a timex it is anchored to (TLINK SIMULTANEOUS /
IS_INCLUDED) and its article's creation time. The rows go through
``newsledger.analyze.events.cluster`` exactly as the ledger's events do; the
clusters are scored against the corpus' event instances with MUC, B-cubed
and CEAF-e, and their mean (CoNLL F1), over the mentions the layer links to
an event (the others still take part in clustering). MEANTIME has no PLOVER types, so
every row has the same type: the blocking by type does nothing here.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "meantime" / "intra_cross-doc_annotation"
_ANCHOR = {"SIMULTANEOUS", "IS_INCLUDED", "DURING"}


def _anchors(el) -> list[str]:
    return [a.get("t_id") for a in el.iter("token_anchor")]


def read_doc(path: Path) -> tuple[list[dict], dict[str, str]]:
    """(event rows, {row id: gold cluster}) of one MEANTIME file."""
    root = ET.parse(path).getroot()
    doc = root.get("doc_id")
    offs, parts, pos = {}, [], 0
    for t in root.iter("token"):
        offs[t.get("t_id")] = (pos, pos + len(t.text or ""))
        parts.append(t.text or "")
        pos += len(t.text or "") + 1
    text = " ".join(parts)
    mk = root.find("Markables")
    ev_m = {e.get("m_id"): _anchors(e) for e in mk.iter("EVENT_MENTION")}
    ent_m = {e.get("m_id"): _anchors(e) for e in mk.iter("ENTITY_MENTION")}
    timex = {e.get("m_id"): e.get("value") for e in mk.iter("TIMEX3")}
    created = next(
        (e.get("value") for e in mk.iter("TIMEX3") if e.get("functionInDocument") == "CREATION_TIME"), None
    )
    instances = {e.get("m_id"): e.get("instance_id") for e in mk.iter("EVENT")}
    refers, args, dates = {}, defaultdict(dict), {}
    for rel in root.find("Relations"):
        src, tgt = rel.find("source").get("m_id"), rel.find("target").get("m_id")
        if rel.tag == "REFERS_TO" and src in ev_m:
            refers[src] = tgt
        elif rel.tag == "HAS_PARTICIPANT" and src in ev_m and tgt in ent_m:
            args[src].setdefault(rel.get("sem_role"), tgt)
        elif rel.tag == "TLINK" and src in ev_m and tgt in timex and rel.get("reltype") in _ANCHOR:
            dates.setdefault(src, timex[tgt])

    def span(tids):
        tids = [t for t in tids if t in offs]
        return (min(offs[t][0] for t in tids), max(offs[t][1] for t in tids)) if tids else None

    rows, gold = [], {}
    for m, tids in ev_m.items():
        sp = span(tids)
        if sp is None:
            continue
        names = {role: text[slice(*span(ent_m[e]))] for role, e in args[m].items() if span(ent_m[e])}
        date = dates.get(m)
        rid = f"{doc}:{m}"
        rows.append(
            {
                "id": rid,
                "doc_id": doc,
                "start": sp[0],
                "end": sp[1],
                "text": text[slice(*sp)],
                "type": "EVENT",
                "source_name": names.get("Arg0"),
                "target_name": names.get("Arg1"),
                "date": date if date and date[:1].isdigit() else None,
                "published": created,
                "negated": 0,
            }
        )
        if m in refers:  # mentions the cross-document layer leaves unlinked are not scored
            gold[rid] = instances.get(refers[m]) or f"{doc}:{refers[m]}"
    return rows, gold


# ------------------------------------------------------------------ metrics


def _muc(key: list[set], resp: list[set]) -> tuple[float, float]:
    where = {m: i for i, c in enumerate(resp) for m in c}
    num = den = 0
    for c in key:
        parts = {where.get(m, ("single", m)) for m in c}
        num += len(c) - len(parts)
        den += len(c) - 1
    return num, den


def _b3(key: list[set], resp: list[set]) -> tuple[float, float]:
    where = {m: c for c in resp for m in c}
    total = sum(len(c) for c in key)
    score = sum(len(c & where.get(m, {m})) / len(c) for c in key for m in c)
    return score, total


def _hungarian(w: list[list[float]]) -> float:
    """Maximum-weight assignment of a small dense matrix (Kuhn-Munkres, O(n^3))."""
    n = max(len(w), len(w[0]))
    cost = [[-(w[i][j] if i < len(w) and j < len(w[0]) else 0.0) for j in range(n)] for i in range(n)]
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            used[j0], i0, delta, j1 = True, p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0], j0 = p[j1], j1
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def _ceafe(key: list[set], resp: list[set]) -> float:
    """Best one-to-one alignment score (phi4), solved per connected component of overlaps."""
    kidx = {m: i for i, c in enumerate(key) for m in c}
    ridx = {m: j for j, c in enumerate(resp) for m in c}
    seen, total = set(), 0.0
    for i in range(len(key)):
        if i in seen:
            continue
        ks, rs, todo = {i}, set(), [("k", i)]
        while todo:
            side, x = todo.pop()
            for m in key[x] if side == "k" else resp[x]:
                if side == "k" and m in ridx and ridx[m] not in rs:
                    rs.add(ridx[m])
                    todo.append(("r", ridx[m]))
                elif side == "r" and m in kidx and kidx[m] not in ks:
                    ks.add(kidx[m])
                    todo.append(("k", kidx[m]))
        seen |= ks
        kl, rl = sorted(ks), sorted(rs)
        if rl:
            w = [[2 * len(key[a] & resp[b]) / (len(key[a]) + len(resp[b])) for b in rl] for a in kl]
            total += _hungarian(w)
    return total


def _f(p_num, p_den, r_num, r_den) -> dict:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def conll(gold: dict[str, str], system: dict[str, str]) -> dict:
    def clusters(lab):
        out = defaultdict(set)
        for m, c in lab.items():
            out[c].add(m)
        return list(out.values())

    key, resp = clusters(gold), clusters({m: system[m] for m in gold})
    muc = _f(*_muc(resp, key), *_muc(key, resp))
    b3 = _f(*_b3(resp, key), *_b3(key, resp))
    phi = _ceafe(key, resp)
    ceafe = _f(phi, len(resp), phi, len(key))
    return {
        "muc": muc,
        "b3": b3,
        "ceafe": ceafe,
        "conll_f1": round((muc["f1"] + b3["f1"] + ceafe["f1"]) / 3, 4),
        "mentions": len(gold),
        "gold_events": len(key),
        "system_events": len(resp),
    }


def main(argv=None) -> int:
    from newsledger.analyze.events import cluster

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--min", type=float, help="exit 1 when CoNLL F1 is below this")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rows, gold = [], {}
    for path in sorted(a.corpus.rglob("*.xml")):
        r, g = read_doc(path)
        rows += r
        gold.update(g)
    system = {r["id"]: k for k, group in enumerate(cluster(rows)) for r in group}
    singletons = {r["id"]: r["id"] for r in rows}
    out = {"system": conll(gold, system), "baseline_singletons": conll(gold, singletons)}
    print(
        json.dumps(out, indent=2)
        if a.json
        else f"mentions {out['system']['mentions']}, gold events {out['system']['gold_events']}, "
        f"system events {out['system']['system_events']}\n"
        f"CoNLL F1 {out['system']['conll_f1']} (MUC {out['system']['muc']['f1']}, "
        f"B3 {out['system']['b3']['f1']}, CEAF-e {out['system']['ceafe']['f1']}); "
        f"all-singletons baseline {out['baseline_singletons']['conll_f1']}"
    )
    return 1 if a.min is not None and out["system"]["conll_f1"] < a.min else 0


if __name__ == "__main__":
    sys.exit(main())
