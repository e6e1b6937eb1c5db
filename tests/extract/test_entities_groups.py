"""Entities: group nouns written as names ("Robbers crash ...", "Police said ...") as the
group the body describes, scoped to the article; outlets named with their kind ("People
magazine", "Us Weekly") and their name alone elsewhere (sm model, texts of our own)."""


def at(ex, text, nth=0):
    hits = [m for m in ex.mentions if m.text == text]
    return hits[nth] if len(hits) > nth else None


ROBBERS = (
    "Robbers crash car into jewellery store in Lyon\n"
    "Thieves drove a car through the window of a shop on Monday. "
    "The robbers fled with watches worth two million euros, police said."
)


def test_a_headline_group_is_the_group_the_body_describes(analyse_text):
    ex = analyse_text(ROBBERS)
    head, body = at(ex, "Robbers"), at(ex, "robbers")
    assert head is not None and (head.start, head.end) == (0, 7) and not head.nominal
    assert body is not None and (body.start, body.end) == (
        ROBBERS.index("robbers fled"),
        ROBBERS.index(" fled"),
    )
    assert body.nominal and body.entity_id == head.entity_id
    # an actor of this article alone: no ledger-wide "robbers"
    assert head.entity_id.startswith("robbers~") and head.entity_id != "robbers"


def test_a_group_the_body_never_describes_is_still_the_articles_group(analyse_text):
    text = "Voters in Ruritania elect a parliament\nTurnout was low in the capital on Sunday."
    ex = analyse_text(text)
    voters = at(ex, "Voters")
    assert voters is not None and (voters.start, voters.end) == (0, 6) and voters.label == "ORG"
    assert voters.entity_id.startswith("voters~")


def test_a_group_noun_inside_a_sentence_is_no_name(analyse_text):
    ex = analyse_text("Turnout was low in Ruritania\nMost voters in the capital stayed at home on Sunday.")
    assert at(ex, "voters") is None


def test_the_same_group_noun_of_two_articles_is_two_actors(analyse_text):
    a = analyse_text(ROBBERS)
    b = analyse_text(
        "Robbers hit bank in Ghent\nThe robbers took cash from the vault on Friday, a spokesman said."
    )
    assert at(a, "Robbers").entity_id != at(b, "Robbers").entity_id


def test_police_without_a_named_force_is_the_police_the_body_describes(analyse_text):
    text = (
        "Police are treating a fire at a supermarket as arson.\n"
        "The fire started on Sunday night, and police said nobody was hurt."
    )
    ex = analyse_text(text)
    head = at(ex, "Police")
    body = at(ex, "police")
    assert head is not None and (head.start, head.end) == (0, 6) and head.label == "ORG"
    assert body is not None and body.entity_id == head.entity_id and body.nominal


def test_a_group_noun_before_another_noun_is_no_group(analyse_text):
    text = "Police officers arrested two men in Leeds\nThe officers said the police were called at noon."
    ex = analyse_text(text)
    assert at(ex, "Police") is None


def test_a_magazine_is_the_outlet_of_its_name(analyse_text):
    text = (
        "Singer checks into rehab\n"
        "Her spokesman told People magazine on Friday that she was resting. "
        "A friend of the singer also told People she would stay a month. "
        "People around her were relieved, her rep confirmed to PEOPLE ."
    )
    ex = analyse_text(text)
    mag = at(ex, "People magazine")
    assert mag is not None and mag.label == "ORG" and not mag.nominal
    again = at(ex, "People", 0)
    assert again is not None and again.start == text.index("People she") and again.entity_id == mag.entity_id
    caps = at(ex, "PEOPLE")
    assert caps is not None and caps.entity_id == mag.entity_id
    assert not any(m.start == text.index("People around") for m in ex.mentions)


def test_a_weekly_is_an_outlet_and_its_first_word_alone_too(analyse_text):
    text = (
        "Actress enters rehab\n"
        "Her publicist confirmed the news to Us Weekly on Friday. "
        "The actress, 33, told Us in May that she was fine."
    )
    ex = analyse_text(text)
    weekly = at(ex, "Us Weekly")
    assert weekly is not None and weekly.label == "ORG"
    short = at(ex, "Us")
    assert short is not None and short.start == text.index("Us in") and short.entity_id == weekly.entity_id


def test_a_hyphened_group_is_one_mention_from_its_first_part(analyse_text):
    text = "Ram-raiders hit jewellery store in Lyon\nRam-raiders drove a car into the shop on Monday."
    ex = analyse_text(text)
    got = [(m.start, m.end) for m in ex.mentions if m.text.replace(" ", "") == "Ram-raiders"]
    assert got == [(0, 11), (text.index("Ram-raiders drove"), text.index(" drove"))]
    assert len({m.entity_id for m in ex.mentions if m.text == "Ram-raiders"}) == 1


def test_a_group_of_a_named_body_is_left_to_that_body(analyse_text):
    ex = analyse_text(
        "Officials from Ruritania agreed to buy ten jets on Monday.\nOfficials said the deal was done."
    )
    got = [(m.start, m.end) for m in ex.mentions if m.text == "Officials"]
    assert got == [(59, 68)]


def test_kin_group_nouns_of_one_article_are_one_group(analyse_text):
    ex = analyse_text(ROBBERS)
    head, thieves = at(ex, "Robbers"), at(ex, "Thieves")
    assert thieves is not None and (thieves.start, thieves.end) == (
        ROBBERS.index("Thieves"),
        ROBBERS.index(" drove"),
    )
    assert thieves.entity_id == head.entity_id and head.entity_id.startswith("robbers~")


def test_a_hyphened_kin_noun_joins_the_group_and_other_nouns_stay_apart(analyse_text):
    text = (
        "Ram-raiders hit jewellery store in Lyon\nRobbers drove a car into the shop on Monday. "
        "Witnesses saw the car speed away."
    )
    ex = analyse_text(text)
    raiders = [m for m in ex.mentions if m.text.replace(" ", "") == "Ram-raiders"]
    robbers, witnesses = at(ex, "Robbers"), at(ex, "Witnesses")
    assert [(m.start, m.end) for m in raiders] == [(0, 11)]
    assert robbers is not None and (robbers.start, robbers.end) == (
        text.index("Robbers"),
        text.index(" drove"),
    )
    assert raiders[0].entity_id == robbers.entity_id
    assert witnesses is not None and witnesses.entity_id.startswith("witnesses~")
