"""Counts within a time budget (store/state.cached_within): stopped and left out of a page
view when too long, finished once in the background and kept for that ledger state."""

from __future__ import annotations

import time

from newsledger.store import Store
from newsledger.store import state as S

LONG = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) FROM n"
)


def test_a_long_count_is_stopped_then_finished_in_the_background(tmp_path):
    store = Store(str(tmp_path / "b.db"))
    calls = []

    def compute(st):
        calls.append(1)
        return st.db.execute(LONG).fetchone()[0]

    t0 = time.perf_counter()
    assert S.cached_within(store, ("long",), compute, 0.01) is None
    assert time.perf_counter() - t0 < 1.0
    assert S.cached_within(store, ("long",), compute, 0.01) is None  # pending: not tried again
    for _ in range(200):
        got = S.cached_within(store, ("long",), compute, 0.01)
        if got is not None:
            break
        time.sleep(0.05)
    assert got == 3_000_000 and len(calls) == 2  # the first try and the background one
    # a new ledger state: computed again
    store.db.execute(
        "INSERT INTO documents (id, name, text, chars, ingested_at) VALUES ('d', 'd', 'x', 1, '2024')"
    )
    assert S.cached_within(store, ("long",), lambda st: 7, 0.01) == 7


def test_a_short_count_answers_at_once(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    assert (
        S.cached_within(store, ("short",), lambda st: st.db.execute("SELECT 41 + 1").fetchone()[0], 1) == 42
    )
