"""CI floor: the seed scorer's timex and publication-date lines (md model).

Reached: timexes.e2e.f1 0.933, timexes.value_accuracy 0.933, published.accuracy 0.8.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


@pytest.mark.skipif(not SEEDS.exists(), reason="seed corpus not present")
def test_seed_time_floor():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "seeds.py"), "--model", "md",
         "--min", "timexes.e2e.f1=0.9", "--min", "timexes.value_accuracy=0.9",
         "--min", "published.accuracy=0.8"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
