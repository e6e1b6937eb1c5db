"""Code the PLOVER gold-standard sentences and score the event types and actors.

    python bench/plover.py [--model md|sm] [--min type_accuracy=0.8 ...] [--json] [--errors]

Each record of ../shared/data/plover/PLOVER_GSR_CAMEO.txt is one sentence with
one gold event (its 2016 type names mapped to today's: DEMAND is REQUEST). The
coder's best event for the sentence (highest confidence, happened before
hypothetical) is compared with it: type accuracy, macro-F1 over the types, and
source/target text match (the gold actor text inside the coded name or the
other way round, case-insensitively). With --min it exits 1 below a floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GSR = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"


def load_records(path: Path = GSR) -> list[dict]:
    from newsledger.extract.events.lexicon import PLOVER_TYPES, plover_type

    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        typ = plover_type(rec.get("event", ""))
        if typ in PLOVER_TYPES and rec.get("text"):
            out.append({**rec, "type": typ})
    return out


def _actor_texts(field) -> list[str]:
    if not field or isinstance(field, str):
        return []
    return [a.get("actorText", "") for a in field if a.get("actorText")]


def _match(gold: list[str], *names: str | None) -> bool:
    """A gold actor text inside a coded name or its words as written, or the other way."""
    for name in names:
        n = (name or "").lower()
        if n and any(g.lower() in n or n in g.lower() for g in gold):
            return True
    return False


def side_right(gold: list[str], name: str | None, text: str | None) -> bool:
    """A coded side agrees with the gold record as ``score`` counts it: the texts match
    (_match); a side the record leaves empty is not judged (the gold often omits the
    second party of a joint act, "Jordan and Britain agreed")."""
    return _match(gold, name, text) if gold else True


def judged(rows: list[dict]) -> list[dict]:
    """The coded top events of the gold sentences judged automatically, as a sample for
    the confidence model (bench/calibrate_events.py): right when the type is the gold
    one and both sides match it as ``score`` matches them. The records carry no
    factuality (PLOVER's ``mode`` there is a sub-type), so the mode is not judged."""
    out = []
    for r in rows:
        e = r["event"]
        if e is None:
            continue
        ok = (
            r["pred"] == r["gold"]
            and side_right(r["source_gold"], r["source"], r["source_text"])
            and side_right(r["target_gold"], r["target"], r["target_text"])
        )
        out.append({"row": e, "ok": ok, "type": e["type"], "sample": "plover", "id": r["id"]})
    return out


def best_event(events):
    """The event a one-event sentence reports: happened, nearest the main clause, most
    confident."""
    # the coder's own score ranks the readings of one sentence (the calibrated confidence
    # weighs types by how often they are right, which says nothing about this sentence)
    ranked = sorted(
        events,
        key=lambda e: (
            e.negated or e.hypothetical,
            min(e.depth, 2),
            -(e.raw_confidence or e.confidence),
            e.start,
        ),
    )
    return ranked[0] if ranked else None


def run(model: str, records: list[dict]) -> tuple[dict, list[dict]]:
    from newsledger.extract import run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.nlp import load

    nlp = load(model)
    rows = []
    t0 = time.perf_counter()
    texts = [r["text"] for r in records]
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=64)):
        art = make_article(rec["text"], rec["id"], fmt="jsonl", source="plover")
        ev = best_event(run_stages(doc, Extraction(art)).events)
        rows.append(
            {
                "id": rec["id"],
                "gold": rec["type"],
                "pred": ev.type if ev else None,
                "source_gold": _actor_texts(rec.get("source")),
                "target_gold": _actor_texts(rec.get("target")),
                "source": ev.source_name if ev else None,
                "target": ev.target_name if ev else None,
                "source_text": ev.source_text if ev else None,
                "target_text": ev.target_text if ev else None,
                "text": rec["text"],
                "event": dict(vars(ev)) if ev else None,
            }
        )
    secs = time.perf_counter() - t0
    return score(rows, secs), rows


def score(rows: list[dict], secs: float) -> dict:
    n = len(rows)
    ok = sum(r["gold"] == r["pred"] for r in rows)
    types = sorted({r["gold"] for r in rows})
    f1s = []
    for t in types:
        tp = sum(r["gold"] == t and r["pred"] == t for r in rows)
        fp = sum(r["gold"] != t and r["pred"] == t for r in rows)
        fn = sum(r["gold"] == t and r["pred"] != t for r in rows)
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * p * rc / (p + rc) if p + rc else 0.0)
    with_src = [r for r in rows if r["source_gold"]]
    with_tgt = [r for r in rows if r["target_gold"]]
    return {
        "sentences": n,
        "type_accuracy": round(ok / n, 4) if n else 0.0,
        "type_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "coded": round(sum(r["pred"] is not None for r in rows) / n, 4) if n else 0.0,
        "source_match": round(
            sum(_match(r["source_gold"], r["source"], r["source_text"]) for r in with_src) / len(with_src), 4
        )
        if with_src
        else 0.0,
        "target_match": round(
            sum(_match(r["target_gold"], r["target"], r["target_text"]) for r in with_tgt) / len(with_tgt), 4
        )
        if with_tgt
        else 0.0,
        "sentences_per_second": round(n / secs, 1) if secs else 0.0,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--min", action="append", default=[], help="KEY=VALUE floor, e.g. type_accuracy=0.8")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the sentences coded wrong")
    a = ap.parse_args(argv)
    result, rows = run(a.model, load_records())
    if a.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:28} {v}")
    if a.errors:
        confusion = Counter((r["gold"], r["pred"]) for r in rows if r["gold"] != r["pred"])
        for (g, p), k in confusion.most_common():
            print(f"  {g:10} -> {p}: {k}")
        for r in rows:
            if r["gold"] != r["pred"]:
                print(f"{r['gold']:10} {str(r['pred']):10} {r['text']}")
    failed = []
    for m in a.min:
        key, _, val = m.partition("=")
        if result.get(key, 0.0) < float(val):
            failed.append(f"{key} {result.get(key)} < {val}")
    for f in failed:
        print("FLOOR NOT MET:", f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
