"""Reading coded events: the rows behind `newsledger events` and the GDELT export."""

from __future__ import annotations

import json

from newsledger.kb.names import fold
from newsledger.store.db import Store
from newsledger.store.feedback import wrong_ids
from newsledger.store.paging import after_clause, decode_cursor, encode_cursor
from newsledger.store.queries import FREQUENT, ActorNames, _count, actor_names, date_window

# The sentence is cut in SQL: a row never carries its whole article.
_EVENT_SQL = (
    "SELECT e.*, d.name AS doc_name, d.outlet, d.url, d.source AS doc_source, "
    "d.published, d.processed_at, d.title, d.title_start, "
    "substr(d.text, e.sent_start + 1, e.sent_end - e.sent_start) AS sent_text "
    "FROM events e JOIN documents d ON d.id = e.doc_id"
)
_ORDER = " ORDER BY e.sort_date, d.name, e.start, e.id"
# The keyset of that order, for cursors (store/paging.py).
_KEY = ["e.sort_date", "d.name", "e.start", "e.id"]

# How the text holds an event (records.Event.factuality). Views count asserted events
# unless asked for more (`--mode`).
MODES = ("asserted", "reported", "denied", "negated", "hypothetical", "future")
DEFAULT_MODES = ("asserted",)
# The confidence at and above which events are listed by default. The confidence is a
# logistic model over how each side was resolved, the trigger's and the type's record and
# the mode (extract/events/calibration.py), fitted by bench/calibrate_events.py on the
# judged audit samples 1-6 (crime and business news) and the PLOVER gold sentences
# (conflict news). Out of fold, >= 0.85 is right at 0.885 on the judged samples (244 of
# 494) and 0.814 on PLOVER (86 of 302); it lists 11% of the audit ledger's asserted
# events. 0.75 is the lowest threshold at >= 0.85 / >= 0.80 out of fold, but a fresh
# sample fell 0.12 below the out-of-fold figure last time (bench/audit/README.md), hence
# the margin. `--min-confidence 0` lists everything.
DEFAULT_MIN_CONFIDENCE = 0.85
# Rows coded before migration 0006 have no factuality: read it from their flags.
_MODE_SQL = (
    "COALESCE(e.factuality, CASE WHEN COALESCE(e.negated, 0) THEN 'negated' "
    "WHEN COALESCE(e.hypothetical, 0) THEN 'hypothetical' ELSE 'asserted' END)"
)


def parse_modes(text: str | None) -> tuple[str, ...] | None:
    """ "asserted,reported" -> the modes; "all" -> None (every mode); empty -> default."""
    if not text:
        return DEFAULT_MODES
    if text.strip().lower() == "all":
        return None
    modes = tuple(m.strip().lower() for m in text.split(",") if m.strip())
    bad = [m for m in modes if m not in MODES]
    if bad:
        raise ValueError(f"unknown event mode {', '.join(bad)}; choose from {', '.join(MODES)} or all")
    return modes


def _where(type_, since, until, include_unreal, modes=None, min_confidence=None, marked=False):
    """(WHERE clause, parameters); events an analyst marked wrong are left out unless ``marked``."""
    where, params = [] if marked else [f"e.id NOT IN ({wrong_ids('events')})"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    date_window(where, params, "e.sort_date", since, until)
    if modes is not None:
        where.append(f"{_MODE_SQL} IN ({', '.join('?' * len(modes))})")
        params += list(modes)
    elif not include_unreal:
        where.append("NOT COALESCE(e.negated, 0) AND NOT COALESCE(e.hypothetical, 0)")
    if min_confidence:
        where.append("COALESCE(e.confidence, 0) >= ?")
        params.append(float(min_confidence))
    return (" WHERE " + " AND ".join(where) if where else ""), params


def event_rows(
    store: Store,
    *,
    actor: str | None = None,
    type_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_unreal: bool = True,
    limit: int | None = None,
    offset: int = 0,
    modes: tuple[str, ...] | None = None,
    min_confidence: float | None = None,
    marked: bool = False,
    after: str | None = None,
) -> list[dict]:
    """Event mentions with their article; filters combine. The date of an event is the
    date the text gives for it, else its article's publication date. Without an actor
    filter the page (limit, offset) is cut in SQL. ``modes`` (factuality values) when
    given replaces ``include_unreal``; ``min_confidence`` drops less confident rows;
    events marked wrong by an analyst come only with ``marked``. ``after`` (``event_cursor``
    of the previous page's last row) starts the page there through the date index."""
    where, params = _where(type_, since, until, include_unreal, modes, min_confidence, marked)
    if actor:
        where, params = _with_actor(store, actor, where, params)
        if _frequent_actor(store, params):
            # a frequent actor: walking the date index finds a page after a few hundred rows,
            # where reading its rows by the actor indexes would sort them all
            where = where.replace("(e.source_id IN", "(+e.source_id IN").replace(
                "OR e.target_id IN", "OR +e.target_id IN"
            )
    if after:
        more, more_params = after_clause(_KEY, decode_cursor(after, len(_KEY)))
        where = (where + " AND " if where else " WHERE ") + more
        params, offset = [*params, *more_params], 0
    sql = _EVENT_SQL + where + _ORDER
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    rows = with_implied(store, store.query(sql, params))
    leads: dict[str, int] = {}
    for r in rows:
        r["when"] = r.get("date") or r.get("published")
        r["factuality"] = r.get("factuality") or (
            "negated" if r.get("negated") else "hypothetical" if r.get("hypothetical") else "asserted"
        )
        if r["doc_id"] not in leads:
            text = (
                store.db.execute("SELECT text FROM documents WHERE id=?", (r["doc_id"],)).fetchone()[0] or ""
            )
            leads[r["doc_id"]] = _lead_end(text, r.get("title"), r.get("title_start"))
        r["lead_end"] = leads[r["doc_id"]]
        sent = r.pop("sent_text", None)
        r["sentence"] = (sent or "").strip() if r.get("sent_end") else r["text"]
    return rows


def event_cursor(row: dict) -> str:
    """The ``after`` of the page following ``row``."""
    return encode_cursor([row.get("sort_date"), row["doc_name"], row["start"], row["id"]])


def _frequent_actor(store: Store, params: list) -> bool:
    """The actor's ids (the last three parameters of ``_with_actor``: ids, ids, names) are a
    side of more than FREQUENT events, counted through the side indexes up to that."""
    ids = params[-3]
    n = store.db.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE source_id IN (SELECT value FROM json_each(?)) "
        f"UNION ALL SELECT 1 FROM events WHERE target_id IN (SELECT value FROM json_each(?)) "
        f"LIMIT {FREQUENT + 1})",
        (ids, ids),
    ).fetchone()[0]
    return n > FREQUENT


