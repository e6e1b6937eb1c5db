"""Entities: a surname NER missed, written with a capital inside ("DeGeneres", "McMeekin"),
is the person of the article with that surname (sm model, small texts of our own)."""

from newsledger.extract.entities import _name_case


def test_name_case():
    assert _name_case("Cheeks") and _name_case("DeGeneres") and _name_case("McMeekin")
    assert _name_case("O'Brien")
    assert not _name_case("CHEEKS") and not _name_case("cheeks") and not _name_case("I")
    assert not _name_case("3M") and not _name_case("O'")


TEXT = (
    "Organizers said on Friday that Ellen DeGeneres will host the show next year. "
    "DeGeneres, the star of her own talk show, first hosted it in 2007. "
    "The organizers praised DeGeneres."
)


def test_a_surname_with_a_capital_inside_is_the_person(analyse_text):
    ex = analyse_text(TEXT)
    full = {m.entity_id for m in ex.mentions if m.text == "Ellen DeGeneres"}
    bare = [m for m in ex.mentions if m.text == "DeGeneres"]
    assert len(full) == 1
    assert [(m.start, m.end) for m in bare] == [(77, 86), (167, 176)]
    assert {m.entity_id for m in bare} == full


HEADLINE = (
    "Okafor returns as coach of the Sixers\n"
    "The Sixers hired Maurice Okafor on Monday. The owner said he was happy. "
    "The team also spoke to Dana Okafor."
)


def test_a_headline_surname_is_the_person_the_body_names_first_with_it(analyse_text):
    ex = analyse_text(HEADLINE)
    first = [m for m in ex.mentions if m.text == "Okafor"]
    assert [(m.start, m.end, m.nominal) for m in first] == [(0, 6, False)]
    assert {first[0].entity_id} == {m.entity_id for m in ex.mentions if m.text == "Maurice Okafor"}
    assert first[0].entity_id not in {m.entity_id for m in ex.mentions if m.text == "Dana Okafor"}
