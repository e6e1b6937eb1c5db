"""Stories and near-duplicates, framing counts, stance judgements, timelines."""

from __future__ import annotations

from analysis_fixtures import ledger_of  # noqa: F401  (fixture)

from newsledger.analyze import framing, stance, stories

FLOOD = (
    "Heavy rain flooded the river valley of Dunmore on Tuesday. Rescue teams evacuated "
    "hundreds of families from the flooded villages while the river kept rising. "
)
FLOOD_2 = (
    "Rescue teams in Dunmore evacuated families as the flooded river valley kept rising "
    "after heavy rain. Villages along the river were cut off by the flood waters. "
)
BUDGET = (
    "The finance ministry presented a budget that cuts spending on roads and raises taxes "
    "on tobacco. Economists expect the deficit to shrink next year. "
)


def doc(i, text, published="2022-03-01", name=None):
    return {"id": i, "name": name or i, "text": text, "title": None, "published": published}


def test_same_story_joins_other_story_and_distant_dates_stay_apart():
    docs = [
        doc("a", FLOOD * 3),
        doc("b", FLOOD_2 * 3),
        doc("c", BUDGET * 3),
        doc("d", FLOOD_2 * 3 + " Later reports.", published="2024-06-01"),
    ]
    got, dups = stories.group(docs, {})
    assert sorted(got) == [["a", "b"], ["c"], ["d"]]
    assert dups == {}


def test_syndicated_copy_is_flagged_against_the_earliest():
    docs = [
        doc("a", FLOOD * 4, published="2022-03-02"),
        doc("b", FLOOD * 4 + "Reporting by a wire agency.", published="2022-03-01"),
        doc("c", BUDGET * 4),
    ]
    got, dups = stories.group(docs, {})
    assert dups.keys() == {"a"} and dups["a"][0] == "b" and dups["a"][1] >= 0.8
    assert ["b", "a"] in got


def test_framing_counts_longest_term_once():
    got = framing.count(
        "The occupation forces left; US forces stayed. Militias and resistance "
        "factions said two fighters were martyred, one was killed."
    )
    assert got[("foreign_forces", "loaded_occupation", "occupation forces")] == 1
    assert got[("foreign_forces", "neutral", "us forces")] == 1
    assert got[("armed_groups", "pejorative", "militias")] == 1
    assert got[("armed_groups", "favourable", "resistance factions")] == 1
    assert got[("deaths", "loaded_martyrdom", "martyr*")] == 1
    assert got[("deaths", "neutral", "killed")] == 1
    assert ("foreign_forces", "neutral", "forces") not in got
    assert framing.count("The weather was fine.") == {}


def test_stance_cues_and_event_types():
    issue = stance.issues()["foreign_forces_leave"]
    assert stance.judge("the foreign troops must leave the country now", issue)[0] == "favour"
    assert stance.judge("there are no plans for Washington to withdraw its forces", issue)[0] == "against"
    assert stance.judge("the withdrawal of forces will be decided by committees", issue)[0] == "neutral"
    assert stance.judge("he called on the government to withdraw the foreign troops", issue, "REQUEST") == (
        "favour",
        "REQUEST: withdraw",
    )
    assert stance.judge("prices of bread rose sharply", issue) is None


def test_ledger_stories_framing_and_timeline(ledger_of):
    led = ledger_of(
        [
            (
                "a",
                "Daily A",
                "2019-03-10",
                "Militias attacked the occupation forces. On March 3, 2019, "
                "the Ruritanian parliament approved a resolution on elections.",
            ),
            (
                "b",
                "Daily B",
                "2019-03-12",
                "The vote took place on March 5, 2019. It came two days "
                "after the assassination of Governor Anton Brekke. US forces "
                "stayed in their bases.",
            ),
        ]
    )
    assert sum(s["size"] for s in led.stories()) == 2
    rows = {(r["outlet"], r["concept"]): r for r in led.framing()}
    assert rows[("Daily A", "foreign_forces")]["loaded_share"] == 1.0
    assert rows[("Daily B", "foreign_forces")]["loaded_share"] == 0.0
    tl = led.timeline(actor="Anton Brekke")
    assert [(r["date"], r["basis"]) for r in tl] == [("2019-03-03", "derived")]
    everything = [r["date"] for r in led.timeline(story=led.stories()[0]["id"])]
    assert everything == sorted(everything)