def count_events(
    store: Store,
    *,
    type_: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_unreal: bool = True,
    modes: tuple[str, ...] | None = None,
    min_confidence: float | None = None,
    marked: bool = False,
    actor: str | None = None,
    exact: bool = True,
) -> int:
    """How many event mentions the filters select; ``exact=False`` counts up to
    ``paging.COUNT_CAP`` only (``-cap``: more than that)."""
    where, params = _where(type_, since, until, include_unreal, modes, min_confidence, marked)
    if actor:
        where, params = _with_actor(store, actor, where, params)
    # every filter reads the event row alone (its date is kept in it, 0018): no join to count
    return _count(store, ("events", where, tuple(params)), "FROM events e" + where, params, exact)


def with_implied(store: Store, rows: list[dict]) -> list[dict]:
    """Fill a side the report leaves unsaid from the other reports of the same event
    (event_arguments, built by the analysis pass); ``implied`` names the sides filled."""
    filled: dict[int, list[dict]] = {}
    ids = [r["id"] for r in rows]
    # a page asks for its own rows; an export of everything reads the table once
    marks = ",".join("?" * len(ids))
    found = (
        store.query(f"SELECT * FROM event_arguments WHERE event_row IN ({marks})", ids)
        if 0 < len(ids) <= 500
        else store.query("SELECT * FROM event_arguments")
        if ids
        else []
    )
    for f in found:
        filled.setdefault(f["event_row"], []).append(f)
    for r in rows:
        r["implied"] = []
        for f in filled.get(r["id"], ()):
            side = f["role"]
            if not (r.get(f"{side}_id") or r.get(f"{side}_name")):
                r[f"{side}_id"], r[f"{side}_name"] = f["actor_id"], f["actor_name"]
                r["implied"].append(side)
    return rows


def _lead_end(text: str, title: str | None, title_start: int | None) -> int:
    """Where the first paragraph after the title ends."""
    body = title_start + len(title) if title and title_start is not None else 0
    start = len(text) - len(text[body:].lstrip())
    end = text.find("\n\n", start)
    return end if end >= 0 else len(text)


def _with_actor(store: Store, name: str, where: str, params: list) -> tuple[str, list]:
    """The filters and "the actor is a side", as SQL selecting exactly the rows
    ``_actor_matches`` accepts, so that a page is cut and counted in SQL. Rows a matching
    actor holds by id are taken in SQL; only rows naming a side without an id, or with a side
    implied by other reports, are read and checked by name (after the filling)."""
    names = actor_names(store)
    want = fold(name)
    ids = sorted(names.matching(want.split())) if want else []
    # an actor whose own name or alias is the name, or has it as one of its words
    sure = json.dumps([i for i in ids if any(_named(want, n) for n in names.names.get(i, ()))])
    by_id = (
        "(e.source_id IN (SELECT value FROM json_each(?)) OR e.target_id IN (SELECT value FROM json_each(?)))"
    )
    open_sides = (
        "((e.source_id IS NULL AND e.source_name IS NOT NULL) "
        "OR (e.target_id IS NULL AND e.target_name IS NOT NULL) "
        "OR e.id IN (SELECT event_row FROM event_arguments))"
    )
    # NULL ids make the IN tests NULL: COALESCE, or rows with no id at all would drop out
    joined = (where + " AND " if where else " WHERE ") + open_sides + f" AND NOT COALESCE({by_id}, 0)"
    rows = with_implied(store, store.query(_EVENT_SQL + joined, [*params, sure, sure]))
    by_name = json.dumps([r["id"] for r in rows if _actor_matches(names, r, name)])
    cond = f"({by_id} OR e.id IN (SELECT value FROM json_each(?)))"
    return (where + " AND " if where else " WHERE ") + cond, [*params, sure, sure, by_name]


def _named(want: str, name: str) -> bool:
    return bool(name) and (want == fold(name) or want in fold(name).split())


def _actor_matches(names: ActorNames, row: dict, name: str) -> bool:
    """The name is the source's or target's name, or an alias of either actor."""
    want = fold(name)
    if not want:
        return False
    cands = [row.get("source_name") or "", row.get("target_name") or ""]
    for key in ("source_id", "target_id"):
        if row.get(key):
            cands.extend(names.names.get(row[key], []))
    return any(_named(want, n) for n in cands)
