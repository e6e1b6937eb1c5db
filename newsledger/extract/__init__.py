"""Extraction stages: each a function (Doc, Extraction) -> records.

A stage is a module in this package that defines ``NAME``, ``VERSION``,
``ORDER`` and ``extract(doc, ex)``. Stages run by ascending ``ORDER``; a later
stage reads what earlier ones added (quotes read entity mentions and dates,
events read all three). The pipeline version stored with every article is
derived from the stages' names and versions, so ``--reprocess`` knows what
is stale.

Orders in use: entities 10, time 20, quotes 30, events 40, claims 50.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from functools import lru_cache

from newsledger import __version__
from newsledger.extract.base import Extraction


@lru_cache(maxsize=1)
def stage_modules() -> tuple:
    mods = []
    for info in pkgutil.iter_modules(__path__):
        mod = importlib.import_module(f"{__name__}.{info.name}")
        if all(hasattr(mod, a) for a in ("NAME", "VERSION", "ORDER", "extract")):
            mods.append(mod)
    return tuple(sorted(mods, key=lambda m: m.ORDER))


def pipeline_version(model_name: str) -> str:
    parts = [__version__, model_name] + [f"{m.NAME}@{m.VERSION}" for m in stage_modules()]
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]
    return f"{__version__}+{digest}"


def run_stages(doc, ex: Extraction) -> Extraction:
    for mod in stage_modules():
        ex.add(mod.extract(doc, ex))
        ex.versions[mod.NAME] = mod.VERSION
    return ex


__all__ = ["Extraction", "pipeline_version", "run_stages", "stage_modules"]
