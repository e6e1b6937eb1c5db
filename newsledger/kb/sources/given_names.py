"""Given name -> gender, a compact table built from the ``nomquamgender`` package
(MIT, pinned in requirements/tools.in; read at build time only).

``python -m newsledger.kb.sources given-names [--src WHEEL_OR_JSON] [--out FILE]``
writes ``kb/data/given_names.tsv.gz``: one ``name<TAB>m|f`` line per given name
whose share of women or men among its bearers is at least ``MIN_SHARE`` over at
least ``MIN_COUNT`` counted bearers (ASCII letters only). Ambiguous names (Leslie,
Jordan, Raj) are left out: a headline's "Man" or "Woman" must not follow a guess.
Without ``--src`` the installed package's ``name_data.json`` is read.
"""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
OUT = DATA / "given_names.tsv.gz"
MIN_SHARE = 0.95
MIN_COUNT = 500
_MEMBER = "nomquamgender/name_data.json"


def read(src: Path | None = None) -> dict:
    """nomquamgender's name data: name -> [sources, counts, p(female), ...]."""
    if src is None:
        from importlib.resources import files

        return json.loads(files("nomquamgender").joinpath("name_data.json").read_text("utf-8"))
    if zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as z:
            return json.loads(z.read(_MEMBER).decode("utf-8"))
    return json.loads(Path(src).read_text("utf-8"))


def table(data: dict, min_share: float = MIN_SHARE, min_count: int = MIN_COUNT) -> dict[str, str]:
    """The names with a strong prior: name -> "f" or "m"."""
    out = {}
    for name, row in data.items():
        counts, p_female = row[1], row[2]
        if counts < min_count or not (name.isascii() and name.isalpha() and len(name) > 1):
            continue
        if p_female >= min_share:
            out[name.lower()] = "f"
        elif p_female <= 1 - min_share:
            out[name.lower()] = "m"
    return out


def build(src: Path | None = None, out: Path = OUT) -> int:
    rows = table(read(src))
    head = (
        f"# given name -> gender: nomquamgender 0.1.4 (MIT, LICENSE.nomquamgender), "
        f"share >= {MIN_SHARE} of >= {MIN_COUNT} bearers\n"
    )
    body = "".join(f"{n}\t{g}\n" for n, g in sorted(rows.items()))
    with gzip.GzipFile(out, "wb", mtime=0) as raw:  # mtime 0: the same input gives the same bytes
        raw.write((head + body).encode("utf-8"))
    return len(rows)
