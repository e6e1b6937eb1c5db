"""TIMEX3 extraction and values: small texts of our own, exact spans and values."""

from __future__ import annotations

import pytest

# 2023-06-14 is a Wednesday.
PUB = "2023-06-14"


def _timexes(analyse_text, text, published=PUB):
    ex = analyse_text(text, published=published)
    for t in ex.timexes:
        assert ex.article.text[t.start : t.end] == t.text
    return [(t.text, t.type, t.value) for t in ex.timexes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The treaty was signed on March 3, 2019 in Geneva.", [("March 3, 2019", "DATE", "2019-03-03")]),
        ("The talks began on 4 May 2018.", [("4 May 2018", "DATE", "2018-05-04")]),
        ("The report is dated 2020-11-05.", [("2020-11-05", "DATE", "2020-11-05")]),
        ("The mill closed in October 1997.", [("October 1997", "DATE", "1997-10")]),
        ("The forces must leave by the end of 2024.", [("the end of 2024", "DATE", "2024-12")]),
        ("The group has fought the army since 2011.", [("since 2011", "DATE", "2011")]),
        ("Prices rose sharply in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Output fell in the fourth quarter of 2016.", [("the fourth quarter of 2016", "DATE", "2016-Q4")]),
        ("The bridge opened on 7/8/07 after delays.", [("7/8/07", "DATE", "2007-07-08")]),
    ],
)
def test_absolute_dates(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # past clause: the latest such day on or before the anchor
        ("The minister resigned on Monday.", [("Monday", "DATE", "2023-06-12")]),
        # future clause: the next one
        ("The council will vote on Friday.", [("Friday", "DATE", "2023-06-16")]),
        ("Talks are set for next March 2.", [("next March 2", "DATE", "2024-03-02")]),
        ("The deal was signed on January 20.", [("January 20", "DATE", "2023-01-20")]),
        ("Rebels attacked the town on Sunday morning.", [("Sunday morning", "TIME", "2023-06-11TMO")]),
        ("Exports fell last year.", [("last year", "DATE", "2022")]),
        ("The plant reopened earlier this month.", [("earlier this month", "DATE", "2023-06")]),
        (
            "The firm said it would hire staff by the end of the current year.",
            [("the end of the current year", "DATE", "2023-12")],
        ),
        ("The mayor spoke yesterday.", [("yesterday", "DATE", "2023-06-13")]),
        ("The floods came two years ago.", [("two years ago", "DATE", "2021")]),
        (
            "Crops fail every summer; this summer was worse.",
            [("every summer", "SET", "XXXX-SU"), ("this summer", "DATE", "2023-SU")],
        ),
    ],
)
def test_relative_to_publication(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("There are currently 300 monitors in the region.", [("currently", "DATE", "PRESENT_REF")]),
        ("At present the border is closed.", [("At present", "DATE", "PRESENT_REF")]),
        ("Aid will arrive in the coming weeks.", [("in the coming weeks", "DATE", "FUTURE_REF")]),
        ("The siege may last for months.", [("for months", "DURATION", "PXM")]),
        ("The vote came three days after the strike.", [("three days after", "DURATION", "P3D")]),
        ("The ceasefire held for 18 months.", [("for 18 months", "DURATION", "P18M")]),
        ("It was a 41-year rule.", [("41-year", "DURATION", "P41Y")]),
        ("Convoys cross the border every week.", [("every week", "SET", "P1W")]),
        ("The index is published daily.", [("daily", "SET", "P1D")]),
    ],
)
def test_refs_durations_sets(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


def test_clock_time_takes_the_anchor_day(analyse_text):
    assert _timexes(analyse_text, "The rocket lifted off at 18:00 UTC.") == [
        ("at 18:00 UTC", "TIME", "2023-06-14T18:00Z")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Prices may fall further.",  # "may" the verb, not the month
        "The index fell 3.30 points.",  # a number, not 3:30
        "Some 2,500 soldiers remain.",  # a count
        "Markets fall when rates rise.",  # "fall" the verb, not the season
        "Jan Kowalski chairs the board.",  # a name, not January
    ],
)
def test_no_timex(analyse_text, text):
    assert _timexes(analyse_text, text) == []


def test_expression_does_not_cross_a_line_break(analyse_text):
    text = "Markets closed until Friday\nSeptember 18, 2008\n\nTrading resumed."
    got = _timexes(analyse_text, text, published="2008-09-18")
    assert [g[0] for g in got] == ["Friday", "September 18, 2008"]


def test_relative_values_are_null_without_an_anchor(analyse_text):
    got = _timexes(analyse_text, "The minister resigned on Monday, earlier this month.", published=None)
    assert got == [("Monday", "DATE", None), ("earlier this month", "DATE", None)]


def test_the_day_refers_to_the_day_just_told(analyse_text):
    text = "Shares plunged on Monday. The index ended the day 4% lower."
    assert _timexes(analyse_text, text) == [
        ("Monday", "DATE", "2023-06-12"),
        ("the day", "DATE", "2023-06-12"),
    ]


def test_tense_is_recorded(analyse_text):
    ex = analyse_text("The council will vote on Friday.", published=PUB)
    assert [t.tense for t in ex.timexes] == ["future"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The vote is scheduled for Friday.", [("Friday", "DATE", "2023-06-16")]),
        ("Sales rose in the first half of 2022.", [("the first half of 2022", "DATE", "2022-H1")]),
        ("Profit fell in fiscal 1998.", [("fiscal 1998", "DATE", "FY1998")]),
        ("Prices doubled over the past year.", [("over the past year", "DURATION", "P1Y")]),
        ("The shelling began late Tuesday.", [("late Tuesday", "DATE", "2023-06-13")]),
    ],
)
def test_more_expressions(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


def test_planned_is_a_state_not_an_act(analyse_text):
    assert _timexes(analyse_text, "Rebels set fire to the depot on Monday.") == [
        ("Monday", "DATE", "2023-06-12")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Sales peaked in September last year.",
            [("September", "DATE", "2022-09"), ("last year", "DATE", "2022")],
        ),
        ("Output fell late last year.", [("late last year", "DATE", "2022")]),
        ("Banks hope to close the year higher.", []),  # "close" the verb
        ("Rates rose in mid-2021.", [("mid-2021", "DATE", "2021")]),
    ],
)
def test_edges_and_read_ahead_years(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The envoy renewed the call for troops to leave by Friday.", [("Friday", "DATE", "2023-06-16")]),
        ("The troops had left by Friday.", [("Friday", "DATE", "2023-06-09")]),
    ],
)
def test_by_marks_a_deadline(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The truce held until Christmas.", [("Christmas", "DATE", "2022-12-25")]),
        ("Talks will resume after New Year's Day.", [("New Year's Day", "DATE", "2024-01-01")]),
        ("The strike began on Christmas Eve, 2019.", [("Christmas Eve, 2019", "DATE", "2019-12-24")]),
    ],
)
def test_holidays(analyse_text, text, expected):
    assert _timexes(analyse_text, text) == expected


def test_after_a_weekday_is_not_next_week(analyse_text):
    assert _timexes(analyse_text, "Fighting eased after Monday.") == [("Monday", "DATE", "2023-06-12")]


def test_holiday_as_a_modifier_is_no_day(analyse_text):
    assert _timexes(analyse_text, "Retailers hope for strong Christmas sales.") == []
