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
    assert _fold("\u0130N \u0131t \u017Feven \u212Aelvin") == "in it seven kelvin"


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
    assert [m.rule.name for m in find("Three weeks later.")] != ["ago"]
    assert [(m.rule.name, m.start, m.end) for m in find("It fell three weeks AGO.")] == [("ago", 8, 23)]
