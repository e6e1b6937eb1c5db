"""timeref.date_at: the date a sentence gives to what happened in it."""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.timeref import date_at


def _sent(ex, i):
    sents = sorted({(t.sent_start, t.sent_end) for t in ex.timexes})
    return sents[i]


def test_past_date_of_the_sentence(analyse_text):
    ex = analyse_text("The army withdrew on Monday. Aid arrived.", published="2023-06-14")
    s = _sent(ex, 0)
    assert date_at(ex, *s) == "2023-06-12"


def test_sentence_without_a_date(analyse_text):
    ex = analyse_text("The army withdrew on Monday. Aid arrived later.", published="2023-06-14")
    start = ex.article.text.index("Aid")
    assert date_at(ex, start, len(ex.article.text)) is None


def test_deadline_in_a_future_clause_is_not_when_it_happened(analyse_text):
    ex = analyse_text("He said the troops will leave by the end of 2024.", published="2023-06-14")
    assert date_at(ex, 0, len(ex.article.text)) is None


def test_durations_and_refs_are_not_dates(analyse_text):
    ex = analyse_text("The siege currently lasts for months.", published="2023-06-14")
    assert date_at(ex, 0, len(ex.article.text)) is None


def test_nearest_to_the_cue(analyse_text):
    text = "On March 3, 2019 the accord was signed, and on Friday the rebels rejected it."
    ex = analyse_text(text, published="2023-06-14")
    assert date_at(ex, 0, len(text)) == "2019-03-03"
    assert date_at(ex, 0, len(text), near=text.index("rejected")) == "2023-06-09"


def test_article_date_given_or_inferred(analyse_text):
    from newsledger.extract.timeref import article_date

    assert article_date(analyse_text("Talks resumed.", published="2023-06-14")) == "2023-06-14"
    ex = analyse_text("Ports reopen\nMarch 2, 2016\n\nPorts reopened.", published=None)
    assert article_date(ex) == "2016-03-02"
    assert article_date(analyse_text("Talks resumed on Monday.", published=None)) is None


def test_embedded_posts(analyse_text):
    from newsledger.extract.timeref import embedded_posts

    text = "The envoy wrote that talks failed.\n\n- Jane Roe (@janeroe) March 5, 2022\n"
    got = embedded_posts(analyse_text(text, published=None))
    assert [(p.name, p.handle, p.date) for p in got] == [("Jane Roe", "janeroe", "2022-03-05")]
    assert text[got[0].start : got[0].end] == "- Jane Roe (@janeroe) March 5, 2022"


def test_index_follows_timexes_added_later(analyse_text):
    # The per-Extraction index is rebuilt when the timex list changes.
    text = "Aid arrived on Monday. The convoy left."
    ex = analyse_text(text, published="2023-06-14")
    start = text.index("The convoy")
    assert date_at(ex, start, len(text)) is None
    first = ex.timexes[0]
    ex.timexes.append(
        replace(first, start=start, end=start + 3, sent_start=start, sent_end=len(text), value="2023-06-13")
    )
    assert date_at(ex, start, len(text)) == "2023-06-13"
    assert date_at(ex, 0, start) == "2023-06-12"
