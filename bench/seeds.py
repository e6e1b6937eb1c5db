"""Ingest the seed corpus with the code in this tree and score it (eval/score.py).

    python bench/seeds.py [--model md|sm] [--min quotes.e2e.f1=0.9 ...] [--json]

Prints the scorer's lines; with --min it exits 1 below a floor (used by CI tests).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def export_seeds(model: str, seeds: Path = SHARED / "corpus" / "seeds") -> str:
    from newsledger import Ledger
    from newsledger.export import export

    with tempfile.TemporaryDirectory() as tmp:
        led = Ledger(Path(tmp) / "seeds.db", model=model)
        rep = led.ingest([str(seeds)])
        for p in rep.problems:
            print(p, file=sys.stderr)
        out = io.StringIO()
        export(led.store, "eval", out)
        led.close()
        return out.getvalue()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", help="also keep the eval export in this file")
    a = ap.parse_args(argv)
    text = export_seeds(a.model)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(text)
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    cmd = [
        sys.executable,
        str(SHARED / "eval" / "score.py"),
        "--gold",
        str(SHARED / "eval" / "gold" / "seeds.jsonl"),
        "--system",
        f.name,
        "--docs",
        str(SHARED / "corpus" / "seeds"),
    ]
    cmd += [f"--min={m}" for m in a.min] + (["--json"] if a.json else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
