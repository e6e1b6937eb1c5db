"""CI floor: the seed scorer's timex and publication-date lines (md model).

Reached: timexes.e2e.f1 0.933, timexes.value_accuracy 0.933, published.accuracy 0.8.
"""

from __future__ import annotations


def test_seed_time_floor(below):
    assert not below({"timexes.e2e.f1": 0.9, "timexes.value_accuracy": 0.9, "published.accuracy": 0.8})
