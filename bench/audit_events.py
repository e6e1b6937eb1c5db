"""Precision audit of coded events and contradictions on news the coder was not fitted to.

    python bench/audit_events.py build  --db /tmp/audit.db [--model md]
    python bench/audit_events.py sample --db /tmp/audit.db [--n 130] [--seed 14]
        [--min-confidence 0.6] [--out bench/audit/events_sample_2.jsonl]
        [--contradictions-out bench/audit/contradictions_2.jsonl]
    python bench/audit_events.py report [--sample bench/audit/events_sample.jsonl]
        [--md bench/audit/reliability.md]

``build`` ingests the ECB+ texts (../shared/data/ecbplus/input.jsonl) and the
MEANTIME articles (rebuilt from their tokens, dated by their creation time).
``sample`` draws events at random (seeded) from what the default view lists
(asserted, any confidence: the reliability table needs the low ones too) and
writes them with their sentence for a human to judge; every contradiction the
ledger reports on the corpora goes to bench/audit/contradictions.jsonl.

A judged record carries ``ok_type``, ``ok_source``, ``ok_target``, ``ok_mode``
(true/false; a side the text does not give is right when left empty) and a
``note``. The sample committed was drawn from a ledger coded before the
calibration existed: its ``raw_confidence`` is the coder's score and
``confidence`` the calibrated one (extract/events/lexicon.calibrated).
``report`` prints precision (all four right) by type, at and above
the default confidence, and the reliability table (confidence bin -> share
right), and writes it to bench/audit/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
AUDIT = ROOT / "bench" / "audit"
BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def build(db: str, model: str) -> None:
    from newsledger import Ledger

    sys.path.insert(0, str(ROOT / "bench"))
    import meantime

    with tempfile.TemporaryDirectory() as tmp:
        mt = Path(tmp) / "meantime.jsonl"
        with mt.open("w", encoding="utf-8") as f:
            for path in sorted(meantime.CORPUS.rglob("*.xml")):
                doc = meantime.read_doc(path)
                f.write(
                    json.dumps({"id": "meantime_" + doc.name, "text": doc.text, "published": doc.dct}) + "\n"
                )
        led = Ledger(db, model=model)
        rep = led.ingest([str(SHARED / "ecbplus" / "input.jsonl"), str(mt)])
        print(f"ingested: {rep}", file=sys.stderr)


def sample(
    db: str,
    n: int,
    seed: int,
    min_confidence: float = 0.0,
    out: Path | None = None,
    contradictions_out: Path | None = None,
) -> None:
    from newsledger.analyze.contradictions import stored
    from newsledger.store.db import Store
    from newsledger.store.events_query import event_rows

    store = Store(db)
    rows = event_rows(store, include_unreal=True, modes=("asserted",))
    # the list as the ledger stores it, shuffled with the seed: the same draw on the same ledger
    rows = sorted((r for r in rows if r["confidence"] >= min_confidence), key=lambda r: r["id"])
    random.Random(seed).shuffle(rows)
    AUDIT.mkdir(parents=True, exist_ok=True)
    with (out or AUDIT / "events_sample.jsonl").open("w", encoding="utf-8") as f:
        for r in rows[:n]:
            f.write(
                json.dumps(
                    {
                        "doc": r["doc_name"],
                        "row": r["id"],
                        "type": r["type"],
                        "cameo": r["cameo"],
                        "source": r["source_name"],
                        "target": r["target_name"],
                        "mode": r["factuality"],
                        "confidence": r["confidence"],
                        "raw_confidence": r.get("raw_confidence"),
                        "trigger": r.get("trigger"),
                        "text": r["text"],
                        "sentence": r["sentence"],
                        "ok_type": None,
                        "ok_source": None,
                        "ok_target": None,
                        "ok_mode": None,
                        "note": "",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    with (contradictions_out or AUDIT / "contradictions.jsonl").open("w", encoding="utf-8") as f:
        for c in stored(store):
            f.write(
                json.dumps(
                    {
                        "subject": c["subject_name"],
                        "predicate": c["predicate"],
                        "values": c["values"],
                        "why": c.get("why"),
                        "sides": [
                            {k: s.get(k) for k in ("value", "doc_name", "sentence")} for s in c["sides"]
                        ],
                        "ok": None,
                        "note": "",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(
        f"{min(n, len(rows))} of {len(rows)} asserted events at confidence >= {min_confidence} sampled; "
        f"{len(stored(store))} contradictions",
        file=sys.stderr,
    )


def right(r: dict) -> bool:
    return all(r.get(k) for k in ("ok_type", "ok_source", "ok_target", "ok_mode"))


def reliability(rows: list[dict]) -> list[tuple[str, int, float]]:
    out = []
    for lo, hi in zip(BINS, BINS[1:]):
        got = [r for r in rows if lo <= r["confidence"] < hi]
        if got:
            out.append((f"[{lo:.1f}, {min(hi, 1.0):.1f})", len(got), sum(map(right, got)) / len(got)))
    return out


def report(path: Path, md: Path | None = None, contra: Path | None = None) -> dict:
    from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r.get("ok_type") is not None]
    shown = [r for r in rows if r["confidence"] >= DEFAULT_MIN_CONFIDENCE]
    by_type = defaultdict(list)
    for r in shown:
        by_type[r["type"]].append(right(r))
    at07 = [r for r in rows if r["confidence"] >= 0.7]
    out = {
        "judged": len(rows),
        "default_min_confidence": DEFAULT_MIN_CONFIDENCE,
        "at_default": len(shown),
        "precision_at_default": round(sum(map(right, shown)) / len(shown), 3) if shown else None,
        "precision_all": round(sum(map(right, rows)) / len(rows), 3) if rows else None,
        "precision_at_0.7": round(sum(map(right, at07)) / len(at07), 3) if at07 else None,
        "by_type": {
            t: {"n": len(v), "precision": round(sum(v) / len(v), 3)} for t, v in sorted(by_type.items())
        },
        "field_accuracy_at_default": {
            k: round(sum(bool(r[k]) for r in shown) / len(shown), 3)
            for k in ("ok_type", "ok_source", "ok_target", "ok_mode")
        }
        if shown
        else {},
        "reliability": reliability(rows),
    }
    lines = [
        "# Reliability of event confidence (judged audit sample)",
        "",
        f"{len(rows)} events judged (bench/audit/{path.name}); right = type, "
        "source, target and mode all right.",
        "",
        "| confidence | events | share right |",
        "|---|---|---|",
    ]
    lines += [f"| {b} | {k} | {p:.2f} |" for b, k, p in out["reliability"]]
    raw = [dict(r, confidence=r.get("raw_confidence") or r["confidence"]) for r in rows]
    lines += [
        "",
        "Before calibration (the coder's raw score):",
        "",
        "| raw confidence | events | share right |",
        "|---|---|---|",
    ]
    lines += [f"| {b} | {k} | {p:.2f} |" for b, k, p in reliability(raw)]
    by_all = defaultdict(list)
    for r in rows:
        by_all[r["type"]].append(right(r))
    lines += [
        "",
        "Precision by type, all judged events:",
        "",
        "| type | events | precision |",
        "|---|---|---|",
    ]
    lines += [f"| {t} | {len(v)} | {sum(v) / len(v):.2f} |" for t, v in sorted(by_all.items())]
    lines += [
        "",
        f"Default --min-confidence {DEFAULT_MIN_CONFIDENCE}: precision "
        f"{out['precision_at_default']} on {len(shown)} events; at >= 0.7: "
        f"{out['precision_at_0.7']} on {len(at07)}.",
        "",
    ]
    lines += [
        "Precision by type at the default confidence:",
        "",
        "| type | events | precision |",
        "|---|---|---|",
    ]
    lines += [f"| {t} | {v['n']} | {v['precision']:.2f} |" for t, v in out["by_type"].items()]
    lines += ["", "Accuracy by field at the default confidence:", "", "| field | right |", "|---|---|"]
    lines += [f"| {k[3:]} | {v:.2f} |" for k, v in out["field_accuracy_at_default"].items()]
    lines += [""]
    (md or AUDIT / "reliability.md").write_text("\n".join(lines), encoding="utf-8")
    contra = contra or AUDIT / "contradictions.jsonl"
    if contra.exists():
        cs = [json.loads(x) for x in contra.read_text(encoding="utf-8").splitlines() if x]
        out["contradictions"] = len(cs)
        out["contradictions_false"] = sum(c.get("ok") is False for c in cs)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=("build", "sample", "report"))
    ap.add_argument("--db", default="/tmp/newsledger-audit.db")
    ap.add_argument("--model", default="md")
    ap.add_argument("--n", type=int, default=130)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--sample", type=Path, default=AUDIT / "events_sample.jsonl")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="sample only events at or above")
    ap.add_argument("--out", type=Path, help="sample file to write (default events_sample.jsonl)")
    ap.add_argument("--contradictions-out", type=Path, help="default contradictions.jsonl")
    ap.add_argument("--md", type=Path, help="reliability table to write (default reliability.md)")
    ap.add_argument("--contradictions", type=Path, help="judged contradictions to count")
    a = ap.parse_args(argv)
    if a.cmd == "build":
        build(a.db, a.model)
    elif a.cmd == "sample":
        sample(a.db, a.n, a.seed, a.min_confidence, a.out, a.contradictions_out)
    else:
        print(json.dumps(report(a.sample, a.md, a.contradictions), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
