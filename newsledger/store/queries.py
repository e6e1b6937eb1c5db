"""Read-side queries shared by the CLI, the API and exports."""

from __future__ import annotations

import json
import re
from datetime import date

from newsledger.errors import StoreError
from newsledger.kb.names import fold
from newsledger.store.db import Store
from newsledger.store.feedback import wrong_ids
from newsledger.store.paging import after_clause, capped_count, decode_cursor, encode_cursor
from newsledger.store.state import cached

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _fts_phrase(text: str) -> str:
    # Quote every term so user input never becomes FTS5 syntax.
    return " ".join('"' + t.replace('"', '""') + '"' for t in text.split())


def _check_date(name: str, value: str | None) -> None:
    if not value:
        return
    full = value + "-01-01"[len(value) - 4 :] if _DATE.match(value) else ""
    try:
        date.fromisoformat(full)
    except ValueError:
        raise StoreError(
            f"--{name} {value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD", code="NL-QUERY-DATE"
        ) from None


def date_window(where: list, params: list, column: str, since: str | None, until: str | None) -> None:
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


# Quotes a speaker filter must check by name besides those of the matching actors:
# unresolved speakers, and quotes with co-speakers (few: a partial index, 0011, holds them).
_SPEAKER_EXTRA = (
    "SELECT id, speaker_id, speaker_name, attrs FROM quotes "
    "WHERE speaker_id IS NULL AND speaker_name IS NOT NULL "
    "UNION SELECT id, speaker_id, speaker_name, attrs FROM quotes "
    "WHERE attrs NOT LIKE '%\"co_speakers\": []%'"
)
_QUOTES_FROM = "FROM quotes q JOIN documents d ON d.id = q.doc_id"
_QUOTES_ORDER = "ORDER BY q.sort_date, d.name, q.start, q.id"


def quotes(
    store: Store, *, speaker=None, search=None, since=None, until=None, limit=None, marked: bool = False
) -> list[dict]:
    """Quotes with their article's name, outlet and date; filters combine.

    The date filtered on is when the statement was made where the text says,
    else the article's publication date. `speaker` matches the speaker's or a
    co-speaker's name, or any alias of their actor, as a whole word sequence
    ("Khazali" finds "Qais al-Khazali"; "Ali" does not find "Khalid")."""
    return quotes_page(
        store, speaker=speaker, search=search, since=since, until=until, limit=limit, marked=marked
    )[1]


def quotes_page(
    store: Store,
    *,
    speaker=None,
    search=None,
    since=None,
    until=None,
    outlet=None,
    limit=None,
    offset: int = 0,
    marked: bool = False,
    after: str | None = None,
    exact: bool = True,
) -> tuple[int, list[dict]]:
    """(how many quotes match, the page of them): filtered, counted and cut in SQL.

    The speaker's actors come from an index of folded names, so their quotes are read by
    the speaker index; only unresolved speakers and co-speakers are checked by name.
    ``after`` (a ``quote_cursor`` of the previous page's last row) starts the page there
    through the date index instead of skipping ``offset`` rows. ``exact=False`` counts only up
    to ``paging.COUNT_CAP`` (a negative total ``-cap`` says "more than cap")."""
    where, params = _quote_filters(store, speaker, search, since, until, outlet, marked)
    if where is None:
        return 0, []
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    # only the outlet filter reads the article: else the quote rows alone are counted
    source = _QUOTES_FROM if outlet else "FROM quotes q"
    if search and _frequent_words(store, search):
        # words in many quotes: counted from the full-text index outwards (up to the cap),
        # and each row walked in date order tested, where the list of every matching quote
        # would be built and sorted
        by_text = source.replace(
            "FROM quotes q", "FROM quotes_fts CROSS JOIN quotes q ON q.id = quotes_fts.rowid"
        )
        at_text = cond.replace(_FTS_IN, "quotes_fts MATCH ?")
        total = _count(store, ("quotes", cond, tuple(params)), f"{by_text}{at_text}", params, exact)
        where = [_FTS_EACH if w == _FTS_IN else w for w in where]
        cond = " WHERE " + " AND ".join(where)
    else:
        total = _count(store, ("quotes", cond, tuple(params)), f"{source}{by_index(cond)}", params, exact)
    if after:
        more, more_params = after_clause(_QUOTE_KEY, decode_cursor(after, len(_QUOTE_KEY)))
        where, params, offset = [*where, more], [*params, *more_params], 0
        cond = " WHERE " + " AND ".join(where)
    page = (
        f" LIMIT {int(limit)} OFFSET {int(offset)}"
        if limit
        else (f" LIMIT -1 OFFSET {int(offset)}" if offset else "")
    )
    rows = store.query(
        "SELECT q.*, d.name AS doc_name, d.outlet, d.published, d.title "
        f"{_QUOTES_FROM}{cond} {_QUOTES_ORDER}{page}",
        params,
    )
    return total, rows


# The keyset of the quotes' order (the id breaks ties) and of its cursor.
_QUOTE_KEY = ["q.sort_date", "d.name", "q.start", "q.id"]


def quote_cursor(row: dict) -> str:
    """The ``after`` of the page following ``row``."""
    return encode_cursor([row.get("sort_date"), row["doc_name"], row["start"], row["id"]])


