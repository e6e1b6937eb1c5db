"""Reading coded events: the rows behind `newsledger events` and the GDELT export."""
from __future__ import annotations

from newsledger.kb.names import fold
from newsledger.store.db import Store
from newsledger.store.queries import date_window

_EVENT_SQL = ("SELECT e.*, d.name AS doc_name, d.outlet, d.url, d.source AS doc_source, "
              "d.published, d.processed_at, d.title, d.title_start, d.text AS doc_text "
              "FROM events e JOIN documents d ON d.id = e.doc_id")


def event_rows(store: Store, *, actor: str | None = None, type_: str | None = None,
               since: str | None = None, until: str | None = None,
               include_unreal: bool = True, limit: int | None = None) -> list[dict]:
    """Event mentions with their article; filters combine. The date of an event is the
    date the text gives for it, else its article's publication date."""
    where, params = [], []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    date_window(where, params, "COALESCE(e.date, d.published)", since, until)
    if not include_unreal:
        where.append("NOT COALESCE(e.negated, 0) AND NOT COALESCE(e.hypothetical, 0)")
    sql = _EVENT_SQL + (" WHERE " + " AND ".join(where) if where else "") + \
        " ORDER BY COALESCE(e.date, d.published), d.name, e.start"
    rows = _with_implied(store, store.query(sql, params))
    if actor:
        rows = [r for r in rows if _actor_matches(store, r, actor)]
    for r in rows:
        r["when"] = r.get("date") or r.get("published")
        text = r.pop("doc_text", "") or ""
        r["lead_end"] = _lead_end(text, r.get("title"), r.get("title_start"))
        has_sent = bool(r.get("sent_end"))
        r["sentence"] = text[r["sent_start"]:r["sent_end"]].strip() if has_sent else r["text"]
    return rows[:limit] if limit else rows


def _with_implied(store: Store, rows: list[dict]) -> list[dict]:
    """Fill a side the report leaves unsaid from the other reports of the same event
    (event_arguments, built by the analysis pass); ``implied`` names the sides filled."""
    filled: dict[int, list[dict]] = {}
    for f in store.query("SELECT * FROM event_arguments"):
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


def _actor_matches(store: Store, row: dict, name: str) -> bool:
    """The name is the source's or target's name, or an alias of either actor."""
    want = fold(name)
    if not want:
        return False
    names = [row.get("source_name") or "", row.get("target_name") or ""]
    for key in ("source_id", "target_id"):
        if row.get(key):
            ent = store.query("SELECT name, aliases FROM entities WHERE id=?", (row[key],))
            if ent:
                names.append(ent[0]["name"])
                names.extend(_json_list(ent[0]["aliases"]))
    return any(want == fold(n) or want in fold(n).split() for n in names if n)


def _json_list(s) -> list[str]:
    import json
    try:
        return json.loads(s) if s else []
    except ValueError:
        return []
