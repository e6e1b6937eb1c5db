"""Article metadata found in plain text: the title line and the outlet's name."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml

# A title is a short line that does not read as a sentence of the body.
TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
_SENTENCE_END = (".", ",", ";", "!", "?")
# "Shafaq News / The Secretary-General ..." : an outlet named before a slash.
_SLASH_DATELINE = re.compile(r"^\s*([A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4}) / ")


@lru_cache(maxsize=1)
def _outlet_data() -> dict:
    raw = resources.files("newsledger.ingest").joinpath("data/outlets.yaml").read_text("utf-8")
    return load_yaml(raw)


def looks_like_title(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > TITLE_MAX_CHARS or len(s.split()) > TITLE_MAX_WORDS:
        return False
    return not s.endswith(_SENTENCE_END)


def split_title(line: str) -> tuple[str, list[str]]:
    """Headline and the trailing site segments: 'H – Site – English' -> ('H', ['Site', 'English'])."""
    title = line.strip()
    tail: list[str] = []
    for sep in _outlet_data()["title_separators"]:
        parts = title.split(sep)
        # Only short trailing parts are site tags; a long one is part of the headline.
        while len(parts) > 1 and len(parts[-1].split()) <= 4 and parts[-1].strip():
            tail.insert(0, parts.pop().strip())
        title = sep.join(parts)
    return title.strip(), tail


def outlet_from_segments(segments: list[str]) -> str | None:
    generic = set(_outlet_data()["generic_segments"])
    for seg in segments:
        if seg.lower() not in generic:
            return seg
    return None


def outlet_from_body(text: str) -> str | None:
    """An outlet credited at the start of a paragraph: 'Shafaq News / ...'."""
    for line in text.splitlines()[:6]:
        m = _SLASH_DATELINE.match(line)
        if m:
            return m.group(1)
    return None


def text_title(text: str) -> tuple[str | None, int | None, str | None]:
    """(title, its offset, outlet from its site tag) for a plain-text article."""
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip():
            rest = "".join(lines[i + 1 :]).strip()
            if not rest or not looks_like_title(line):
                return None, None, None
            title, tail = split_title(line)
            return title, pos + line.index(line.strip()), outlet_from_segments(tail)
        pos += len(line)
    return None, None, None
