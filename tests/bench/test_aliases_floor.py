"""CI floors for the actors issue, a little under what is reached (see docs/actors.md):
aliases right 0.412 / wrong 0.025; seeds (md) mentions F1 0.950, alias-merge F1 0.961.
(The Phoenix import no longer takes a country's states, rivers and cities or an agent
word as its spellings, so 438 of the 1,371 held-out lines are gone, most of them
unresolvable: the wrong answers fell from 26 to 23, their share rose over the
smaller set from 0.019 to 0.025.)

* bench/aliases.py: held-out Phoenix spellings resolved to their own actor,
  and the share resolved to a wrong one (no spaCy model needed).
* bench/seeds.py with the md model: entity mention F1 and alias-merge F1.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args):
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_alias_benchmark_floor():
    r = _run("bench/aliases.py", "--min", "right=0.40", "--max", "wrong=0.027")
    assert r.returncode == 0, r.stdout + r.stderr


def test_seed_entity_floor_md(below):
    assert not below({"entities.mentions.f1": 0.94, "entities.alias_merge.f1": 0.95})
