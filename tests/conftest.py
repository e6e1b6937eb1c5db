"""Shared fixtures: the small English pipeline, loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
TEST_MODEL = os.environ.get("NEWSLEDGER_TEST_MODEL", "sm")


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp import load

    return load(TEST_MODEL)


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """analyse_text(text, published=None, name="t") -> Extraction, through every stage."""
    from newsledger.extract import run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.ingest.boilerplate import mask

    def run(text: str, published: str | None = None, name: str = "t"):
        art = make_article(
            text, name, fmt="jsonl", source="test", published=published, published_method="input"
        )
        return run_stages(nlp(mask(art.text, art.excluded)), Extraction(art))

    return run


@pytest.fixture
def db_path(tmp_path):
    return str(tmp_path / "ledger.db")