def test_an_undated_article_does_not_chain_distant_stories():
    docs = [
        doc("a", FLOOD * 3, published="2022-03-01"),
        doc("b", FLOOD_2 * 3, published=None),
        doc("c", FLOOD * 3 + " Months later.", published="2022-11-01"),
    ]
    got, _ = stories.group(docs, {})
    assert sorted(len(g) for g in got) == [1, 2]
    assert not any({"a", "c"} <= set(g) for g in got)


def test_stance_series_from_statements_not_from_other_acts(tmp_path):
    from newsledger.analyze import stance as st
    from newsledger.records import Event, Quote
    from newsledger.store import Store

    store = Store(tmp_path / "s.db")
    text = "x" * 300
    rows = [
        Quote(
            "a",
            0,
            40,
            "the foreign troops must leave the country",
            "direct",
            speaker_name="Ann Lee",
            date="2021-03-02",
        ),
        Event(
            "a",
            50,
            90,
            "called for the foreign troops to withdraw",
            "REQUEST",
            source_name="Ann Lee",
            date="2021-01-05",
        ),
        Event(
            "a", 100, 140, "the troops will stay in the country for years", "REJECT", source_name="Bo Chan"
        ),
        Event(
            "a",
            150,
            190,
            "the withdrawal of foreign troops from the base",
            "RETREAT",
            source_name="Ann Lee",
            date="2021-02-01",
        ),
    ]
    with store.transaction():
        store.db.execute(
            "INSERT INTO documents (id, name, text, published, ingested_at) "
            "VALUES ('a', 'a', ?, '2021-04-01', 'now')",
            (text,),
        )
        for r in rows:
            store._insert(
                "quotes" if isinstance(r, Quote) else "events",
                {k: getattr(r, k) for k in r.__dataclass_fields__},
            )
        st.refresh(store)
    got = [(r["date"], r["stance"], r["record"]) for r in st.series(store, "Lee")]
    assert got == [("2021-01-05", "favour", "event"), ("2021-03-02", "favour", "quote")]
    assert [r["stance"] for r in st.series(store, "Bo Chan", "foreign_forces_leave")] == ["against"]
    assert st.series(store, "Lee", "no_such_issue") == []


def test_timeline_folds_another_articles_statement_of_the_same_fact_into_the_event():
    from newsledger.analyze.timeline import _fold_facts

    row = {
        "date": "2020-01-05",
        "sources": ["A:a"],
        "reports": 1,
        "note": None,
        "_dates": ["2020-01-05"],
        "_facts": {("parliament", "passed_measure")},
    }
    other = {
        "date": "2020-01-09",
        "sources": ["B:b"],
        "reports": 1,
        "note": None,
        "_dates": [],
        "_facts": set(),
    }
    claims = [
        {
            "id": 7,
            "subject": "np:iraqi_parliament",
            "subject_name": "Iraqi parliament",
            "predicate": "passed_measure",
            "object": "2020-01-03",
            "outlet": "C",
            "doc_name": "c",
        },
        {
            "id": 8,
            "subject": "np:senate",
            "subject_name": "senate",
            "predicate": "passed_measure",
            "object": "2020-01-03",
            "outlet": "D",
            "doc_name": "d",
        },
    ]
    used: set[int] = set()
    _fold_facts([row, other], claims, used)
    assert used == {7}
    assert (row["reports"], row["sources"], row["date"], row["note"]) == (
        2,
        ["A:a", "C:c"],
        "2020-01-03",
        "sources disagree: 2020-01-03, 2020-01-05",
    )
    assert "_dates" not in row and "_facts" not in other
