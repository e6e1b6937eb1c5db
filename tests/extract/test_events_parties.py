"""Parties of military acts and of refusals told in reported speech (sm model)."""
from __future__ import annotations

import pytest

from newsledger.extract.events import args as A


def _coded(analyse_text, text):
    ex = analyse_text(text)
    return [(e.type, e.source_id, e.target_id, e.source_text, e.target_text) for e in ex.events]


def test_a_people_that_must_withdraw_is_its_forces(analyse_text):
    got = _coded(analyse_text,
                 "Ali Khamenei stressed the need for the Americans to leave the region.")
    assert got == [("REQUEST", "ali_khamenei", "us_forces", "Ali Khamenei", "Americans")]


def test_a_people_as_the_object_of_an_expulsion_is_its_forces(analyse_text):
    got = _coded(analyse_text, "Joe Biden vowed to expel the Iranians from Syria.")
    assert [g[1:] for g in got] == [("joe_biden", "iran_armed_forces", "Joe Biden", "Iranians")]


@pytest.mark.parametrize("text, forces", [
    ("The Americans are worried about prices.", None),
    ("The Americans will withdraw from the base.", "us_forces"),
    ("Militias launched attacks on the Iranians.", "iran_armed_forces"),
    ("The American will withdraw from the base.", None),       # one person, not a people
])
def test_which_peoples_stand_for_their_forces(nlp, text, forces):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_.startswith(("american", "iranian")))
    got = A._forces_of_people(tok)
    assert (got.id if got is not None else None) == forces


def test_the_side_of_an_actor_in_the_kb():
    assert A.side_of("lloyd_austin") == "united_states"      # a role in the US government
    assert A.side_of("us_forces") == "united_states"
    assert A.side_of("iran") == "iran"
    assert A.side_of("no_such_actor") is None


def test_own_side_refusal_in_speech_is_the_speakers_with_no_target(analyse_text):
    got = _coded(analyse_text,
                 "Lloyd Austin said that there were no plans for Washington to withdraw its "
                 "forces from Syria.")
    assert got == [("REJECT", "lloyd_austin", None, "Lloyd Austin", None)]


def test_other_sides_refused_act_is_the_target(analyse_text):
    got = _coded(analyse_text,
                 "Ali Khamenei said that there were no plans for Washington to withdraw its "
                 "forces from Syria.")
    assert [g[:3] for g in got] == [("REJECT", "ali_khamenei", "us_government")]


def test_a_refusal_attributed_to_unnamed_sources_keeps_its_party(analyse_text):
    got = _coded(analyse_text, "Russia will not withdraw its troops from Syria, sources said.")
    assert got == [("REJECT", "russia", "syria", "Russia", "Syria")]
