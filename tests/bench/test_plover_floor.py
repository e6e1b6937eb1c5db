"""CI floors for the event coder, a little under what the md model reaches."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.mark.skipif(not (SHARED / "data" / "plover").exists(), reason="no shared PLOVER data")
def test_plover_type_accuracy_floor():
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "plover.py"),
            "--model",
            "md",
            "--min",
            "type_accuracy=0.83",
            "--min",
            "type_macro_f1=0.82",
            "--min",
            "source_match=0.82",
            "--min",
            "target_match=0.74",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_seed_event_floor(below):
    assert not below({"events.triples.f1": 0.70, "events.type_source.f1": 0.70})
