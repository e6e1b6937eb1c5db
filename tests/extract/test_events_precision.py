"""Events an analyst can keep: headlines, roles of participles, parties named below the
act, words that are no acts (found wrong in the precision audit, bench/audit)."""

from __future__ import annotations


def _coded(analyse_text, text):
    ex = analyse_text(text)
    return [(e.type, e.source_name, e.target_name, e.trigger) for e in ex.events]


def test_an_unmarked_headline_line_is_not_coded_again(analyse_text):
    text = (
        "Yvonne Hiller Charged With Two Counts Of Murder\n"
        "Police charged Yvonne Hiller with two counts of murder on Friday."
    )
    got = _coded(analyse_text, text)
    assert [g[3] for g in got] == ["charged"]
    assert got[0][2] == "Yvonne Hiller"


def test_which_lines_are_headlines(nlp):
    from newsledger.extract.events import _headline_line

    def first_verb(text):
        return next(t for t in nlp(text) if t.lower_ == "charged")

    assert _headline_line(first_verb("Yvonne Hiller Charged With Murder\nPolice said she shot two."))
    assert _headline_line(first_verb("Man charged with murdering mother in Cumbria\nA man was held."))
    # a line the next one continues, a line ending a sentence, a text of one line
    assert not _headline_line(first_verb("Police Chief Ray Peavy Charged\nthe woman with murder."))
    assert not _headline_line(
        first_verb("A man whom the police had been looking for since the summer was charged on\nFriday.")
    )
    assert not _headline_line(first_verb("Yvonne Hiller Was Charged With Murder.\nPolice said so."))
    assert not _headline_line(first_verb("Yvonne Hiller Charged With Murder"))
    # a date line under a headline does not continue it
    assert _headline_line(
        first_verb("Jamal Williams Charged For DUI\non February 4 , 2009\nWilliams was held.")
    )


def test_an_active_participle_keeps_the_doer_of_a_passive_clause(analyse_text):
    # Ortiz was killed (a target) while he investigated (a source)
    got = _coded(analyse_text, "Jerry Ortiz was killed while investigating Jose Orozco.")
    investigating = [g for g in got if g[3] == "investigating"]
    assert investigating == [("ACCUSE", "Jerry Ortiz", "Jose Orozco", "investigating")]


def test_a_party_named_below_the_act(analyse_text):
    got = _coded(analyse_text, "Iran threatened to cut off electricity to Azerbaijan.")
    assert [(g[0], g[1], g[2]) for g in got] == [("THREATEN", "Iran", "Azerbaijan")]


def test_a_place_is_the_party_of_a_curfew_but_not_of_a_shooting(analyse_text):
    got = _coded(analyse_text, "Abdelaziz Bouteflika threatened to impose a curfew in Algiers.")
    assert [(g[0], g[2]) for g in got] == [("THREATEN", "Algiers")]
    got = _coded(analyse_text, "A gunman opened fire in Algiers on Friday.")
    assert all(g[2] is None for g in got)


def test_checking_into_a_clinic_and_lying_are_no_acts(analyse_text):
    assert _coded(analyse_text, "Lindsay Lohan checked into the Betty Ford Center on Thursday.") == []
    assert _coded(analyse_text, "Peter Lynch said the woman was lying on the ground.") == []


def test_a_named_thing_is_no_side(analyse_text):
    got = _coded(analyse_text, "The Indian navy seized six AK-47 rifles from the boats.")
    assert all(g[2] is None or "AK" not in g[2] for g in got)


def test_an_accusation_is_of_the_doer_of_its_content(analyse_text):
    got = _coded(
        analyse_text, "Tim Fanning alleged that Eric Kirkpatrick opened fire at an office, killing Ben Banky."
    )
    alleged = [g for g in got if g[3] == "alleged"]
    assert alleged == [("ACCUSE", "Tim Fanning", "Eric Kirkpatrick", "alleged")]


def test_a_place_before_a_word_for_one_person_is_where_the_person_is_from(analyse_text):
    got = _coded(analyse_text, "A 57-year-old Wasilla woman was indicted by a federal grand jury.")
    assert [(g[0], g[2]) for g in got] == [("ACCUSE", "57-year-old Wasilla woman")]


def test_what_is_investigated_is_its_object_not_where(analyse_text):
    got = _coded(analyse_text, "Police are investigating a fire at a Waitrose supermarket in Wellington.")
    assert [(g[0], g[1], g[2]) for g in got] == [("ACCUSE", "Police", None)]
