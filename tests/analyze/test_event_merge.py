"""Cross-report event merging: one event, many reports; different events stay apart."""

from __future__ import annotations

from newsledger.analyze.events import cluster, cluster_id
from newsledger.records import Event
from newsledger.store import Store


def ev(doc, start, typ, text, src=None, tgt=None, date=None, **kw):
    return {
        "id": f"{doc}{start}",
        "doc_id": doc,
        "start": start,
        "end": start + len(text),
        "type": typ,
        "text": text,
        "source_name": src,
        "target_name": tgt,
        "date": date,
        **kw,
    }


RAID = [
    ev(
        "a",
        10,
        "ASSAULT",
        "the army shelled the border village of Kelmar",
        "Ruritanian army",
        "Kelmar",
        "2022-08-14",
    ),
    ev(
        "b",
        40,
        "ASSAULT",
        "Ruritanian troops shelled Kelmar village near the border",
        "Ruritanian army",
        "Kelmar",
        "2022-08-14",
    ),
    ev(
        "c", 90, "ASSAULT", "the shelling of Kelmar by the Ruritanian army", "Ruritanian army", "Kelmar", None
    ),
]


def groups(rows):
    return sorted(sorted(r["id"] for r in g) for g in cluster(rows))


def test_same_event_from_three_outlets_is_one_event_with_three_reports():
    got = groups(RAID)
    assert got == [["a10", "b40", "c90"]]


def test_different_date_type_or_negation_stays_apart():
    rows = RAID + [
        ev(
            "d",
            5,
            "ASSAULT",
            "the army shelled the border village of Kelmar again",
            "Ruritanian army",
            "Kelmar",
            "2023-02-01",
        ),
        ev(
            "e",
            5,
            "PROTEST",
            "villagers of Kelmar protested against the shelling",
            "Kelmar villagers",
            "Ruritanian army",
            "2022-08-15",
        ),
        ev(
            "f",
            5,
            "ASSAULT",
            "the army did not shell Kelmar",
            "Ruritanian army",
            "Kelmar",
            "2022-08-14",
            negated=1,
        ),
    ]
    assert groups(rows) == [["a10", "b40", "c90"], ["d5"], ["e5"], ["f5"]]


def test_separate_statements_in_one_article_are_not_merged():
    rows = [
        ev("a", 0, "ACCUSE", "he said the company is hiding its losses", "Ann Lee", "Acme"),
        ev("a", 80, "ACCUSE", "adding that Acme misled its workers", "Ann Lee", "Acme"),
        ev("a", 160, "ACCUSE", "the firm cheated the tax office", "Ann Lee", "Acme"),
    ]
    assert groups(rows) == [["a0"], ["a160"], ["a80"]]


def test_refresh_sets_event_id_and_counts_reports(tmp_path):
    from newsledger.analyze import events as analysis

    st = Store(tmp_path / "x.db")
    with st.transaction():
        for i, r in enumerate(RAID):
            st.db.execute(
                "INSERT INTO documents (id, name, text, ingested_at) VALUES (?,?,?,?)",
                (r["doc_id"], r["doc_id"], " " * 200, "now"),
            )
            rec = Event(
                r["doc_id"],
                r["start"],
                r["end"],
                r["text"],
                r["type"],
                source_name=r["source_name"],
                target_name=r["target_name"],
                date=r["date"],
            )
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
        assert analysis.refresh(st) == 1
    ids = {r["event_id"] for r in st.query("SELECT event_id FROM events")}
    assert len(ids) == 1
    row = st.query("SELECT * FROM event_clusters")[0]
    assert (row["reports"], row["docs"], row["date"]) == (3, 3, "2022-08-14")
    assert row["id"] == cluster_id(st.query("SELECT * FROM events"))


def test_agreement_between_two_parties_merges_either_way_round():
    rows = [
        ev(
            "a",
            0,
            "AGREE",
            "the accord between Ruritania and Freedonia on fishing",
            "Ruritania",
            "Freedonia",
            "2021-05-02",
        ),
        ev(
            "b",
            0,
            "AGREE",
            "Freedonia and Ruritania signed a fishing accord",
            "Freedonia",
            "Ruritania",
            "2021-05-02",
        ),
    ]
    assert groups(rows) == [["a0", "b0"]]
    rows[1]["type"] = "ASSAULT"
    assert groups(rows) == [["a0"], ["b0"]]


def test_one_sentence_coded_for_two_doers_is_two_events():
    text = "Lee and Park rejected the presence of foreign troops"
    rows = [
        ev("a", 0, "REJECT", text, "Ann Lee", "foreign troops"),
        ev("a", 0, "REJECT", text, "Min Park", "foreign troops"),
    ]
    rows[1]["id"] = "a0b"
    assert groups(rows) == [["a0"], ["a0b"]]


def test_killing_words_are_one_act():
    rows = [
        ev("a", 0, "ASSAULT", "the murder of the governor John Smith", None, "John Smith"),
        ev("b", 0, "ASSAULT", "the assassination of governor John Smith", "rebels", "John Smith"),
    ]
    assert groups(rows) == [["a0", "b0"]]


