"""Issue 14: contradictions compare the same fact (sm model): casualty figures of one
merged event, relative dates only with a common anchor, titles in lists."""

from __future__ import annotations

from analysis_fixtures import ledger_of  # noqa: F401  (fixture)

from newsledger.analyze.contradictions import find

ATTACK = "Militants attacked a US base in Erbil on Sunday, wounding {n} American soldiers, officials said."


def test_two_reports_with_different_casualty_figures_contradict(ledger_of):
    led = ledger_of(
        [
            ("a", "Daily A", "2024-01-08", ATTACK.format(n=34)),
            ("b", "Daily B", "2024-01-08", ATTACK.format(n=25)),
        ]
    )
    claims = led.store.query(
        "SELECT predicate, object FROM claims WHERE predicate LIKE 'casualties:%' ORDER BY object"
    )
    assert [(c["predicate"], c["object"]) for c in claims] == [
        ("casualties:wounded", "25"),
        ("casualties:wounded", "34"),
    ]
    got = [c for c in led.contradictions() if c["predicate"] == "casualties:wounded"]
    assert sorted(got[0]["values"]) == ["25", "34"] and len(got) == 1
    assert {s["outlet"] for s in got[0]["sides"]} == {"Daily A", "Daily B"}
    assert got[0]["why"].startswith("reports of one merged event (")


def test_same_casualty_figure_is_no_contradiction(ledger_of):
    led = ledger_of(
        [
            ("a", "Daily A", "2024-01-08", ATTACK.format(n=34)),
            ("b", "Daily B", "2024-01-08", ATTACK.format(n=34)),
        ]
    )
    assert [c for c in led.contradictions() if c["predicate"].startswith("casualties")] == []


def test_at_least_agrees_with_a_larger_figure():
    a = {
        "doc_id": "a",
        "subject": "event",
        "predicate": "casualties:killed",
        "object": "25",
        "kind": "casualty",
        "event_id": "ev1",
        "approx": True,
        "text": "at least 25",
        "when": "2024-01-07",
    }
    b = dict(a, doc_id="b", object="34", approx=False, text="34")
    c = dict(a, doc_id="c", object="15", approx=False, text="15")
    assert find([a, b]) == []
    assert [x["values"] for x in find([a, c])] == [["25", "15"]]
    assert find([dict(a, event_id=None), dict(c, event_id=None)]) == []  # no event: no fact


def test_relative_dates_of_articles_of_different_weeks_never_contradict():
    # "Tuesday's vote" read against two articles a week apart
    a = {
        "doc_id": "a",
        "subject": "np:commission",
        "predicate": "passed_measure",
        "object": "2024-03-05",
        "kind": "date",
        "relative": True,
        "published": "2024-03-06",
        "text": "Tuesday",
    }
    b = dict(a, doc_id="b", object="2024-03-12", published="2024-03-13")
    assert find([a, b]) == []
    # the same anchor: the two reports disagree
    c = dict(b, published="2024-03-06")
    got = find([a, c])
    assert [x["values"] for x in got] == [["2024-03-05", "2024-03-12"]]
    assert "relative dates read against articles of the same day" in got[0]["why"]


def test_a_title_before_a_name_in_a_list_is_that_persons(analyse_text):
    ex = analyse_text(
        "The talks were attended by Maria Lopez, Deputy Leader of the Northern "
        "Farmers Union Carlos Ruiz and two envoys."
    )
    roles = [(c.subject_name, c.object) for c in ex.claims if c.kind == "role"]
    assert roles == [("Carlos Ruiz", "deputy_leader")]
