"""Fit the event confidence calibration on one judged sample, test it on another.

    python bench/calibrate_events.py --db /tmp/audit.db [--train FILE ...] [--test FILE ...]
        [--plover [--plover-cache FILE]] [--write]

The model (newsledger/extract/events/calibration.py) is a logistic regression
over features every event record carries: how each side is written (full name,
surname or one-word name, pronoun, implied, common noun, unknown acronym, none),
whether its actor is in the knowledge base, the coder's raw score, the mode,
sentence length and the share of it the event spans, the trigger's depth, and
the PLOVER type as log-odds shrunk hard toward the overall rate (a type seen a
few times moves little, so no type is hidden for its name alone).

The judged samples keep what the coder said, not its features: each judged
event is found again in a ledger coded with the current code (``--db``, built by
``bench/audit_events.py build``) by document, sentence, trigger, type and both
sides; one the current code no longer codes that way is left out (its judgement
is about another output). Fitted with numpy (Newton steps, L2 penalty) on
``--train`` (default: the first sample, drawn at any confidence), tested on
``--test`` (default: the second, drawn independently at the old default):
the held-out table is the one to believe. ``--plover`` adds the PLOVER gold
sentences (conflict news, bench/plover.py ``judged``) to the fit and prints by
threshold the held-out precision on ``--test`` (never fitted) and out of fold on
PLOVER and on the judged samples (5 folds over both). ``--write`` stores the
weights (fitted on all) in newsledger/extract/data/events/calibration.yaml.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
AUDIT = ROOT / "bench" / "audit"
OUT = ROOT / "newsledger" / "extract" / "data" / "events" / "calibration.yaml"
SHRINK = {"type": 20.0, "trigger": 5.0}  # pseudo-events at the overall rate per key
L2 = 2.0
CUTS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 1.01)


def right(r: dict) -> bool:
    return all(r[k] for k in ("ok_type", "ok_source", "ok_target", "ok_mode"))


def _key(doc, type_, trigger, source, target, sentence) -> tuple:
    return (
        doc,
        type_,
        (trigger or "").lower(),
        source or "",
        target or "",
        " ".join((sentence or "").split()),
    )


def judged(paths: list[Path], rows_by_key: dict) -> tuple[list[dict], int]:
    """The judged events of the samples found again in the ledger, each with its row."""
    out, lost = [], 0
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            j = json.loads(line) if line else None
            if not j or j.get("ok_type") is None:
                continue
            k = _key(j["doc"], j["type"], j.get("trigger"), j["source"], j["target"], j["sentence"])
            row = rows_by_key.get(k)
            if row is None:
                lost += 1
                continue
            out.append({"row": row, "ok": right(j), "type": j["type"], "sample": p.name})
    return out, lost


def logodds(items: list[dict], table: str) -> dict[str, float]:
    """Per key of a table (type, trigger), the log-odds of being right minus the overall
    log-odds, shrunk toward it (SHRINK pseudo-events at the overall rate)."""
    from newsledger.extract.events.calibration import table_key

    p0 = sum(i["ok"] for i in items) / len(items)
    groups = defaultdict(list)
    for i in items:
        groups[table_key(i["row"], table)].append(i["ok"])
    out = {}
    for k, g in sorted(groups.items()):
        p = (sum(g) + SHRINK[table] * p0) / (len(g) + SHRINK[table])
        out[k] = round(math.log(p / (1 - p)) - math.log(p0 / (1 - p0)), 3)
    return out


def tables(items: list[dict]) -> dict[str, dict]:
    from newsledger.extract.events.calibration import TABLES

    return {t: logodds(items, t) for t in TABLES}


def design(items: list[dict], tabs: dict, names: list[str] | None = None):
    from newsledger.extract.events.calibration import TABLES, features, table_value

    feats = [features(i["row"]) for i in items]
    names = names or sorted(feats[0])
    X = np.array(
        [
            [1.0] + [table_value(i["row"], t, tabs) for t in TABLES] + [f[n] for n in names]
            for i, f in zip(items, feats)
        ]
    )
    y = np.array([1.0 if i["ok"] else 0.0 for i in items])
    return X, y, names


def fit(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Penalised logistic regression by Newton steps (the bias unpenalised)."""
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], L2)
    pen[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + pen * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def table(pairs: list[tuple[float, bool]]) -> list[str]:
    lines = []
    for lo, hi in zip(CUTS, CUTS[1:]):
        g = [ok for p, ok in pairs if lo <= p < hi]
        if g:
            lines.append(f"  [{lo:.1f}, {min(hi, 1):.1f}): {len(g):3d} events, {sum(g) / len(g):.2f} right")
    for th in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        g = [ok for p, ok in pairs if p >= th]
        if g:
            lines.append(f"  >= {th}: {len(g):3d} events, precision {sum(g) / len(g):.2f}")
    return lines


def by_type(items: list[dict], probs: np.ndarray, th: float) -> list[str]:
    groups = defaultdict(list)
    for i, p in zip(items, probs):
        if p >= th:
            groups[i["type"]].append(i["ok"])
    return [f"  {t}: {len(v)} events, precision {sum(v) / len(v):.2f}" for t, v in sorted(groups.items())]


def ledger_rows(db: str) -> dict:
    from newsledger.store.db import Store
    from newsledger.store.events_query import event_rows

    rows = event_rows(Store(db), include_unreal=True)
    return {
        _key(r["doc_name"], r["type"], r.get("trigger"), r["source_name"], r["target_name"], r["sentence"]): r
        for r in rows
    }


def model(items: list[dict]):
    tabs = tables(items)
    X, y, names = design(items, tabs)
    return fit(X, y), tabs, names


def predict(items: list[dict], w: np.ndarray, tabs: dict, names: list[str]) -> np.ndarray:
    X, _, _ = design(items, tabs, names)
    return 1 / (1 + np.exp(-X @ w))


def out_of_fold(items: list[dict], k: int = 5, repeats: int = 4) -> list[tuple[float, bool]]:
    """Each event scored by models fitted without it (k folds, several shuffles; the
    tables are rebuilt in each fold, so a trigger's own judgement never scores it)."""
    pairs = []
    for rep in range(repeats):
        order = np.random.default_rng(rep).permutation(len(items))
        for f in range(k):
            held = set(order[f::k].tolist())
            fit_on = [it for n, it in enumerate(items) if n not in held]
            test = [it for n, it in enumerate(items) if n in held]
            w, tabs, names = model(fit_on)
            pairs += list(zip(predict(test, w, tabs, names), (it["ok"] for it in test)))
    return pairs


def plover_items(model_name: str, cache: Path | None) -> list[dict]:
    """The PLOVER gold sentences' top events judged automatically (bench/plover.py
    ``judged``); cached as JSON, since coding them takes a minute."""
    if cache and cache.exists():
        return json.loads(cache.read_text("utf-8"))
    import plover

    _, rows = plover.run(model_name, plover.load_records())
    items = plover.judged(rows)
    if cache:
        cache.write_text(json.dumps(items), "utf-8")
    return items


THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92)


