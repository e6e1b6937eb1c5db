"""Properties of the text-level extractors (read only here): the time grammar and
its normaliser, name folding and quotation-mark pairing never raise, and every
span they give lies inside the text, in order, without overlap."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from newsledger.extract.quotes.marks import CLOSE, OPEN, STRAIGHT, find_quotations
from newsledger.extract.time.grammar import find
from newsledger.extract.time.normalize import Context, normalize
from newsledger.kb.names import fold

TIME_WORDS = [
    "Monday",
    "last",
    "next",
    "week",
    "year",
    "2024",
    "3",
    "May",
    "the",
    "of",
    "ago",
    "days",
    "since",
    "early",
    "1990s",
    "Q3",
    "fiscal",
    "at",
    "10:30",
    "p.m.",
    "noon",
    "Christmas",
    "between",
    "and",
    "half",
    "a",
    "twenty-one",
    "spring",
    "-",
    "/",
    ",",
    "12/31/2023",
    "2023-02-30",
    "99999999",
    "0",
    "31",
    "February",
    "29",
    "1 000",
]
TIMEY = st.lists(st.sampled_from(TIME_WORDS), max_size=14).map(" ".join)
QUOTEY = st.lists(
    st.sampled_from(
        list(OPEN + CLOSE + STRAIGHT + "‘’'")
        + ["he said", " ", "\n", ",", ".", "We will", "x", "don’t", "—", "("]
    ),
    max_size=40,
).map("".join)
ANCHORS = st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31)))


@given(st.one_of(TIMEY, st.text(max_size=120)), ANCHORS, st.sampled_from([None, "past", "present", "future"]))
@example("on February 29", date(2023, 3, 1), "past")
@example("99999999 years ago", date(9999, 12, 31), None)
@example("in the 1990s", date(1, 1, 1), "future")
def test_time_grammar_and_normaliser_never_raise(text, anchor, tense):
    matches = find(text)
    last = 0
    for m in matches:
        assert last <= m.start < m.end <= len(text)
        last = m.end
        ctx = Context(anchor=anchor, anchor_year=anchor.year if anchor else None, tense=tense)
        v = normalize(m, ctx)
        assert v is None or isinstance(v.type, str)


@given(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            ["The United Nations", "al-Sadr", "Ó Súilleabháin", "ﬁnance", "İstanbul", "ß", "the the"]
        ),
    )
)
def test_name_folding_never_raises_and_is_plain(name):
    key = fold(name)
    assert isinstance(key, str) and key == key.strip() and "  " not in key
    assert fold(name) == key


@given(st.one_of(QUOTEY, st.text(max_size=80)))
@example('"a" "b\n"c')
@example("“”" * 30)
def test_quotation_marks_pair_within_a_line(text):
    qs = find_quotations(text)
    assert [q.open for q in qs] == sorted(q.open for q in qs)
    for q in qs:
        assert 0 <= q.open < q.start <= q.end <= len(text)
        assert text[q.open] in OPEN + CLOSE + STRAIGHT + "‘"
        assert "\n" not in text[q.open : q.outer_end]
        if q.close is not None:
            assert q.end <= q.close < len(text)
