"""Entities: a place qualified by the larger place it lies in, and names in a line holding
a web address (sm model, small texts of our own)."""


def names(ex):
    return [(m.text, m.label) for m in ex.mentions if not m.nominal]


def test_city_and_state_are_one_mention_of_the_city(analyse_text):
    ex = analyse_text("She was treated in Rancho Mirage, Calif. on Friday.")
    got = names(ex)
    assert ("Rancho Mirage, Calif.", "GPE") in got
    assert not [t for t, _ in got if t in ("Calif.", "Calif", "Rancho Mirage")]


def test_kb_place_of_another_country_than_its_qualifier_is_another_place(analyse_text):
    # the KB knows Santa Rosa as a department of Guatemala; "California" says it is not that one
    ex = analyse_text("He died at his home in Santa Rosa, California, on Friday.")
    m = next(m for m in ex.mentions if m.text == "Santa Rosa, California")
    assert m.entity_id == "santa_rusa"
    assert "California" not in [t for t, _ in names(ex)]


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
