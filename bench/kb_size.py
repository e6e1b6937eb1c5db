"""Knowledge-base size by source and type, and the CPU time of loading it.

    python bench/kb_size.py [--runs 3]

Each run loads the KB in a fresh process (``newsledger.kb.base.default()``,
what the ruler and the resolver use) and reports the CPU time of the import
and of the load; wall time moves with whatever else runs on the machine.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_TIMER = """
import time
t0 = time.process_time()
from newsledger.kb import base
t1 = time.process_time()
kb = base.default()
t2 = time.process_time()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""


def sizes() -> collections.Counter:
    from newsledger.kb import base

    kb = base.default()
    counts: collections.Counter = collections.Counter()
    for a in kb.actors.values():
        src = a.attrs.get("sources", "").split(",")[0] if a.source == "sources" else a.source
        counts[(src, a.type)] += 1
    return counts


def load_times(runs: int) -> list[tuple[float, float]]:
    out = []
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-c", _TIMER],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
            check=True,
        )
        imp, load = res.stdout.split()
        out.append((float(imp), float(load)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    counts = sizes()
    by_source: collections.Counter = collections.Counter()
    for (src, typ), n in sorted(counts.items()):
        by_source[src] += n
        print(f"{src:24} {typ:14} {n:7}")
    for src, n in by_source.most_common():
        print(f"total {src:18} {n:7}")
    print(f"total {'':18} {sum(counts.values()):7}")
    times = load_times(args.runs)
    best = min(times, key=lambda t: t[1])
    print(f"load CPU s (best of {args.runs}): import {best[0]:.2f} load {best[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
