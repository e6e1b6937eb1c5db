"""How many articles a second the single SQLite writer on the driver can store.

usage: python bench/driver_store.py [--articles 2000] [--base LEDGER.db] [--model md]

With Ray, workers parse and extract; the driver only stores what comes back, one
transaction per article (``Ledger._write``: records, the analysts' decisions, the
possible links). This bench takes the driver's side alone, with the workers
simulated as infinitely fast producers: the seeds are parsed once, then their
extraction results are written again and again as distinct articles (new ids and
doc_ids, the records unchanged), into an empty ledger and, with ``--base``, into a
copy of a large one (e.g. from ``bench/synth.py``), so that the cost of a growing
ledger shows. Prints articles/s and the records/s they carry; the cross-report
pass is not included (see ``bench/scale.py``).
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def extracted(model: str) -> list:
    """(article, extraction) of every seed, parsed once."""
    from newsledger.ingest import read_paths
    from newsledger.nlp.process import analyse

    arts = [a for a in read_paths(sorted(glob.glob(str(SEEDS / "*")))) if not hasattr(a, "code")]
    return [(a, r) for a, r in analyse(arts, model) if not hasattr(r, "code")]


def _renamed(rec, doc_id: str):
    return dataclasses.replace(rec, doc_id=doc_id) if hasattr(rec, "doc_id") else rec


def copies(pairs: list, n: int) -> list:
    """``n`` distinct articles made from the parsed ones, prepared before timing."""
    out = []
    for i in range(n):
        art, ex = pairs[i % len(pairs)]
        new_id = hashlib.sha256(f"{art.id}:{i}".encode()).hexdigest()[:16]
        ex2 = dataclasses.replace(ex)
        for field in ("mentions", "timexes", "quotes", "events", "claims"):
            setattr(ex2, field, [_renamed(r, new_id) for r in getattr(ex, field)])
        excluded = tuple(_renamed(sp, new_id) for sp in art.excluded)
        out.append((dataclasses.replace(art, id=new_id, name=f"{art.name}-{i}", excluded=excluded), ex2))
    return out


def records_of(ex) -> int:
    return sum(len(getattr(ex, f)) for f in ("mentions", "timexes", "quotes", "events", "claims"))


def run(db_path: str, items: list, model: str) -> dict:
    from newsledger import Ledger

    led = Ledger(db_path, model=model)
    t0, c0 = time.perf_counter(), time.process_time()
    for art, ex in items:
        led._write(art, ex)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    n, recs = len(items), sum(records_of(ex) for _, ex in items)
    led.close()
    return {
        "articles": n,
        "articles_per_s": round(n / wall, 1),
        "records_per_s": round(recs / wall),
        "cpu_share": round(cpu / wall, 2),
        "ms_per_article": round(1000 * wall / n, 2),
        # on a shared machine wall time waits for a core: CPU time is the driver's own cost
        "cpu_ms_per_article": round(1000 * cpu / n, 2),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--base", help="a large ledger to write into (copied first)")
    ap.add_argument("--model", default="md")
    ap.add_argument("--profile", action="store_true", help="print where the empty run spends its time")
    args = ap.parse_args(argv)
    items = copies(extracted(args.model), args.articles)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            import cProfile
            import pstats

            with cProfile.Profile() as prof:
                out["empty"] = run(f"{tmp}/empty.db", items, args.model)
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
        else:
            out["empty"] = run(f"{tmp}/empty.db", items, args.model)
        if args.base:
            shutil.copy(args.base, f"{tmp}/base.db")
            out["base"] = run(f"{tmp}/base.db", items, args.model)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
