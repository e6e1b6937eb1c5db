"""The window cut (analyze/cut.py): which articles share a block."""

from __future__ import annotations

from newsledger.analyze.cut import assign, settings


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
    rows += [("u1", None, 7, None), ("u2", None, 9, None), ("u3", None, 10, None), ("u4", "", 25, "")]
    got = assign(rows, window=5, max_articles=10)
    assert {got[f"a{i}"] for i in range(28)} == {"m:2021-01"}
    assert {got[f"b{i}"] for i in range(3)} == {"m:2021-02"}
    assert (got["u1"], got["u2"], got["u3"], got["u4"]) == ("u:0", "u:0", "u:1", "u:2")


def test_the_window_is_the_widest_date_rule_of_the_linkers():
    window, max_articles = settings()
    assert window == 180 and max_articles == 250  # claims.yaml role_window_days; analysis.yaml
