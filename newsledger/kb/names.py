"""Name folding: one key for the spellings of a name that differ only in form."""
from __future__ import annotations

import re
import unicodedata

# Apostrophes, ayn and hamza marks that transliterations add or drop.
_MARKS = "'’‘`ʼʿʾ\"“”"
_ARTICLES = {"al", "el", "the", "ul"}


def fold(name: str | None) -> str:
    """Case-, accent-, mark-, hyphen- and article-insensitive key of a name."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.translate({ord(c): None for c in _MARKS})
    s = re.sub(r"[-_./,()]", " ", s)
    s = re.sub(r"^(?:the )", "", s.strip())
    return " ".join(t for t in s.split() if t not in _ARTICLES)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_") or "x"
