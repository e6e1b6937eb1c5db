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


def test_a_frequent_actors_timeline_starts_at_its_latest_stretch_and_says_so(ledger_of, monkeypatch):
    from api_fixtures import api_client

    from newsledger.store.recent import named, recent_since

    led = ledger_of(ARTICLES)
    # Maria Lund: arrested (reported 2019-03-12), then says (2019-04-01): one record a role
    lund = named(led.store, "Maria Lund")
    assert len(lund) == 1
    assert recent_since(led.store, lund, 0) == "2019-04-01"
    assert recent_since(led.store, lund, 1) is None  # no role holds two records
    later = timeline(led.store, actor="Maria Lund", since="2019-04-01")
    assert [(r["date"], r["kind"]) for r in later] == [
        ("2019-04-01", "fact:said"),
        ("2019-04-01", "statement"),
    ]
    assert len(timeline(led.store, actor="Maria Lund")) == 3

    client = api_client(led.path)
    whole = client.get("/api/timeline", params={"actor": "Maria Lund"}).json()
    assert whole["total"] == 3 and "truncated" not in whole
    monkeypatch.setattr("newsledger.store.recent.MOST", 0)  # every actor is "frequent"
    cut = client.get("/api/timeline", params={"actor": "Maria Lund", "limit": 5}).json()
    assert (cut["total"], cut["since"], cut["truncated"]) == (2, "2019-04-01", True)
    older = client.get("/api/timeline", params={"actor": "Maria Lund", "since": "2019-03-01"}).json()
    assert older["total"] == 3 and "truncated" not in older
