"""Cross-document actor coreference on ECB+ topics 1-35 (news never seen).

    python bench/ecbplus.py [--model sm|md] [--topics 1-35] [--min actor.conll_f1=0.8]
                            [--keep DB] [--json]

Ingests ``../shared/data/ecbplus/input.jsonl`` (optionally only some topics)
into a temporary ledger, exports it in the eval format and scores it with
``../shared/eval/coref.py`` against ``gold.jsonl`` (restricted to the same
documents). Prints the scorer's lines; with --min it exits 1 below a floor.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "ecbplus"


def topics(spec: str | None) -> set[int] | None:
    """ "1-5,9" -> {1, 2, 3, 4, 5, 9}; None for every topic."""
    if not spec:
        return None
    out: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


def _topic(doc_id: str) -> int:
    return int(doc_id.split("_")[0])


def subset(path: Path, want: set[int] | None, key: str) -> list[str]:
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [line for line in lines if want is None or _topic(json.loads(line)[key]) in want]


def export_eval(inputs: list[str], model: str, db: str | None = None) -> str:
    from newsledger import Ledger
    from newsledger.export import export

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.jsonl"
        src.write_text("\n".join(inputs) + "\n", encoding="utf-8")
        led = Ledger(db or Path(tmp) / "ecbplus.db", model=model)
        t = time.perf_counter()
        rep = led.ingest([str(src)])
        print(f"ingested {rep.stored} documents in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        for p in rep.problems:
            print(p, file=sys.stderr)
        out = io.StringIO()
        export(led.store, "eval", out)
        led.close()
        return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--topics", help="e.g. 1-5,9 (default: all)")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--keep", help="keep the ledger at this path")
    ap.add_argument("--out", help="also keep the eval export in this file")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    want = topics(a.topics)
    text = export_eval(subset(DATA / "input.jsonl", want, "id"), a.model, a.keep)
    with tempfile.TemporaryDirectory() as tmp:
        system, gold = Path(tmp) / "eval.jsonl", Path(tmp) / "gold.jsonl"
        system.write_text(text, encoding="utf-8")
        gold.write_text("\n".join(subset(DATA / "gold.jsonl", want, "doc_id")) + "\n", "utf-8")
        if a.out:
            Path(a.out).write_text(text, encoding="utf-8")
        cmd = [
            sys.executable,
            str(SHARED / "eval" / "coref.py"),
            "--gold",
            str(gold),
            "--system",
            str(system),
        ]
        cmd += [f"--min={m}" for m in a.min] + (["--json"] if a.json else [])
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