def test_reports_stating_the_same_fact_merge_despite_other_words():
    rows = [
        ev(
            "a",
            0,
            "REQUEST",
            "the senate voted for a motion",
            "Ruritanian senate",
            None,
            "2020-01-05",
            sent_start=0,
        ),
        ev(
            "b",
            0,
            "REQUEST",
            "the senate requiring the cabinet to resign",
            "Ruritanian senate",
            "cabinet",
            "2020-01-03",
            sent_start=0,
        ),
    ]
    assert groups(rows) == [["a0"], ["b0"]]
    claims = [
        {
            "doc_id": d,
            "sent_start": 0,
            "subject": "np:ruritanian_senate",
            "subject_name": "Ruritanian senate",
            "predicate": "passed_measure",
            "kind": "date",
        }
        for d in ("a", "b")
    ]
    got = cluster(rows, claims=claims)
    assert sorted(sorted(r["id"] for r in g) for g in got) == [["a0", "b0"]]


def test_an_act_dated_after_an_article_was_published_is_not_what_it_reported():
    rows = [
        ev(
            "a",
            0,
            "RETREAT",
            "the withdrawal of the troops from Kelmar",
            "troops",
            "Kelmar",
            None,
            published="2021-04-01",
        ),
        ev(
            "b",
            0,
            "RETREAT",
            "the withdrawal of the troops from Kelmar",
            "troops",
            "Kelmar",
            "2021-12-31",
            published="2022-01-02",
        ),
    ]
    assert groups(rows) == [["a0"], ["b0"]]
    rows[0]["published"] = "2022-01-01"
    assert groups(rows) == [["a0", "b0"]]


def test_one_act_coded_once_per_target_is_one_event():
    text = "rocket strikes on the airbase and the embassy"
    rows = [ev("a", 0, "ASSAULT", text, None, "airbase"), ev("a", 0, "ASSAULT", text, None, "embassy")]
    rows[1]["id"] = "a0b"
    assert groups(rows) == [["a0", "a0b"]]


def test_talks_reported_before_a_later_round_are_the_same_process():
    rows = [
        ev(
            "a",
            0,
            "CONSULT",
            "the strategic dialogue between the two governments",
            "Ruritania",
            "Freedonia",
            None,
            published="2021-04-01",
        ),
        ev(
            "b",
            0,
            "CONSULT",
            "the last round of the strategic dialogue in the capital",
            "Ruritania",
            "Freedonia",
            "2021-07-25",
            published="2022-01-02",
        ),
    ]
    assert groups(rows) == [["a0", "b0"]]
    for r in rows:
        r["type"] = "ASSAULT"  # a one-off act dated after the first report: not it
    assert groups(rows) == [["a0"], ["b0"]]


def test_syndicated_copies_merge_and_stay_apart_from_other_events():
    copy = RAID[0]
    rows = [dict(copy, id=f"x{k}", doc_id=f"x{k}") for k in range(40)]
    rows.append(
        ev(
            "y",
            10,
            "ASSAULT",
            "the army shelled the border village of Kelmar",
            "Ruritanian army",
            "Kelmar",
            "2023-02-01",
        )
    )
    got = groups(rows)
    assert len(got) == 2
    assert sorted(len(g) for g in got) == [1, 40]
    assert ["y10"] in got


def test_word_for_word_twins_without_actors_or_date_are_not_merged():
    rows = [ev(d, 5, "PROTEST", "crowds gathered in the square") for d in "pqr"]
    assert groups(rows) == [["p5"], ["q5"], ["r5"]]


def test_a_person_is_killed_once_however_the_killing_is_worded():
    # wording shares little ("assassination of the general" vs "murder of the commander"),
    # but two killings of one named person are one killing
    rows = [
        ev(
            "a",
            0,
            "ASSAULT",
            "the assassination of General Ivan Petrovic",
            None,
            "Ivan Petrovic",
            published="2022-01-01",
            target_type="PERSON",
        ),
        ev(
            "b",
            0,
            "ASSAULT",
            "the Ruritanian murder of the rebel commander",
            "Ruritania",
            "Ivan Petrovic",
            published="2021-12-25",
            target_type="PERSON",
        ),
    ]
    assert groups(rows) == [["a0", "b0"]]
    # attacks on a group happen many times: no such evidence
    for r in rows:
        r["target_type"] = "ORG"
    assert groups(rows) == [["a0"], ["b0"]]


def test_the_killing_of_two_named_persons_is_two_events():
    text = "the assassination of Ivan Petrovic and Goran Kovac"
    rows = [
        ev("a", 0, "ASSAULT", text, None, "Ivan Petrovic", target_type="PERSON"),
        ev("a", 0, "ASSAULT", text, None, "Goran Kovac", target_type="PERSON"),
    ]
    rows[1]["id"] = "a0b"
    assert groups(rows) == [["a0"], ["a0b"]]


def test_two_persons_sharing_a_surname_are_not_one_killing():
    rows = [
        ev(
            "a",
            0,
            "ASSAULT",
            "the assassination of the lawyer Ahmed Hassan in Cairo",
            None,
            "Ahmed Hassan",
            target_id="ahmed_hassan",
            published="2022-01-01",
            target_type="PERSON",
        ),
        ev(
            "b",
            0,
            "ASSAULT",
            "the assassination of the lawyer Mohammed Hassan in Cairo",
            None,
            "Mohammed Hassan",
            target_id="mohammed_hassan",
            published="2022-01-01",
            target_type="PERSON",
        ),
    ]
    assert groups(rows) == [["a0"], ["b0"]]
