"""Arguments a report leaves unsaid, read from the other reports of the same event.

"The assassination of General X" names no killer; another outlet's "the U.S.
assassination of X" does. Once event merging (analyze/events.py) has put both
mentions in one cluster, the unsaid source of the first is the one the second
states, provided the reports that state one all agree. This is how an analyst
reads a story across outlets, and it is what event data needs: an event
counted with its actors, not an actorless "assassination".

The per-article ``events`` rows are never rewritten (they keep what the text
says); the filled arguments go to ``event_arguments`` with the row they came
from, so every one can be traced to the sentence that states it:

* ``report``: the other reports of the merged event state the argument and
  agree on it;
* ``coordinated``: one act on coordinated parties ("the assassination of X and
  Y") is coded as one event per party: an argument filled for one is filled
  for its siblings of the same phrase.

A side is never filled with the actor already on the other side ("A with A").
"""

from __future__ import annotations

from collections import defaultdict

from newsledger.analyze.common import in_block
from newsledger.analyze.events import actor_key

_SIDES = ("source", "target")
# An argument read from another report is less sure than one the text states.
_DISCOUNT = {"report": 0.8, "coordinated": 0.9}


def _stated(rows: list[dict], side: str) -> dict | None:
    """The row stating the cluster's one agreed actor on a side, or None when the
    reports state none or disagree."""
    keys = {actor_key(r, side): r for r in rows if actor_key(r, side)}
    if len(keys) != 1:
        return None
    return min(keys.values(), key=lambda r: (r["doc_id"], r["start"]))


def _fill(row: dict, side: str, giver: dict, via: str) -> dict | None:
    other = "target" if side == "source" else "source"
    key = actor_key(giver, side)
    if key is None or key == actor_key(row, other):
        return None
    return {
        "event_row": row["id"],
        "doc_id": row["doc_id"],
        "role": side,
        "actor_id": giver.get(f"{side}_id"),
        "actor_name": giver.get(f"{side}_name"),
        "via": via,
        "from_row": giver["id"],
        "from_doc": giver["doc_id"],
        "event_id": row.get("event_id"),
        "confidence": round((row.get("confidence") or 0.5) * _DISCOUNT[via], 3),
    }


def _from_reports(rows: list[dict]) -> dict[tuple[int, str], dict]:
    clusters: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("event_id") and not (r.get("negated") or r.get("hypothetical")):
            clusters[r["event_id"]].append(r)
    out = {}
    for reports in clusters.values():
        if len(reports) < 2:
            continue
        for side in _SIDES:
            giver = _stated(reports, side)
            if giver is None:
                continue
            for r in reports:
                if actor_key(r, side) is None:
                    got = _fill(r, side, giver, "report")
                    if got:
                        out[(r["id"], side)] = got
    return out


def _phrase_key(r: dict) -> tuple:
    """Rows coded from one phrase: the same act at the same place, fanned out over parties."""
    return (r["doc_id"], r["sent_start"], r["start"], r.get("trigger"), r["type"])


def _to_coordinated(rows: list[dict], filled: dict[tuple[int, str], dict]) -> None:
    phrases: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        phrases[_phrase_key(r)].append(r)
    for sibs in phrases.values():
        if len(sibs) < 2:
            continue
        for side in _SIDES:
            given = [filled[(r["id"], side)] for r in sibs if (r["id"], side) in filled]
            if len({(g["actor_id"], g["actor_name"]) for g in given}) != 1:
                continue
            g = given[0]
            giver = {
                "id": g["from_row"],
                "doc_id": g["from_doc"],
                f"{side}_id": g["actor_id"],
                f"{side}_name": g["actor_name"],
            }
            for r in sibs:
                if actor_key(r, side) is None and (r["id"], side) not in filled:
                    got = _fill(r, side, giver, "coordinated")
                    if got:
                        filled[(r["id"], side)] = got


def implied(rows: list[dict]) -> list[dict]:
    """The arguments to fill, one dict per (events row, side)."""
    filled = _from_reports(rows)
    _to_coordinated(rows, filled)
    return sorted(filled.values(), key=lambda f: (f["event_row"], f["role"]))


def refresh(store, block: str | None = None) -> int:
    """Rebuild ``event_arguments`` of one block (all for None) from the events rows and
    their event_id; returns rows."""
    cond, args = in_block(store, block)
    # only what the filling reads (the attrs JSON holds just the trigger we need)
    rows = store.query(
        "SELECT e.id, e.doc_id, e.start, e.sent_start, e.type, e.event_id, e.source_id, "
        "e.source_name, e.target_id, e.target_name, e.negated, e.hypothetical, e.confidence, "
        "json_extract(e.attrs, '$.trigger') AS trigger FROM documents d JOIN events e ON e.doc_id = d.id "
        f"WHERE {cond} ORDER BY e.doc_id, e.start",
        args,
    )
    found = implied(rows)
    store.db.execute(
        f"DELETE FROM event_arguments WHERE doc_id IN (SELECT d.id FROM documents d WHERE {cond})", args
    )
    if found:
        cols = list(found[0])
        store.db.executemany(
            f"INSERT INTO event_arguments ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [[f[c] for c in cols] for f in found],
        )
    return len(found)
