"""The built knowledge base kept on disk between processes.

Building it folds every name of ~37k actors (seconds of CPU); every process that
resolves actors (the CLI, each ingest worker, the server) would pay that at
start-up. The built KB is pickled once under the user's cache folder, keyed by a
hash of everything it is built from: the kb package's code and data files, the
user KB files named, the flags and the Python version. Any change to those makes
a new key, so a stale KB is never read. The cache is the user's own folder
(``$NEWSLEDGER_CACHE``, else ``$XDG_CACHE_HOME/newsledger``, else
``~/.cache/newsledger``), as trusted as the code; where it cannot be written the
KB is simply built each time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ENV_CACHE = "NEWSLEDGER_CACHE"
_KB_DIR = Path(__file__).resolve().parent


def folder() -> Path | None:
    """Where built data is kept; None when caching is turned off (``$NEWSLEDGER_CACHE=off``)."""
    given = os.environ.get(ENV_CACHE)
    if given == "off":
        return None
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsledger"


def fingerprint(*parts, files: list[str] = ()) -> str:
    """A hash of the kb package's code and data, the given files' contents and ``parts``."""
    h = hashlib.sha256(repr((sys.version_info[:2], parts)).encode())
    own = sorted(p for p in _KB_DIR.rglob("*") if p.is_file() and p.suffix != ".pyc")
    for p in own + [Path(f) for f in files]:
        h.update(str(p.relative_to(_KB_DIR) if p.is_relative_to(_KB_DIR) else p).encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")  # build() will report it
    return h.hexdigest()[:24]


def cached(name: str, key: str, build: Callable[[], object]):
    """``build()``'s result, read from the cache when one was stored under ``key``."""
    where = folder()
    path = where / f"{name}-{key}.pickle" if where else None
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # damaged or from other code: rebuild and replace it
    value = build()
    if path is not None:
        _store(path, value)
    return value


KEEP = 8  # built variants kept per name (flags and user files differ between runs)


def _store(path: Path, value) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one
        tmp = None
        name = path.name.rsplit("-", 1)[0]
        old = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
