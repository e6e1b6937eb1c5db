"""grammar.find: non-overlapping matches, longest first, neighbours kept;
normalize.reanchor: one normalisation per match unless the anchor changes it."""

from __future__ import annotations

from newsledger.extract.time.grammar import find


def _spans(text):
    return [(text[m.start : m.end], m.rule.name) for m in find(text)]


def test_longest_match_wins_and_inner_ones_are_dropped():
    text = "The ferry left late Friday night."
    assert _spans(text) == [("late Friday night", "weekday")]


def test_adjacent_and_separate_matches_are_all_kept():
    text = "On March 3 and April 5, 2020 the board met every Monday."
    assert _spans(text) == [
        ("March 3", "month_day"),
        ("April 5, 2020", "weekday_month_day_year"),
        ("every Monday", "every_weekday"),
    ]


def test_many_matches_stay_in_text_order_without_overlap():
    text = " ".join(f"On May {d}, 2020 and on Friday." for d in range(1, 29))
    found = find(text)
    assert len(found) == 56
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert text[found[-2].start : found[-2].end] == "May 28, 2020"


def _reanchored(text):
    from datetime import date

    from newsledger.extract.time.normalize import Context, normalize, reanchor

    m = find(text)[0]
    unanchored = normalize(m, Context(tense="past"))
    return unanchored.value, reanchor(m, unanchored, Context(date(2023, 6, 14), 2023, "past")).value


def test_reanchor_reads_again_only_what_the_anchor_changes():
    assert _reanchored("on March 3, 2019") == ("2019-03-03", "2019-03-03")
    assert _reanchored("for two weeks") == ("P2W", "P2W")
    assert _reanchored("on Friday") == (None, "2023-06-09")
    assert _reanchored("in the 20s") == ("192", "202")  # resolved, yet of the anchor's century
