"""IngestProgress: the log lines a long ingest prints when stderr is not a terminal."""

import io

from rich.console import Console

from newsledger.cli.progress import IngestProgress
from newsledger.errors import Problem
from newsledger.records import Article


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def _progress(total, every=30.0):
    out, clock = io.StringIO(), Clock()
    console = Console(file=out, force_terminal=False, width=200)
    return IngestProgress(console, total, every=every, clock=clock), out, clock


def test_log_line_with_rate_and_eta():
    prog, out, clock = _progress(total=100)
    with prog:
        for _ in range(10):
            clock.t += 2.0  # 0.5 articles/s
            prog.tick(Article(id="a", text="x", name="doc"))
    # nothing before 30 s have passed (the 10th article came at 20 s)
    assert out.getvalue() == ""
    clock.t += 10.0
    prog.tick(Article(id="b", text="y", name="doc2"))
    # 11 articles in 30 s: 89 left at 0.367/s
    assert out.getvalue().strip() == "ingest: 11/100 articles, 0.4/s, ETA 0:04:03"


def test_problems_are_counted_and_printed():
    prog, out, clock = _progress(total=None, every=1.0)
    with prog:
        clock.t += 4.0
        prog.tick(Problem("feed.jsonl", 3, "NL-INGEST-JSONL", "not JSON"))
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("skipped feed.jsonl")
    assert lines[1] == "ingest: 1 articles, 0.2/s"  # no total: no ETA
