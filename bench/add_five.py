"""Adding a few articles to a ledger of ~900 real articles vs to an empty ledger.

    python bench/add_five.py [--model md] [--base /tmp/i3_real.db] [--new seeds|ecb] [--runs 3]
                             [--blocks ledger]

The base ledger (built once, kept at ``--base``): MEANTIME's 120 Wikinews articles (dated
by their creation time) then ECB+ (``../shared/data/ecbplus/input.jsonl``, undated), less
its last five. The new articles: the five seeds (dated 2021-2022) or those five ECB+
articles (undated: they land in the undated block of the last ECB+ articles stored).
Each run copies the base and times ingest + cross-report pass of the new articles into the
copy and into an empty ledger (model loaded and warmed up first, the two in turns); the
issue's goal is a ratio (base / empty) of at most 1.5.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "ecbplus" / "input.jsonl"


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def corpora() -> tuple[list[dict], list[dict]]:
    """(base articles, the five held-out ECB+ articles)."""
    from meantime import CORPUS, read_doc

    mt = [read_doc(p) for p in sorted(CORPUS.glob("*/*.xml"))]
    base = [{"id": f"mt_{d.name}", "text": d.text, "published": d.dct} for d in mt]
    ecb = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
    return base + ecb[:-5], ecb[-5:]


def build(base: Path, model: str, tmp: Path) -> None:
    from newsledger import Ledger

    arts, _ = corpora()
    t0 = time.perf_counter()
    led = Ledger(str(base), model=model)
    rep = led.ingest([_write(tmp / "base.jsonl", arts)])
    led.close()
    print(f"base: {rep.stored} articles in {time.perf_counter() - t0:.0f} s -> {base}", file=sys.stderr)


def timed(db: str, new: str, model: str, blocks: str | None = None) -> tuple[float, float]:
    """(seconds of ingest without the pass, seconds of the pass) of ``new`` into ``db``."""
    from newsledger import Ledger

    led = Ledger(db, model=model)
    if blocks:  # another cut: the ledger is analysed with it first (not timed)
        led.analyze(blocks=blocks)
    t0 = time.perf_counter()
    rep = led.ingest([new], analyze=False)
    t1 = time.perf_counter()
    led.analyze()
    t2 = time.perf_counter()
    assert rep.stored == 5, rep
    led.close()
    return t1 - t0, t2 - t1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--base", default="/tmp/i3_real.db")
    ap.add_argument("--new", choices=["seeds", "ecb"], default="seeds")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--blocks", help="cut both ledgers this way first (e.g. 'ledger', the old default)")
    a = ap.parse_args(argv)
    from newsledger import Ledger
    from newsledger.nlp import load

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = Path(a.base)
        if not base.exists():
            build(base, a.model, tmp)
        if a.new == "seeds":
            new = str(SHARED / "corpus" / "seeds")
        else:
            new = _write(tmp / "new.jsonl", corpora()[1])
        load(a.model)
        warm = Ledger(str(tmp / "warm.db"), model=a.model)  # first-article loading, not timed
        warm.ingest([new])
        warm.close()
        full, empty = [], []
        for k in range(a.runs):
            shutil.copy(base, tmp / f"b{k}.db")
            full.append(timed(str(tmp / f"b{k}.db"), new, a.model, a.blocks))
            empty.append(timed(str(tmp / f"e{k}.db"), new, a.model, a.blocks))
    med = {
        name: [round(statistics.median(x[i] for x in runs), 3) for i in (0, 1)]
        for name, runs in (("base", full), ("empty", empty))
    }
    total = {name: sum(v) for name, v in med.items()}
    out = {
        "new": a.new,
        "model": a.model,
        "base_ingest_s, base_pass_s": med["base"],
        "empty_ingest_s, empty_pass_s": med["empty"],
        "ratio": round(total["base"] / total["empty"], 2),
    }
    print(json.dumps(out) if a.json else "\n".join(f"{k}: {v}" for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
