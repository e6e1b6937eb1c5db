"""Ingest throughput against bare spaCy on the same texts, in the same run.

    python bench/throughput.py [--model md|sm] [--workers N] [--words 200000]

The seeds are repeated (each copy made unique by a numbered last line, so the
ledger does not deduplicate them) until the corpus has about --words words.
Prints articles/s for bare ``nlp.pipe`` and for ``Ledger.ingest`` into a fresh
ledger, the time of the cross-report pass that ends an ingest (it works on
the whole ledger, so it is timed apart), the ratios (goal >= 0.8), and the
peak RSS of each phase. Times are wall time and CPU time (this process and
its children): on a shared machine the wall time of either phase moves with
whatever else runs, the CPU time much less.

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


class Clock:
    """Wall time and CPU time (this process and its finished children) of blocks;
    a Clock entered again adds to what it holds.

    On a shared machine the wall time of either phase moves with whatever else
    runs; CPU time somewhat less, so both are reported."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self.t, self.c = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self.t
        self.cpu += _cpu() - self.c
        return False


def _cpu() -> float:
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _bare_nlp(model: str):
    from newsledger.nlp.pipeline import MAX_LENGTH, _load_package

    nlp = _load_package(model)  # the model as shipped, without newsledger's components
    nlp.max_length = MAX_LENGTH
    return nlp


def bare_spacy(paths, model: str, workers: int, nlp=None, clock=None) -> Clock:
    from newsledger.nlp.process import BATCH_SIZE

    nlp = nlp or _bare_nlp(model)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    clock = clock or Clock()
    with clock:
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=workers):
            pass
    return clock


def ingest(paths, model: str, workers: int, led, overlap: bool = False, clock=None) -> Clock:
    clock = clock or Clock()
    with clock:
        rep = led.ingest([str(p) for p in paths], workers=workers, analyze=False, overlap=overlap)
    assert rep.stored == len(paths), rep
    return clock


# Not a text of the corpus (no stage cache may hold its sentences), but one that
# reaches every stage: a dateline, dates, a quote, a claim, events and places.
WARM_UP = (
    "Harbour talks stall as strike enters second week\n"
    "LISBON, March 3 (Reuters) - Dock workers in Portugal extended their strike on Tuesday, "
    "and the transport minister said on Monday that the government would not raise its offer. "
    '"We will meet the unions again next week," the minister told reporters in Lisbon. '
    "Police arrested two protesters near the port of Sines, officials said, "
    "and the union accused the company of hiring replacement crews last year.\n"
)


def warm_up(model: str, nlp) -> Clock:
    """Run both pipelines once on a text outside the corpus, untimed, and the
    stages once, timed apart: what they load on first use (lexicons, rule
    grammars, the knowledge base) is a one-time cost like the model's load,
    which neither timing counts either. Printed on its own line, and a ratio
    that counts it too."""
    from newsledger.extract import Extraction, run_stages
    from newsledger.ingest.readers import make_article
    from newsledger.nlp import load

    text = WARM_UP
    nlp(text)  # bare spaCy's lemmatizer cache gets the same words as ours
    doc = load(model)(text)
    with Clock() as clock:
        run_stages(doc, Extraction(make_article(text, "warm-up", fmt="text", source="warm-up"), doc))
    return clock


