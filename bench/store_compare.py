"""SQLite against DuckDB on the ledger's three kinds of work, measured on one table of events.

usage: python bench/store_compare.py [--rows 1000000] [--articles 2000]

Needs the ``duckdb`` package, which newsledger does not depend on: run it with a
Python that has it (``python -m venv /tmp/duck && /tmp/duck/bin/pip install duckdb``,
then ``/tmp/duck/bin/python bench/store_compare.py``). It uses no newsledger code,
so the figures are the stores', not ours:

* **driver writes**: one transaction per article of 100 event rows (how the
  driver stores what workers return, docs/distributed.md), articles/s;
* **page by actor**: the 50 latest events of one actor over an index, p50 ms;
* **analysis scan**: events per source actor per month over the whole table
  (what a cross-report pass or a dashboard reads), ms.

Written to docs/distributed.md, which says what follows from them.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time

COLUMNS = "doc_id TEXT, start INTEGER, stop INTEGER, type TEXT, source_id TEXT, target_id TEXT, date TEXT"
TYPES = "AGREE ACCUSE ASSAULT CONSULT COOPERATE DEMAND MOBILIZE PROTEST REJECT REQUEST".split()


def rows(n: int, seed: int = 1):
    rnd = random.Random(seed)
    for i in range(n):
        actor = f"a{int(rnd.paretovariate(1.1)) % 20000}"
        yield (
            f"d{i // 10}",
            i % 5000,
            i % 5000 + 40,
            rnd.choice(TYPES),
            actor,
            f"a{rnd.randrange(20000)}",
            f"{rnd.randint(2015, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
        )


def csv_of(n: int, path: str) -> str:
    import csv

    out = path + ".csv"
    with open(out, "w", newline="") as fh:
        csv.writer(fh).writerows(rows(n))
    return out


def _connect(kind: str, path: str):
    if kind == "sqlite":
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        return db
    import duckdb

    return duckdb.connect(path)


def measure(kind: str, path: str, n: int, articles: int) -> dict:
    db = _connect(kind, path)
    db.execute(f"CREATE TABLE events ({COLUMNS})")
    t0 = time.perf_counter()
    if kind == "sqlite":
        db.execute("BEGIN")
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", rows(n))
        db.execute("COMMIT")
    else:  # DuckDB's executemany goes row by row (minutes for 1M): its bulk path is COPY
        db.execute(f"COPY events FROM '{csv_of(n, path)}'")
    bulk = time.perf_counter() - t0
    db.execute("CREATE INDEX ev_source ON events (source_id, date)")
    new = list(rows(articles * 100, seed=2))
    t0 = time.perf_counter()
    for k in range(articles):
        db.execute("BEGIN")
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", new[k * 100 : (k + 1) * 100])
        db.execute("COMMIT")
    per_article = time.perf_counter() - t0
    pages = []
    for a in range(1, 200):
        t1 = time.perf_counter()
        db.execute(
            "SELECT * FROM events WHERE source_id = ? ORDER BY date DESC LIMIT 50", (f"a{a}",)
        ).fetchall()
        pages.append(time.perf_counter() - t1)
    t0 = time.perf_counter()
    db.execute(
        "SELECT source_id, substr(date, 1, 7) AS month, count(*) FROM events "
        "GROUP BY source_id, month ORDER BY count(*) DESC LIMIT 50"
    ).fetchall()
    scan = time.perf_counter() - t0
    db.close()
    return {
        "bulk_load_s": round(bulk, 1),
        "driver_articles_per_s": round(articles / per_article, 1),
        "page_by_actor_p50_ms": round(1000 * statistics.median(pages), 2),
        "analysis_scan_ms": round(1000 * scan),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args(argv)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        out["sqlite"] = measure("sqlite", f"{tmp}/e.db", args.rows, args.articles)
        try:
            out["duckdb"] = measure("duckdb", f"{tmp}/e.duckdb", args.rows, args.articles)
        except ImportError:
            out["duckdb"] = "not installed: see usage"
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
