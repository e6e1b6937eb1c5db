"""The grammar's prefilters (needles, first-character look-ahead) only skip
work: a rule still finds exactly what its plain regex finds."""

from __future__ import annotations

import re

from newsledger.extract.time.grammar import _fast, _fold, _rule_needles, find, rules


def test_needles_are_the_literals_every_match_contains():
    assert _rule_needles(re.compile(r"\d+\s(?:hours?|days?)\sago", re.I)) == {"ago"}
    # Of several required parts, the one whose shortest needle is longest.
    assert _rule_needles(re.compile(r"\d+\s(?:days|weeks)\sago", re.I)) == {"days", "weeks"}


def test_no_needles_where_every_literal_is_optional():
    assert _rule_needles(re.compile(r"(?:soon)?\d+", re.I)) is None


def test_case_sensitive_literals_are_folded_to_lower_case():
    assert _rule_needles(re.compile(r"(?-i:March|June)\s\d", re.I)) == {"march", "june"}


def test_fold_maps_letters_that_match_ascii_under_ignorecase():
    # dotted/dotless i, long s and the Kelvin sign match i, s and k under re.I
    assert _fold("\u0130N \u0131t \u017feven \u212aelvin") == "in it seven kelvin"


def test_fast_regex_gets_a_first_character_lookahead_and_same_matches():
    plain = re.compile(r"(?<!\w)(?:(?:the\s)?past\s)?(?:\d+|two)\sdays", re.I)
    fast = _fast(plain)
    assert fast.pattern.startswith("(?i:(?=[")
    text = "In the past two days, 3 days, xtwo days and Two DAYS."
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in fast.finditer(text)] == ["the past two days", "3 days", "Two DAYS"]


def test_fast_lookahead_admits_both_cases_of_a_case_sensitive_start():
    plain = re.compile(r"(?-i:May)\s\d+|(?i:june)\s\d+")
    fast = _fast(plain)
    text = "may 3, May 4, JUNE 5"
    assert [m.group(0) for m in fast.finditer(text)] == ["May 4", "JUNE 5"]


def test_fast_leaves_a_regex_that_can_match_empty_alone():
    plain = re.compile(r"(?:ago)?", re.I)
    assert _fast(plain) is plain


def test_a_rule_is_not_run_on_a_text_without_its_needles_but_still_matches_with_them():
    ago = next(r for r in rules() if r.name == "ago")
    assert ago.needles == {"ago"}
    assert "ago" not in [m.rule.name for m in find("Three weeks later.")]
    assert [(m.rule.name, m.start, m.end) for m in find("It fell three weeks AGO.")] == [("ago", 8, 23)]


# --- perf: each rule runs only on the lines that hold one of its needles ---
_LINES_TEXT = (
    "Talks resumed on Monday.\n"
    "No date here at all\n"
    "They met on 3 May 2021, two weeks ago.\n"
    "Nothing.\n"
    "The vote is due next week"
)


def _whole_text(text):
    """What find() gets when every rule runs over the whole text."""
    from newsledger.extract.time import grammar

    real = grammar._NeedleLines.spans
    try:
        grammar._NeedleLines.spans = lambda self, needles: [(0, self.end)]
        return [(m.start, m.end, m.rule.name) for m in find(text)]
    finally:
        grammar._NeedleLines.spans = real


def test_rules_run_on_needle_lines_find_what_the_whole_text_gives():
    got = [(m.start, m.end, m.rule.name) for m in find(_LINES_TEXT)]
    assert got == _whole_text(_LINES_TEXT)
    assert [_LINES_TEXT[s:e] for s, e, _ in got] == ["Monday", "3 May 2021", "two weeks ago", "next week"]


def test_needle_lines_are_the_lines_holding_a_needle_each_with_its_break():
    from newsledger.extract.time.grammar import _NeedleLines

    lines = _NeedleLines(_LINES_TEXT)
    third = _LINES_TEXT.index("They")
    assert lines.spans(frozenset({"may"})) == [(third, _LINES_TEXT.index("Nothing"))]
    # the last line ends at the end of the text; consecutive lines become one span
    assert lines.spans(frozenset({"date", "vote"})) == [
        (_LINES_TEXT.index("No date"), third),
        (_LINES_TEXT.index("The vote"), len(_LINES_TEXT)),
    ]
    assert lines.spans(frozenset({"date", "they"})) == [
        (_LINES_TEXT.index("No date"), _LINES_TEXT.index("Nothing"))
    ]
    assert lines.spans(frozenset({"absent"})) == []
    assert lines.spans(None) == [(0, len(_LINES_TEXT))]
