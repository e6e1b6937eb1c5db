"""Parties of military acts and of refusals told in reported speech (sm model)."""

from __future__ import annotations

import pytest

from newsledger.extract.events import args as A


def _coded(analyse_text, text):
    ex = analyse_text(text)
    return [(e.type, e.source_id, e.target_id, e.source_text, e.target_text) for e in ex.events]


def test_a_people_that_must_withdraw_is_its_forces(analyse_text):
    got = _coded(analyse_text, "Ali Khamenei stressed the need for the Americans to leave the region.")
    assert got == [("REQUEST", "ali_khamenei", "us_forces", "Ali Khamenei", "Americans")]


def test_a_people_as_the_object_of_an_expulsion_is_its_forces(analyse_text):
    got = _coded(analyse_text, "Joe Biden vowed to expel the Iranians from Syria.")
    assert [g[1:] for g in got] == [("joe_biden", "iran_armed_forces", "Joe Biden", "Iranians")]


@pytest.mark.parametrize(
    "text, forces",
    [
        ("The Americans are worried about prices.", None),
        ("The Americans will withdraw from the base.", "us_forces"),
        ("Militias launched attacks on the Iranians.", "iran_armed_forces"),
        ("The American will withdraw from the base.", None),  # one person, not a people
    ],
)
def test_which_peoples_stand_for_their_forces(nlp, text, forces):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_.startswith(("american", "iranian")))
    got = A._forces_of_people(tok)
    assert (got.id if got is not None else None) == forces


def test_the_side_of_an_actor_in_the_kb():
    assert A.side_of("lloyd_austin") == "united_states"  # a role in the US government
    assert A.side_of("us_forces") == "united_states"
    assert A.side_of("iran") == "iran"
    assert A.side_of("no_such_actor") is None


def test_own_side_refusal_in_speech_is_the_speakers_with_no_target(analyse_text):
    got = _coded(
        analyse_text,
        "Lloyd Austin said that there were no plans for Washington to withdraw its forces from Syria.",
    )
    assert got == [("REJECT", "lloyd_austin", None, "Lloyd Austin", None)]


def test_other_sides_refused_act_is_the_target(analyse_text):
    got = _coded(
        analyse_text,
        "Ali Khamenei said that there were no plans for Washington to withdraw its forces from Syria.",
    )
    assert [g[:3] for g in got] == [("REJECT", "ali_khamenei", "us_government")]


def test_a_refusal_attributed_to_unnamed_sources_keeps_its_party(analyse_text):
    got = _coded(analyse_text, "Russia will not withdraw its troops from Syria, sources said.")
    assert got == [("REJECT", "russia", "syria", "Russia", "Syria")]


def _moods(analyse_text, text):
    ex = analyse_text(text)
    for e in ex.events:
        assert ex.article.text[e.start : e.end] == e.text
    return [(e.type, e.source_text, e.target_text, e.target_id, e.text, e.hypothetical) for e in ex.events]


def test_a_place_left_stands_for_its_country(analyse_text):
    got = _moods(analyse_text, "US forces withdrew from the Al Udeid Air Base on Friday.")
    assert got == [
        (
            "RETREAT",
            "US forces",
            "Al Udeid Air Base",
            "qatar",
            "US forces withdrew from the Al Udeid Air Base",
            False,
        )
    ]


def test_a_bare_definite_noun_names_the_earlier_phrase_again(analyse_text):
    got = _moods(
        analyse_text,
        "Turkish troops entered the Balad air base on Monday to escort US forces as they leave the base.",
    )
    assert got == [("RETREAT", "US forces", "the base", "iraq", "they leave the base", False)]


def test_a_deed_the_other_side_foretells_is_no_act_yet(analyse_text):
    got = _moods(
        analyse_text,
        "Turkish President Recep Tayyip Erdogan said the Russian troops would withdraw from Syria.",
    )
    assert [(g[0], g[1], g[3], g[-1]) for g in got] == [("AGREE", "Russian troops", "syria", True)]


def test_an_act_whose_subject_clause_is_future_is_still_ahead(analyse_text):
    got = _moods(
        analyse_text, "He said the withdrawal of Turkish troops from Syria would be announced on December 31."
    )
    assert got == [
        ("RETREAT", "Turkish troops", "Syria", "syria", "withdrawal of Turkish troops from Syria", True)
    ]


def test_a_date_is_no_party_of_an_act(analyse_text):
    got = _moods(
        analyse_text, "The killing of the rebel leader Ivan Petrovic on January 5 angered the villagers."
    )
    assert [(g[0], g[2], g[4]) for g in got] == [
        ("ASSAULT", "the rebel leader", "killing of the rebel leader")
    ]


def test_an_act_named_as_a_goal_is_coded_once_as_the_demand(analyse_text):
    got = _moods(
        analyse_text,
        "Peter Novak said the withdrawal of all Turkish troops from "
        "Syria is an objective that cannot be negotiated.",
    )
    assert [(g[0], g[1], g[3]) for g in got] == [("REQUEST", "Peter Novak", "turkey_armed_forces")]


