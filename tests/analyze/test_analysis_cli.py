"""The analysis commands over a small two-outlet ledger."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsledger.cli import cli

ARTICLES = [
    {
        "id": "a",
        "outlet": "Daily A",
        "published": "2019-03-10",
        "text": "On March 3, 2019, the Ruritanian parliament approved a resolution on elections. "
        "Militias attacked the occupation forces.",
    },
    {
        "id": "b",
        "outlet": "Daily B",
        "published": "2019-03-12",
        "text": "The Ruritanian parliament approved a law on March 5, 2019. Coalition forces stayed.",
    },
]


def _run(db, *args):
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_analysis_commands(tmp_path, db_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    assert _run(db_path, "ingest", "--model", "sm", str(src)).exit_code == 0
    r = _run(db_path, "contradictions", "--format", "jsonl")
    got = [json.loads(x) for x in r.output.splitlines()]
    assert sorted((c["predicate"], tuple(sorted(c["values"]))) for c in got) == [
        ("passed_measure", ("2019-03-03", "2019-03-05")),
        ("passed_measure_kind", ("law", "resolution")),
    ]
    r = _run(db_path, "contradictions")
    assert "2019-03-03 vs 2019-03-05" in r.output and "Daily B" in r.output
    r = _run(db_path, "framing", "--format", "jsonl")
    shares = {(x["outlet"], x["concept"]): x["loaded_share"] for x in map(json.loads, r.output.splitlines())}
    assert shares[("Daily A", "foreign_forces")] == 1.0 and shares[("Daily B", "foreign_forces")] == 0.0
    r = _run(db_path, "stories", "--format", "jsonl")
    assert {x["article"] for x in map(json.loads, r.output.splitlines())} == {"a", "b"}
    r = _run(db_path, "timeline", "--actor", "Ruritanian parliament", "--format", "jsonl")
    assert [x["date"] for x in map(json.loads, r.output.splitlines())] == ["2019-03-03", "2019-03-05"]
    assert _run(db_path, "timeline").exit_code != 0
    r = _run(db_path, "stance", "--actor", "nobody", "--format", "jsonl")
    assert r.exit_code == 0 and r.output == ""
    r = _run(db_path, "analyze")  # ingest left nothing pending
    assert r.exit_code == 0 and r.output.startswith("blocks: 0, articles: 0")
    r = _run(db_path, "analyze", "--full")
    assert "blocks: 1, articles: 2" in r.output and "contradictions: 2" in r.output


def test_merged_events_lists_events_with_their_reports(db_path):
    from newsledger.records import Event
    from newsledger.store import Store

    st = Store(db_path)
    text = "Rebels shelled the port of Kelmar on Monday."
    with st.transaction():
        for doc, outlet in (("a", "Daily A"), ("b", "Daily B")):
            st.db.execute(
                "INSERT INTO documents (id, name, text, outlet, ingested_at) VALUES (?,?,?,?,?)",
                (doc, doc, text, outlet, "now"),
            )
            rec = Event(
                doc,
                0,
                31,
                text[:31],
                "ASSAULT",
                source_name="Rebels",
                target_name="Kelmar",
                date="2022-08-14",
            )
            st._insert("events", {k: getattr(rec, k) for k in rec.__dataclass_fields__})
    st.close()
    assert "events: 1" in _run(db_path, "analyze").output
    r = _run(db_path, "merged-events", "--format", "jsonl")
    [row] = [json.loads(x) for x in r.output.splitlines()]
    assert (row["reports"], row["sources"]) == (2, "Daily A:a; Daily B:b")
