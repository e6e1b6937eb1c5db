"""Entities: a headline's person noun as the article's protagonist, "Police" as the one
force named, a surname NER read as another kind, degrees after a name, a numbered team
(sm model, small texts of our own)."""

from newsledger.extract.entities import _surname_form, _team_word


def at(ex, text, nth=0):
    hits = [m for m in ex.mentions if m.text == text]
    return hits[nth] if len(hits) > nth else None


def entity_of(ex, text):
    return {m.entity_id for m in ex.mentions if m.text == text and not m.nominal}


MAN = (
    "Man charged with murdering his mother\n"
    "John Smith, 23, was charged on Monday with the murder of his mother. "
    "He denied the charge. Smith will appear in court on Tuesday."
)


def test_headline_man_is_the_article_man(analyse_text):
    ex = analyse_text(MAN)
    man = at(ex, "Man")
    assert man is not None and man.start == 0 and man.end == 3 and man.nominal
    assert {man.entity_id} == entity_of(ex, "John Smith")


TWO = (
    "Woman Killed In Crash; Driver Is Charged\n"
    "Mary Jones was killed on Friday when she was hit by a car on Main Street. Jones died in hospital. "
    "Police said Peter Brown, 31, drove the car. He was charged on Saturday. Brown denied it. "
    "Brown will appear in court."
)


def test_two_headline_nouns_are_two_people(analyse_text):
    ex = analyse_text(TWO)
    woman, driver = at(ex, "Woman"), at(ex, "Driver")
    assert woman is not None and (woman.start, woman.end) == (0, 5)
    assert {woman.entity_id} == entity_of(ex, "Mary Jones")
    assert driver is not None and (driver.start, driver.end) == (TWO.index("Driver"), TWO.index(" Is"))
    assert {driver.entity_id} == entity_of(ex, "Peter Brown")


def test_a_relative_after_a_possessive_is_someone_else(analyse_text):
    ex = analyse_text(
        "Senator's Daughter Arrested In Boston\n"
        "Anna Reed was arrested on Friday. Reed said she was innocent. Reed was released."
    )
    assert at(ex, "Daughter") is None


def test_a_noun_beside_another_name_of_the_headline_is_not_that_person(analyse_text):
    ex = analyse_text(
        "Lawyer: Jane Doe checks into rehab facility\n"
        "Jane Doe checked into a facility on Thursday. Doe arrived at noon. Doe was tired."
    )
    assert at(ex, "Lawyer") is None


def test_a_noun_the_body_writes_beside_a_name_is_that_person(analyse_text):
    ex = analyse_text(
        "Lawyer: my client is innocent\n"
        "Lisa Grant was arrested on Monday. Grant spent the night in jail. Grant denies it. "
        "Her lawyer Mark Heller said the charges were false."
    )
    lawyer = at(ex, "Lawyer")
    assert lawyer is not None and (lawyer.start, lawyer.end) == (0, 6)
    assert {lawyer.entity_id} == entity_of(ex, "Mark Heller")


def test_police_is_the_one_force_named(analyse_text):
    text = (
        "Police said the man fled on foot.\n"
        "The New York Police Department said on Monday it had arrested a suspect in Queens."
    )
    ex = analyse_text(text)
    police = at(ex, "Police")
    assert police is not None and (police.start, police.end) == (0, 6) and police.label == "ORG"
    assert {police.entity_id} == entity_of(ex, "New York Police Department")


def test_surname_forms():
    assert _surname_form("Gupta", {"Gupta"})
    assert _surname_form("Mo Cheeks", {"Cheeks"})
    assert not _surname_form("Gupta Road Clinic", {"Gupta"})
    assert not _surname_form("Gupta", {"Smith"})


def test_degree_after_a_name_is_no_place(analyse_text):
    ex = analyse_text("President Obama nominated Regina Benjamin, MD, to serve as Surgeon General.")
    assert not [m for m in ex.mentions if m.text in ("MD", "MD.")]


def test_team_words():
    class T:
        def __init__(self, text):
            self.text = text

    assert _team_word(T("76ers")) and _team_word(T("49ers"))
    assert not _team_word(T("1990s")) and not _team_word(T("Eagles")) and not _team_word(T("12"))


MURDER = (
    "Cumbria murder: Man charged with killing mother and sister\n"
    "John Jenkin, 23, was arrested on Saturday after police found Alice McMeekin and her daughter "
    "Kathryn Jenkin dead. Police charged him on Monday and he will appear in court."
)


def test_a_given_name_tells_the_man_where_pronouns_mislead(analyse_text):
    # "him" and "he" follow Kathryn Jenkin's name; her given name says she is a woman
    ex = analyse_text(MURDER)
    man = at(ex, "Man")
    assert man is not None and (man.start, man.end) == (16, 19) and man.nominal
    assert {man.entity_id} == entity_of(ex, "John Jenkin")


