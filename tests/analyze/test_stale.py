"""The cross-report pass is redone after a kill or --no-analyze, even when nothing is new."""

from __future__ import annotations

import pytest

from newsledger.analyze import stance
from newsledger.ingest import make_article
from newsledger.ledger import Ledger
from tests.conftest import TEST_MODEL

TEXTS = [
    "The mayor of Lisbon, Carlos Moedas, said on Monday that the port strike had ended.",
    "Carlos Moedas, the mayor of Lisbon, said on Monday the port strike was over.",
]


def articles():
    return [
        make_article(t, f"a{i}", fmt="jsonl", source="test", published="2024-03-05")
        for i, t in enumerate(TEXTS)
    ]


@pytest.fixture
def led(tmp_path):
    led = Ledger(str(tmp_path / "l.db"), model=TEST_MODEL)
    yield led
    led.close()


def stories(led) -> int:
    return led.store.query("SELECT COUNT(*) AS n FROM story_docs")[0]["n"]


def test_no_analyze_leaves_it_stale_and_the_next_ingest_of_nothing_new_catches_up(led):
    led.ingest_items(articles(), analyze=False)
    assert led.analysis_stale() and stories(led) == 0
    rep = led.ingest_items(articles())
    assert (rep.stored, rep.unchanged) == (0, 2)
    assert not led.analysis_stale() and stories(led) == 2


def test_a_pass_killed_half_way_is_redone(led, monkeypatch):
    def killed(store, *args):
        raise KeyboardInterrupt("killed during the cross-report pass")

    monkeypatch.setattr(stance, "refresh", killed)
    with pytest.raises(KeyboardInterrupt):
        led.ingest_items(articles())
    assert led.store.query("SELECT COUNT(*) AS n FROM documents")[0]["n"] == 2
    assert led.analysis_stale() and stories(led) == 0
    monkeypatch.undo()
    led.ingest_items(articles())
    assert not led.analysis_stale() and stories(led) == 2
