"""Stance: each actor's position on tracked issues, one judgement per statement.

Issues are data (data/issues.yaml). A quote or a statement-like event
mention (a demand, a rejection, a threat; not a withdrawal or an attack) is
about an issue when its text touches the issue's topic; its stance comes from the
issue's favour/against cues in the text, and for events without a cue from
the event type (a REQUEST to withdraw favours "forces must leave"). The
date is when it was said or happened, else when it was reported.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsledger.analyze.common import data, of_docs
from newsledger.kb.names import fold


@lru_cache(maxsize=1)
def issues() -> dict[str, dict]:
    out = {}
    for iid, spec in data("issues")["issues"].items():
        comp = lambda pats: [re.compile(p, re.I) for p in pats]  # noqa: E731
        out[iid] = {
            "statement": spec["statement"],
            "topic": comp(spec["topic"]),
            "favour": comp(spec["favour"]),
            "against": comp(spec["against"]),
            "events": [dict(r, words=re.compile(r["words"], re.I)) for r in spec.get("events", [])],
        }
    return out


def judge(text: str, issue: dict, event_type: str | None = None) -> tuple[str, str | None] | None:
    """(favour|against|neutral, the cue) for a statement about the issue, else None."""
    if not any(p.search(text) for p in issue["topic"]):
        return None
    fav = [m.group(0) for p in issue["favour"] for m in p.finditer(text)]
    ag = [m.group(0) for p in issue["against"] for m in p.finditer(text)]
    if len(fav) != len(ag):
        return ("favour", fav[0]) if len(fav) > len(ag) else ("against", ag[0])
    if event_type:
        for rule in issue["events"]:
            m = rule["words"].search(text)
            if rule["type"] == event_type and m:
                return rule["stance"], f"{event_type}: {m.group(0)}"
    return "neutral", None


def _statements(store, docs: list[str] | None = None):
    """(record kind, row, actor id, actor name, date, event type) for quotes and events
    (of the articles ``docs``, all for None)."""
    cond, args = of_docs("d.id", docs)
    for q in store.query(
        "SELECT q.*, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id "
        f"WHERE {cond} ORDER BY q.id",
        args,
    ):
        if q.get("speaker_name") or q.get("speaker_id"):
            yield (
                "quote",
                q,
                q.get("speaker_id"),
                q.get("speaker_name"),
                q.get("date") or q.get("published"),
                None,
            )
    said = set(data("issues")["statement_types"])
    for e in store.query(
        "SELECT e.*, d.published FROM events e JOIN documents d ON d.id = e.doc_id "
        f"WHERE {cond} ORDER BY e.id",
        args,
    ):
        if (e.get("source_name") or e.get("source_id")) and not e.get("hypothetical") and e["type"] in said:
            yield (
                "event",
                e,
                e.get("source_id"),
                e.get("source_name"),
                e.get("date") or e.get("published"),
                e["type"],
            )


def refresh(store, docs: list[str] | None = None) -> int:
    """Stances of the articles ``docs`` (all for None), replacing theirs."""
    if docs is None:
        store.db.execute("DELETE FROM stances")
    else:
        store.db.executemany("DELETE FROM stances WHERE doc_id = ?", [(d,) for d in docs])
    rows = []
    judged: dict[tuple, tuple | None] = {}  # one quote is often reported many times
    for kind, row, aid, aname, date, etype in _statements(store, docs):
        for iid, issue in issues().items():
            key = (row["text"], iid, etype)
            if key not in judged:
                judged[key] = judge(row["text"], issue, etype)
            got = judged[key]
            if got is None:
                continue
            stance, cue = got
            if etype and row.get("negated") and stance != "neutral":
                stance = "against" if stance == "favour" else "favour"
            rows.append(
                (
                    row["doc_id"],
                    iid,
                    aid,
                    aname,
                    stance,
                    date,
                    kind,
                    row["start"],
                    row["end"],
                    row["text"],
                    cue,
                    0.6 if cue else 0.4,
                )
            )
    store.db.executemany(
        "INSERT INTO stances (doc_id, issue, actor_id, actor_name, stance, date, record, "
        'start, "end", text, cue, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
        rows,
    )
    return len(rows)


def series(store, actor: str, issue: str | None = None) -> list[dict]:
    """The actor's stances in date order (name matched on any spelling seen)."""
    want = fold(actor)
    rows = store.query(
        "SELECT s.*, d.name AS doc_name, d.outlet FROM stances s "
        "JOIN documents d ON d.id = s.doc_id "
        + ("WHERE s.issue = ? " if issue else "")
        + "ORDER BY s.date, d.name, s.start",
        (issue,) if issue else (),
    )
    return [r for r in rows if _actor_matches(store, r, want)]


def _actor_matches(store, row: dict, want: str) -> bool:
    names = [row.get("actor_name") or ""]
    if row.get("actor_id"):
        ent = store.query("SELECT name, aliases FROM entities WHERE id=?", (row["actor_id"],))
        if ent:
            import json

            names += [ent[0]["name"]] + (json.loads(ent[0]["aliases"]) if ent[0]["aliases"] else [])
    return any(want and (want == fold(n) or want in fold(n).split() or want in fold(n)) for n in names if n)
