"""Contradictions: same fact, conflicting values, across sources; changes over time are not."""

from __future__ import annotations

import json

from analysis_fixtures import ledger_of  # noqa: F401  (fixture)

from newsledger.analyze.contradictions import find

VOTE = "On March {d}, 2019, the Ruritanian parliament approved a resolution demanding new elections."
# The same fact in other words (the same text twice would be one article under two names).
VOTE_B = "Opposition leaders cheered. On March {d}, 2019, the Ruritanian parliament approved a resolution."


def test_consistent_fact_is_no_contradiction(ledger_of):
    led = ledger_of(
        [("a", "Daily A", "2019-03-10", VOTE.format(d=3)), ("b", "Daily B", "2019-03-11", VOTE_B.format(d=3))]
    )
    assert led.contradictions() == []
    assert len(led.store.query("SELECT * FROM claims WHERE predicate='passed_measure'")) == 2


def test_two_values_make_one_contradiction_with_both_sides(ledger_of):
    led = ledger_of(
        [
            ("a", "Daily A", "2019-03-10", VOTE.format(d=3)),
            ("b", "Daily B", "2019-03-11", VOTE_B.format(d=3)),
            ("c", "Daily C", "2019-03-12", VOTE.format(d=5)),
        ]
    )
    got = led.contradictions()
    assert [(c["predicate"], c["values"]) for c in got] == [("passed_measure", ["2019-03-03", "2019-03-05"])]
    assert {s["outlet"] for s in got[0]["sides"]} == {"Daily A", "Daily B", "Daily C"}
    assert all("Ruritanian parliament" in s["sentence"] for s in got[0]["sides"])


def test_eval_export_puts_each_contradiction_once(ledger_of):
    import io

    from newsledger.export import export

    led = ledger_of(
        [("a", "Daily A", "2019-03-10", VOTE.format(d=3)), ("c", "Daily C", "2019-03-12", VOTE.format(d=5))]
    )
    out = io.StringIO()
    export(led.store, "eval", out)
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    contra = [c for r in recs for c in r["contradictions"]]
    assert [(c["values"], sorted(c["docs"])) for c in contra] == [(["2019-03-03", "2019-03-05"], ["a", "c"])]


def test_role_that_changed_hands_is_no_contradiction(ledger_of):
    led = ledger_of(
        [
            (
                "a",
                "Daily A",
                "2019-05-01",
                "Maria Lopez, leader of the Northern Farmers Union, said prices were falling.",
            ),
            (
                "b",
                "Daily B",
                "2019-05-03",
                "Carlos Ruiz, leader of the Northern Farmers Union, said prices were falling.",
            ),
            (
                "c",
                "Daily C",
                "2023-02-01",
                "Maria Lopez, deputy head of the Northern Farmers Union, said prices were rising.",
            ),
        ]
    )
    assert led.contradictions() == []


def claim(doc, subject, predicate, obj, kind, **kw):
    return {
        "doc_id": doc,
        "doc_name": doc,
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "kind": kind,
        "text": f"{subject} {obj}",
        **kw,
    }


def test_role_ranks_conflict_in_the_same_period_for_the_same_body():
    got = find(
        [
            claim("a", "ann_lee", "role_in:farmers_union", "leader", "role", published="2020-01-01"),
            claim(
                "b",
                "ann_lee",
                "role_in:northern_farmers_union",
                "deputy_leader",
                "role",
                published="2020-01-05",
            ),
        ]
    )
    assert [c["values"] for c in got] == [["leader", "deputy_leader"]]


def test_non_exclusive_roles_and_other_bodies_do_not_conflict():
    got = find(
        [
            claim("a", "ann_lee", "role_in:farmers_union", "leader", "role", published="2020-01-01"),
            claim("b", "ann_lee", "role_in:farmers_union", "spokesperson", "role", published="2020-01-01"),
            claim("c", "ann_lee", "role_in:dockers_guild", "deputy_leader", "role", published="2020-01-01"),
        ]
    )
    assert got == []


def test_dates_far_apart_coarser_or_repeatable_are_not_contradictions():
    got = find(
        [
            claim("a", "np:senate", "passed_measure", "2019-03-03", "date"),
            claim("b", "np:senate", "passed_measure", "2021-03-03", "date"),  # another vote
            claim("c", "np:senate", "passed_measure", "2019-03", "date"),  # coarser
            claim("d", "ann_lee", "said", "2019-03-03", "date"),
            claim("e", "ann_lee", "said", "2019-03-04", "date"),  # speaks again
            claim("f", "np:board", "announced_planned", "2019-03-03", "date"),
            claim("g", "np:board", "announced_planned", "2019-03-06", "date"),
        ]
    )
    assert got == []


def test_subjects_must_name_the_same_actor():
    got = find(
        [
            claim("a", "john_smith", "killed", "2017-06-07", "date"),
            claim("b", "smith", "killed", "2017-06-05", "date"),
            claim("c", "jane_smith", "killed", "2017-06-01", "date"),
        ]
    )
    assert len(got) == 1 and set(got[0]["values"]) >= {"2017-06-07", "2017-06-05"}


def test_counts_conflict_beyond_rounding_in_the_same_period():
    def count(doc, value, published, approx=False, subject="np:us_troops"):
        return claim(doc, subject, "count_in:iraq", value, "count", published=published, approx=approx)

    assert find([count("a", "2500", "2021-01-01"), count("b", "2450", "2021-01-03")]) == []
    assert find([count("a", "3000", "2021-01-01", True), count("b", "2500", "2021-01-03")]) == []
    assert (
        find(
            [
                count("a", "2500", "2021-01-01"),
                count("b", "2500", "2021-05-01"),
                count("c", "900", "2021-09-01"),
            ]
        )
        == []
    )  # a drawdown over months
    assert (
        find([count("a", "2500", "2021-01-01"), count("b", "900", "2021-01-03", subject="np:troops")]) == []
    )
    got = find([count("a", "2500", "2021-01-01"), count("b", "4000", "2021-01-05")])
    assert [c["values"] for c in got] == [["2500", "4000"]]


def test_same_actor_keys():
    from newsledger.analyze.common import same_actor

    assert same_actor("np:parliament", "np:iraqi_parliament")
    assert same_actor("np:parliament", "iraqi_parliament")  # named in one article only
    assert same_actor("qassem_soleimani", "soleimani")
    assert not same_actor("jane_smith", "john_smith")
    assert not same_actor("np:iraqi_parliament", "np:kurdish_parliament")
    assert not same_actor("np:parliament", "np:government")


def test_undated_article_is_placed_by_the_latest_date_it_states():
    a = claim(
        "a", "ann_lee", "role_in:farmers_union", "leader", "role", published=None, reference="2020-01-03"
    )
    b = claim("b", "ann_lee", "role_in:farmers_union", "deputy_leader", "role", published="2020-01-05")
    assert len(find([a, b])) == 1
    a["reference"] = "2016-05-01"
    assert find([a, b]) == []
    a["reference"] = None  # no date at all: cannot tell a change from a conflict
    assert find([a, b]) == []
