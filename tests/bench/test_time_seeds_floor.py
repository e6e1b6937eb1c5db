"""CI floor: the seed scorer's timex and publication-date lines (md model).

Reached: timexes.extraction.f1 1.0, timexes.e2e.f1 0.567, timexes.value_accuracy
0.567, published.accuracy 0.2 (1 of 5: the publication inference no longer
takes deadlines as its focus, see docs/time.md).
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
         "--min", "timexes.extraction.f1=0.95", "--min", "timexes.e2e.f1=0.55",
         "--min", "timexes.value_accuracy=0.55", "--min", "published.accuracy=0.2"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
