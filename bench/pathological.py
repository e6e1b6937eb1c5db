"""Time and peak memory of one article by kind and size, each in a fresh process.

    python bench/pathological.py [--model sm|md] [--sizes 20000,2000000] [--kinds normal,quotes]

Kinds: normal (news-like sentences in paragraphs), quotes (a run of ``"``),
curly (alternating curly quotes), parens (a run of ``(``). Prints one JSON line
per run: seconds for the whole ingest (read, parse, stages, store) and the
child's peak RSS in MB. docs/performance.md keeps the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCE = (
    "The minister of {n} said on Monday that talks with the union would resume "
    "next week, according to a statement. "
)


def make(kind: str, size: int) -> str:
    if kind == "normal":
        para = "".join(SENTENCE.format(n=f"Region {i}") for i in range(6)) + "\n\n"
        return (para * (size // len(para) + 1))[:size]
    unit = {"quotes": '"', "curly": "\u201c\u201d", "parens": "("}[kind]
    return "Header line.\n\n" + (unit * size)[: size - 14]


def child(kind: str, size: int, model: str) -> None:
    from newsledger.ledger import Ledger

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, f"{kind}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(make(kind, size))
        led = Ledger(os.path.join(d, "l.db"), model=model)
        from newsledger.nlp.pipeline import load

        load(model)  # model load is not the article's time
        t0 = time.perf_counter()
        rep = led.ingest([path], max_bytes=10 * size + 1000, analyze=False)
        secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "kind": kind,
                "chars": size,
                "model": model,
                "seconds": round(secs, 2),
                "peak_rss_mb": round(rss),
                "stored": rep.stored,
                "partial": [p.code for p in rep.partial],
                "problems": [p.code for p in rep.problems],
            }
        ),
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="sm")
    ap.add_argument("--sizes", default="20000,200000,2000000")
    ap.add_argument("--kinds", default="normal,quotes,curly,parens")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], int(a.child[1]), a.child[2])
        return
    for size in map(int, a.sizes.split(",")):
        for kind in a.kinds.split(","):
            subprocess.run(
                [sys.executable, __file__, "--child", kind, str(size), a.model],
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": ROOT},
                check=False,
            )


if __name__ == "__main__":
    main()
