"""Quotation marks paired per line, and the cue lexicon as data."""

from __future__ import annotations

from newsledger.extract.quotes.lexicon import cues
from newsledger.extract.quotes.marks import find_quotations, trim


def _texts(text):
    return [text[q.start : q.end] for q in find_quotations(text)]


def test_curly_and_straight_pairs():
    assert _texts('He said “one two three,” and "four five six."') == ["one two three", "four five six"]


def test_unclosed_mark_runs_to_the_line_end_only():
    text = "She said “we stay here\nNext line has no quote at all."
    assert _texts(text) == ["we stay here"]
    assert find_quotations(text)[0].close is None


def test_misplaced_closing_mark_moves_the_end():
    assert _texts("“We train nobody, neither for” [giving] advice.”") == [
        "We train nobody, neither for” [giving] advice"
    ]


def test_apostrophes_and_single_quotes_are_not_quotations():
    assert _texts("Kate ‘al-Rikabi’s office didn't reply.") == []


def test_trim_keeps_paired_marks_and_drops_unpaired_ones():
    t = "their “whereabouts and roles”."
    assert t[slice(*trim(t, 0, len(t)))] == "their “whereabouts and roles”"
    t = "was “an objective,”"  # the closing mark stays, comma and all
    assert t[slice(*trim(t, 0, len(t)))] == "was “an objective,”"
    t = "was an objective,”"  # no opening mark: the closing one goes
    assert t[slice(*trim(t, 0, len(t)))] == "was an objective"


def test_lexicon_loads_verbs_phrasal_cues_and_media():
    lex = cues()
    assert "say" in lex.verbs and "call" not in lex.verbs
    assert lex.phrasal["call"] >= {"on", "for"} and "out" in lex.phrasal["point"]
    assert lex.media_phrases[("press", "conference")] == "press_conference"
    assert lex.pronouns["he"] == frozenset({"PERSON"})


def test_single_marks_pair_only_clearly_and_outside_double_marks():
    assert _texts("Biden says ‘we will not back down from this fight’ in a speech") == [
        "we will not back down from this fight"
    ]
    assert _texts("She said ‘don’t touch the new fence ever again’, then left.") == [
        "don’t touch the new fence ever again"
    ]
    assert _texts("“He told me ‘never again’ and then he left,” she said.") == [
        "He told me ‘never again’ and then he left"
    ]
    assert _texts("Kate ‘al-Rikabi, a member of the Parliament’s committee, said so.") == []
    assert _texts("It was the ’90s and we didn’t care.") == []
