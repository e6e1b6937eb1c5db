"""Publication dates inferred from the text, with method and reason; never today."""
from __future__ import annotations


def _pub(analyse_text, text):
    ex = analyse_text(text, published=None)
    return ex, ex.doc_updates


def test_input_date_wins_and_nothing_is_inferred(analyse_text):
    ex = analyse_text("Storm hits coast\nJuly 9, 2020\n\nThe storm hit on Wednesday.",
                      published="2020-07-10")
    assert ex.doc_updates == {}
    assert [(t.text, t.value) for t in ex.timexes][-1] == ("Wednesday", "2020-07-08")


def test_dateline(analyse_text):
    ex, up = _pub(analyse_text, "Storm hits coast\nJuly 9, 2020\n\nThe storm hit on Wednesday.")
    assert (up["published"], up["published_precision"], up["published_method"]) == \
        ("2020-07-09", "day", "dateline")
    assert ("Wednesday", "2020-07-08") in [(t.text, t.value) for t in ex.timexes]


def test_byline_date_on_the_third_line(analyse_text):
    _, up = _pub(analyse_text, "Ports reopen\nBy Ann Lee\nUpdated 2016-03-02\n\nPorts reopened.")
    assert (up["published"], up["published_method"]) == ("2016-03-02", "dateline")


def test_dateline_with_place_and_agency(analyse_text):
    _, up = _pub(analyse_text, "Ports reopen\nLAGOS, March 2, 2016 (Wire) - Ports reopened "
                               "after a strike.")
    assert (up["published"], up["published_method"]) == ("2016-03-02", "dateline")


def test_embedded_post_dates_the_article(analyse_text):
    text = ("Officials met on Friday to discuss the border.\n\n"
            "- Jane Roe (@janeroe) March 5, 2022\n\n"
            "The talks will resume next week.")
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


def test_future_deadline_is_a_bound_not_the_focus(analyse_text):
    # A deadline may be set in any month: the news is near the latest past
    # event, the first Tuesday after it, and the deadline only bounds it.
    text = ("The accord was signed on May 2, 2019. The rebels said on Tuesday that "
            "they will disarm by the end of 2020.")
    _, up = _pub(analyse_text, text)
    assert (up["published"], up["published_precision"]) == ("2019-05-07", "day")
    assert "before the deadline 2020-12-31" in up["published_note"]


def test_deadline_in_a_past_clause_does_not_push_publication(analyse_text):
    # "had to leave by the end of 2019" is no event of December 31: the news
    # is still the week after the March 4 vote.
    text = ("Parliament voted on March 4, 2019 that the troops had to leave by the end "
            "of 2019. The minister said on Friday that the vote was binding.")
    _, up = _pub(analyse_text, text)
    assert (up["published"], up["published_precision"]) == ("2019-03-08", "day")


def test_period_end_in_a_past_clause_bounds_from_its_first_day(analyse_text):
    # "at the end of 2019" in the past is no event of December 31: the news is
    # the Friday after the December 12 resignation.
    text = ("The talks collapsed at the end of 2019. The envoy resigned on December 12, "
            "2019, the ministry said on Friday.")
    _, up = _pub(analyse_text, text)
    assert (up["published"], up["published_precision"]) == ("2019-12-13", "day")


def test_only_bounds_give_a_month_not_a_made_up_day(analyse_text):
    # A past event dated only by a deadline's period and a deadline ahead in the
    # same month: the month, with low confidence, not a day.
    text = ("The talks stalled at the end of May 2018. The envoy said on Monday that "
            "a deal will be signed by May 30, 2018.")
    _, up = _pub(analyse_text, text)
    assert (up["published"], up["published_precision"]) == ("2018-05", "month")
    assert "no past event" in up["published_note"]


def test_only_a_lower_bound_from_a_deadline_gives_none(analyse_text):
    text = "The troops had withdrawn by the end of 2021, the ministry said on Saturday."
    _, up = _pub(analyse_text, text)
    assert up["published"] is None
    assert up["published_note"].startswith("on or after 2021-12-01")


def test_written_out_current_year_is_dated_right(analyse_text):
    # Translated outlets write the current year out beside dates without one:
    # the year written is a mild doubt, not an exclusion.
    text = ("The border reopened on March 3, 2022. Traders returned on March 5 and "
            "the governor visited the crossing on Monday.")
    _, up = _pub(analyse_text, text)
    assert (up["published"], up["published_method"]) == ("2022-03-07", "inferred")


def test_written_out_year_tips_a_choice_at_the_turn_of_the_year(analyse_text):
    # A December event written with its year beside a date without one: of
    # the days a few after it, one in the new year; without the yearless
    # date, the Thursday itself.
    text = ("The plant closed on December 28, 2021. Workers met the owners on Thursday, "
            "after a protest on December 29.")
    _, up = _pub(analyse_text, text)
    assert up["published"] == "2022-01-01"
    _, up = _pub(analyse_text, "The plant closed on December 28, 2021. Workers met the "
                               "owners on Thursday.")
    assert up["published"] == "2021-12-30"


def test_no_dated_reference_gives_none_with_reason(analyse_text):
    _, up = _pub(analyse_text, "The minister resigned on Monday after the vote.")
    assert up["published"] is None and up["published_method"] is None
    assert up["published_note"] == \
        "no dated event (month or day) in the text to place 'Monday' in time"


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
    got = infer(raw, [])      # no timex found: the line was blanked as boilerplate
    assert (got.date, got.method) == ("2022-03-05", "embed")


def test_not_an_embed_line_without_a_handle():
    from newsledger.extract.time.published import infer

    got = infer("Officials met.\n\n- Jane Roe March 5, 2022\n", [])
    assert got.date is None


def test_a_day_kept_in_a_doubted_year_has_lower_confidence(nlp):
    from newsledger.extract.time import annotate

    doubted = "The border reopened on March 3, 2022. Traders returned on March 5 and on Monday."
    plain = "The border reopened on March 3, 2022. Traders returned on Monday."
    confs = [annotate(nlp(t), "t", None, t)[1] for t in (doubted, plain)]
    assert [(p.date, p.confidence) for p in confs] == [("2022-03-07", 0.25), ("2022-03-07", 0.4)]