def run(paths, model: str, workers: int, db: Path, overlap: bool, chunk: int):
    """(bare, ingest, analysis, warm-up) clocks. With ``chunk``, bare spaCy and
    ingest take turns on chunks of the corpus, so that a burst of load from other
    jobs falls on both alike; the ledger grows the same either way."""
    from newsledger import Ledger

    led = Ledger(db, model=model)
    bare, ing, nlp = Clock(), Clock(), _bare_nlp(model)
    warm = warm_up(model, nlp)
    for k in range(0, len(paths), chunk or len(paths)):
        bare_spacy(paths[k : k + (chunk or len(paths))], model, workers, nlp, bare)
        if not chunk:
            break
        ingest(paths[k : k + chunk], model, workers, led, overlap, ing)
    if not chunk:
        ingest(paths, model, workers, led, overlap, ing)
    with Clock() as analysis:
        led.analyze()
    led.close()
    return bare, ing, analysis, warm


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument(
        "--overlap",
        action="store_true",
        help="with --workers 1, parse in a child while the main process extracts",
    )
    ap.add_argument(
        "--chunk",
        type=int,
        default=None,
        help="articles per turn of bare spaCy and ingest (default 64 with one "
        "process; 0: all of bare spaCy, then all of ingest)",
    )
    ap.add_argument(
        "--min",
        type=float,
        default=None,
        help="exit 1 when the CPU-time ratio with the cross-report pass is below",
    )
    a = ap.parse_args(argv)
    procs = a.workers + (a.workers == 1 and a.overlap)
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(Path(tmp), a.words)
        from newsledger.nlp import load

        load(a.model)  # model load is not part of either timing
        # Pools started per chunk would cost the multi-process runs: they go in two phases.
        chunk = a.chunk if a.chunk is not None else (64 if procs == 1 else 0)
        bare_p = bare_spacy(paths, a.model, procs) if procs != a.workers else None
        bare, ing, an, warm = run(paths, a.model, a.workers, Path(tmp) / "bench.db", a.overlap, chunk)
        rss_ing = peak_rss_mb()
        rss_child = peak_rss_mb(resource.RUSAGE_CHILDREN)
    n = len(paths)
    print(
        f"corpus: {n} articles, ~{a.words} words, model {a.model}, workers {a.workers}, "
        + (
            f"bare spaCy and ingest taking turns every {chunk} articles"
            if chunk
            else "bare spaCy first, then ingest"
        )
    )
    print(
        f"bare spaCy : {n / bare.wall:8.1f} articles/s  ({bare.wall:.1f} s, CPU {bare.cpu:.1f} s)"
        f"  n_process={a.workers}"
    )
    if bare_p is not None:
        print(
            f"bare spaCy : {n / bare_p.wall:8.1f} articles/s  ({bare_p.wall:.1f} s, CPU "
            f"{bare_p.cpu:.1f} s)  n_process={procs} (as many processes as ingest uses)"
        )
    print(
        f"ingest     : {n / ing.wall:8.1f} articles/s  ({ing.wall:.1f} s, CPU {ing.cpu:.1f} s)"
        f"  peak RSS {rss_ing:.0f} MB (both pipelines loaded)"
        f"{f', children {rss_child:.0f} MB' if procs > 1 else ''}"
        f"  (per-article pipeline and store; {procs} process{'es' if procs > 1 else ''},"
        f" {a.workers} parsing)"
    )
    print(
        f"analysis   : {an.wall:.1f} s, CPU {an.cpu:.1f} s for the whole ledger "
        "(cross-report pass, once per ingest)"
    )
    print(
        f"warm-up    : CPU {warm.cpu:.1f} s (the stages' data loaded on first use, once per process; "
        "not in the ingest times, as the model load is in neither)"
    )
    for what, b in (("wall", bare.wall), ("CPU ", bare.cpu)):
        i, x = (ing.wall, an.wall) if what == "wall" else (ing.cpu, an.cpu)
        print(
            f"ratio {what} : {b / i:.2f} x bare spaCy without the cross-report pass, "
            f"{b / (i + x):.2f} with it (goal >= 0.80; {a.workers} parsing worker(s))"
        )
    with_warm = (bare.cpu / (ing.cpu + warm.cpu), bare.cpu / (ing.cpu + an.cpu + warm.cpu))
    print(
        f"ratio CPU  : {with_warm[0]:.2f} / {with_warm[1]:.2f} counting the warm-up in the ingest "
        "(without / with the cross-report pass)"
    )
    if bare_p is not None:
        print(
            f"ratio wall : {bare_p.wall / (ing.wall + an.wall):.2f} x bare spaCy with {procs} "
            "processes, with the cross-report pass (same number of processes)"
        )
    if a.min is not None and bare.cpu / (ing.cpu + an.cpu) < a.min:
        print(f"below the floor: CPU ratio {bare.cpu / (ing.cpu + an.cpu):.2f} < {a.min}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
