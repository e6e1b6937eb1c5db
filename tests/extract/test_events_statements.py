"""Statements that threaten or accuse without a verb of that act (sm model)."""

from __future__ import annotations

import pytest


def _coded(analyse_text, text):
    ex = analyse_text(text)
    for e in ex.events:
        assert ex.article.text[e.start : e.end] == e.text
    return [
        (e.type, e.source_text, e.target_text, e.text) for e in ex.events if e.type in ("THREATEN", "ACCUSE")
    ]


def test_warned_consequences_are_a_threat_on_the_subject(analyse_text):
    got = _coded(analyse_text, "Peter Novak said that Serbia will face the consequences.")
    assert got == [
        ("THREATEN", "Peter Novak", "Serbia", "Peter Novak said that Serbia will face the consequences")
    ]


def test_a_conditional_threat_is_still_made(analyse_text):
    ex = analyse_text("Peter Novak said that if Serbia sends troops, Serbia will pay a heavy price.")
    threats = [e for e in ex.events if e.type == "THREATEN"]
    assert [(e.source_text, e.target_text, e.hypothetical) for e in threats] == [
        ("Peter Novak", "Serbia", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Serbia faced the consequences of the war.",  # past: no warning
        "Peter Novak said that Serbia faced the consequences.",  # reported, but past
        "Peter Novak said that we will face the consequences.",  # the speaker's own lot
        "Serbia will face the consequences.",  # nobody says it
    ],
)
def test_no_threat(analyse_text, text):
    assert [g for g in _coded(analyse_text, text) if g[0] == "THREATEN"] == []


def test_lack_of_seriousness_accuses_its_owner(analyse_text):
    got = _coded(
        analyse_text, "Peter Novak said the delay showed the Serbian government's lack of seriousness."
    )
    assert [(t, s, g) for t, s, g, _ in got] == [("ACCUSE", "Peter Novak", "Serbian government")]


def test_lack_of_money_accuses_nobody(analyse_text):
    got = _coded(analyse_text, "Peter Novak said the delay showed the government's lack of money.")
    assert got == []


def test_ascribed_hostile_intent_is_an_accusation(analyse_text):
    got = _coded(analyse_text, "Peter Novak said that Serbia intends to destabilize the region.")
    assert [(t, s, g) for t, s, g, _ in got] == [("ACCUSE", "Peter Novak", "Serbia")]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak said that Serbia intends to improve relations.",  # no harm intended
        "Peter Novak said that we intend to end the occupation.",  # the speaker's own aim
        "Serbia intends to destabilize the region.",  # nobody says it
    ],
)
def test_no_accusation_of_intent(analyse_text, text):
    assert _coded(analyse_text, text) == []


def test_unsaid_target_of_a_demand_comes_from_the_same_speakers_demand(analyse_text):
    ex = analyse_text(
        "Peter Novak called on Serbia to withdraw its troops. "
        '"All the bases must be handed over by May," Peter Novak said.'
    )
    reqs = [(e.text, e.target_name, e.target_from) for e in ex.events if e.type == "REQUEST"]
    assert len(reqs) == 2, reqs
    assert reqs[0][1:] == ("Serbia", None)
    assert reqs[1][1:] == ("Serbia", "discourse")


def test_a_demand_with_no_like_act_keeps_no_target(analyse_text):
    ex = analyse_text('"All the bases must be handed over by May," Peter Novak said.')
    assert [(e.type, e.target_name, e.target_from) for e in ex.events] == [("REQUEST", None, None)]


def test_a_deed_told_again_without_its_party_is_dropped(analyse_text):
    ex = analyse_text(
        "The Serbian troops withdrew from Kosovo on Monday. The Serbian troops withdrew quickly."
    )
    assert [(e.type, e.target_name) for e in ex.events] == [("RETREAT", "Kosovo")]


def test_predicate_noun_that_brings_harm_accuses_the_subject(analyse_text):
    got = _coded(
        analyse_text, "Peter Novak said that Serbia had become a source of instability in the region."
    )
    assert [(t, s, g) for t, s, g, _ in got] == [("ACCUSE", "Peter Novak", "Serbia")]


def test_predicate_noun_that_brings_no_harm_accuses_nobody(analyse_text):
    assert (
        _coded(analyse_text, "Peter Novak said that Serbia had become a source of growth in the region.")
        == []
    )


