"""CI floors on MEANTIME, a little under what is reached: TIMEX3 value F1 (bench/meantime.py)
and cross-document actors (bench/meantime_entities.py).

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


@pytest.mark.skipif(not CORPUS.exists(), reason="MEANTIME corpus not present")
def test_meantime_actor_coref_floor():
    """Cross-document actors on MEANTIME's named mentions (bench/meantime_entities.py, sm).

    Reached: actor CoNLL F1 0.839 with sm (0.840 with md; 0.814 before issue 13's
    second pass, unchanged by its third; exact-string baseline 0.829)."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "meantime_entities.py"),
            "--model",
            "sm",
            "--min",
            "actor.conll_f1=0.83",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
