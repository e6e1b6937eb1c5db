"""Load rule data (cue lexicons, pattern tables) kept as files beside the code."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> frozenset[str]:
    """A data/<name>.txt list: one entry per line, '#' comments ignored."""
    raw = resources.files("newsledger.extract").joinpath(f"data/{name}.txt").read_text("utf-8")
    return frozenset(line.split("#")[0].strip() for line in raw.splitlines() if line.split("#")[0].strip())
