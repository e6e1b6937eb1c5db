"""The GDELT-style events table: columns, one row per event, mentions of one event merged."""

from __future__ import annotations

import csv
import io

import pytest

from newsledger.export import export
from newsledger.export.gdelt import COLUMNS, geocode
from newsledger.ledger import Ledger


@pytest.fixture
def ledger(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Germany condemned Russia in Berlin on Monday.\n", "utf-8")
    (tmp_path / "b.txt").write_text(
        "On Monday, Germany condemned Russia.\n\nPolice arrested three protesters in Cairo.\n", "utf-8"
    )
    led = Ledger(tmp_path / "l.db", model="sm")
    rep = led.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert rep.ok
    yield led
    led.close()


def _table(led) -> list[dict]:
    out = io.StringIO()
    n = export(led.store, "gdelt", out, min_confidence=0.0)  # grouping, not the filter
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert n == len(rows)
    return rows


def test_header_and_rows(ledger):
    rows = _table(ledger)
    assert list(rows[0].keys()) == list(COLUMNS)
    acc = [r for r in rows if r["PloverType"] == "ACCUSE"]
    # The same condemnation reported by two articles is one event with two reports.
    assert len(acc) == 1
    r = acc[0]
    assert "Germany" in r["Actor1Name"] and "Russia" in r["Actor2Name"]  # names from the KB
    assert (r["EventCode"], r["EventBaseCode"], r["EventRootCode"]) == ("111", "111", "11")
    assert (r["QuadClass"], r["GoldsteinScale"]) == ("3", "-2.0")
    assert (r["NumMentions"], r["NumSources"], r["NumArticles"]) == ("2", "2", "2")
    # the most confident report describes the event (which one that is, is the model's call)
    best = ledger.store.db.execute(
        "SELECT d.source FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.type = 'ACCUSE' "
        "ORDER BY e.confidence DESC, e.id LIMIT 1"
    ).fetchone()[0]
    assert r["IsRootEvent"] == "1" and r["SOURCEURL"] == best and best.endswith(("a.txt", "b.txt"))
    coerce = next(r for r in rows if r["PloverType"] == "COERCE")
    assert coerce["IsRootEvent"] == "0"  # second paragraph
    assert coerce["ActionGeo_FullName"] == "Cairo" and coerce["ActionGeo_CountryCode"] == "EG"
    assert abs(float(coerce["ActionGeo_Lat"]) - 30.06) < 0.1


def test_mentions_of_one_event_are_counted_once(ledger):
    ledger.store.db.execute("UPDATE events SET event_id='germany_condemns' WHERE type='ACCUSE'")
    rows = _table(ledger)
    acc = [r for r in rows if r["PloverType"] == "ACCUSE"]
    assert len(acc) == 1
    assert (acc[0]["NumMentions"], acc[0]["NumArticles"]) == ("2", "2")


def test_geocode():
    assert geocode("Baghdad")[:2] == (4, "IQ")
    assert geocode("Iraq") == (1, "IQ", "", "")
    assert geocode("Nowhere-in-particular") == ("", "", "", "")
    assert geocode(None) == ("", "", "", "")


def test_negated_and_hypothetical_acts_are_not_rows(tmp_path, nlp):
    (tmp_path / "c.txt").write_text("Turkey wants to invade Syria. Germany condemned Russia.\n", "utf-8")
    led = Ledger(tmp_path / "c.db", model="sm")
    assert led.ingest([str(tmp_path / "c.txt")]).ok
    assert [r["PloverType"] for r in _table(led)] == ["ACCUSE"]
    assert sorted(e["type"] for e in led.events(include_unreal=True)) == ["ACCUSE", "ASSAULT"]
    led.close()


def _reports(tmp_path, sources):
    """A store with one merged event told once per source (None: told without a doer),
    the first report the most confident; the analysis pass has filled what it can."""
    from newsledger.analyze import implicit
    from newsledger.records import Event
    from newsledger.store import Store

    st = Store(tmp_path / "g.db")
    with st.transaction():
        for k, src in enumerate(sources):
            doc = "abc"[k]
            st.db.execute(
                "INSERT INTO documents (id, name, text, ingested_at) VALUES (?,?,?,?)",
                (doc, doc, "The assassination of Ivan Petrovic.", "now"),
            )
            rec = Event(
                doc,
                4,
                17,
                "assassination",
                "ASSAULT",
                cameo="186",
                quad_class=4,
                goldstein=-10.0,
                date="2020-01-03",
                event_id="ev1",
                source_id=src and src.lower(),
                source_name=src,
                target_id="petrovic",
                target_name="Ivan Petrovic",
                confidence=0.97 if k == 0 else 0.95,  # all above the default (0.8)
                trigger="assassination",
            )
            st._insert("events", {f: getattr(rec, f) for f in rec.__dataclass_fields__})
        implicit.refresh(st)
    out = io.StringIO()
    export(st, "gdelt", out)
    return list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))


def test_a_side_one_report_leaves_unsaid_comes_from_the_others(tmp_path):
    got = _reports(tmp_path / "1", [None, "Ruritania"])[0]
    assert (got["Actor1Code"], got["Actor1Name"], got["Actor2Name"], got["NumMentions"]) == (
        "ruritania",
        "Ruritania",
        "Ivan Petrovic",
        "2",
    )
    got = _reports(tmp_path / "2", [None, "Ruritania", "Freedonia"])[0]
    assert got["Actor1Name"] == ""  # the reports disagree: nothing is filled


def test_default_counts_asserted_events_at_the_default_confidence(ledger):
    from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE

    ledger.store.db.execute("UPDATE events SET confidence = 0.1 WHERE type = 'COERCE'")
    ledger.store.db.execute("UPDATE events SET confidence = 0.9, factuality = 'denied' WHERE type = 'ACCUSE'")
    out = io.StringIO()
    export(ledger.store, "gdelt", out)
    types = [r["PloverType"] for r in csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")]
    assert "COERCE" not in types and "ACCUSE" not in types  # below the default; denied
    assert DEFAULT_MIN_CONFIDENCE == 0.85
    out = io.StringIO()
    export(ledger.store, "gdelt", out, modes=("asserted", "denied"), min_confidence=0.0)
    types = [r["PloverType"] for r in csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")]
    assert "COERCE" in types and "ACCUSE" in types
