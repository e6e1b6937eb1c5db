"""Mark boilerplate lines as excluded spans (never cut them out)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.records import ExcludedSpan


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    raw = resources.files("newsledger.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    return tuple((p["reason"], re.compile(p["pattern"], re.I)) for p in load_yaml(raw))


def _line_reason(line: str) -> str | None:
    for reason, pat in _patterns():
        if pat.fullmatch(line):
            return reason
    return None


def find_excluded(doc_id: str, text: str) -> tuple[ExcludedSpan, ...]:
    """One excluded span per boilerplate line, its offsets into ``text``."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            reason = _line_reason(stripped)
            if reason:
                start = pos + line.index(stripped)
                spans.append(ExcludedSpan(doc_id, start, start + len(stripped), stripped, reason))
        pos += len(line)
    return tuple(spans)


def mask(text: str, spans) -> str:
    """The text with excluded spans blanked to spaces: same length, same offsets."""
    if not spans:
        return text
    chars = list(text)
    for sp in spans:
        for i in range(sp.start, sp.end):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)