def _count(store: Store, key: tuple, source_where: str, params: list, exact: bool) -> int:
    """The exact count (kept per ledger state), or capped: ``-cap`` when there are more."""
    if exact:
        return cached(
            store, key, lambda: store.db.execute(f"SELECT COUNT(*) {source_where}", params).fetchone()[0]
        )
    n, is_exact = capped_count(store.db, source_where, params)
    return n if is_exact else -n


def by_index(cond: str) -> str:
    """A filter counted (in no order) through the speaker index again: only a page walks the
    date index for a frequent speaker."""
    return cond.replace("(+q.speaker_id IN", "(q.speaker_id IN")


_FTS_IN = "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
_FTS_EACH = "EXISTS (SELECT 1 FROM quotes_fts f WHERE quotes_fts MATCH ? AND f.rowid = q.id)"


def _frequent_words(store: Store, search: str) -> bool:
    n = store.db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT {FREQUENT + 1})",
        (_fts_phrase(search),),
    ).fetchone()[0]
    return n > FREQUENT


FREQUENT = 2_000  # rows of one filter value past which a page walks the date index instead


def _frequent(store: Store, id_params: list, table: str, column: str) -> bool:
    """The actors of ``id_params`` (a JSON list, first parameter of the filter) hold more than
    FREQUENT rows of ``table``: counted through the index, at most FREQUENT + 1 entries."""
    ids = json.loads(id_params[0]) if id_params else []
    if not ids:
        return False
    n = store.db.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column} IN "
        f"(SELECT value FROM json_each(?)) LIMIT {FREQUENT + 1})",
        (json.dumps(ids),),
    ).fetchone()[0]
    return n > FREQUENT


def _quote_filters(store, speaker, search, since, until, outlet=None, marked=False):
    """(WHERE terms, parameters), or (None, None) when nothing can match. Quotes an analyst
    marked wrong are left out unless ``marked``."""
    where, params = [] if marked else [f"q.id NOT IN ({wrong_ids('quotes')})"], []
    if speaker:
        want = fold(speaker).split()
        if not want:
            return None, None
        names = actor_names(store)
        ids = names.matching(want)
        extra = [
            r["id"]
            for r in store.query(_SPEAKER_EXTRA)
            if r["speaker_id"] not in ids and _speaker_matches(names, r, speaker)
        ]
        # a frequent speaker ("+": not by its index): walking the date index finds a page after
        # a few hundred rows, where reading all its quotes by the speaker index sorts them all
        walk = "+" if _frequent(store, [json.dumps(sorted(ids))], "quotes", "speaker_id") else ""
        where.append(
            f"({walk}q.speaker_id IN (SELECT value FROM json_each(?)) "
            "OR q.id IN (SELECT value FROM json_each(?)))"
        )
        params += [json.dumps(sorted(ids)), json.dumps(extra)]
    if search:
        where.append(_FTS_IN)
        params.append(_fts_phrase(search))
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    date_window(where, params, "q.sort_date", since, until)
    return where, params


class ActorNames:
    """The actors holding a name (``matching``, answered in SQL by store/spellings.py) and
    the names and aliases of actors (``names.get``), read from the ledger as needed."""

    def __init__(self, store: Store):
        self.names = _Names(store)
        self._store = store

    def matching(self, want: list[str]) -> set[str]:
        """Actors with a name or alias holding the folded words ``want`` in sequence."""
        from newsledger.store.spellings import with_words

        ids = with_words(self._store, want)
        self.names.load(ids)
        return ids


class _Names:
    """Each actor's name and aliases by id, read once per id (a batch per ``load``)."""

    def __init__(self, store: Store):
        self._store, self._got = store, {}

    def load(self, ids) -> None:
        todo = json.dumps([i for i in ids if i not in self._got])
        for r in self._store.db.execute(
            "SELECT id, name, aliases FROM entities WHERE id IN (SELECT value FROM json_each(?))", (todo,)
        ):
            self._got[r[0]] = [r[1], *_json_list(r[2])]

    def get(self, eid, default=None):
        if eid not in self._got:
            self.load([eid])
        return self._got.get(eid, default)


def actor_names(store: Store) -> ActorNames:
    """The actor names of the ledger as it is now (cheap: every question is a query)."""
    return ActorNames(store)


def _speaker_matches(names: ActorNames, row: dict, name: str) -> bool:
    """The name matches the speaker, a co-speaker, or any alias of their actors."""
    want = fold(name).split()
    if not want:
        return False
    cands = [row.get("speaker_name") or "", *(row.get("co_speaker_names") or [])]
    for eid in [row.get("speaker_id"), *(row.get("co_speakers") or [])]:
        cands.extend(names.names.get(eid, []) if eid else [])
    return any(_contains(fold(n).split(), want) for n in cands if n)


def _contains(words: list[str], want: list[str]) -> bool:
    n = len(want)
    return any(words[i : i + n] == want for i in range(len(words) - n + 1))


def _json_list(s) -> list[str]:
    try:
        return json.loads(s) if s else []
    except ValueError:
        return []


def actor_seen(store: Store, actor_id: str) -> tuple[str | None, str | None]:
    """(first, last) publication date of the articles mentioning the actor; None when none
    of them is dated (the ingest time is when we read it, not when it was news)."""
    row = store.db.execute(
        "SELECT min(d.published), max(d.published) FROM documents d "
        "WHERE d.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?)",
        (actor_id,),
    ).fetchone()
    return row[0], row[1]
