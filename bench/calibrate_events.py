"""Fit the event confidence calibration on the judged audit sample.

    python bench/calibrate_events.py [--write] [--sample FILE ...]

The coder's raw confidence (pattern strength x named-source factor x mood) is
mapped to the probability that an event is right (type, source, target and
mode all right) by a small logistic model on general features: the raw
confidence, whether each side is filled, and the PLOVER type (as log-odds
shrunk toward the overall rate, so a type seen a few times moves little).
Fitted on the judged samples (default: every bench/audit/events_sample*.jsonl: the
first drawn at any confidence, later ones at the default); --write stores the weights in
newsledger/extract/data/events/calibration.yaml. Prints in-sample and
leave-one-out reliability, so the threshold's precision is not only measured
on the events it was fitted to.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AUDIT = ROOT / "bench" / "audit"
OUT = ROOT / "newsledger" / "extract" / "data" / "events" / "calibration.yaml"
SHRINK = 8.0  # pseudo-events at the overall rate per type
L2 = 1.0


def right(r):
    return all(r[k] for k in ("ok_type", "ok_source", "ok_target", "ok_mode"))


def type_logodds(rows):
    n, k = len(rows), sum(map(right, rows))
    p0 = k / n
    out = {}
    for t in sorted({r["type"] for r in rows}):
        g = [r for r in rows if r["type"] == t]
        p = (sum(map(right, g)) + SHRINK * p0) / (len(g) + SHRINK)
        out[t] = round(math.log(p / (1 - p)) - math.log(p0 / (1 - p0)), 3)
    return out


def features(r, tl):
    return [
        1.0,
        r["raw"],
        1.0 if r["source"] is None else 0.0,
        1.0 if r["target"] is None else 0.0,
        tl.get(r["type"], 0.0),
    ]


def fit(rows, tl, iters=3000, lr=0.1):
    X = [features(r, tl) for r in rows]
    y = [1.0 if right(r) else 0.0 for r in rows]
    w = [0.0] * len(X[0])
    for _ in range(iters):
        g = [0.0] * len(w)
        for x, t in zip(X, y):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for j, v in enumerate(x):
                g[j] += (p - t) * v
        for j in range(len(w)):
            g[j] = g[j] / len(X) + (L2 * w[j] / len(X) if j else 0.0)
            w[j] -= lr * g[j] * 10
    return w


def predict(w, r, tl):
    return 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, features(r, tl)))))


def table(pairs, cuts=(0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 1.01)):
    lines = []
    for lo, hi in zip(cuts, cuts[1:]):
        g = [ok for p, ok in pairs if lo <= p < hi]
        if g:
            lines.append(f"[{lo:.1f}, {min(hi, 1):.1f}): {len(g):3d} events, {sum(g) / len(g):.2f} right")
    for th in (0.5, 0.6, 0.7, 0.8):
        g = [ok for p, ok in pairs if p >= th]
        lines.append(f">= {th}: {len(g)} events, precision {(sum(g) / len(g)) if g else float('nan'):.2f}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--sample", type=Path, action="append", help="judged sample(s) to fit on")
    a = ap.parse_args(argv)
    paths = a.sample or sorted(AUDIT.glob("events_sample*.jsonl"))
    rows = [json.loads(x) for p in paths for x in p.read_text(encoding="utf-8").splitlines() if x]
    rows = [r for r in rows if r.get("ok_type") is not None]
    for r in rows:
        r["raw"] = r.get("raw_confidence", r["confidence"])
    tl = type_logodds(rows)
    w = fit(rows, tl)
    print("in-sample:")
    print("\n".join(table([(predict(w, r, tl), right(r)) for r in rows])))
    loo = []
    for i, r in enumerate(rows):
        rest = rows[:i] + rows[i + 1 :]
        tl_i = type_logodds(rest)
        loo.append((predict(fit(rest, tl_i, iters=600), r, tl_i), right(r)))
    print("leave-one-out:")
    print("\n".join(table(loo)))
    if a.write:
        import yaml

        OUT.write_text(
            "# Event confidence calibration (bench/calibrate_events.py, fitted on the\n"
            f"# judged audit samples {', '.join(p.name for p in paths)}). confidence =\n"
            "# sigmoid(bias + raw*w_raw + no_source*w + no_target*w + type_logodds[type])\n"
            + yaml.safe_dump(
                {
                    "bias": round(w[0], 3),
                    "raw": round(w[1], 3),
                    "no_source": round(w[2], 3),
                    "no_target": round(w[3], 3),
                    "type_weight": round(w[4], 3),
                    "type_logodds": tl,
                },
                sort_keys=False,
            ),
            "utf-8",
        )
        print(f"written {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
