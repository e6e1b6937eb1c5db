"""Progress of a long ingest: a bar with articles/s and ETA on a terminal, a line
every so often in a log (a batch job's stderr is not a terminal, and a long ingest
that says nothing for an hour looks hung)."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsledger.errors import Problem

LOG_EVERY = 30.0  # seconds between progress lines when stderr is not a terminal


class RateColumn(ProgressColumn):
    """Articles per second over rich's recent window (blank until it has one)."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} articles/s" if task.speed else "", style="progress.data.speed")


class IngestProgress:
    """Counts every item read (stored, unchanged or skipped) against ``total``;
    ``tick`` is the ``on_item`` callback of ``Ledger.ingest``."""

    def __init__(self, console: Console, total: int | None, every: float = LOG_EVERY, clock=time.monotonic):
        self.console, self.total, self.every, self.clock = console, total, every, clock
        self.done = 0
        self.start = self.last_log = clock()
        self.bar = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.task = self.bar.add_task("", total=total)

    def __enter__(self):
        self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        return self.bar.__exit__(*exc)

    def tick(self, item) -> None:
        self.done += 1
        if isinstance(item, Problem):
            self.console.print(f"[red]skipped[/red] {item}", highlight=False)
        self.bar.update(task_id=self.task, advance=1, description=getattr(item, "name", "")[:40])
        if not self.console.is_terminal and self.clock() - self.last_log >= self.every:
            self.last_log = self.clock()
            self.console.print(self.line(), highlight=False)

    def line(self) -> str:
        """``ingest: 1200/20000 articles, 3.4/s, ETA 1:32:10`` (the log form)."""
        elapsed = max(self.clock() - self.start, 1e-9)
        rate = self.done / elapsed
        out = f"ingest: {self.done}" + (f"/{self.total}" if self.total else "") + f" articles, {rate:.1f}/s"
        if self.total and rate > 0:
            out += f", ETA {_hms(max(self.total - self.done, 0) / rate)}"
        return out


def _hms(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
