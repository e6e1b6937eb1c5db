"""Publication inferred with bounds from the knowledge base, and the style-rule penalty."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.extract.time import annotate
from newsledger.extract.time.tenure import Bound
from newsledger.kb import base

WHY = "Ana Ruiz is named Prime Minister (tenure from the knowledge base)"


def _infer(nlp, text, lo=None, hi=None):
    start = text.find("Ana Ruiz")
    known = [Bound(start, start + 8, lo, hi, WHY)] if lo or hi else []
    timexes, inferred = annotate(nlp(text), "t", None, text, known)
    return inferred, {t.text: t.value for t in timexes}


def test_lower_bound_alone_leaves_the_year_open(nlp):
    # A tenure says nothing of where in it the text was written: with only its
    # start, a month-day without a year could be of any later year.
    inf, _ = _infer(
        nlp,
        "Prime Minister Ana Ruiz said on Friday that the strike of March 3rd was over.",
        lo=date(2019, 6, 1),
    )
    assert inf.date is None and inf.method is None
    assert inf.note == (
        f"on or after 2019-06-01: {WHY}; news of Friday in the week before; "
        "nothing fixes the year of 'March 3rd'"
    )


def test_tenure_in_one_year_places_the_month_day(nlp):
    # The tenure leaves 2019 only: "November 4" is of 2019, and "on Friday" the
    # Friday after it.
    inf, values = _infer(
        nlp,
        "Prime Minister Ana Ruiz said on Friday that the strike that began on November 4 was over.",
        lo=date(2019, 6, 1),
        hi=date(2019, 12, 27),
    )
    assert (inf.date, inf.precision, inf.method) == ("2019-11-08", "day", "inferred")
    assert inf.note.startswith(f"between 2019-06-01 and 2019-12-27: {WHY}")
    assert values["Friday"] == "2019-11-08"


def test_tenure_in_one_month_without_a_date_gives_the_month(nlp):
    inf, _ = _infer(
        nlp,
        "Prime Minister Ana Ruiz said on Friday that the strike was over.",
        lo=date(2019, 6, 3),
        hi=date(2019, 6, 20),
    )
    assert (inf.date, inf.precision, inf.method) == ("2019-06", "month", "inferred")
    assert inf.confidence < 0.4


def test_tenure_start_bounds_a_dated_text_from_below(nlp):
    # The text's own dated event is older than the tenure: the bound moves the
    # day past the tenure's start, to the first Tuesday after it.
    inf, _ = _infer(
        nlp,
        "The dam opened on May 2, 2018. Prime Minister Ana Ruiz visited it on Tuesday.",
        lo=date(2019, 6, 1),
    )
    assert inf.date == "2019-06-04"
    assert inf.note.startswith(f"on or after 2019-06-01: {WHY}")


def test_tenure_end_before_the_text_is_ignored(nlp):
    inf, _ = _infer(
        nlp,
        "The dam opened on May 2, 2018. Prime Minister Ana Ruiz visited it on Tuesday.",
        lo=date(2010, 1, 1),
        hi=date(2012, 1, 1),
    )
    assert inf.date == "2018-05-08"
    assert f"ignored the end 2012-01-01 ({WHY}): the text is later" in inf.note


def test_title_in_a_sentence_the_text_dates_bounds_nothing(nlp):
    # "in 2006" dates the title: it is the one of that year.
    inf, _ = _infer(
        nlp,
        "Prime Minister Ana Ruiz visited the dam in 2006. Engineers said on Friday it was safe.",
        lo=date(2019, 6, 1),
    )
    assert inf.date is None
    assert "no dated event" in inf.note


def test_written_out_year_is_a_penalty_not_an_exclusion(nlp):
    # Leaving the year off "March 5" makes 2018 (written out) less likely, but
    # the tenure's end leaves 2019 only far from the signing: 2018 still wins.
    text = (
        "The deal was signed on November 20, 2018, after the talks of March 5. "
        "Envoys of Ana Ruiz met on Monday."
    )
    inf, _ = _infer(nlp, text, hi=date(2019, 1, 31))
    assert inf.date == "2018-11-26"
    assert "2018 less likely (years written out)" in inf.note
    # Without the end, a Monday of 2019 as near the news is free to win.
    inf, _ = _infer(nlp, text)
    assert inf.date[:4] == "2019"


def _president_varga(tmp_path, monkeypatch) -> None:
    """A knowledge base whose one person was president from March to November 2016."""
    path = tmp_path / "kb.yaml"
    path.write_text(
        "- {id: lena_varga, name: Lena Varga, type: person,\n"
        "   roles: [{role: president, of: x, from: 2016-03-01, to: 2016-11-30}]}\n",
        "utf-8",
    )
    kb = base.load((str(path),), False)
    monkeypatch.setattr(base, "default", lambda: kb)


def test_a_titled_person_of_the_knowledge_base_bounds_publication(analyse_text, tmp_path, monkeypatch):
    _president_varga(tmp_path, monkeypatch)
    ex = analyse_text("President Lena Varga said on Friday that the floods of April 9 had receded.")
    up = ex.doc_updates
    assert (up["published"], up["published_method"]) == ("2016-04-15", "inferred")
    assert up["published_note"].startswith(
        "between 2016-03-01 and 2016-12-07: Lena Varga is named President (tenure from the knowledge base)"
    )


@pytest.mark.parametrize("title", ["Former President", "President-elect"])
def test_a_past_or_future_title_bounds_nothing(analyse_text, tmp_path, monkeypatch, title):
    _president_varga(tmp_path, monkeypatch)
    ex = analyse_text(f"{title} Lena Varga said on Friday that the floods of April 9 had receded.")
    assert ex.doc_updates["published"] is None
    assert "no dated event" in ex.doc_updates["published_note"]


def test_a_long_tenure_does_not_widen_the_search(nlp):
    # Every year of a long tenure has a Tuesday as near a yearless "May 1": the
    # tenure's end only cuts the search, so the first year after the plant
    # closed wins, not a later one where the weekday falls a day nearer.
    text = (
        "The plant closed in March 2008. Prime Minister Ana Ruiz said on Tuesday that "
        "it will reopen on May 1."
    )
    inf, _ = _infer(nlp, text, lo=date(2009, 1, 20), hi=date(2017, 1, 27))
    assert inf.date == "2009-04-28"


def test_weekdays_that_do_not_fit_in_a_tenure_overrule_it(nlp):
    # Saturday 2020-03-07 is the first after the closure; a tenure ending on the
    # Thursday before it cannot hold news of Saturday: the text wins.
    inf, _ = _infer(
        nlp,
        "The plant closed on March 3, 2020. Workers of Ana Ruiz protested outside it on Saturday.",
        lo=date(2019, 1, 1),
        hi=date(2020, 3, 5),
    )
    assert inf.date == "2020-03-07"
    assert inf.note.endswith("ignored the knowledge base's bounds: the text's weekdays do not fit in them")
