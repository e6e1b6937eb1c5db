"""Small multi-article ledgers for the cross-report tests (sm model).

Not a conftest.py: a second conftest module would shadow tests/conftest.py
for modules that import from it. Test modules import the fixture from here.
"""

from __future__ import annotations

import json
import os

import pytest

TEST_MODEL = os.environ.get("NEWSLEDGER_TEST_MODEL", "sm")


@pytest.fixture
def ledger_of(tmp_path):
    """ledger_of([(id, outlet, published, text), ...]) -> an ingested Ledger."""
    from newsledger import Ledger

    opened = []

    def make(articles):
        src = tmp_path / f"in{len(opened)}.jsonl"
        src.write_text(
            "\n".join(
                json.dumps({"id": i, "outlet": o, "published": p, "text": t}) for i, o, p, t in articles
            )
            + "\n",
            encoding="utf-8",
        )
        led = Ledger(tmp_path / f"l{len(opened)}.db", model=TEST_MODEL)
        rep = led.ingest([str(src)])
        assert rep.ok, rep.problems
        opened.append(led)
        return led

    yield make
    for led in opened:
        led.close()
