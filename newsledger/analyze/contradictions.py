"""Contradictions: claims about the same fact whose values conflict across sources.

Claims (extract/claims.py) carry a comparable key: subject and predicate.
Two claims are about the same fact when their predicates are equal (for
roles: the same kind of claim about bodies that agree, ``same_body``) and
their subjects name the same actor (``same_actor``). A fact with two values
from different articles is a contradiction when the values really exclude
each other:

* dates: neither is a coarser form of the other, and they are close enough
  to be one event told two ways (``date_conflict_days``; a vote in 2019 and
  one in 2020 are two votes);
* measure kinds: a resolution is not a law (for the same act, dated close);
* roles: ranks of one ladder (leader vs deputy leader) in articles published
  close together (``role_window_days``; an undated article counts from the
  latest date it states): a later article naming a new holder or rank is a
  change over time, not a contradiction;
* counts: the same group in the same place, reported within
  ``count_window_days``, differing by more than a rounding tolerance.

Repeatable acts (speaking, meeting) and plans are never compared with facts.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations

from newsledger.analyze.common import UnionFind, clear, in_block, same_actor, same_body
from newsledger.extract.claims_rules import days_apart, rules

_COLUMNS = ("subject", "subject_name", "predicate", "values", "docs", "sides", "confidence", "why")


def _block(c: dict) -> tuple:
    """Claims that can be about the same fact share a block (cheap pre-grouping)."""
    pred = c["predicate"].split(":", 1)[0]
    if _by_event(c):
        return c.get("kind") or "fact", c["predicate"], c.get("event_id")
    last = c["subject"].replace("np:", "").split("_")[-1]
    return c.get("kind") or "fact", pred, last


def _by_event(c: dict) -> bool:
    """Facts that are only the same fact within one merged event: casualty counts, and
    the dates of acts that happen again and again (attacks, arrests)."""
    return c.get("kind") == "casualty" or (
        c.get("kind") == "date" and c["predicate"].split(":", 1)[0] in rules()["repeatable"]
    )


def _same_fact(a: dict, b: dict) -> bool:
    if _by_event(a) or _by_event(b):
        return (
            bool(a.get("event_id"))
            and a.get("event_id") == b.get("event_id")
            and a["predicate"] == b["predicate"]
        )
    if not same_actor(a["subject"], b["subject"]):
        return False
    if a.get("kind") == "role":
        return same_body(a["predicate"].split(":", 1)[1], b["predicate"].split(":", 1)[1])
    return a["predicate"] == b["predicate"]


def _conflict(a: dict, b: dict, R: dict) -> bool:
    """The two values exclude each other (see the module doc)."""
    va, vb = a["object"], b["object"]
    if va == vb or a["doc_id"] == b["doc_id"]:
        return False
    kind = a.get("kind")
    if kind == "casualty":
        # one event's toll, told of the same day (a merged event may still join two
        # attacks: counts of different days are two tolls)
        gap = days_apart(a.get("when"), b.get("when"))
        return gap is not None and gap <= R["casualty_window_days"] and _counts_differ(a, b, R)
    if kind == "date":
        if va.startswith(vb) or vb.startswith(va):
            return False
        if (a.get("relative") or b.get("relative")) and not _same_anchor(a, b):
            return False  # "Tuesday's vote" read against two different articles' dates
        gap = days_apart(va, vb)
        return gap is not None and gap <= R["date_conflict_days"]
    if kind == "measure_kind":
        gap = days_apart(a.get("when"), b.get("when"))
        return gap is None or gap <= R["date_conflict_days"]
    if kind == "role":
        if not any(va in g and vb in g for g in R["exclusive_roles"]):
            return False
        gap = days_apart(_reference(a), _reference(b))
        return gap is not None and gap <= R["role_window_days"]
    if kind == "count":
        return _counts_conflict(a, b, R)
    return False


def _counts_conflict(a: dict, b: dict, R: dict) -> bool:
    """Counts of one group in one place, reported close in time, too far apart to be one count."""
    if a["subject"] != b["subject"]:
        return False  # "US troops" and "troops" are different totals
    gap = days_apart(_reference(a), _reference(b))
    if gap is None or gap > R["count_window_days"]:
        return False
    x, y = int(a["object"]), int(b["object"])
    tolerance = R["count_tolerance_approx"] if a.get("approx") or b.get("approx") else R["count_tolerance"]
    return abs(x - y) > tolerance * max(x, y)


def _same_anchor(a: dict, b: dict) -> bool:
    """Relative dates share an anchor when both report one merged event, or their
    articles were published on the same day."""
    if a.get("event_id") and a.get("event_id") == b.get("event_id"):
        return True
    ra, rb = _reference(a), _reference(b)
    return ra is not None and ra == rb


def _counts_differ(a: dict, b: dict, R: dict) -> bool:
    """Two counts of the victims of one event that cannot both be right: "at least 25"
    agrees with 34; 34 and 25 do not."""
    x, y = int(a["object"]), int(b["object"])
    if (a.get("approx") and y >= x) or (b.get("approx") and x >= y):
        return False
    tolerance = R["count_tolerance_approx"] if a.get("approx") or b.get("approx") else R["count_tolerance"]
    return abs(x - y) > tolerance * max(x, y)


def why(facts: list[dict]) -> str:
    """Why the sides of a contradiction are taken as one fact."""
    a = facts[0]
    if a.get("event_id"):
        return f"reports of one merged event ({a['event_id']}) give {a['predicate']} different values"
    if a.get("kind") == "role":
        return (
            "the same person's rank in the same body, in articles published within "
            f"{rules()['role_window_days']} days"
        )
    if a.get("kind") == "count":
        return (
            f"a count of the same group in the same place, in articles published within "
            f"{rules()['count_window_days']} days"
        )
    return (
        f"the same actor ({a.get('subject_name') or a['subject']}) and act "
        f"({a['predicate']}), dated within {rules()['date_conflict_days']} days"
        + (
            "; relative dates read against articles of the same day"
            if any(f.get("relative") for f in facts)
            else ""
        )
    )


def _reference(c: dict) -> str | None:
    """When the claim was made: its article's date, else the latest date the article states."""
    return c.get("published") or c.get("reference")


