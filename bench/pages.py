"""Server time of every web page on a large ledger: first call (cold), p50 and p95.

usage: python bench/pages.py LEDGER.db [--runs 5] [--json]

Build the ledger with bench/synth.py (e.g. ``bench/synth.py /tmp/syn.db --docs 10000``). Pages
are called through the ASGI app in this process (no network), as bench/scale.py does for the
REST API; the actor, article and filters are the most frequent ones of the ledger. The goal
is under 300 ms per page (issue 18).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
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


def measure(path: str, runs: int) -> dict:
    from fastapi.testclient import TestClient

    from newsledger.api import create_app
    from newsledger.api.app import KB_WARM, LISTS_WARM

    db = sqlite3.connect(path)
    urls = pages(db)
    db.close()
    with TestClient(create_app(path), base_url="http://localhost") as client:
        # as `serve` does: the knowledge base loads in the background at start-up
        t0 = time.perf_counter()
        KB_WARM.wait(120)
        out = {"(start-up: knowledge base loaded)": _row(200, time.perf_counter() - t0, [0])}
        t0 = time.perf_counter()
        LISTS_WARM.wait(600)
        out["(start-up: first page and facets of each list read)"] = _row(200, time.perf_counter() - t0, [0])
        for url in urls:
            out[url] = _time(client, url, runs)
    return out


def _time(client, url: str, runs: int) -> dict:
    t0 = time.perf_counter()
    status = client.get(url).status_code
    first = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - t0)
    return _row(status, first, sorted(times))


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
    args = ap.parse_args(argv)
    res = measure(args.ledger, args.runs)
    if args.json:
        print(json.dumps(res))
        return 0
    docs = sqlite3.connect(args.ledger).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    for url, r in res.items():
        flag = "  SLOW" if r["p50_ms"] > GOAL_MS else ""
        print(f"{r['first_ms']:>9.1f} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f}  {r['status']}  {url}{flag}")
    print(f"(first ms, p50 ms, p95 ms, status) over {args.runs} runs; {docs} articles; goal {GOAL_MS} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
