"""Quotes stage: direct and reported speech, content spans, speakers, context.

Every fixture is a few sentences written for the test; expected spans are exact.
"""

from __future__ import annotations

import pytest


def _quotes(analyse_text, text, **kw):
    ex = analyse_text(text, **kw)
    for q in ex.quotes:
        assert ex.article.text[q.start : q.end] == q.text  # offsets index the stored text
    return ex.quotes


def _one(analyse_text, text):
    qs = _quotes(analyse_text, text)
    assert len(qs) == 1, [q.text for q in qs]
    return qs[0]


# ---------------------------------------------------------------- direct quotes


def test_curly_quote_with_trailing_cue(analyse_text):
    q = _one(analyse_text, "“We will not accept any delay in the talks,” Maria Lopez said.")
    assert (q.text, q.kind, q.cue, q.speaker_name) == (
        "We will not accept any delay in the talks",
        "direct",
        "said",
        "Maria Lopez",
    )


def test_straight_quote_after_colon(analyse_text):
    q = _one(analyse_text, 'John Carter said: "The bridge will reopen next spring."')
    assert (q.text, q.kind, q.speaker_name) == ("The bridge will reopen next spring", "direct", "John Carter")


def test_quote_over_two_sentences_is_one_quote(analyse_text):
    q = _one(analyse_text, "“Prices are rising. Families cannot cope any longer,” Anna Schmidt added.")
    assert q.text == "Prices are rising. Families cannot cope any longer"
    assert (q.cue, q.speaker_name) == ("added", "Anna Schmidt")


def test_split_quote_gives_two_quotes_of_one_speaker(analyse_text):
    qs = _quotes(
        analyse_text,
        "“The harvest was poor this year,” Tom Baker said, “and prices will rise again before the winter.”",
    )
    assert [q.text for q in qs] == [
        "The harvest was poor this year",
        "and prices will rise again before the winter",
    ]
    assert {q.speaker_name for q in qs} == {"Tom Baker"}


def test_unbalanced_mark_stops_at_the_paragraph(analyse_text):
    text = (
        "Peter Hall said: “The plan is dead and buried.\n\n"
        "The council met on Monday to discuss the budget and the new roads."
    )
    qs = _quotes(analyse_text, text)
    assert [q.text for q in qs] == ["The plan is dead and buried"]


def test_quote_continuing_without_cue_keeps_the_speaker(analyse_text):
    text = (
        "“We are ready to sign the agreement,” Maria Lopez said.\n\n"
        "“Nobody should doubt our commitment to peace.”"
    )
    qs = _quotes(analyse_text, text)
    assert [q.text for q in qs] == [
        "We are ready to sign the agreement",
        "Nobody should doubt our commitment to peace",
    ]
    assert qs[1].speaker_name == "Maria Lopez" and qs[1].cue is None
    assert qs[1].confidence < qs[0].confidence


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the protesters “thugs” and left the hall.",
        "He said nothing about the so-called “reform” of the tax office.",
        'She was reading "The Lord of the Rings" on the train to Leeds.',
        "The farmers’ slogan, “no farmers, no food”, was painted on every tractor.",
    ],
)
def test_scare_quotes_and_titles_are_not_statements(analyse_text, text):
    assert _quotes(analyse_text, text) == []


def test_direct_quote_inside_reported_speech(analyse_text):
    q = _one(
        analyse_text,
        "Maria Lopez said that the rebels were acting through "
        '"armed gangs that attack the villages to frighten the farmers away."',
    )
    assert (q.text, q.kind) == ("armed gangs that attack the villages to frighten the farmers away", "direct")
    assert q.speaker_name == "Maria Lopez"


# ---------------------------------------------------------------- reported speech


def test_said_that_content_is_the_clause_only(analyse_text):
    q = _one(analyse_text, "Maria Lopez said that the talks would resume in May.")
    assert (q.text, q.kind, q.cue, q.speaker_name) == (
        "the talks would resume in May",
        "indirect",
        "said",
        "Maria Lopez",
    )


