"""The window cut (analyze/cut.py): which articles share a block."""

from __future__ import annotations

from newsledger.analyze import cut
from newsledger.analyze.cut import settings


def assign(rows, window: int, max_articles: int) -> dict[str, str]:
    """``cut.assign`` on (id, published, storage order, act days) as ``cut.update`` keeps them."""
    return cut.assign([(d, *cut.place(p, acts), seq) for d, p, seq, acts in rows], window, max_articles)


def test_articles_within_the_window_share_a_block_and_a_gap_wider_than_it_splits():
    rows = [
        ("a", "2021-01-01", 1, None),
        ("b", "2021-01-20", 2, None),  # 19 days after a
        ("c", "2021-02-05", 3, ""),  # 16 days after b: chained to a
        ("d", "2021-04-01", 4, None),  # 55 days after c
    ]
    got = assign(rows, window=20, max_articles=10)
    assert got == {"a": "d:2021-01-01", "b": "d:2021-01-01", "c": "d:2021-01-01", "d": "d:2021-04-01"}


def test_an_act_dated_in_the_text_places_the_article_there_too():
    rows = [
        ("old", "2020-01-04", 1, None),
        ("anniversary", "2021-12-29", 2, "2020-01-03"),  # "the bill passed on January 3, 2020"
        ("undated", None, 3, "2020-01-05,not-a-day"),
        ("other", "2021-06-01", 4, None),
    ]
    got = assign(rows, window=20, max_articles=10)
    assert got["old"] == got["anniversary"] == got["undated"] == "d:2020-01-03"
    assert got["other"] == "d:2021-06-01"


def test_a_block_larger_than_the_limit_is_cut_by_month_and_undated_articles_by_storage_order():
    rows = [(f"a{i}", f"2021-01-{i + 1:02d}", i, None) for i in range(28)]
    rows += [(f"b{i}", f"2021-02-{i + 1:02d}", 100 + i, None) for i in range(3)]
    rows += [("u1", None, 7, None), ("u2", None, 29, None), ("u3", None, 30, None), ("u4", "", 65, "")]
    got = assign(rows, window=5, max_articles=30)  # 31 in one run
    assert {got[f"a{i}"] for i in range(28)} == {"m:2021-01"}
    assert {got[f"b{i}"] for i in range(3)} == {"m:2021-02"}
    assert (got["u1"], got["u2"], got["u3"], got["u4"]) == ("u:0", "u:0", "u:1", "u:2")


def test_the_window_is_the_widest_date_rule_of_the_linkers():
    window, max_articles = settings()
    assert window == 180 and max_articles == 100  # claims.yaml role_window_days; analysis.yaml


def test_a_period_still_too_large_is_cut_into_weeks_then_days_then_storage_order():
    rows = [(f"a{i}", f"2021-03-{1 + i % 10:02d}", i, None) for i in range(30)]  # 3 a day
    rows += [(f"b{i}", "2021-03-20", 100 + i, None) for i in range(5)]
    got = assign(rows, window=5, max_articles=4)
    assert got["a0"] == got["a10"] == got["a20"] == "m:2021-03-01"  # 3 on the 1st: the day
    assert got["a1"] == "m:2021-03-02"
    assert {got[f"b{i}"] for i in range(5)} == {"m:2021-03-20#25", "m:2021-03-20#26"}
    # 30 articles on the 1st-10th (the first week holds 21), 10 days before the 20th's 5
    got = assign(rows, window=5, max_articles=25)
    assert got["a0"] == got["a6"] == "m:2021-03/1" and got["a7"] == "m:2021-03/2"
    assert got["b0"] == "d:2021-03-20"


def _store_with(tmp_path, monkeypatch, days: list[str]):
    from newsledger.store import Store

    monkeypatch.setattr(cut, "settings", lambda: (3, 4))
    store = Store(tmp_path / "c.db")
    _add(store, days)
    return store


def _add(store, days: list[str]) -> None:
    with store.transaction():
        n = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        store.db.executemany(
            "INSERT INTO documents (id, name, text, published, ingested_at) VALUES (?, ?, 'x', ?, '')",
            [(f"d{n + k}", f"d{n + k}", day) for k, day in enumerate(days)],
        )


def _whole(store) -> dict[str, str]:
    rows = store.db.execute("SELECT doc_id, day, points, seq FROM analysis_cut").fetchall()
    return cut.assign(rows, 3, 4)


def _blocks(store) -> dict[str, str]:
    return dict(store.db.execute("SELECT doc_id, block FROM analysis_cut"))


def test_new_articles_in_a_dense_stretch_are_placed_locally_as_the_whole_cut_places_them(
    tmp_path, monkeypatch
):
    store = _store_with(tmp_path, monkeypatch, [f"2021-01-{d:02d}" for d in range(1, 31)])
    local = []
    real = cut._local
    monkeypatch.setattr(cut, "_local", lambda *a: local.append(r := real(*a)) or r)
    cut.update(store)  # 30 pending: the whole cut, one article a day (weeks of 7 > 4)
    assert local == [None] and _blocks(store)["d0"] == "m:2021-01-01"
    store.db.execute("DELETE FROM analysis_pending")

    _add(store, ["2021-01-15"] * 3)  # the 15th now holds 4: still its own day
    assert cut.update(store) == 3 and local[-1] is not None
    assert _blocks(store) == _whole(store) and _blocks(store)["d30"] == "m:2021-01-15"
    store.db.execute("DELETE FROM analysis_pending")

    _add(store, ["2021-01-15"] * 2)  # 6 on the 15th: cut by storage order, old ones move
    cut.update(store)
    assert local[-1] is not None and _blocks(store) == _whole(store)
    # storage order (rowid) // 4: d14 is 15th, d30 31st, d31-d34 32nd-35th
    assert [_blocks(store)[f"d{i}"][-2:] for i in (14, 30, 31, 34)] == ["#3", "#7", "#8", "#8"]
    moved = {r[0] for r in store.db.execute("SELECT doc_id FROM analysis_pending")}
    assert moved == {"d14", "d30", "d31", "d32", "d33", "d34"}  # the old two of the 15th too
    store.db.execute("DELETE FROM analysis_pending")

    _add(store, ["2021-06-01"])  # far from all: the whole cut decides (its own block)
    cut.update(store)
    assert local[-1] is None and _blocks(store)["d35"] == "d:2021-06-01"
    store.db.execute("DELETE FROM analysis_pending")

    with store.transaction():  # a delete: the whole cut again
        store.db.execute("DELETE FROM documents WHERE id = 'd31'")
    cut.update(store)
    assert local[-1] is None and _blocks(store) == _whole(store) and "d31" not in _blocks(store)
    store.close()


def test_undated_articles_are_placed_by_storage_order_without_the_whole_cut(tmp_path, monkeypatch):
    store = _store_with(tmp_path, monkeypatch, ["2021-01-01"])
    local = []
    real = cut._local
    monkeypatch.setattr(cut, "_local", lambda *a: local.append(r := real(*a)) or r)
    cut.update(store)
    store.db.execute("DELETE FROM analysis_pending")
    _add(store, [None] * 4)  # rowids 2-5, by 4: 0, 0, 1, 1
    assert cut.update(store) == 4 and local[-1] == {"d1": "u:0", "d2": "u:0", "d3": "u:1", "d4": "u:1"}
    assert _blocks(store) == _whole(store)
    store.close()
