"""Entities: a place qualified by the larger place it lies in, names in a line holding a web
address, plural names after "the" (sm model, small texts of our own)."""


def names(ex):
    return [(m.text, m.label) for m in ex.mentions if not m.nominal]


def test_kb_place_of_another_country_than_its_qualifier_is_another_place(analyse_text):
    # the KB knows Santa Rosa as a department of Guatemala; "California" says it is not that one
    ex = analyse_text("He died at his home in Santa Rosa, California, on Friday.")
    got = [(m.text, m.entity_id) for m in ex.mentions if not m.nominal]
    assert got == [("Santa Rosa", "santa_rusa"), ("California", "iso_us_ca")]
    city = ex.entities["santa_rusa"]
    assert city.name == "Santa Rosa" and city.attrs["located_in"] == "iso_us_ca"
    assert city.attrs["geo"]["country"] == "United States" and city.attrs["geo"]["province"] == "CA"


def test_a_city_and_its_abbreviated_state_are_one_mention_of_the_city(analyse_text):
    text = "He died at his home in Santa Rosa, Calif., on Friday. Santa Rosa mourned him."
    ex = analyse_text(text)
    got = [(m.text, m.start, m.entity_id) for m in ex.mentions if not m.nominal]
    assert got == [
        ("Santa Rosa, Calif.", text.index("Santa"), "santa_rusa"),
        ("Santa Rosa", text.index("Santa Rosa mourned"), "santa_rusa"),
    ]
    assert ex.entities["santa_rusa"].attrs["located_in"] == "iso_us_ca"


def test_a_state_abbreviation_ner_read_as_a_person_is_the_city_qualifier(analyse_text):
    # pre-tokenised text: NER reads "Miss" as a person, not as Mississippi
    text = "He was found dead in his room at the Sun Tan Motel in Biloxi , Miss . on Monday ."
    ex = analyse_text(text)
    got = [(m.text, m.start, m.label) for m in ex.mentions if not m.nominal]
    assert got == [
        ("Sun Tan Motel", text.index("Sun"), "FAC"),
        ("Biloxi , Miss", text.index("Biloxi"), "GPE"),
    ]
    city = ex.entities[next(m.entity_id for m in ex.mentions if m.text.startswith("Biloxi"))]
    assert city.attrs["located_in"] == "iso_us_ms"


def test_an_abbreviation_that_shortens_no_province_of_the_place_is_left_alone(analyse_text):
    ex = analyse_text("He lives on Church Avenue, Mr. Smith said. He came on Saturday, Jan. 5.")
    got = [m.text for m in ex.mentions if not m.nominal]
    assert got == ["Church Avenue", "Smith"]


def test_a_country_written_in_full_after_a_city_stays_a_place_of_its_own(analyse_text):
    ex = analyse_text("The plant in Mannheim, Germany, will close. Gunmen attacked Mosul, Iraq, on Monday.")
    got = [(m.text, m.entity_id) for m in ex.mentions if not m.nominal and m.label == "GPE"]
    assert [g for g in got if g[0] != "Gunmen"] == [
        ("Mannheim", "manhim"),
        ("Germany", "germany"),
        ("Mosul", "mosul"),
        ("Iraq", "iraq"),  # a place: not Iraq's government, though Iraq is not the article's country
    ]
    assert ex.entities["manhim"].attrs["located_in"] == "germany"
    assert "located_in" not in ex.entities["mosul"].attrs  # the KB's Mosul is in Iraq already


def test_a_country_in_brackets_after_a_city_qualifies_it(analyse_text):
    ex = analyse_text("The plant in Mannheim (Germany) will close.")
    got = [(m.text, m.entity_id) for m in ex.mentions if not m.nominal]
    assert got == [("Mannheim", "manhim"), ("Germany", "germany")]
    assert ex.entities["manhim"].attrs["located_in"] == "germany"


def test_a_capital_with_its_abbreviated_district_is_the_city(analyse_text):
    ex = analyse_text("Washington, D.C. is far from here, he said.")
    got = [(m.text, m.label) for m in ex.mentions if not m.nominal]
    assert got == [("Washington, D.C.", "GPE")]


def test_a_country_that_acts_after_a_comma_qualifies_nothing(analyse_text):
    ex = analyse_text("After the talks in Baghdad, Iraq's prime minister said the deal was done.")
    got = [(m.text, m.entity_id) for m in ex.mentions if not m.nominal and m.label == "GPE"]
    assert got == [("Baghdad", "baghdad"), ("Iraq", "iraq")]


def test_qualifier_picks_the_city_of_its_state_or_country():
    from newsledger.kb import base
    from newsledger.kb.geo import abbreviated_province, geocode

    kb = base.default()
    assert geocode("Huntsville")["province"] == "AL"  # the most populous one
    assert geocode("Huntsville", within=kb.get("iso_us_tx"), kb=kb)["province"] == "TX"
    assert geocode("Santa Rosa", within=kb.get("iso_us_ca"), kb=kb)["country"] == "United States"
    got = [
        abbreviated_province(c, a, kb)
        for c, a in [("Springfield", "Mo."), ("Durham", "N.C."), ("Miami", "Fla."), ("Springfield", "Xq.")]
    ]
    assert [p.id if p else None for p in got] == ["iso_us_mo", "iso_us_nc", "iso_us_fl", None]


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
