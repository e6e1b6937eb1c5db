"""Claims stage: dated acts, derived dates, measure kinds, roles, plans (sm model)."""

from __future__ import annotations

import pytest

from newsledger.extract.claims_rules import shift


def claims(analyse_text, text, published="2023-01-01"):
    ex = analyse_text(text, published=published)
    for c in ex.claims:
        assert ex.article.text[c.start : c.end] == c.text
    return {(c.subject, c.predicate, c.object) for c in ex.claims}, ex.claims


def test_dated_vote_and_measure_kind(analyse_text):
    got, _ = claims(
        analyse_text,
        "On March 3, 2019, the Ruritanian parliament approved a resolution demanding new elections.",
    )
    assert got == {
        ("np:ruritanian_parliament", "passed_measure", "2019-03-03"),
        ("np:ruritanian_parliament", "passed_measure_kind", "resolution"),
    }


def test_participle_claim_spans_its_clause(analyse_text):
    _, recs = claims(
        analyse_text,
        "Troops must leave under a resolution passed by the senate on March 3, 2019, officials said.",
    )
    dated = [c for c in recs if c.predicate == "passed_measure"]
    assert [(c.subject_head, c.object, c.text) for c in dated] == [
        ("senate", "2019-03-03", "resolution passed by the senate on March 3, 2019")
    ]


def test_passive_passed_into_law(analyse_text):
    got, _ = claims(analyse_text, "The bill was passed into law on 4 May 2018 by the national assembly.")
    assert ("np:national_assembly", "passed_measure", "2018-05-04") in got
    assert ("np:national_assembly", "passed_measure_kind", "law") in got


def test_derived_date_from_previous_sentence(analyse_text):
    got, recs = claims(
        analyse_text,
        "The vote took place on June 10, 2017. It came three days "
        "after the assassination of Governor Anton Brekke in the capital.",
    )
    killed = [c for c in recs if c.predicate == "killed"]
    assert [(c.subject, c.object, c.derived) for c in killed] == [
        ("anton_brekke", "2017-06-07", "3 days after 2017-06-10")
    ]


def test_roles_before_and_after_the_name(analyse_text):
    got, _ = claims(
        analyse_text,
        "Maria Lopez, deputy head of the Northern Farmers Union, said "
        "prices were falling. The leader of the Northern Farmers Union, "
        "Carlos Ruiz, spoke to reporters.",
    )
    assert ("maria_lopez", "role_in:northern_farmers_union", "deputy_leader") in got
    assert ("carlos_ruiz", "role_in:northern_farmers_union", "leader") in got
    _, recs = claims(
        analyse_text, "Maria Lopez, deputy head of the Northern Farmers Union, said prices were falling."
    )
    assert [c.text for c in recs] == ["Maria Lopez, deputy head of the Northern Farmers Union"]


def test_plan_is_marked_planned(analyse_text):
    got, _ = claims(
        analyse_text, "The results will be announced on July 4, 2022 by the electoral commission."
    )
    assert {p for _, p, _ in got} == {"announced_planned"}


def test_no_claim_without_a_date_or_an_actor(analyse_text):
    got, _ = claims(analyse_text, "Prices rose sharply. Two days of talks ended without a deal.")
    assert got == set()


@pytest.mark.parametrize(
    "value,n,unit,want",
    [
        ("2020-01-05", -2, "day", "2020-01-03"),
        ("2020-03-01", -1, "day", "2020-02-29"),
        ("2020-01", -2, "month", "2019-11"),
        ("2020", -2, "day", None),
        ("2021-07-25", 2, "week", "2021-08-08"),
    ],
)
def test_shift(value, n, unit, want):
    assert shift(value, n, unit) == want


def test_counts_of_troops_in_a_place(analyse_text):
    got, recs = claims(
        analyse_text,
        "Some 2,500 US troops remain in Iraq. The army sent 400 more "
        "soldiers to Kenya. Two days of talks ended.",
    )
    assert got == {("np:us_troops", "count_in:iraq", "2500")}
    assert recs[0].approx is True and recs[0].kind == "count"


def test_casualty_count_written_with_spaced_thousands(analyse_text):
    """Tokenised text writes 26,000 as "26 , 000": the count is 26000, never 0."""
    got, recs = claims(
        analyse_text,
        "A strong earthquake killed more than 26 , 000 people in the city of Bam in December 2003.",
    )
    kills = [c for c in recs if c.predicate == "casualties:killed"]
    assert [c.object for c in kills] == ["26000"]
    assert kills[0].approx is True
