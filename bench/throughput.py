"""Ingest throughput against bare spaCy on the same texts, in the same run.

    python bench/throughput.py [--model md|sm] [--workers N] [--words 200000]

The seeds are repeated (each copy made unique by a numbered last line, so the
ledger does not deduplicate them) until the corpus has about --words words.
Prints articles/s for bare ``nlp.pipe`` and for ``Ledger.ingest`` into a fresh
ledger, the time of the cross-report pass that ends an ingest (it works on
the whole ledger, so it is timed apart), the ratios (goal >= 0.8), and the
peak RSS of each phase.

What is compared: ingest with ``--workers N`` runs N spaCy processes, as bare
``nlp.pipe(n_process=N)`` does (the goal's baseline). With ``--overlap`` and
N = 1 the stages and the store run in the main process while one child
parses (newsledger/nlp/process.py), so ingest uses two processes; bare spaCy
is then also timed with two, and both ratios are printed.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def corpus(folder: Path, words: int) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths, total, i = [], 0, 0
    while total < words:
        text = texts[i % len(texts)] + f"\nCopy {i}.\n"
        p = folder / f"copy_{i:05d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
        total += len(text.split())
        i += 1
    return paths


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bare_spacy(paths, model: str, workers: int) -> float:
    from newsledger.nlp.pipeline import MAX_LENGTH, _load_package
    from newsledger.nlp.process import BATCH_SIZE
    nlp = _load_package(model)      # the model as shipped, without newsledger's components
    nlp.max_length = MAX_LENGTH
    texts = [p.read_text(encoding="utf-8") for p in paths]
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
        pass
    return time.perf_counter() - t


def ingest(paths, model: str, workers: int, db: Path, overlap: bool = False) -> float:
    from newsledger import Ledger
    led = Ledger(db, model=model)
    t = time.perf_counter()
    rep = led.ingest([str(p) for p in paths], workers=workers, analyze=False, overlap=overlap)
    dt = time.perf_counter() - t
    assert rep.stored == len(paths), rep
    t = time.perf_counter()
    led.analyze()
    dt_analyze = time.perf_counter() - t
    led.close()
    return dt, dt_analyze


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--overlap", action="store_true",
                    help="with --workers 1, parse in a child while the main process extracts")
    a = ap.parse_args(argv)
    procs = a.workers + (a.workers == 1 and a.overlap)
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(Path(tmp), a.words)
        from newsledger.nlp import load
        load(a.model)                       # model load is not part of either timing
        t_bare = bare_spacy(paths, a.model, a.workers)
        rss_bare = peak_rss_mb()
        t_bare_p = bare_spacy(paths, a.model, procs) if procs != a.workers else None
        rss_children = peak_rss_mb(resource.RUSAGE_CHILDREN)
        t_ing, t_an = ingest(paths, a.model, a.workers, Path(tmp) / "bench.db", a.overlap)
        rss_ing = peak_rss_mb()
        rss_ing_child = peak_rss_mb(resource.RUSAGE_CHILDREN)
    n = len(paths)
    print(f"corpus: {n} articles, ~{a.words} words, model {a.model}, workers {a.workers}")
    print(f"bare spaCy : {n / t_bare:8.1f} articles/s  ({t_bare:.1f} s)  n_process={a.workers}"
          f"  peak RSS {rss_bare:.0f} MB")
    if t_bare_p is not None:
        print(f"bare spaCy : {n / t_bare_p:8.1f} articles/s  ({t_bare_p:.1f} s)  n_process={procs}"
              f"  (as many processes as ingest uses; children's peak RSS {rss_children:.0f} MB)")
    print(f"ingest     : {n / t_ing:8.1f} articles/s  ({t_ing:.1f} s)  peak RSS {rss_ing:.0f} MB"
          f" (+ largest child {rss_ing_child:.0f} MB)  (per-article pipeline and store;"
          f" {procs} process{'es' if procs > 1 else ''}, {a.workers} parsing)")
    print(f"analysis   : {t_an:.1f} s for the whole ledger (cross-report pass, once per ingest)")
    print(f"ratio      : {t_bare / t_ing:.2f} x bare spaCy without the cross-report pass, "
          f"{t_bare / (t_ing + t_an):.2f} with it (goal >= 0.80; same number of parsing workers)")
    if t_bare_p is not None:
        print(f"ratio      : {t_bare_p / t_ing:.2f} x bare spaCy with {procs} processes without the "
              f"cross-report pass, {t_bare_p / (t_ing + t_an):.2f} with it (same number of processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