STAR = (
    "Legendary Swimming Star Jane Miller Dies At 91\n"
    "Jane Miller has died at her home in Los Angeles. Miller was 91. Her friend Tom Baker said "
    "she died in her sleep. Baker said Miller had been ill."
)


def test_a_headline_noun_right_before_a_name_is_that_person(analyse_text):
    ex = analyse_text(STAR)
    star = at(ex, "Star")
    assert star is not None and (star.start, star.end) == (19, 23)
    assert {star.entity_id} == entity_of(ex, "Jane Miller")


CRASH = (
    "Driver charged after fatal crash\n"
    "A driver has been charged after police say he hit a woman on Main Street. "
    "Mary Jones was walking home when Peter Brown hit her with his car. Jones died in hospital. "
    "Brown fled the scene but was arrested nearby. Brown was charged with manslaughter."
)


def test_the_person_the_same_thing_happened_to_is_the_headline_noun(analyse_text):
    ex = analyse_text(CRASH)
    driver = at(ex, "Driver")
    assert driver is not None and (driver.start, driver.end) == (0, 6)
    assert {driver.entity_id} == entity_of(ex, "Peter Brown")


def test_the_same_verb_in_the_other_role_is_not_the_same_fate(analyse_text):
    # the driver hit somebody; Mary Jones was hit: she is not the driver
    ex = analyse_text(
        "Driver Sought After Crash\n"
        "Police are looking for a driver who hit a woman on Main Street and fled. "
        "Mary Jones was hit while she was walking home. Jones died in hospital. "
        "Her son Tom Jones said she was 80. Tom Jones said the family was shocked."
    )
    assert at(ex, "Driver") is None


NOMINEE = (
    "Surgeon general nominee named\n"
    "The President announced his nominee for surgeon general on Monday. "
    "President Obama said Dr. Jane Doe would serve the nation well. Doe runs a clinic in Alabama."
)


def test_a_title_alone_is_the_one_person_the_article_gives_it(analyse_text):
    ex = analyse_text(NOMINEE)
    president = at(ex, "President")
    start = NOMINEE.index("President")
    assert president is not None and (president.start, president.end) == (start, start + 9)
    assert president.nominal
    assert {president.entity_id} == entity_of(ex, "Obama")


def test_a_title_two_persons_hold_is_nobody(analyse_text):
    ex = analyse_text(
        "Summit in Paris\n"
        "The President arrived in Paris on Monday. "
        "President Obama met President Putin there. Obama said the talks went well."
    )
    assert all(m.text != "President" or not m.nominal for m in ex.mentions)


RECEIVER = (
    "CHARGERS' RECEIVER ARRESTED\n"
    "San Diego Chargers wide receiver Vincent Jackson was arrested on Sunday. "
    "Jackson failed a sobriety test, officer Ray Smith said. Jackson was released."
)


def test_a_noun_after_an_owner_is_the_person_the_body_writes_it_beside(analyse_text):
    ex = analyse_text(RECEIVER)
    receiver = at(ex, "RECEIVER")
    assert receiver is not None and (receiver.start, receiver.end) == (10, 18)
    assert {receiver.entity_id} == entity_of(ex, "Vincent Jackson")


def test_a_noun_after_an_owner_without_such_a_name_is_nobody(analyse_text):
    ex = analyse_text(
        "Senator's Driver Arrested In Boston\n"
        "Anna Reed was arrested on Friday. Reed said she was innocent. Reed was released."
    )
    assert at(ex, "Driver") is None


LIFER = (
    "Texas Lifer Escapes From Prison\n"
    "Arcade Comeaux, 49, ran away on foot with the guards' guns, the prison service said. "
    "Comeaux was serving a life sentence."
)


def test_the_one_person_of_an_article_named_twice(analyse_text):
    ex = analyse_text(LIFER)
    lifer = at(ex, "Lifer")
    assert lifer is not None and (lifer.start, lifer.end) == (6, 11)
    assert {lifer.entity_id} == entity_of(ex, "Arcade Comeaux")


MOM = (
    "Teen Arrested In Shooting Of Brooklyn Mom\n"
    "Police arrested Andrew Lopez, 18, on Tuesday. Lopez told police he had aimed at rival "
    "gang members. Zurana Horton died on Friday. Horton was a mother of twelve."
)


def test_a_gendered_noun_goes_to_the_one_person_who_may_be_of_that_gender(analyse_text):
    # Andrew is a man's name; nothing tells Zurana Horton's gender, nobody else is left
    ex = analyse_text(MOM)
    mom = at(ex, "Mom")
    assert mom is not None and (mom.start, mom.end) == (38, 41)
    assert {mom.entity_id} == entity_of(ex, "Zurana Horton")
