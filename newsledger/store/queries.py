"""Read-side queries shared by the CLI, the API and exports."""
from __future__ import annotations

import json
import re
from datetime import date

from newsledger.errors import StoreError
from newsledger.kb.names import fold
from newsledger.store.db import Store

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _fts_phrase(text: str) -> str:
    # Quote every term so user input never becomes FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in text.split())


def _check_date(name: str, value: str | None) -> None:
    if not value:
        return
    full = value + "-01-01"[len(value) - 4:] if _DATE.match(value) else ""
    try:
        date.fromisoformat(full)
    except ValueError:
        raise StoreError(f"--{name} {value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD",
                         code="NL-QUERY-DATE")


def date_window(where: list, params: list, column: str, since: str | None,
                until: str | None) -> None:
    """Add `column` within [since, until] (YYYY[-MM[-DD]] prefixes) to a WHERE list."""
    _check_date("since", since)
    _check_date("until", until)
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        # "2021-04" includes every day of April: compare up to the prefix's end.
        where.append(f"{column} <= ?")
        params.append(until + "\uffff")


def quotes(store: Store, *, speaker=None, search=None, since=None, until=None, limit=None) -> list[dict]:
    """Quotes with their article's name, outlet and date; filters combine.

    The date filtered on is when the statement was made where the text says,
    else the article's publication date. `speaker` matches the speaker's or a
    co-speaker's name, or any alias of their actor, as a whole word sequence
    ("Khazali" finds "Qais al-Khazali"; "Ali" does not find "Khalid")."""
    sql = ["SELECT q.*, d.name AS doc_name, d.outlet, d.published, d.title "
           "FROM quotes q JOIN documents d ON d.id = q.doc_id"]
    where, params = [], []
    if search:
        where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(_fts_phrase(search))
    date_window(where, params, "COALESCE(q.date, d.published)", since, until)
    if where:
        sql.append("WHERE " + " AND ".join(where))
    sql.append("ORDER BY COALESCE(q.date, d.published), d.name, q.start")
    rows = store.query(" ".join(sql), params)
    if speaker:
        names = _AliasCache(store)
        rows = [r for r in rows if _speaker_matches(names, r, speaker)]
    return rows[:limit] if limit else rows


class _AliasCache:
    """Names and aliases per actor id, read once per query."""

    def __init__(self, store: Store):
        self.store, self.cache = store, {}

    def names(self, entity_id: str | None) -> list[str]:
        if not entity_id:
            return []
        if entity_id not in self.cache:
            ent = self.store.query("SELECT name, aliases FROM entities WHERE id=?", (entity_id,))
            self.cache[entity_id] = [ent[0]["name"], *_json_list(ent[0]["aliases"])] if ent else []
        return self.cache[entity_id]


def _speaker_matches(cache: _AliasCache, row: dict, name: str) -> bool:
    """The name matches the speaker, a co-speaker, or any alias of their actors."""
    want = fold(name).split()
    if not want:
        return False
    names = [row.get("speaker_name") or "", *(row.get("co_speaker_names") or [])]
    for eid in [row.get("speaker_id"), *(row.get("co_speakers") or [])]:
        names.extend(cache.names(eid))
    return any(_contains(fold(n).split(), want) for n in names if n)


def _contains(words: list[str], want: list[str]) -> bool:
    n = len(want)
    return any(words[i:i + n] == want for i in range(len(words) - n + 1))


def _json_list(s) -> list[str]:
    try:
        return json.loads(s) if s else []
    except ValueError:
        return []
