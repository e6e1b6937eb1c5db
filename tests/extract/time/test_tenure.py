"""Titles of office in the text, and the tenures they bound publication with."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.extract.base import Extraction
from newsledger.extract.time import tenure
from newsledger.records import Article, Entity, Mention

PM = ("prime minister", "premier", "pm")


def _title(text: str, name: str, titles=PM):
    start = text.index(name)
    return tenure.titled(text, start, start + len(name), (0, len(text)), titles)


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Ana Ruiz opened the bridge.",
        "Talks with Portugal's Prime Minister Ana Ruiz ended.",
        "The acting mayor met the Portuguese premier, Ana Ruiz, at noon.",
        "Ana Ruiz, the prime minister, opened the bridge.",
        "Ana Ruiz, Portugal's current prime minister, opened the bridge.",
        "Ana Ruiz, prime minister of Portugal, opened the bridge.",
    ],
)
def test_title_of_an_office_held_now(text):
    assert _title(text, "Ana Ruiz") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Former Prime Minister Ana Ruiz opened the bridge.",
        "The late prime minister Ana Ruiz opened the bridge.",
        "Portugal's then-prime minister Ana Ruiz opened the bridge.",
        "Ex-Prime Minister Ana Ruiz opened the bridge.",
        "Prime Minister-designate Ana Ruiz opened the bridge.",
        "Deputy Prime Minister Ana Ruiz opened the bridge.",
        "Ana Ruiz, the former prime minister, opened the bridge.",
        "Ana Ruiz, who was prime minister, opened the bridge.",
        "After she became prime minister, Ana Ruiz opened the bridge.",
        "Ana Ruiz opened the bridge.",
    ],
)
def test_no_title_or_not_held_now(text):
    assert _title(text, "Ana Ruiz") is None


def test_vice_president_is_another_office():
    assert _title("Vice President Tom Hale spoke.", "Tom Hale", ("president",)) is None
    assert _title("President Tom Hale spoke.", "Tom Hale", ("president",)) == "President"


def test_curated_office_with_several_stints_gives_their_hull():
    roles = [
        {"role": "prime minister", "of": "x", "from": "2009-03-31", "to": "2011-06-13"},
        {"role": "prime minister", "of": "x", "from": "2012-12-29"},
        {"code": "XYZGOV", "from": "2001-01-01"},
    ]
    (office,) = tenure.offices(roles)
    assert (office.lo, office.hi) == (date(2009, 3, 31), None)
    assert "premier" in office.titles  # synonyms of the data file


def test_phoenix_codes_only_without_a_curated_role():
    roles = [
        {"code": "ABCGOV", "from": "2005-01-01", "to": "2008-12-31"},
        {"code": "ABCELI", "from": "1970-01-01", "to": "2000-01-01"},
    ]
    (office,) = tenure.offices(roles)  # ELI is no office a title names
    # A coded stint may end where the coding stopped: only its start is used.
    assert (office.lo, office.hi) == (date(2005, 1, 1), None)
    assert "president" in office.titles and "Phoenix" in office.source


def test_undated_role_bounds_nothing():
    assert tenure.offices([{"role": "leader", "of": "x"}]) == []


def _ex(text: str, name: str, roles) -> Extraction:
    art = Article("d", text, "d")
    ex = Extraction(art)
    ex.entities["ana"] = Entity("ana", "Ana Ruiz", "PERSON", "ana", attrs={"roles": roles})
    start = text.index(name)
    ex.mentions.append(
        Mention("d", start, start + len(name), name, "PERSON", "ana", "Ana Ruiz", 0, len(text))
    )
    return ex


_ROLES = [{"role": "prime minister", "of": "x", "from": "2019-06-01", "to": "2019-12-20"}]


def test_bounds_from_a_titled_mention():
    ex = _ex("Prime Minister Ana Ruiz opened the bridge on Friday.", "Ana Ruiz", _ROLES)
    (b,) = tenure.bounds(ex)
    assert (b.lo, b.hi) == (date(2019, 6, 1), date(2019, 12, 27))
    assert b.why == "Ana Ruiz is named Prime Minister (tenure from the knowledge base)"


def test_no_bounds_in_a_sentence_about_a_death():
    ex = _ex("Crowds mourned Prime Minister Ana Ruiz on Friday.", "Ana Ruiz", _ROLES)
    assert tenure.bounds(ex) == []