def test_participle_cue_continues_the_statement(analyse_text):
    qs = _quotes(
        analyse_text,
        "Maria Lopez said that the talks would resume in May, adding that both sides were ready.",
    )
    assert [(q.text, q.cue) for q in qs] == [
        ("the talks would resume in May", "said"),
        ("both sides were ready", "adding"),
    ]
    assert {q.speaker_name for q in qs} == {"Maria Lopez"}


def test_object_of_a_cue_verb_is_content(analyse_text):
    q = _one(analyse_text, "Jane Doe stressed the need for new housing in the north.")
    assert (q.text, q.cue) == ("the need for new housing in the north", "stressed")


def test_called_on_content_is_addressee_and_demand(analyse_text):
    q = _one(analyse_text, "Jane Doe called on the government to raise the minimum wage.")
    assert (q.text, q.cue) == ("the government to raise the minimum wage", "called on")


def test_as_she_put_it_is_not_content(analyse_text):
    q = _one(analyse_text, "Jane Doe said the plan was a disaster, as she put it.")
    assert q.text == "the plan was a disaster"


def test_trailing_attribution_by_an_outlet_is_not_a_second_quote(analyse_text):
    q = _one(analyse_text, "Jane Doe said on Monday that the plan had failed, the agency reported.")
    assert (q.text, q.speaker_name) == ("the plan had failed", "Jane Doe")


def test_according_to_at_the_end(analyse_text):
    q = _one(analyse_text, "The factory will close next year, according to Jane Doe.")
    assert (q.text, q.cue, q.speaker_name) == ("The factory will close next year", "according to", "Jane Doe")


def test_according_to_in_the_middle(analyse_text):
    q = _one(analyse_text, "The company, according to Jane Doe, plans to move its offices abroad.")
    assert q.text == "plans to move its offices abroad"


@pytest.mark.parametrize(
    "text",
    [
        "The troops must leave according to the law passed last year by the parliament.",
        "The two sides signed a deal, according to which the troops would leave by June.",
        "The man said to be the leader of the gang was arrested in Leeds.",
        "It is said that the river will flood the valley again this year.",
        "The council passed a resolution calling for the removal of the statue.",
    ],
)
def test_no_statement_no_quote(analyse_text, text):
    assert _quotes(analyse_text, text) == []


# ---------------------------------------------------------------- speakers


def test_pronoun_resolves_to_the_earlier_speaker(analyse_text):
    qs = _quotes(
        analyse_text,
        "Jane Doe said that the vote was fair. She added that the count would be published on Friday.",
    )
    assert [q.speaker_name for q in qs] == ["Jane Doe", "Jane Doe"]
    assert qs[1].speaker_method == "pronoun"
    assert qs[1].text[:2] == "th" and qs[1].speaker_start == qs[1].sent_start


def test_apposition_names_the_speaker(analyse_text):
    q = _one(analyse_text, "The spokesman for the ministry, Ahmed Karim, said that the border was closed.")
    # "apposition", or "subject" where the entity stage spans role and name as one mention
    assert q.speaker_name == "Ahmed Karim" and q.speaker_method in ("apposition", "subject")
    assert q.text == "the border was closed"


def test_role_described_first_takes_a_later_name_with_that_role(analyse_text):
    qs = _quotes(
        analyse_text,
        "The spokesman for the army said the border was calm. "
        "Army spokesman Sam Reed said that patrols would continue.",
    )
    assert [q.speaker_name for q in qs] == ["Sam Reed", "Sam Reed"]
    assert qs[0].speaker_method == "title-next" and qs[0].confidence < qs[1].confidence


def test_role_described_first_is_not_the_next_other_source(analyse_text):
    # Wire copy names a different source next: the role stays an unnamed source.
    qs = _quotes(
        analyse_text,
        "A government spokesman said the vote would be held on Friday. "
        "Opposition leader Sam Reed said that his party would boycott it.",
    )
    assert qs[0].speaker_id is None and qs[0].speaker_name == "government spokesman"
    assert qs[1].speaker_name == "Sam Reed"


def test_several_speakers(analyse_text):
    q = _one(analyse_text, "John Carter and Maria Lopez warned that the deal could collapse.")
    assert q.speaker_name == "John Carter" and q.co_speaker_names == ("Maria Lopez",)


