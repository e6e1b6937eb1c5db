"""The generator of cameo_verbs.yaml reads PETRARCH verb blocks."""

from __future__ import annotations

from newsledger.extract.events.build_lexicon import blocks

SAMPLE = """\
####### VERB PATTERNS #######
---  KILL   [190]  ---
KILL
SLAY {SLEW SLAIN SLAYING}   # a comment
- * CIVILIANS  [180]
CARRY_OUT

---  ACCELERATE   [---]  ---
HASTEN
"""


def test_block_defaults_only():
    assert blocks(SAMPLE) == {"kill": "190", "slay": "190"}
