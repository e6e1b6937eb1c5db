"""Publication dates inferred from the text, with method and reason; never today."""

from __future__ import annotations


def _pub(analyse_text, text):
    ex = analyse_text(text, published=None)
    return ex, ex.doc_updates


def test_input_date_wins_and_nothing_is_inferred(analyse_text):
    ex = analyse_text("Storm hits coast\nJuly 9, 2020\n\nThe storm hit on Wednesday.", published="2020-07-10")
    assert ex.doc_updates == {}
    assert [(t.text, t.value) for t in ex.timexes][-1] == ("Wednesday", "2020-07-08")


def test_dateline(analyse_text):
    ex, up = _pub(analyse_text, "Storm hits coast\nJuly 9, 2020\n\nThe storm hit on Wednesday.")
    assert (up["published"], up["published_precision"], up["published_method"]) == (
        "2020-07-09",
        "day",
        "dateline",
    )
    assert ("Wednesday", "2020-07-08") in [(t.text, t.value) for t in ex.timexes]


def test_byline_date_on_the_third_line(analyse_text):
    _, up = _pub(analyse_text, "Ports reopen\nBy Ann Lee\nUpdated 2016-03-02\n\nPorts reopened.")
    assert (up["published"], up["published_method"]) == ("2016-03-02", "dateline")


def test_dateline_with_place_and_agency(analyse_text):
    _, up = _pub(analyse_text, "Ports reopen\nLAGOS, March 2, 2016 (Wire) - Ports reopened after a strike.")
    assert (up["published"], up["published_method"]) == ("2016-03-02", "dateline")


def test_embedded_post_dates_the_article(analyse_text):
    text = (
        "Officials met on Friday to discuss the border.\n\n"
        "- Jane Roe (@janeroe) March 5, 2022\n\n"
        "The talks will resume next week."
    )
    ex, up = _pub(analyse_text, text)
    assert (up["published"], up["published_method"]) == ("2022-03-05", "embed")
    assert ("Friday", "2022-03-04") in [(t.text, t.value) for t in ex.timexes]


def test_weekday_news_after_the_latest_dated_event(analyse_text):
    # The plant closed on a Tuesday; the protest "on Saturday" is the news: the
    # first Saturday after it, and the report is of that day.
    text = "The plant closed on March 3, 2020. Workers protested outside it on Saturday."
    ex, up = _pub(analyse_text, text)
    assert (up["published"], up["published_method"]) == ("2020-03-07", "inferred")
    assert "Saturday" in up["published_note"]
    assert ("Saturday", "2020-03-07") in [(t.text, t.value) for t in ex.timexes]


def test_future_deadline_bounds_publication(analyse_text):
    # Dated event long ago, a deadline ahead, news of a Tuesday: the Tuesday's
    # week nearest the deadline and before it.
    text = (
        "The accord was signed on May 2, 2019. The rebels said on Tuesday that "
        "they will disarm by the end of 2020."
    )
    _, up = _pub(analyse_text, text)
    assert up["published"] is not None
    assert "2020-12-24" <= up["published"] <= "2020-12-31"


def test_no_dated_reference_gives_none_with_reason(analyse_text):
    _, up = _pub(analyse_text, "The minister resigned on Monday after the vote.")
    assert up["published"] is None and up["published_method"] is None
    assert up["published_note"] == "no dated event (month or day) in the text to place 'Monday' in time"


def test_a_bare_year_is_background_not_a_bound(analyse_text):
    _, up = _pub(analyse_text, "The firm, founded in 1998, said on Monday it would cut jobs.")
    assert up["published"] is None


def test_dated_event_without_a_day_tie_gives_a_bound_not_a_date(analyse_text):
    _, up = _pub(analyse_text, "The dam was finished in June 2015 and still stands.")
    assert up["published"] is None
    assert "on or after 2015-06-01" in up["published_note"]


def test_embed_line_is_read_in_the_raw_text_even_when_masked():
    from newsledger.extract.time.published import infer

    raw = "Officials met.\n\n- Jane Roe (@janeroe) March 5, 2022\n"
    got = infer(raw, [])  # no timex found: the line was blanked as boilerplate
    assert (got.date, got.method) == ("2022-03-05", "embed")


def test_not_an_embed_line_without_a_handle():
    from newsledger.extract.time.published import infer

    got = infer("Officials met.\n\n- Jane Roe March 5, 2022\n", [])
    assert got.date is None
