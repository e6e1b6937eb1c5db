"""The SQLite ledger: numbered migrations, one transaction per article.

Records map to tables by field name; a field without a column goes into the
row's ``attrs`` JSON, so stages can carry detail without a migration.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, fields
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path

from newsledger.errors import StoreError
from newsledger.records import Article, Claim, Entity, Event, ExcludedSpan, Mention, Quote, Timex

DEFAULT_DB = "newsledger.db"
TABLES = {
    Mention: "mentions",
    Quote: "quotes",
    Timex: "timexes",
    Event: "events",
    Claim: "claims",
    ExcludedSpan: "excluded_spans",
}
RECORD_TABLES = ("excluded_spans", "mentions", "quotes", "timexes", "events", "claims")


def table_for(record) -> str:
    """The table of a record, also for subclasses a stage defines."""
    return _table_of(type(record))


@cache
def _table_of(cls: type) -> str:
    for c in cls.__mro__:
        if c in TABLES:
            return TABLES[c]
    raise StoreError(f"no table for {cls.__name__}", code="NL-STORE-TABLE")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_PLAIN = (str, int, float, type(None))


def record_row(record) -> dict:
    """``asdict(record)`` for records of plain values (strings, numbers, tuples of
    them), without its deep copy: a fresh dict of the fields, several times faster.
    Anything else (a nested dataclass, a dict) still goes through ``asdict``."""
    row = {k: getattr(record, k) for k in _field_names(type(record))}
    for v in row.values():
        if not isinstance(v, _PLAIN) and not (
            type(v) in (tuple, list) and all(isinstance(x, _PLAIN) for x in v)
        ):
            return asdict(record)
    return row


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_path() -> str:
    return os.environ.get("NEWSLEDGER_DB") or DEFAULT_DB


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of the shipped migrations, in order."""
    folder = resources.files("newsledger.store").joinpath("migrations")
    out = []
    for f in folder.iterdir():
        if f.name.endswith(".sql"):
            num, _, name = f.name[:-4].partition("_")
            out.append((int(num), name, f.read_text("utf-8")))
    return sorted(out)