def _comparable(c: dict, R: dict) -> bool:
    base = c["predicate"].split(":", 1)[0]
    if _by_event(c):
        return bool(c.get("event_id"))  # only within one merged event
    return not base.endswith("_planned") and base not in R["repeatable"]


def find(claims: list[dict]) -> list[dict]:
    """Contradictions among claim rows (each with doc_id, doc_name, outlet, published)."""
    R = rules()
    blocks: dict[tuple, list[dict]] = {}
    for c in claims:
        if _comparable(c, R):
            blocks.setdefault(_block(c), []).append(c)
    out = []
    for group in blocks.values():
        uf = _facts(group)
        for members in uf.groups().values():
            facts = [group[i] for i in members]
            if any(_conflict(a, b, R) for a, b in combinations(facts, 2)):
                out.append(_record(facts))
    return out


def _facts(group: list[dict]) -> UnionFind:
    """Claims of a block joined where ``_same_fact`` holds for a pair.

    ``_same_fact`` reads only the subject and the predicate, so claims are
    compared once per distinct (subject, predicate), not once per pair of
    claims: many reports of one fact (syndicated copies above all) make a
    block large, and all pairs of it were most of the pass. The groups are
    the same as joining every pair that holds."""
    uf = UnionFind(range(len(group)))
    classes: dict[tuple, list[int]] = {}
    for i, c in enumerate(group):
        classes.setdefault((c["subject"], c["predicate"]), []).append(i)
    reps = list(classes.values())
    for members in reps:
        if len(members) > 1 and _same_fact(group[members[0]], group[members[1]]):
            for i in members[1:]:
                uf.union(members[0], i)
    for m, n in combinations(reps, 2):
        if _same_fact(group[m[0]], group[n[0]]):
            for i in m + n:
                uf.union(m[0], i)
    return uf


