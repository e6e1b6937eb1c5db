"""Ray runner scaling: bare spaCy, in-process analyse, and analyse_ray with 1..N actors.

    python bench/ray_scaling.py [--model md|sm] [--words 50000] [--actors 1,2] [--address local]

The seeds are repeated (each copy made unique by a numbered last line) until the
corpus has about --words words. For each Ray pool size it prints articles/s end
to end (actors start and load the model inside the timing) and after the first
batch came back (steady state: start-up and the first batch excluded), and the
ratio to bare single-process spaCy. Ray itself is started once, outside every timing. On a
2-core machine shared with other work, 2 actors cannot double anything: read
the numbers with the core count printed on the first line.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BATCH = 16  # articles per Ray call: small enough that 2 actors share a 50k-word corpus


def corpus(words: int):
    from newsledger.ingest import make_article

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    arts, total, i = [], 0, 0
    while total < words:
        text = texts[i % len(texts)] + f"\nCopy {i}.\n"
        arts.append(make_article(text, f"copy_{i:05d}", fmt="txt", source=f"copy_{i:05d}.txt"))
        total += len(text.split())
        i += 1
    return arts


def bare_spacy(arts, model: str) -> float:
    from newsledger.nlp.pipeline import MAX_LENGTH, _load_package

    nlp = _load_package(model)  # the model as shipped, without newsledger's components
    nlp.max_length = MAX_LENGTH
    texts = [a.text for a in arts]
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t


def in_process(arts, model: str) -> tuple[float, list]:
    from newsledger.errors import Problem
    from newsledger.nlp import load
    from newsledger.nlp.process import analyse

    load(model)
    t = time.perf_counter()
    out = list(analyse(arts, model))
    dt = time.perf_counter() - t
    assert not any(isinstance(r, Problem) for _, r in out)
    return dt, out


def driver_writes(results, model: str) -> float:
    """Seconds the driver spends writing these results to SQLite: with Ray, the
    one part that does not scale with the actors."""
    from newsledger.extract import pipeline_version
    from newsledger.store import Store

    version = pipeline_version(model)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "w.db")
        t = time.perf_counter()
        for article, ex in results:
            store.write(article, ex, model=model, pipeline_version=version)
        dt = time.perf_counter() - t
        store.close()
    return dt


def on_ray(arts, model: str, actors: int, address: str) -> tuple[float, float]:
    """(seconds to the first result, seconds for all): the first result waits for
    the actors to start, load the model and finish one batch."""
    from newsledger.errors import Problem
    from newsledger.nlp.distributed import analyse_ray

    t = time.perf_counter()
    first, n = None, 0
    for _, r in analyse_ray(arts, model, address=address, actors=actors, batch_size=BATCH):
        assert not isinstance(r, Problem), r
        first = first or time.perf_counter() - t
        n += 1
    assert n == len(arts)
    return first, time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--actors", default="1,2", help="comma-separated pool sizes")
    ap.add_argument("--address", default="local", help="local, auto or ray://host:port")
    a = ap.parse_args(argv)
    sizes = [int(x) for x in a.actors.split(",")]
    import ray

    from newsledger.nlp import distributed

    arts = corpus(a.words)
    n = len(arts)
    print(
        f"corpus: {n} articles, ~{a.words} words, model {a.model}, "
        f"{os.cpu_count()} cores on this machine, load average {os.getloadavg()[0]:.1f}"
    )
    t_bare = bare_spacy(arts, a.model)
    print(f"bare spaCy (1 process)   : {n / t_bare:7.1f} articles/s  ({t_bare:.1f} s)")
    t_in, results = in_process(arts, a.model)
    print(f"analyse (in process)     : {n / t_in:7.1f} articles/s  ({t_in:.1f} s)  ratio {t_bare / t_in:.2f}")
    t_w = driver_writes(results, a.model)
    print(
        f"SQLite writes (driver)   : {n / t_w:7.1f} articles/s  ({t_w:.1f} s): the single "
        f"writer keeps up with ~{t_in / t_w:.0f} actors like this process"
    )
    t = time.perf_counter()
    distributed._connect(ray, a.address, max(sizes))
    print(f"ray start/join           : {time.perf_counter() - t:.1f} s (once, not in the timings)")
    try:
        for k in sizes:
            t_first, t_all = on_ray(arts, a.model, k, a.address)
            line = (
                f"analyse_ray, {k} actor(s)  : {n / t_all:7.1f} articles/s end to end "
                f"({t_all:.1f} s, ratio {t_bare / t_all:.2f}); "
                f"first batch after {t_first:.1f} s"
            )
            if n > BATCH * k:  # else every batch started at once: no steady state
                steady = (n - BATCH) / max(t_all - t_first, 1e-9)
                line += f", then {steady:7.1f} articles/s (ratio {steady * t_bare / n:.2f})"
            print(line)
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