class Store:
    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = str(path or default_path())
        if read_only:
            self._open_read_only()
        elif self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            if not read_only:
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                self.db.row_factory = sqlite3.Row
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"{self.path}: not a newsledger database or damaged ({e}); pass another --db path",
                code="NL-STORE-OPEN",
            ) from None
        self._columns: dict[str, list[str]] = {}
        self._sql: dict[tuple, tuple] = {}  # insert plan per (table, row keys)

    def _open_read_only(self) -> None:
        """SQLite's mode=ro: no statement of this connection can change the file."""
        from urllib.parse import quote

        path = Path(self.path).expanduser()
        if not path.is_file():
            raise StoreError(
                f"{self.path}: no such ledger; check --db (read-only use never creates one)",
                code="NL-STORE-NOT-FOUND",
            )
        try:
            self.db = sqlite3.connect(
                f"file:{quote(str(path.resolve()))}?mode=ro",
                uri=True,
                timeout=30,
                isolation_level=None,
                check_same_thread=True,
            )
            self.db.row_factory = sqlite3.Row
            done = {r[0] for r in self.db.execute("SELECT number FROM migrations")}
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"{self.path}: not a newsledger database or damaged ({e}); pass another --db path",
                code="NL-STORE-OPEN",
            ) from None
        missing = [n for n, _, _ in migrations() if n not in done]
        if missing:
            raise StoreError(
                f"{self.path} was made by an older newsledger (migrations "
                f"{missing} not applied); open it once for writing (e.g. "
                "`newsledger stats`) to upgrade it",
                code="NL-STORE-OLD",
            )

    # ------------------------------------------------------------ migrations
    def migrate(self) -> list[int]:
        """Apply the migrations not yet recorded; safe to run again."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        done = {r[0] for r in self.db.execute("SELECT number FROM migrations")}
        applied = []
        for num, name, sql in migrations():
            if num in done:
                continue
            with self.transaction():
                for stmt in _statements(sql):
                    self.db.execute(stmt)
                self.db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (num, name, now()))
            applied.append(num)
        return applied

    def transaction(self):
        return _Tx(self.db)

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ writing
    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]
        return self._columns[table]

    def _insert(self, table: str, row: dict) -> None:
        self._insert_rows(table, [row])

    def _insert_rows(self, table: str, rows: list[dict]) -> None:
        """Insert rows, each run of rows with the same keys as one prepared statement."""
        prev, batch, plan = None, [], ("", [], [])
        for row in rows:
            keys = tuple(row)
            if keys != prev:
                if batch:
                    self.db.executemany(plan[0], batch)
                    batch = []
                plan, prev = self._plan(table, keys), keys
            _, in_cols, extra = plan
            values = [_sql_value(row[k]) for k in in_cols]
            if extra:
                values.append(json.dumps({k: row[k] for k in extra}, ensure_ascii=False, default=str))
            batch.append(values)
        if batch:
            self.db.executemany(plan[0], batch)

    def _plan(self, table: str, keys: tuple[str, ...]) -> tuple[str, list[str], list[str]]:
        """(INSERT statement, keys that are columns, keys kept in attrs) for rows with
        these keys. Record tables number their rows themselves; documents and
        entities have ids."""
        plan = self._sql.get((table, keys))
        if plan is None:
            cols = self.columns(table)
            keep_id = table in ("documents", "entities")
            in_cols = [k for k in keys if k in cols and (k != "id" or keep_id)]
            extra = [k for k in keys if k not in cols] if "attrs" in cols else []
            names = in_cols + (["attrs"] if extra else [])
            sql = (
                f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in names)}) "
                f"VALUES ({', '.join('?' for _ in names)})"
            )
            plan = self._sql[(table, keys)] = (sql, in_cols, extra)
        return plan

    def pipeline_version(self, doc_id: str) -> str | None:
        r = self.db.execute("SELECT pipeline_version FROM documents WHERE id=?", (doc_id,)).fetchone()
        return r[0] if r else None

    def add_source(self, article: Article) -> None:
        """Remember a name the article came under (idempotent)."""
        if not self.has(article.id):
            return
        self.db.execute(
            "INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?, ?, ?)",
            (article.id, article.name, article.source, article.source_line, now()),
        )

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def write(self, article: Article, ex, *, model: str, pipeline_version: str) -> None:
        """Store one article and all its records in one transaction (all or nothing)."""
        with self.transaction():
            existing = self.db.execute(
                "SELECT ingested_at FROM documents WHERE id=?", (article.id,)
            ).fetchone()
            if existing:  # a new article has no records: foreign keys see to that
                for table in RECORD_TABLES:
                    self.db.execute(f"DELETE FROM {table} WHERE doc_id=?", (article.id,))
            row = {k: getattr(article, k) for k in _field_names(Article) if k != "excluded"}
            row.update(
                chars=len(article.text),
                model=model,
                pipeline_version=pipeline_version,
                ingested_at=existing[0] if existing else now(),
                processed_at=now(),
            )
            _apply_updates(row, getattr(ex, "doc_updates", {}))
            if existing:
                sets = ", ".join(f'"{k}"=?' for k in row if k != "id" and k in self.columns("documents"))
                vals = [_sql_value(v) for k, v in row.items() if k != "id" and k in self.columns("documents")]
                self.db.execute(f"UPDATE documents SET {sets} WHERE id=?", vals + [article.id])
            else:
                self._insert("documents", row)
            self.db.execute(
                "INSERT OR IGNORE INTO document_sources VALUES (?, ?, ?, ?, ?)",
                (article.id, article.name, article.source, article.source_line, now()),
            )
            self._insert_rows("excluded_spans", [record_row(sp) for sp in article.excluded])
            self.db.execute("UPDATE analysis_state SET written = written + 1")
            self.upsert_entities(list(ex.entities.values()))
            for lst in (ex.mentions, ex.timexes, ex.quotes, ex.events, ex.claims):
                self._insert_records(lst)

    def _insert_records(self, records) -> None:
        """Records of one list, in order; consecutive ones of one table go in together."""
        run, table = [], None
        for rec in records:
            t = table_for(rec)
            if t != table and run:
                self._insert_rows(table, run)
                run = []
            table = t
            run.append(record_row(rec))
        if run:
            self._insert_rows(table, run)

    def upsert_entities(self, ents: list[Entity]) -> None:
        """``upsert_entity`` for many: one lookup, then the updates and the inserts
        each as one prepared statement (new rows in the given order)."""
        stored = {}
        for k in range(0, len(ents), 500):
            ids = [e.id for e in ents[k : k + 500]]
            stored.update(
                self.db.execute(
                    f"SELECT id, aliases FROM entities WHERE id IN ({', '.join('?' for _ in ids)})", ids
                ).fetchall()
            )
        updates, inserts = [], []
        for ent in ents:
            aliases = json.dumps(
                sorted(
                    set(json.loads(stored[ent.id]) if stored.get(ent.id) else [])
                    | set(ent.aliases)
                    | {ent.name}
                ),
                ensure_ascii=False,
            )
            if ent.id in stored:
                updates.append((aliases, ent.id))
            else:
                inserts.append(
                    (
                        ent.id,
                        ent.name,
                        ent.type,
                        ent.kb_id,
                        aliases,
                        json.dumps(ent.attrs, ensure_ascii=False, default=str),
                    )
                )
        self.db.executemany("UPDATE entities SET aliases=? WHERE id=?", updates)
        self.db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", inserts)

    def upsert_entity(self, ent: Entity) -> None:
        """An actor row; aliases accumulate, the first name and type stay."""
        row = self.db.execute("SELECT aliases FROM entities WHERE id=?", (ent.id,)).fetchone()
        aliases = set(json.loads(row[0]) if row and row[0] else []) | set(ent.aliases) | {ent.name}
        if row:
            self.db.execute(
                "UPDATE entities SET aliases=? WHERE id=?",
                (json.dumps(sorted(aliases), ensure_ascii=False), ent.id),
            )
        else:
            self.db.execute(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                (
                    ent.id,
                    ent.name,
                    ent.type,
                    ent.kb_id,
                    json.dumps(sorted(aliases), ensure_ascii=False),
                    json.dumps(ent.attrs, ensure_ascii=False, default=str),
                ),
            )

    # ------------------------------------------------------------ reading
    def query(self, sql: str, params=()) -> list[dict]:
        return [_row(r) for r in self.db.execute(sql, params)]

    def document(self, key: str) -> dict | None:
        """A document by id, name, or a unique id prefix."""
        rows = self.query(
            "SELECT * FROM documents WHERE id=? OR name=? "
            "OR id IN (SELECT doc_id FROM document_sources WHERE name=?)",
            (key, key, key),
        )
        if not rows and len(key) >= 4:
            rows = self.query("SELECT * FROM documents WHERE id LIKE ?", (key + "%",))
        return rows[0] if len(rows) == 1 else None

    def records(self, table: str, doc_id: str | None = None) -> list[dict]:
        if table not in RECORD_TABLES:
            raise StoreError(f"no record table {table!r}", code="NL-STORE-TABLE")
        if doc_id is None:
            return self.query(f'SELECT * FROM {table} ORDER BY doc_id, start, "end"')
        return self.query(f'SELECT * FROM {table} WHERE doc_id=? ORDER BY start, "end"', (doc_id,))

    def counts(self) -> dict[str, int]:
        tables = ("documents",) + RECORD_TABLES[1:] + ("entities",)
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error (Ctrl-C included)."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return False


def _apply_updates(row: dict, updates: dict) -> None:
    """Fields found in the text fill what the input left empty; the input always wins."""
    date_keys = ("published", "published_precision", "published_method", "published_note")
    if row.get("published") is None and updates.get("published") is not None:
        row.update({k: updates.get(k) for k in date_keys})
    elif row.get("published") is None and updates.get("published_note"):
        row["published_note"] = updates["published_note"]
    for k, v in updates.items():
        if k not in date_keys and row.get(k) is None:
            row[k] = v


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


_AS_IS = frozenset((str, int, float, type(None)))


def _sql_value(v):
    if type(v) in _AS_IS:  # most values: one set lookup instead of three isinstance calls
        return v
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, bool):
        return int(v)
    return v


def _row(r: sqlite3.Row) -> dict:
    d = dict(r)
    attrs = d.pop("attrs", None)
    if attrs:
        try:
            d.update(json.loads(attrs))
        except (TypeError, ValueError):
            d["attrs"] = attrs
    return d