def _record(facts: list[dict]) -> dict:
    counts = Counter(c["object"] for c in facts)
    values = [v for v, _ in counts.most_common()]
    names = Counter(c.get("subject_name") or c["subject"] for c in facts)
    sides = [
        {
            "value": c["object"],
            "doc_id": c["doc_id"],
            "doc_name": c.get("doc_name"),
            "outlet": c.get("outlet"),
            "published": c.get("published"),
            "sentence": c.get("sentence") or c["text"],
            "claim": c["text"],
            "derived": c.get("derived"),
            "body": c.get("object_name") if c.get("kind") == "role" else None,
        }
        for c in sorted(facts, key=lambda c: (values.index(c["object"]), c.get("doc_name") or ""))
    ]
    docs = list(dict.fromkeys(s["doc_id"] for s in sides))
    subject, subject_name = facts[0]["subject"], names.most_common(1)[0][0]
    if facts[0].get("event_id"):
        subject = facts[0]["event_id"]
        subject_name = facts[0].get("event_label") or subject
    return {
        "subject": subject,
        "subject_name": subject_name,
        "predicate": facts[0]["predicate"],
        "values": values,
        "docs": docs,
        "sides": sides,
        "confidence": round(min(c.get("confidence") or 0.5 for c in facts), 2),
        "why": why(facts),
    }


def refresh(store, block: str | None = None) -> int:
    """Recompute the contradictions of one block (all for None) from the stored claims."""
    cond, args = in_block(store, block)
    # An article's reference time is its publication date or, where that is
    # unknown, the latest calendar date it states (it was written after it).
    rows = store.query(
        "SELECT c.*, d.name AS doc_name, d.outlet, d.published, "
        "substr(d.text, c.sent_start + 1, c.sent_end - c.sent_start) AS sentence, "
        "COALESCE(d.published, (SELECT max(substr(t.value, 1, 10)) FROM timexes t "
        "  WHERE t.doc_id = d.id AND t.type = 'DATE' AND t.value GLOB '[0-9][0-9][0-9][0-9]*')) "
        f"AS reference FROM documents d JOIN claims c ON d.id = c.doc_id WHERE {cond} ORDER BY c.id",
        args,
    )
    _link_events(store, rows, block)
    found = find(rows)
    clear(store, "contradictions", block)
    cols = (*_COLUMNS, "block")
    for c in found:
        c["block"] = block or ""
        store.db.execute(
            f"INSERT INTO contradictions ({', '.join(chr(34) + k + chr(34) for k in cols)}) "
            f"VALUES ({', '.join('?' for _ in cols)})",
            [json.dumps(c[k], ensure_ascii=False) if isinstance(c[k], list) else c[k] for k in cols],
        )
    return len(found)


# Events a casualty count or an act's date can belong to: material acts.
_MATERIAL = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "RETREAT")


def _link_events(store, claims: list[dict], block: str | None = None) -> None:
    """Each claim's merged event: an event of the claim's sentence whose words overlap
    (or, failing that, any material event of the sentence) that the analysis merged."""
    cond, args = in_block(store, block)
    by_sent: dict[tuple, list[dict]] = {}
    for e in store.query(
        'SELECT e.doc_id, e.sent_start, e.start, e."end", e.type, '
        "e.event_id, c.label FROM documents d JOIN events e ON e.doc_id = d.id LEFT JOIN event_clusters c "
        f"ON c.id = e.event_id WHERE e.event_id IS NOT NULL AND {cond} ORDER BY e.id",
        args,
    ):
        by_sent.setdefault((e["doc_id"], e["sent_start"]), []).append(e)
    for c in claims:
        if not _by_event(c):
            continue
        evs = [e for e in by_sent.get((c["doc_id"], c.get("sent_start")), ()) if e["type"] in _MATERIAL]
        # the event the count is told with: its words overlap the claim's
        own = [e for e in evs if e["start"] < c["end"] and c["start"] < e["end"]]
        if own:
            c["event_id"], c["event_label"] = own[0]["event_id"], own[0].get("label")


def stored(store) -> list[dict]:
    out = []
    for r in store.query("SELECT * FROM contradictions ORDER BY id"):
        for k in ("values", "docs", "sides"):
            r[k] = json.loads(r[k]) if r[k] else []
        out.append(r)
    return out
