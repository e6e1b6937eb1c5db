"""Arguments a report leaves unsaid, filled from other reports of the same event."""

from __future__ import annotations

from newsledger.analyze.implicit import implied


def row(rid, doc, start, event_id, src=None, tgt=None, typ="ASSAULT", **kw):
    return {
        "id": rid,
        "doc_id": doc,
        "start": start,
        "end": start + 30,
        "sent_start": 0,
        "type": typ,
        "event_id": event_id,
        "source_id": src,
        "source_name": src,
        "target_id": tgt,
        "target_name": tgt,
        "trigger": "assassination",
        "confidence": 0.5,
        **kw,
    }


def filled(rows):
    return [(f["event_row"], f["role"], f["actor_id"], f["via"], f["from_row"]) for f in implied(rows)]


def test_an_unsaid_source_comes_from_the_report_that_states_it():
    rows = [row(1, "a", 0, "ev1", None, "petrovic"), row(2, "b", 5, "ev1", "ruritania", "petrovic")]
    assert filled(rows) == [(1, "source", "ruritania", "report", 2)]


def test_reports_that_disagree_fill_nothing():
    rows = [
        row(1, "a", 0, "ev1", None, "petrovic"),
        row(2, "b", 5, "ev1", "ruritania", "petrovic"),
        row(3, "c", 5, "ev1", "freedonia", "petrovic"),
    ]
    assert filled(rows) == []


def test_unmerged_and_negated_reports_give_nothing():
    rows = [
        row(1, "a", 0, "ev1", None, "petrovic"),
        row(2, "b", 5, "ev2", "ruritania", "petrovic"),
        row(3, "c", 0, "ev3", None, "kovac"),
        row(4, "d", 5, "ev3", "ruritania", "kovac", negated=1),
    ]
    assert filled(rows) == []


def test_the_same_act_on_a_coordinated_party_gets_the_filled_source_too():
    # "the assassination of Petrovic and Kovac": two rows of one phrase; only the first
    # is merged with the report naming the killer
    rows = [
        row(1, "a", 0, "ev1", None, "petrovic"),
        row(2, "a", 0, "ev9", None, "kovac"),
        row(3, "b", 5, "ev1", "ruritania", "petrovic"),
    ]
    assert filled(rows) == [
        (1, "source", "ruritania", "report", 3),
        (2, "source", "ruritania", "coordinated", 3),
    ]


def test_a_side_is_never_filled_with_the_other_side():
    rows = [
        row(1, "a", 0, "ev1", None, "ruritania", typ="AGREE"),
        row(2, "b", 5, "ev1", "ruritania", "freedonia", typ="AGREE"),
    ]
    assert filled(rows) == []
