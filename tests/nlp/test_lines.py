"""Sentences end at line breaks (headlines, datelines, tweet attributions)."""

from __future__ import annotations


def test_headline_is_its_own_sentence(nlp):
    doc = nlp("Talks stall over river dams\nThe ministers met on Monday in Basra. They left.")
    assert [s.text.strip() for s in doc.sents] == [
        "Talks stall over river dams",
        "The ministers met on Monday in Basra.",
        "They left.",
    ]


def test_blank_line_separates_paragraphs(nlp):
    doc = nlp("- Lina Haddad (@lhaddad) May 2, 2022\n\nShe said the port reopened")
    assert [s.text for s in doc.sents][-1] == "She said the port reopened"
    assert all("\n" not in s.text.strip() for s in doc.sents)


def test_no_break_inside_a_line(nlp):
    doc = nlp("The minister, who arrived late, said the talks would go on.")
    assert len(list(doc.sents)) == 1
