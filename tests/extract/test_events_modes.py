"""Issue 14: sides are actors, each event has a mode (factuality), verbal vs material,
de-escalation, pledges of force, clause-bound negation and dates (sm model)."""

from __future__ import annotations

from newsledger.extract.events import sides


def _events(analyse_text, text, published=None):
    ex = analyse_text(text, published=published)
    for e in ex.events:
        assert ex.article.text[e.start : e.end] == e.text
    return ex.events


def _rows(evs):
    return [(e.type, e.source_text, e.target_text, e.factuality) for e in evs]


def test_a_denial_is_a_reject_and_the_denied_act_is_stored_as_denied(analyse_text):
    evs = _events(analyse_text, "Hamas denied reports that it had resumed its attacks on Israeli forces.")
    assert _rows(evs) == [
        ("REJECT", "Hamas", None, "asserted"),
        ("ASSAULT", "Hamas", "Israeli forces", "denied"),
    ]
    assert evs[1].negated  # never counted as happened
    assert evs[1].source_name == "Hamas"


def test_a_reported_attack_is_reported(analyse_text):
    evs = _events(analyse_text, "Russian forces reportedly attacked Ukrainian positions near Kharkiv.")
    assert _rows(evs) == [("ASSAULT", "Russian forces", "Ukrainian positions", "reported")]


def test_an_attack_told_by_another_party_is_reported(analyse_text):
    evs = _events(analyse_text, "Police said militants attacked the checkpoint.")
    assert _rows(evs) == [("ASSAULT", "militants", "checkpoint", "reported")]


def test_a_threat_is_threaten(analyse_text):
    evs = _events(
        analyse_text, "The Houthis warned the United States that they would attack American warships."
    )
    assert [(e.type, e.cameo, e.source_name, e.factuality) for e in evs] == [
        ("THREATEN", "130", "Houthis", "asserted")
    ]


def test_would_resume_attacks_is_a_threat_not_an_attack(analyse_text):
    evs = _events(analyse_text, "Hamas said it would resume attacks on Israeli forces.")
    assert [(e.type, e.cameo, e.recoded_from, e.target_text) for e in evs] == [
        ("THREATEN", "138", "ASSAULT", "Israeli forces")
    ]


def test_a_pledge_of_force_is_a_threat(analyse_text):
    evs = _events(analyse_text, "The Pentagon pledged an overwhelming response to the Houthis.")
    assert [(e.type, e.cameo, e.target_text) for e in evs] == [("THREATEN", "138", "Houthis")]


def test_a_promise_to_use_force_is_a_threat(analyse_text):
    evs = _events(analyse_text, "The Pentagon promised to use overwhelming force against the militia.")
    assert [(e.type, e.cameo) for e in evs] == [("THREATEN", "138")]


def test_a_suspension_of_attacks_is_de_escalation(analyse_text):
    evs = _events(analyse_text, "The Houthis announced a suspension of attacks on shipping.")
    assert [(e.type, e.cameo, e.source_text) for e in evs] == [("RETREAT", "0871", "Houthis")]


def test_halting_an_offensive_is_de_escalation(analyse_text):
    evs = _events(analyse_text, "The army halted its offensive against the rebels.")
    assert [(e.type, e.cameo, e.source_text, e.target_text) for e in evs] == [
        ("RETREAT", "0871", "army", "rebels")
    ]


def test_a_conditional_attack_is_hypothetical(analyse_text):
    evs = _events(analyse_text, "If Israel attacks Lebanon, Hezbollah will retaliate.")
    assert [(e.type, e.source_text, e.target_text, e.factuality) for e in evs if e.type == "ASSAULT"] == [
        ("ASSAULT", "Israel", "Lebanon", "hypothetical")
    ]


def test_self_defence_when_attacked_is_a_condition(analyse_text):
    evs = _events(
        analyse_text, "Kataib Hezbollah directed its members to practise self-defence when attacked."
    )
    assert [(e.type, e.factuality) for e in evs] == [("ASSAULT", "hypothetical")]


def test_a_verbal_attack_on_an_idea_is_criticism(analyse_text):
    evs = _events(analyse_text, "Donald Trump attacked the hateful ideology of radical Islam.")
    assert [(e.type, e.cameo, e.source_text) for e in evs] == [("ACCUSE", "111", "Donald Trump")]


def test_an_abstract_noun_is_no_side(analyse_text):
    evs = _events(analyse_text, "Barack Obama praised the vigor of the campaign.")
    assert _rows(evs) == [("SUPPORT", "Barack Obama", None, "asserted")]


def test_a_dateline_is_no_side(analyse_text):
    text = "ERBIL, Kurdistan Region - Drones attacked a base near the airport on Sunday."
    assert sides.datelines(text) == [(0, 26)]
    assert sides.datelines("TEHRAN, Sep. 07 (MNA) - Iran and Iraq agreed.") == [(0, 24)]
    assert sides.datelines("Iran said - again - it agreed.") == []
    evs = _events(analyse_text, text)
    assert all(e.source_text not in ("ERBIL", "Erbil") for e in evs)
    assert all(e.source_name != "Erbil" for e in evs)


def test_negation_in_a_later_clause_does_not_reach_a_relative_clause(analyse_text):
    evs = _events(
        analyse_text, "The militants, who have attacked American bases in Syria, will not stop Washington."
    )
    assert [(e.type, e.source_text, e.target_text, e.negated, e.factuality) for e in evs] == [
        ("ASSAULT", "militants", "American bases", False, "asserted")
    ]


def test_a_clock_time_does_not_take_another_attacks_date(analyse_text):
    text = (
        "Militants attacked a US base in Erbil on Sunday.\n\n"
        "A second attack hit the airport around 9:30 p.m. local time, officials said. "
        "Gunmen attacked a checkpoint around 9:30 p.m."
    )
    evs = _events(analyse_text, text, published="2024-01-10")
    dated = [(e.trigger, e.date) for e in evs if e.type == "ASSAULT"]
    assert dated[0] == ("attacked", "2024-01-07")
    assert ("attacked", None) in dated[1:]


def test_a_year_before_1900_dates_no_event(analyse_text):
    evs = _events(analyse_text, "Rebels have attacked the government since 1789.")
    assert [(e.type, e.date) for e in evs] == [("ASSAULT", None)]


def test_side_kinds():
    from newsledger.extract.events.args import Actor

    def phrase(name):
        return Actor(None, name, 0, len(name), "phrase")

    assert [
        sides.kind(phrase(n))
        for n in (
            "vigor",
            "commitment",
            "invitation",
            "hateful ideology",
            "partition",
            "attacks",
            "protesters",
            "the militia",
            "bombers",
            "the base",
        )
    ] == [
        "abstract",
        "abstract",
        "abstract",
        "abstract",
        "abstract",
        "abstract",
        "actor",
        "actor",
        "actor",
        "place",
    ]
    assert sides.allowed(phrase("the base"), 4) and not sides.allowed(phrase("the base"), 1)