def _cell(pairs: list[tuple[float, bool]], th: float) -> str:
    g = [ok for p, ok in pairs if p >= th]
    return f"{len(g)} / {len(pairs)} | {sum(g)} = {sum(g) / len(g):.3f}" if g else f"0 / {len(pairs)} | -"


def held_out(base: list[dict], plo: list[dict], test: list[dict], k: int = 5) -> list[str]:
    """Fit on k-1 folds of the judged samples and the PLOVER sentences together, score
    the held-out fold (each event once, out of fold); the test sample is scored by the
    model fitted on all (it is never fitted). By threshold: events listed and precision
    on the test sample, PLOVER out of fold and the judged samples out of fold."""
    items = base + plo
    probs = np.zeros(len(items))
    order = np.random.default_rng(0).permutation(len(items))
    for f in range(k):
        held = set(order[f::k].tolist())
        w, tabs, names = model([it for n, it in enumerate(items) if n not in held])
        idx = sorted(held)
        probs[idx] = predict([items[n] for n in idx], w, tabs, names)
    oof_b = [(probs[n], items[n]["ok"]) for n in range(len(base))]
    oof_p = [(probs[n], items[n]["ok"]) for n in range(len(base), len(items))]
    w, tabs, names = model(items)
    t4 = list(zip(predict(test, w, tabs, names), (it["ok"] for it in test))) if test else []
    lines = [
        "  | >= | test listed | test precision | PLOVER oof listed | PLOVER oof precision "
        "| samples oof listed | samples oof precision |",
        "  |---|---|---|---|---|---|---|",
    ]
    for th in THRESHOLDS:
        lines.append(f"  | {th:.2f} | {_cell(t4, th)} | {_cell(oof_p, th)} | {_cell(oof_b, th)} |")
    return lines


