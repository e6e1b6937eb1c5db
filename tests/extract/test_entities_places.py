"""Entities: a place qualified by the larger place it lies in, names in a line holding a web
address, plural names after "the" (sm model, small texts of our own)."""


def names(ex):
    return [(m.text, m.label) for m in ex.mentions if not m.nominal]


def test_kb_place_of_another_country_than_its_qualifier_is_another_place(analyse_text):
    # the KB knows Santa Rosa as a department of Guatemala; "California" says it is not that one
    ex = analyse_text("He died at his home in Santa Rosa, California, on Friday.")
    got = [(m.text, m.entity_id) for m in ex.mentions if not m.nominal]
    assert got == [("Santa Rosa", "santa_rusa"), ("California", "iso_us_ca")]


def test_places_of_a_list_stay_apart(analyse_text):
    ex = analyse_text("Fires hit California, Nevada and Arizona. Troops moved from Iraq, Syria and Jordan.")
    got = [t for t, _ in names(ex)]
    assert got == ["California", "Nevada", "Arizona", "Iraq", "Syria", "Jordan"]


URL = (
    "http : / / www . example . com / 2012 / 12 / 23 / ford - cuts - jobs - in - detroit\n"
    "Ford Cuts Jobs In Detroit\n"
    "Ford Motor Company said on Monday it would cut 2,000 jobs. Ford said the cuts would start in May."
)


def test_a_web_address_slug_is_no_lowercase_use_of_a_name(analyse_text):
    ex = analyse_text(URL)
    heads = [m for m in ex.mentions if m.text == "Ford" and m.start < URL.index("Cuts")]
    assert len(heads) == 1 and heads[0].start == URL.index("Ford Cuts")
    assert heads[0].entity_id == next(m.entity_id for m in ex.mentions if m.text == "Ford Motor")
    assert not [m for m in ex.mentions if m.end <= URL.index("\n")]


def test_plural_name_after_the_is_an_organisation(analyse_text):
    ex = analyse_text("The Colts beat the Tar Heels on Sunday. The Iraqis and the Americans watched.")
    got = names(ex)
    assert ("Tar Heels", "ORG") in got
    assert [label for t, label in got if t in ("Iraqis", "Americans")] == ["NORP", "NORP"]


def test_headline_names_run_together_with_an_unnamed_plural(analyse_text):
    ex = analyse_text(
        "Colts Beat Chiefs To Clinch Playoff Spot\nIndianapolis Colts coach Bruce Arians said the Colts were ready."
    )
    heads = [(m.text, m.label) for m in ex.mentions if m.start < 18]
    assert heads == [("Colts", "ORG"), ("Chiefs", "ORG")]
    colts = {m.entity_id for m in ex.mentions if m.text == "Colts"}
    assert len(colts) == 1 and colts != {m.entity_id for m in ex.mentions if m.text == "Chiefs"}


def test_a_person_organisation_tie_goes_to_a_kb_surname(nlp):
    from spacy.tokens import Span

    from newsledger.extract.entities import _doc_labels
    from newsledger.kb.base import KB, Actor

    kb = KB([Actor("barack_obama", "Barack Obama", "person")])
    doc = nlp("Obama met Lopez . Obama and Lopez spoke .")
    doc.ents = [Span(doc, 0, 1, "PERSON"), Span(doc, 2, 3, "ORG"), Span(doc, 4, 5, "ORG")]
    doc.ents = list(doc.ents) + [Span(doc, 6, 7, "PERSON")]
    labels = _doc_labels(doc, kb)
    assert labels["Obama"] == "PERSON"  # one vote each: the KB knows him as a person
    assert labels["Lopez"] == "ORG"  # no person of the KB has that surname
    assert _doc_labels(doc)["Obama"] == "ORG"  # without the KB a tie stays an organisation
