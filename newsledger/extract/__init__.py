"""Extraction stages: each a function (Doc, Extraction) -> records.

Stages run in the order of ``STAGES``; a later stage reads what earlier ones
added (quotes read entity mentions and dates, events read all three). Each
stage module has ``NAME`` and ``VERSION``; the pipeline version stored with
every article is derived from them, so ``--reprocess`` knows what is stale.
"""
from __future__ import annotations

import hashlib
import importlib

from newsledger import __version__
from newsledger.extract.base import Extraction

# Module paths of the stages, in run order.
STAGES: list[str] = [
    "newsledger.extract.entities",
    "newsledger.extract.quotes",
]


def stage_modules():
    return [importlib.import_module(m) for m in STAGES]


def pipeline_version(model_name: str) -> str:
    parts = [__version__, model_name] + [f"{m.NAME}@{m.VERSION}" for m in stage_modules()]
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:10]
    return f"{__version__}+{digest}"


def run_stages(doc, ex: Extraction) -> Extraction:
    for mod in stage_modules():
        ex.add(mod.extract(doc, ex))
        ex.versions[mod.NAME] = mod.VERSION
    return ex


__all__ = ["Extraction", "STAGES", "pipeline_version", "run_stages"]