def test_a_similar_act_has_the_parties_of_the_like_act_before(analyse_text):
    ex = analyse_text(
        "Hundreds of students protested against the government on Thursday. "
        "A similar protest took place in the capital on Friday night."
    )
    got = [(e.type, e.source_name, e.target_name, e.text, e.source_text) for e in ex.events]
    assert got == [
        (
            "PROTEST",
            "students",
            "government",
            "Hundreds of students protested against the government",
            "students",
        ),
        # the parties are named where the like act is told, not here
        ("PROTEST", "students", "government", "similar protest", None),
    ]


def test_a_protest_naming_no_party_and_no_like_act_is_no_event(analyse_text):
    assert analyse_text("A protest took place in the capital on Friday night.").events == []


def test_an_act_that_happened_stays_real_whatever_is_ahead_for_it(analyse_text):
    got = _moods(
        analyse_text, "The killing of the journalist by Israeli forces will be investigated by the UN."
    )
    assert [(g[0], g[1], g[-1]) for g in got if g[0] == "ASSAULT"] == [("ASSAULT", "Israeli forces", False)]


def test_a_withdrawal_is_never_from_the_doers_own_country(analyse_text):
    got = _moods(analyse_text, "French troops left the country after the coup in Niger.")
    assert [(g[0], g[1], g[3]) for g in got] == [("RETREAT", "French troops", None)]


def test_a_place_the_kb_does_not_know_stands_for_the_country_it_is_said_to_be_in(analyse_text):
    got = _moods(analyse_text, "US troops left the Tanf base in Syria on Friday.")
    assert [(g[0], g[1], g[3]) for g in got] == [("RETREAT", "US troops", "syria")]


@pytest.mark.parametrize(
    "text",
    [
        # the clause names its own target: no echo
        "Israeli jets struck Gaza on Monday. Talks resumed in Cairo. A similar strike hit Rafah in May.",
        # too far back for "similar" to point at it
        "Students protested against the government on Thursday. Prices rose. Rain fell. "
        "Markets closed. Shops opened. A similar protest took place in the capital on Friday night.",
    ],
)
def test_a_similar_act_echoes_only_a_like_act_just_before(analyse_text, text):
    assert len(analyse_text(text).events) == 1


@pytest.mark.parametrize(
    "text, target_text",
    [
        # a place or thing an act is done to, whose phrase names who holds it
        (
            "Israeli helicopters shelled positions of the Palestinian security forces.",
            "Palestinian security forces",
        ),
        ("Burundian militiamen attacked a camp for Congolese refugees.", "Congolese refugees"),
        ("Israeli tanks fired shells at targets in Jericho.", "Jericho"),
        # a place whose phrase names no holder stays the target
        ("Israeli helicopters shelled the positions.", "positions"),
    ],
)
def test_the_holder_of_a_place_acted_on_is_the_target(analyse_text, text, target_text):
    got = _coded(analyse_text, text)
    assert [(g[0], g[4]) for g in got] == [("ASSAULT", target_text)]


def test_a_passive_verb_sharing_an_active_subject_is_done_to_it(analyse_text):
    # "He took her captive ... and WAS ARRESTED": he is arrested, not the arrester
    got = _coded(analyse_text, "Brian Nichols took her captive and was arrested in August.")
    assert ("COERCE", None, "Brian Nichols") in [(g[0], g[3], g[4]) for g in got]
    assert all(g[3] != "Brian Nichols" for g in got if g[0] == "COERCE")


def test_a_reduced_relative_participle_is_done_to_its_noun(nlp):
    # the parser reads "the woman ACCUSED of killing" as a clause (ccomp) with the woman as
    # its subject: she is the one accused
    doc = nlp("Kenneth Dorsey says the woman accused of killing two co-workers is a good person.")
    verb = next(t for t in doc if t.lower_ == "accused")
    assert verb.dep_ == "ccomp"
    subj, passive = A.subject_of(verb)
    assert (subj.text, passive) == ("woman", True)
    # a main verb the tagger took for a participle keeps its subject as the doer
    doc = nlp("Hundreds of students protested against the government in Nairobi.")
    assert A.subject_of(next(t for t in doc if t.lower_ == "protested"))[1] is False


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gerund under a preposition of a passive clause is done to that clause's subject
        (
            "Jared Allen was suspended for four games after being charged with DUI twice.",
            ("ACCUSE", None, "Jared Allen"),
        ),
    ],
)
def test_the_party_of_a_charge_is_the_person_charged(analyse_text, text, expected):
    got = _coded(analyse_text, text)
    assert [(g[0], g[3], g[4]) for g in got if g[0] == "ACCUSE"] == [expected]


def test_a_charge_named_with_a_preposition_is_no_party(analyse_text):
    got = _coded(analyse_text, "The suspension came a year after being charged with DUI by the NFL.")
    # the charge ("DUI", an organisation's acronym to the entity stage) was the target
    assert [(g[0], g[3], g[4]) for g in got] == [("ACCUSE", "NFL", None)]
