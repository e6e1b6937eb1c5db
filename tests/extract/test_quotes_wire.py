"""Quotes stage on wire-style constructions (a reviewer's error classes).

Every fixture is a few sentences written for the test; expected spans are exact.
"""

from __future__ import annotations


def _quotes(analyse_text, text):
    ex = analyse_text(text)
    for q in ex.quotes:
        assert ex.article.text[q.start : q.end] == q.text
    return ex.quotes


def _texts(qs):
    return [q.text for q in qs]


# ---------------------------------------------------------------- cues with plain objects


def test_acts_and_forecasts_with_plain_objects_are_not_quotes(analyse_text):
    qs = _quotes(
        analyse_text,
        "The senate rejected the motion on Monday by 40 votes to 32.\n\n"
        "The board will consider the offer next week.\n\n"
        "Economists expect the lender to cut its rates in May.\n\n"
        "Many voters believe the mayor.",
    )
    assert qs == []


def test_clause_only_verbs_report_with_a_that_clause_or_as_judgement(analyse_text):
    qs = _quotes(
        analyse_text,
        "Anna Berg rejected claims that the deal was signed in secret.\n\n"
        "Tom Hale rejected the offer as an insult to the workers.",
    )
    assert _texts(qs) == [
        "claims that the deal was signed in secret",
        "the offer as an insult to the workers",
    ]
    assert [q.speaker_name for q in qs] == ["Anna Berg", "Tom Hale"]


# ---------------------------------------------------------------- statements vs scare quotes


def test_short_direct_quote_is_a_statement(analyse_text):
    qs = _quotes(analyse_text, "“We will win,” Sara Holm said.")
    assert [(q.text, q.kind, q.speaker_name) for q in qs] == [("We will win", "direct", "Sara Holm")]


def test_quoted_noun_phrase_is_not_a_statement(analyse_text):
    qs = _quotes(analyse_text, "Critics called the new tax a “land grab” by the council.")
    assert qs == []


# ---------------------------------------------------------------- marks


def test_stray_closing_mark_does_not_swallow_the_attribution(analyse_text):
    qs = _quotes(analyse_text, "“We will win,” she said of the race, which rivals called ”unfair”.")
    assert [(q.text, q.kind) for q in qs] == [("We will win", "direct")]
    assert qs[0].cue == "said"


def test_closing_mark_and_possessor_stay_in_the_content(analyse_text):
    qs = _quotes(analyse_text, "Mark Dale's exit was “very sad,” a spokesperson for the club said.")
    assert _texts(qs) == ["Mark Dale's exit was “very sad,”"]
    assert qs[0].speaker_id is None and qs[0].speaker_name == "spokesperson for the club"


def test_cue_inside_a_quotation_does_not_drop_the_outer_cue(analyse_text):
    qs = _quotes(
        analyse_text,
        "“My boss told me, ‘We will never sell the farm,’ and I trusted her,” "
        "said Paul Webb, a former manager.",
    )
    assert len(qs) == 1
    assert qs[0].text == "My boss told me, ‘We will never sell the farm,’ and I trusted her"
    assert (qs[0].cue, qs[0].speaker_name) == ("said", "Paul Webb")


def test_bare_attribution_sentence_after_the_quote(analyse_text):
    qs = _quotes(
        analyse_text,
        "“We came to the table in good faith.” Linda Moss, the union's lead negotiator, said on Tuesday.",
    )
    assert [(q.text, q.kind, q.speaker_name) for q in qs] == [
        ("We came to the table in good faith", "direct", "Linda Moss")
    ]


# ---------------------------------------------------------------- common-noun organisations


def test_organisation_named_by_a_common_noun_speaks_and_is_it_later(analyse_text):
    qs = _quotes(
        analyse_text, "The union said on Sunday that the strike would end. “No members were hurt,” it said."
    )
    assert _texts(qs) == ["the strike would end", "No members were hurt"]
    assert [q.speaker_name for q in qs] == ["union", "union"]
    assert [q.speaker_method for q in qs] == ["description", "pronoun"]
    assert qs[0].speaker_id is not None and qs[0].speaker_id == qs[1].speaker_id


def test_according_to_an_authorless_statement_is_the_clause_subject(analyse_text):
    qs = _quotes(
        analyse_text, "The finance ministry denied the story, according to a statement released on Friday."
    )
    assert [q.speaker_name for q in qs] == ["finance ministry"]
    assert qs[0].medium == "statement"


def test_according_to_unnamed_officials_keeps_the_description(analyse_text):
    qs = _quotes(analyse_text, "According to officials close to the negotiations, the deal is dead.")
    assert _texts(qs) == ["the deal is dead"]
    assert qs[0].speaker_id is None
    assert qs[0].speaker_name == "officials close to the negotiations"


def _text_article(nlp, text):
    """Through every stage as a plain-text article, whose first line is its title."""
    from newsledger.extract import run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.ingest.boilerplate import mask

    art = make_article(text, "t", fmt="txt", source="test")
    assert art.title_start == 0
    return run_stages(nlp(mask(art.text, art.excluded)), Extraction(art))


def test_headline_without_a_speaker_gives_no_quote(nlp):
    ex = _text_article(
        nlp, "Police confirm arrest of two men\n\nThe council met on Monday to set the budget."
    )
    assert ex.quotes == []


def test_headline_naming_its_speaker_still_quotes(nlp):
    ex = _text_article(nlp, "Jane Doe: Reform is coming soon\n\nJane Doe spoke to voters in Leeds on Monday.")
    assert [(q.text, q.speaker_name) for q in ex.quotes] == [("Reform is coming soon", "Jane Doe")]


# ---------------------------------------------------------------- medium


def test_medium_stays_with_its_own_statement(analyse_text):
    qs = _quotes(
        analyse_text,
        "Rita Kent said in a statement that the plant would close. "
        "She later told reporters that talks would go on.",
    )
    assert [q.speaker_name for q in qs] == ["Rita Kent", "Rita Kent"]
    assert [q.medium for q in qs] == ["statement", None]


def test_unnamed_role_of_an_organisation_speaks_as_the_organisation(analyse_text):
    qs = _quotes(
        analyse_text,
        "A spokesman for Microsoft said the outage was over. "
        "Later, Senator Jim Ross said that he would call a hearing.",
    )
    assert [q.speaker_name for q in qs] == ["Microsoft", "Jim Ross"]
    assert qs[0].speaker_method == "role-organisation"


def test_one_word_quotation_opening_its_sentence_is_said(analyse_text):
    qs = _quotes(analyse_text, "“Never,” Sara Holm said when asked about a merger.")
    assert [(q.text, q.kind, q.speaker_name) for q in qs] == [("Never", "direct", "Sara Holm")]


def test_one_word_quotation_inside_reported_speech_stays_in_it(analyse_text):
    qs = _quotes(analyse_text, "Sara Holm said the talks had been “useful” but slow.")
    assert [(q.text, q.kind) for q in qs] == [("the talks had been “useful” but slow", "indirect")]