def write(w: np.ndarray, names: list[str], tabs: dict, train: list[Path]) -> None:
    import yaml

    from newsledger.extract.events.calibration import TABLES

    doc = {"bias": round(float(w[0]), 3)}
    doc.update({f"{t}_weight": round(float(v), 3) for t, v in zip(TABLES, w[1:])})
    doc["weights"] = {n: round(float(v), 3) for n, v in zip(names, w[1 + len(TABLES) :])}
    doc.update({f"{t}_logodds": tabs[t] for t in TABLES})
    OUT.write_text(
        "# Event confidence calibration (bench/calibrate_events.py): a logistic model over the\n"
        "# features of extract/events/calibration.py, fitted on\n"
        + "".join(f"#   {p.name if p.is_absolute() else p}\n" for p in train)
        + "# confidence = sigmoid(bias + sum(<table>_weight * <table>_logodds[key])\n"
        "#                      + sum(weights[f] * f)); a trigger not in trigger_logodds takes\n"
        "# its type's type_logodds.\n" + yaml.safe_dump(doc, sort_keys=False),
        "utf-8",
    )
    print(f"written {OUT}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="ledger coded by the current code (audit_events.py build)")
    ap.add_argument("--train", type=Path, action="append", help="default: events_sample.jsonl")
    ap.add_argument("--test", type=Path, action="append", help="held-out sample(s)")
    ap.add_argument("--write", action="store_true", help="store the model fitted on --train")
    ap.add_argument("--plover", action="store_true", help="add the PLOVER gold sentences (bench/plover.py)")
    ap.add_argument("--plover-model", default="md")
    ap.add_argument("--plover-cache", type=Path, help="JSON file caching the coded PLOVER events")
    a = ap.parse_args(argv)
    train_p = a.train or [AUDIT / "events_sample.jsonl"]
    rows = ledger_rows(a.db)
    train, lost = judged(train_p, rows)
    print(f"train: {len(train)} judged events found again ({lost} coded otherwise now)")
    if a.plover:
        plo = plover_items(a.plover_model, a.plover_cache)
        before = sum(i["row"]["confidence"] >= 0.7 for i in plo)
        right_n = sum(i["ok"] for i in plo)
        print(f"PLOVER: {len(plo)} top events judged, {right_n} right, {before} >= 0.7 as coded")
        test = judged(a.test, rows)[0] if a.test else []
        print("held out: test sample (never fitted) and PLOVER out of fold (5 folds):")
        print("\n".join(held_out(train, plo, test)))
        train = train + plo
        train_p = train_p + [Path("PLOVER_GSR_CAMEO.txt: its top events judged by bench/plover.py")]
    w, tabs, names = model(train)
    for n, v in zip(["bias", "type_logodds", "trigger_logodds"] + names, w):
        print(f"  {n:16s} {v:+.3f}")
    print("in-sample (train):")
    print("\n".join(table(list(zip(predict(train, w, tabs, names), (i["ok"] for i in train))))))
    print("out of fold (5 folds x 4 shuffles of train):")
    print("\n".join(table(out_of_fold(train))))
    if a.test:
        test, lost = judged(a.test, rows)
        print(f"held out: {len(test)} judged events found again ({lost} coded otherwise now)")
        p = predict(test, w, tabs, names)
        print("\n".join(table(list(zip(p, (i["ok"] for i in test))))))
        for th in (0.5, 0.6, 0.7):
            print(f"held out by type at >= {th}:")
            print("\n".join(by_type(test, p, th)))
    if a.write:
        write(w, names, tabs, train_p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