def test_statement_speaks_for_its_author(analyse_text):
    qs = _quotes(
        analyse_text,
        "Amnesty International said in a statement that the trial was unfair. "
        "The statement said the judges had ignored the evidence.",
    )
    assert [q.speaker_name for q in qs] == ["Amnesty International", "Amnesty International"]
    assert [q.medium for q in qs] == ["statement", "statement"]


def test_group_description_speaks(analyse_text):
    q = _one(
        analyse_text,
        "The local authorities’ claim that the border was secure was met with doubt in the capital.",
    )
    assert (q.text, q.speaker_name, q.cue) == ("the border was secure", "local authorities", "claim")
    assert q.speaker_id == "local_authorities" and q.speaker_method == "group"


def test_unknown_speaker_is_kept_with_low_confidence(analyse_text):
    q = _one(analyse_text, "“The water is rising fast in the valley,” the official said.")
    assert q.speaker_id is None and q.speaker_name == "official"  # an unnamed source, described
    assert q.confidence <= 0.3
    assert q.text == "The water is rising fast in the valley"
    assert q.speaker_start is not None  # the phrase it could not resolve stays as a trace


# ---------------------------------------------------------------- context


def test_medium_from_the_cue_phrase(analyse_text):
    q = _one(analyse_text, "John Carter said in a tweet that the vote was rigged.")
    assert q.medium == "tweet"
    q = _one(analyse_text, "Jane Doe said at a press conference that taxes would fall.")
    assert q.medium == "press_conference"
    q = _one(analyse_text, "Jane Doe said that taxes would fall.")
    assert q.medium is None


def test_headline_name_colon_statement(nlp):
    from newsledger.extract import run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.ingest.boilerplate import mask

    text = (
        "Jane Doe: Reform of the tax office is coming soon\n"
        "Jane Doe spoke to reporters in Paris on Monday about the plans of her party.\n"
    )
    art = make_article(text, "h", fmt="txt", source="test")
    ex = run_stages(nlp(mask(art.text, art.excluded)), Extraction(art))
    head = [q for q in ex.quotes if q.start < 50]
    assert [(q.text, q.speaker_name, q.cue) for q in head] == [
        ("Reform of the tax office is coming soon", "Jane Doe", None)
    ]


def test_bare_attribution_sentence_after_the_quote(analyse_text):
    qs = _quotes(
        analyse_text, "Maria Lopez spoke first. “The water supply is safe for everyone.” Peter Hall said."
    )
    assert [(q.text, q.speaker_name, q.cue) for q in qs] == [
        ("The water supply is safe for everyone", "Peter Hall", "said")
    ]


def test_unnamed_spokesman_of_an_organisation(analyse_text):
    q = _one(analyse_text, "A spokesman for the World Health Organization said that the outbreak was over.")
    assert q.speaker_name == "the World Health Organization" or q.speaker_name == "World Health Organization"
    assert q.speaker_method == "role-organisation" and q.confidence < 0.4


def test_date_comes_from_the_attribution_not_the_content(nlp):
    """The time stage fills ex.timexes; here one is added by hand in its place."""
    from newsledger.extract import stage_modules
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.records import Timex

    text = "On Tuesday, Jane Doe said that the troops would leave by the end of 2025."
    art = make_article(text, "d", fmt="jsonl", source="test", published="2024-03-07")
    doc = nlp(text)
    quotes_stage = next(m for m in stage_modules() if m.NAME == "quotes")

    def run(timexes):
        ex = Extraction(art)
        ex.add(next(m for m in stage_modules() if m.ORDER == 10).extract(doc, ex))
        ex.timexes = timexes
        return quotes_stage.extract(doc, ex)

    in_content = Timex(art.id, 56, 71, text[56:71], "DATE", "2025-12", sent_start=0, sent_end=len(text))
    tuesday = Timex(art.id, 3, 10, "Tuesday", "DATE", "2024-03-05", sent_start=0, sent_end=len(text))
    assert [q.date for q in run([in_content])] == [None]
    assert [q.date for q in run([tuesday, in_content])] == ["2024-03-05"]


