"""analyse(): the parsing child (overlap) gives exactly what the in-process path gives."""

from __future__ import annotations

from newsledger.ingest import make_article
from newsledger.nlp import process

TEXTS = [
    "Foreign Minister Lina Haddad said on Monday that talks with Jordan would resume.",
    "“We will not leave,” the spokesman told reporters in Basra on 3 May 2021.",
    "Protesters in Amman rejected the new tax law.\nPolice arrested 12 people.",
    "The Iraqi government denied the report on Tuesday.",
]


def _articles(n):
    return [
        make_article(f"{TEXTS[i % len(TEXTS)]} Note {i}.", f"a{i}", fmt="txt", source="t") for i in range(n)
    ]


def _records(results):
    return [
        (
            a.name,
            [(m.start, m.end, m.label, m.entity_id) for m in ex.mentions],
            [(q.start, q.end, q.speaker_name) for q in ex.quotes],
            [(t.start, t.end, t.value) for t in ex.timexes],
            [(e.start, e.end, e.type) for e in ex.events],
        )
        for a, ex in results
    ]


def test_overlapped_parse_matches_in_process(monkeypatch):
    monkeypatch.setattr(process, "BATCH_SIZE", 3)  # several batches in flight
    arts = _articles(10)
    alone = list(process.analyse(arts, "sm"))
    child = list(process.analyse(arts, "sm", overlap=True))
    assert [a.name for a, _ in child] == [f"a{i}" for i in range(10)]
    assert _records(child) == _records(alone)
    assert any(ex.mentions for _, ex in child) and any(ex.timexes for _, ex in child)


def test_one_batch_is_parsed_without_a_child(monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a child process was started for one batch")

    monkeypatch.setattr(process.mp, "get_context", no_pool)
    out = list(process.analyse(_articles(2), "sm", overlap=True))
    assert [a.name for a, _ in out] == ["a0", "a1"]
