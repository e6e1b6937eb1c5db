"""One md-model run of the seed scorer, shared by every floor test that reads it.

Each floor used to run bench/seeds.py itself (a model load and a full ingest
per test); the scores do not depend on which test asks, so they are computed
once per session.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seed_scores() -> dict:
    """The scorer's result (score.py --json) on this tree's export of the seeds, md model."""
    if not SEEDS.is_dir():
        pytest.skip("needs ../shared/corpus/seeds")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "seeds.py"), "--model", "md", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def below(seed_scores):
    """below({"quotes.e2e.f1": 0.93, ...}) -> the scores under their floor (empty: all met)."""

    def check(floors: dict[str, float]) -> dict[str, float]:
        got = {}
        for key, floor in floors.items():
            val = seed_scores
            for part in key.split("."):
                val = val[part]
            if val < floor:
                got[key] = val
        return got

    return check
