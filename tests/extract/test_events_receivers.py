"""Who an act is done to when its object is not the party (events/receivers.py; sm model)."""

from __future__ import annotations

import pytest


def _sides(analyse_text, text):
    return [(e.type, e.source_text, e.target_text) for e in analyse_text(text).events]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a force or thing of the doer's own is what it gives or sends, not its party
        ("Syria offered its troops to Lebanon.", ("AGREE", "Syria", "Lebanon")),
        ("Pakistan refused to deploy peacekeepers in Iraq.", ("REJECT", "Pakistan", "Iraq")),
        ("Britain mobilized army reservists for a war against Iraq.", ("MOBILIZE", "Britain", "Iraq")),
        # a threat is aimed at whoever must comply with its condition
        (
            "Hamas threatened to resume attacks unless Israel lifted the blockade.",
            ("THREATEN", "Hamas", "Israel"),
        ),
        # a demand whose content has a subject of its own asks that subject
        (
            "Palestinian officials demanded that the United States stop the raids.",
            ("REQUEST", "Palestinian officials", "United States"),
        ),
        # an act with no object acts on the subject of its to-complement
        (
            "The court decided to allow Alassane Ouattara to run in the election.",
            ("CONCEDE", "court", "Alassane Ouattara"),
        ),
        # a people word used as an adjective makes no actor of a thing ("official contact")
        (
            "Palestinian leaders said they would boycott all official contact with the United States.",
            ("THREATEN", "Palestinian leaders", "United States"),
        ),
        # a city blockaded is the target, even of its own country's farmers
        ("French farmers said they would blockade Paris.", ("THREATEN", "French farmers", "Paris")),
        # "the town of X" is X
        (
            "U.N. helicopters evacuated the wounded from the besieged town of Gorazde.",
            ("AID", "U.N.", "Gorazde"),
        ),
        (
            "Iran threatened to cut off electricity to the republic of Nakhichevan.",
            ("THREATEN", "Iran", "Nakhichevan"),
        ),
        # each of a list of objects may name the act ("artillery and rocket FIRE")
        (
            "Government forces launched artillery and rocket fire against rebel camps.",
            ("ASSAULT", "Government forces", "rebel camps"),
        ),
        # a joint act done by one party takes the party of its support verb ("welcome TO X")
        (
            "President Mitterrand gave a warm welcome to Nelson Mandela.",
            ("CONSULT", "Mitterrand", "Nelson Mandela"),
        ),
        # a complaint accuses the doer of what it is about, not whom it is made to
        (
            "Lebanon complained to the United Nations over two Israeli air raids.",
            ("ACCUSE", "Lebanon", "Israeli"),
        ),
    ],
)
def test_the_receiver_of_an_act_is_its_target(analyse_text, text, expected):
    assert _sides(analyse_text, text) == [expected]


def test_an_act_done_in_order_to_act_on_someone_is_done_to_them(analyse_text):
    got = _sides(analyse_text, "Egyptian police opened fire to disperse the demonstrators.")
    assert ("ASSAULT", "Egyptian police", "demonstrators") in got


def test_a_relative_clause_of_a_place_is_no_content_of_the_act(analyse_text):
    got = _sides(
        analyse_text, "About 100 Albanians demonstrated in Serbia, where 24 people were killed last March."
    )
    assert ("PROTEST", "Albanians", "Serbia") in got


def test_an_infinitive_hung_on_the_object_is_still_the_purpose(analyse_text):
    got = _sides(analyse_text, "Norway is willing to send material to help defend Saudi Arabia.")
    assert ("AGREE", "Norway", "Saudi Arabia") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "University students staged mass demonstrations to demand reforms by President Suharto's government.",
            ("PROTEST", "University students", "Suharto"),
        ),
        (
            "Islamic fundamentalists continued their hunger strike to demand the resignation of "
            "President Ahmed Ben Bella.",
            ("PROTEST", "Islamic fundamentalists", "Ahmed Ben Bella"),
        ),
    ],
)
def test_a_protest_is_aimed_at_whom_its_demand_names(analyse_text, text, expected):
    assert _sides(analyse_text, text) == [expected]


def test_people_named_by_their_country_are_a_party_below_the_act(analyse_text):
    got = _sides(analyse_text, "President Levy Mwanawasa reneged on his commitment to the Zambian people.")
    assert got == [("REJECT", "Levy Mwanawasa", "Zambian people")]


@pytest.mark.parametrize("word, kind", [("computers", "place"), ("borders", "place"), ("bombers", "actor")])
def test_things_ending_like_agent_nouns_are_no_people(word, kind):
    from newsledger.extract.events import args as A
    from newsledger.extract.events import sides as SD

    assert SD.kind(A.Actor(None, word, 0, len(word), "phrase")) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        # a thing someone owns is no side: its possessor is ("agreed with X's decision")
        (
            "Darin Schroeder agreed with Salazar's decision.",
            ("AGREE", "Darin Schroeder", "Salazar"),
        ),
        (
            "Other security companies agreed with Verisign's assessment.",
            ("AGREE", "Other security companies", "Verisign"),
        ),
        (
            "Mr Justice Anthony Mann agreed with Apple Computer's defence that the music is not branded.",
            ("AGREE", "Anthony Mann", "Apple Computer"),
        ),
        # a dative run together with the object: the name is the party, not the sum
        (
            "Eurozone countries and the IMF agreed to lend Greece billions at below market rates.",
            ("AGREE", "IMF", "Greece"),
        ),
        # a product bought is no party; a possessor that is the doer leaves the side empty
        (
            "Russian flag carrier Aeroflot has negotiated the purchase of 22 new Boeing 787 Dreamliners.",
            ("CONSULT", "Aeroflot", None),
        ),
        (
            "Wladimir Klitschko defended his WBO and IBF heavyweight titles in Germany today.",
            ("SUPPORT", "Wladimir Klitschko", None),
        ),
    ],
)
def test_a_side_that_is_a_thing_stands_for_the_actor_it_names(analyse_text, text, expected):
    assert _sides(analyse_text, text) == [expected]


@pytest.mark.parametrize(
    "word, actor",
    [("decision", False), ("billions", False), ("aircraft", False), ("companies", True), ("firm", True)],
)
def test_a_side_head_is_an_actor_only_when_its_word_is_one(nlp, word, actor):
    from newsledger.extract.events import sides as SD

    tok = nlp(f"They saw the {word}.")[3]
    assert SD.head_actor(tok) is actor