def test_an_act_named_as_the_speakers_goal_is_a_demand_on_its_party(analyse_text):
    ex = analyse_text(
        "Peter Novak said that the withdrawal of the Serbian troops was "
        "an objective that cannot be negotiated."
    )
    got = [(e.type, e.source_text, e.target_text) for e in ex.events if e.type != "RETREAT"]
    assert got == [("REQUEST", "Peter Novak", "Serbian troops")]


def test_an_act_denied_as_a_goal_demands_nothing(analyse_text):
    ex = analyse_text("Peter Novak said that the withdrawal of the Serbian troops was not an objective.")
    assert [e for e in ex.events if e.type == "REQUEST"] == []


def test_a_quoted_demand_is_the_speakers_not_the_relayers(nlp):
    """Where the quote stage found another speaker than the parse's reporter (a relaying
    outlet: "X said .., the agency reported"), the quote's speaker makes the demand."""
    from dataclasses import replace

    from newsledger.extract import events, run_stages
    from newsledger.extract.base import Extraction
    from newsledger.ingest import make_article

    art = make_article(
        "Peter Novak said that Serbia must withdraw its troops.", "t", fmt="jsonl", source="test"
    )
    doc = nlp(art.text)
    ex = run_stages(doc, Extraction(art))
    assert [(e.type, e.source_name) for e in ex.events] == [("REQUEST", "Peter Novak")]
    ex.quotes = [replace(q, speaker_id="ana_kovac", speaker_name="Ana Kovac") for q in ex.quotes]
    got = [(e.type, e.source_name, e.target_text) for e in events.extract(doc, ex)]
    assert got == [("REQUEST", "Ana Kovac", "Serbia")]


def _threats(analyse_text, text):
    ex = analyse_text(text)
    for e in ex.events:
        assert ex.article.text[e.start : e.end] == e.text
    return [
        (e.source_text, e.target_text, e.target_id, e.text, e.negated)
        for e in ex.events
        if e.type == "THREATEN"
    ]


def test_a_dream_of_safety_called_an_illusion_threatens_the_party(analyse_text):
    # "its soldiers": the forces of the country the sentence named before the pronoun
    got = _threats(
        analyse_text,
        "Peter Novak said that the Turkish dream that its soldiers will be at peace in Syria is an illusion.",
    )
    assert got == [("Peter Novak", "soldiers", "turkey_armed_forces", "soldiers will be at peace", False)]


def test_denied_safety_is_a_threat_not_a_negated_act(analyse_text):
    got = _threats(analyse_text, "Peter Novak said that Turkish troops will never be safe in Syria.")
    assert got == [
        (
            "Peter Novak",
            "Turkish troops",
            "turkey_armed_forces",
            "Peter Novak said that Turkish troops will never be safe",
            False,
        )
    ]


def test_one_last_chance_is_an_ultimatum_by_its_giver_on_its_receiver(analyse_text):
    got = _threats(
        analyse_text, "Peter Novak said the rebels will give the Turkish troops one last chance to leave."
    )
    assert got == [
        (
            "rebels",
            "Turkish troops",
            "turkey_armed_forces",
            "rebels will give the Turkish troops one last chance",
            False,
        )
    ]
    got = _threats(analyse_text, "Hamas gave Israel a final chance to accept the deal, a spokesman said.")
    assert [g[:2] for g in got] == [("Hamas", "Israel")]


def test_we_give_a_last_chance_is_the_speakers_ultimatum(analyse_text):
    got = _threats(
        analyse_text, 'Peter Novak said: "We will give the Turkish troops one last chance to leave."'
    )
    assert [g[:3] for g in got] == [("Peter Novak", "Turkish troops", "turkey_armed_forces")]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak said the mayor hopes residents will feel at ease.",  # a wish, not denied
        "Peter Novak said that the dream that we will be safe is an illusion.",  # the speaker's side
        "Turkish troops will never be safe in Syria.",  # nobody says it
        "Peter Novak said Turkish troops are safe in Syria.",  # safety affirmed
        "Peter Novak said the ministry will give students a chance to apply.",  # no last chance
        "Peter Novak said that the Turkish government will give us another chance.",  # to the speaker
        "Residents of Kharkiv told Reuters they do not feel safe in the city.",  # a complaint
        "The minister said Ukrainians will never live in peace under Russian occupation.",  # no force
        "Peter Novak said lawmakers will give Congress one more chance.",  # no last chance
    ],
)
def test_no_threat_of_safety_or_ultimatum(analyse_text, text):
    assert _threats(analyse_text, text) == []
