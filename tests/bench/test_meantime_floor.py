"""CI floor: TIMEX3 value F1 on MEANTIME (bench/meantime.py), a little under what is reached.

Reached (sm and md alike): extraction F1 0.917, value accuracy 0.897, value F1 0.822.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "meantime"


@pytest.mark.skipif(not CORPUS.exists(), reason="MEANTIME corpus not present")
def test_meantime_value_f1_floor():
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "meantime.py"),
            "--model",
            "sm",
            "--min",
            "value_f1=0.80",
            "--min",
            "f1=0.89",
            "--min",
            "value_accuracy=0.87",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