def test_quote_over_paragraphs_continues_with_its_speaker(analyse_text):
    text = (
        "“We are against rules that make farming impossible,” Arnaud Roux told the paper. "
        "“Nobody in the capital listens to us.\n\n“They will listen to us now.”"
    )
    qs = _quotes(analyse_text, text)
    assert [q.text for q in qs] == [
        "We are against rules that make farming impossible",
        "Nobody in the capital listens to us",
        "They will listen to us now",
    ]
    assert [q.speaker_name for q in qs] == ["Arnaud Roux"] * 3
    assert [q.speaker_method for q in qs][1:] == ["continuation", "continuation"]


def test_pronoun_prefers_a_newer_subject_over_an_older_speaker(analyse_text):
    qs = _quotes(
        analyse_text,
        "Maria Lopez said that the talks had failed. "
        "Later, Tom Baker met Anna Schmidt in Berlin. "
        "He said that a new round would start soon.",
    )
    assert [q.speaker_name for q in qs] == ["Maria Lopez", "Tom Baker"]
    assert qs[1].speaker_method == "pronoun-subject"


def test_that_of_a_relative_clause_is_not_a_report(analyse_text):
    assert _quotes(analyse_text, "The minister said nothing that mattered to the striking workers.") == []


def test_quoted_as_saying(analyse_text):
    q = _one(analyse_text, "Jane Doe was quoted as saying that the deal was dead.")
    assert (q.text, q.cue, q.speaker_name) == ("the deal was dead", "saying", "Jane Doe")


def test_the_company_is_the_organisation_named_before(analyse_text):
    qs = _quotes(
        analyse_text,
        "Shares of Acme Corporation fell sharply on Monday. "
        "The company said that it would appeal the ruling.",
    )
    assert [(q.text, q.speaker_method) for q in qs] == [("it would appeal the ruling", "description")]
    assert qs[0].speaker_name == "Acme Corporation"


def test_described_organisation_is_named_by_its_description(analyse_text):
    q = _one(analyse_text, "The port authority said on Monday that ships would sail again.")
    assert (q.text, q.speaker_name, q.speaker_method) == ("ships would sail again", "port authority", "group")


def test_a_named_persons_office_speaks_as_itself(analyse_text):
    q = _one(
        analyse_text,
        "Ministers met in Brussels on Monday. "
        "Macron's office said that the president would attend the summit.",
    )
    assert (q.speaker_name, q.text) == ("Macron's office", "the president would attend the summit")


def test_medium_does_not_spread_to_another_cue_of_the_speaker(analyse_text):
    qs = _quotes(
        analyse_text,
        "Jane Doe said that the vote was fair. She added in a tweet that the count would be published soon.",
    )
    assert [q.medium for q in qs] == [None, "tweet"]
    assert [q.inherited for q in qs] == [(), ()]


def test_medium_goes_on_to_the_quote_continuing_the_statement(analyse_text):
    qs = _quotes(analyse_text, "“The count was fair,” Jane Doe said in a tweet. “It will be published soon.”")
    assert [q.medium for q in qs] == ["tweet", "tweet"]
    assert [q.inherited for q in qs] == [(), ("medium",)]


def test_a_subject_inside_reported_speech_is_not_a_pronouns_antecedent(analyse_text):
    qs = _quotes(
        analyse_text,
        "Amnesty International said that the United Nations had failed the "
        "refugees. It added that a new report would follow in May.",
    )
    assert [q.speaker_name for q in qs] == ["Amnesty International", "Amnesty International"]


def test_headline_in_single_marks(nlp):
    from newsledger.extract import run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article
    from newsledger.ingest.boilerplate import mask

    text = (
        "Jane Doe: ‘Reform of the tax office is coming soon’\n"
        "Jane Doe spoke to reporters in Paris on Monday about the plans of her party.\n"
    )
    art = make_article(text, "h", fmt="txt", source="test")
    ex = run_stages(nlp(mask(art.text, art.excluded)), Extraction(art))
    assert [(q.text, q.speaker_name) for q in ex.quotes if q.start < 55] == [
        ("Reform of the tax office is coming soon", "Jane Doe")
    ]
