"""Server time of every web page on a large ledger: first view (cold), p50 and p95.

usage: python bench/pages.py LEDGER.db [--runs 5] [--json] [--only REGEX]

Build the ledger with bench/synth.py (e.g. ``bench/synth.py /tmp/syn.db --docs 10000``). Pages
are called through the ASGI app (no network); the actor, article and filters are the most
frequent ones of the ledger. Each page is measured in a fresh process (``--one URL``), as a
server just started would see it: the knowledge base loaded (``serve`` loads it at start-up)
and one unrelated request answered (imports, the app's first call), then the page's first view
(nothing of it kept in memory: every count and cache per ledger state cold), then ``--runs``
more views (p50, p95). The goal is under 300 ms per page, first view included (issue 18).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GOAL_MS = 300


def pages(db) -> list[str]:
    top = db.execute(
        "SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    doc = db.execute("SELECT id FROM documents ORDER BY published DESC LIMIT 1").fetchone()[0]
    outlet = db.execute("SELECT outlet FROM documents GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[
        0
    ]
    quote_id = db.execute("SELECT MAX(id) FROM quotes").fetchone()[0]
    word = db.execute("SELECT name FROM entities WHERE id = ?", (top,)).fetchone()[0].split()[-1]
    o = quote(outlet)
    return [
        f"/actor/{quote(top, safe='')}",  # first: the cold start of the knowledge base
        "/",
        "/?q=talks",
        "/articles",
        f"/articles?outlet={o}&sort=chars",
        f"/articles.csv?outlet={o}&since=2024",
        f"/article/{doc}",
        "/quotes",
        f"/quotes?speaker={quote(word)}",
        f"/quotes?outlet={o}&since=2023",
        "/actors",
        "/actors?sort=name&offset=500",
        f"/actors?q={quote(word)}",
        "/events",
        "/events?mode=all&type=ASSAULT",
        f"/events?actor={quote(word)}",
        f"/events?outlet={o}&sort=confidence",
        "/merged-events",
        "/contradictions",
        "/stories",
        "/map",
        "/map?show=places",
        f"/feedback/quotes/{quote_id}",
        f"/brief?actor={quote(word)}",
    ]


def measure(path: str, runs: int, only: str | None = None) -> dict:
    import re

    db = sqlite3.connect(path)
    urls = [u for u in pages(db) if not only or re.search(only, u)]
    db.close()
    return {url: fresh(path, url, runs) for url in urls}


def fresh(path: str, url: str, runs: int, *, cursor: bool = False) -> dict:
    """``url`` measured in a process of its own (first view, then ``runs`` views)."""
    cmd = [sys.executable, __file__, path, "--one", url, "--runs", str(runs), "--json"]
    if cursor:
        cmd.append("--cursor")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    # compiled modules kept, as an installed package has them: a fresh process imports, it
    # does not compile every module again (PYTHONDONTWRITEBYTECODE would)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "newsledger-bench-pycache"))
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def one(path: str, url: str, runs: int, *, cursor: bool = False) -> dict:
    """In this (fresh) process: start the app as ``serve`` does, then time ``url``."""
    from fastapi.testclient import TestClient

    from newsledger.api import create_app
    from newsledger.api.app import KB_WARM

    with TestClient(create_app(path), base_url="http://localhost") as client:
        KB_WARM.wait(300)
        client.get("/static/style.css")  # the app's own first call, not the page's
        t0 = time.perf_counter()
        r = client.get(url)
        first = time.perf_counter() - t0
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - t0)
        row = _row(r.status_code, first, sorted(times))
        # a count past its time budget is finished in the background: the page says "counting…"
        row["partial"] = "no-store" in r.headers.get("cache-control", "")
        nxt = r.json().get("next") if cursor and r.status_code == 200 and "cursor" in r.json() else None
        if nxt:  # the next page through its cursor, as a client pages on
            t0 = time.perf_counter()
            client.get(nxt)
            row["next_ms"] = round(1000 * (time.perf_counter() - t0), 1)
    row["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def _row(status: int, first: float, times: list[float]) -> dict:
    return {
        "status": status,
        "first_ms": round(1000 * first, 1),
        "p50_ms": round(1000 * statistics.median(times), 1),
        "p95_ms": round(1000 * times[min(len(times) - 1, int(0.95 * len(times)))], 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", metavar="REGEX", help="only the pages this matches")
    ap.add_argument("--one", metavar="URL", help=argparse.SUPPRESS)  # a fresh process's page
    ap.add_argument("--cursor", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.ledger, args.one, args.runs, cursor=args.cursor)))
        return 0
    res = measure(args.ledger, args.runs, args.only)
    if args.json:
        print(json.dumps(res))
        return 0
    docs = sqlite3.connect(args.ledger).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    for url, r in res.items():
        flag = "  SLOW" if max(r["first_ms"], r["p95_ms"]) > GOAL_MS else ""
        flag += "  (first view partial: a count finished in the background)" if r.get("partial") else ""
        print(
            f"{r['first_ms']:>9.1f} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {r['rss_mb']:>6}  "
            f"{r['status']}  {url}{flag}"
        )
    print(
        f"(first view ms, p50 ms, p95 ms, peak RSS MB, status) over {args.runs} runs, a fresh process "
        f"per page; {docs} articles; goal {GOAL_MS} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
