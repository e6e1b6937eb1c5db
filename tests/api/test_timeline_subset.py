"""The API's timeline of an actor or a story, built from their records only, equals the
timeline built from the whole ledger (analyze.timeline.build)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "analyze"))
from analysis_fixtures import ledger_of  # noqa: E402,F401  (fixture)

from newsledger.api.timeline import timeline  # noqa: E402

ARTICLES = [
    (
        "a",
        "Daily A",
        "2019-03-10",
        "Militias attacked the occupation forces. On March 3, 2019, the Ruritanian parliament "
        'approved a resolution on elections. Governor Anton Brekke said that "the vote is fair".',
    ),
    (
        "b",
        "Daily B",
        "2019-03-12",
        "The vote took place on March 5, 2019. It came two days after the assassination of "
        "Governor Anton Brekke. US forces stayed in their bases. Police arrested Maria Lund in Oslo.",
    ),
    (
        "c",
        "Daily C",
        "2019-04-01",
        'Maria Lund said on Monday that "the arrest was unlawful". Police in Oslo arrested two '
        "protesters. Anton Brekke was buried on March 9, 2019.",
    ),
]


def test_the_timeline_of_an_actor_or_story_is_that_of_the_whole_ledger(ledger_of):
    led = ledger_of(ARTICLES)
    for name in ("Anton Brekke", "Brekke", "Maria Lund", "Lund", "Police", "Oslo", "nobody here"):
        assert timeline(led.store, actor=name) == led.timeline(actor=name), name
    assert any(timeline(led.store, actor=n) for n in ("Brekke", "Lund"))
    for s in led.stories():
        assert timeline(led.store, story=s["id"]) == led.timeline(story=s["id"])
        assert timeline(led.store, story=s["id"], actor="Lund") == led.timeline(story=s["id"], actor="Lund")
