"""Timelines: events, statements and dated facts in the order they happened.

A row's date is the date the text gives for the act (``basis: stated``), or
the date a claim of the same sentence computes for it (``derived``: "two days
after ..."); only where there is none does the publication date stand in
(``basis: reported``), so a 2020 killing recalled in a 2022 article sits in 2020.
Events are rows per merged event, with every report listed as a source.
"""

from __future__ import annotations

import json
from collections import Counter

from newsledger.kb.names import fold


def _matches(want: str, *names) -> bool:
    return any(n and (want == fold(n) or want in fold(n).split() or want in fold(n)) for n in names)


def _aliases(store, ids) -> dict[str, list[str]]:
    out = {}
    for i in {x for x in ids if x}:
        row = store.query("SELECT name, aliases FROM entities WHERE id=?", (i,))
        if row:
            out[i] = [row[0]["name"]] + (json.loads(row[0]["aliases"]) if row[0]["aliases"] else [])
    return out


def _source(r: dict) -> str:
    return f"{r.get('outlet') or '?'}:{r['doc_name']}"


def _event_row(cid: str, reps: list[dict], dating: dict, used: set[int]) -> dict:
    """One merged event: its date (stated, else from its sentences' claims), all its sources."""
    dates = [r["date"] for r in reps if r.get("date")]
    basis = "stated" if dates else "reported"
    # The dated facts its sentences state about its actors are this event: shown
    # once, in its row, and dating it where it has no date of its own.
    facts = _facts_for(reps, dating)
    used.update(f["id"] for f in facts)
    if not dates and facts:
        dates = [f["object"] for f in facts]
        basis = "derived" if any(f.get("derived") for f in facts) else "stated"
    date = _consensus(dates)
    return {
        "date": date or min(r["published"] or "" for r in reps) or None,
        "basis": basis,
        "kind": f"event:{reps[0]['type']}",
        "who": _common(reps, "source_name"),
        "what": max(reps, key=lambda r: len(r["text"]))["text"],
        "target": _common(reps, "target_name"),
        "reports": len(reps),
        "sources": sorted({_source(r) for r in reps}),
        "event_id": cid,
        "note": _disputed(dates),
        "_dates": dates,
        "_facts": {_fact_key(f) for f in facts},
    }


def _fact_key(c: dict) -> tuple[str, str]:
    return _last(c.get("subject_name") or c["subject"]), c["predicate"]


def _fold_facts(rows: list[dict], claims: list[dict], used: set[int]) -> None:
    """A dated fact another article states about a merged event (the same actor and
    predicate as a fact of its reports) joins that event's row as one more source."""
    by_fact = {k: r for r in rows for k in r.get("_facts", ())}
    for c in claims:
        row = by_fact.get(_fact_key(c))
        if row is None:
            continue
        used.add(c["id"])
        row["_dates"].append(c["object"])
        row["sources"] = sorted(set(row["sources"]) | {_source(c)})
        row["reports"] += 1
        row["date"], row["note"] = _consensus(row["_dates"]), _disputed(row["_dates"])
    for r in rows:
        r.pop("_dates", None)
        r.pop("_facts", None)


def _last(name: str | None) -> str:
    toks = fold(name or "").replace("np:", "").replace("_", " ").split()
    return toks[-1] if toks else ""


def _sentence_facts(claims: list[dict]) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for c in claims:
        if c.get("kind") == "date":
            out.setdefault((c["doc_id"], c.get("sent_start")), []).append(c)
    return out


def _facts_for(reports: list[dict], dating: dict) -> list[dict]:
    """Dated claims in the reports' sentences about one of the event's actors: the
    event's date where the event itself has none ("two days after the killing of X")."""
    out = []
    for r in reports:
        actors = {_last(r.get("source_name")), _last(r.get("target_name"))} - {""}
        for c in dating.get((r["doc_id"], r.get("sent_start")), []):
            if _last(c.get("subject_name") or c["subject"]) in actors:
                out.append(c)
    return out


def _consensus(dates: list[str]) -> str | None:
    """The date most reports give (the earliest of a tie)."""
    if not dates:
        return None
    counts = Counter(dates)
    return min(counts, key=lambda d: (-counts[d], d))


def _disputed(dates: list[str]) -> str | None:
    vals = sorted(set(dates))
    return f"sources disagree: {', '.join(vals)}" if len(vals) > 1 else None


def _common(reports: list[dict], key: str) -> str | None:
    vals = [r[key] for r in reports if r.get(key)]
    return Counter(vals).most_common(1)[0][0] if vals else None


def build(store, *, actor: str | None = None, story: str | None = None) -> list[dict]:
    docs = None
    if story:
        docs = {r["doc_id"] for r in store.query("SELECT doc_id FROM story_docs WHERE story_id=?", (story,))}
    want = fold(actor) if actor else None
    join = "JOIN documents d ON d.id = x.doc_id"
    cols = "x.*, d.name AS doc_name, d.outlet, d.published"
    events = store.query(f"SELECT {cols} FROM events x {join} ORDER BY x.doc_id, x.start")
    quotes = store.query(f"SELECT {cols} FROM quotes x {join}")
    claims = store.query(f"SELECT {cols} FROM claims x {join}")
    alias = _aliases(
        store,
        [e.get("source_id") for e in events]
        + [e.get("target_id") for e in events]
        + [q.get("speaker_id") for q in quotes],
    )

    def keep(row, *pairs) -> bool:
        if docs is not None and row["doc_id"] not in docs:
            return False
        if want is None:
            return True
        names = [n for i, n in pairs] + [a for i, _ in pairs for a in alias.get(i, [])]
        return _matches(want, *names)

    rows = []
    clusters: dict[str, list[dict]] = {}
    for e in events:
        if keep(e, (e.get("source_id"), e.get("source_name")), (e.get("target_id"), e.get("target_name"))):
            clusters.setdefault(e.get("event_id") or f"{e['doc_id']}:{e['start']}", []).append(e)
    dating = _sentence_facts(claims)
    used: set[int] = set()
    for cid, reps in clusters.items():
        rows.append(_event_row(cid, reps, dating, used))
    _fold_facts(rows, [c for c in claims if c.get("kind") == "date" and c["id"] not in used], used)
    for q in quotes:
        if keep(q, (q.get("speaker_id"), q.get("speaker_name"))):
            rows.append(
                {
                    "date": q.get("date") or q["published"],
                    "kind": "statement",
                    "basis": "stated" if q.get("date") else "reported",
                    "who": q.get("speaker_name"),
                    "what": q["text"],
                    "target": None,
                    "reports": 1,
                    "sources": [_source(q)],
                    "event_id": None,
                    "note": None,
                }
            )
    for c in claims:
        if c.get("kind") == "date" and c["id"] not in used and keep(c, (None, c.get("subject_name"))):
            rows.append(
                {
                    "date": c["object"],
                    "basis": "derived" if c.get("derived") else "stated",
                    "kind": f"fact:{c['predicate']}",
                    "who": c.get("subject_name"),
                    "what": c["text"],
                    "target": None,
                    "reports": 1,
                    "sources": [_source(c)],
                    "event_id": None,
                    "note": f"derived: {c['derived']}" if c.get("derived") else None,
                }
            )
    rows.sort(key=lambda r: (r["date"] or "9999", r["kind"], r["what"]))
    return rows
