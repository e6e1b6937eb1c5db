"""Query latency on a large ledger: p50/p95 per REST endpoint, file size, peak RSS.

usage: python bench/scale.py LEDGER.db [--runs 10] [--json]
       python bench/scale.py LEDGER.db --pass 100 [--json]

Build the ledger first with bench/synth.py (no NLP; e.g. 100k articles, 1M quotes, 1M events).
Each endpoint is called through the ASGI app (no network) in a fresh process of its own: its
first view (cold: nothing of it kept in memory), then ``--runs`` more calls (p50, p95), then the
next page by its cursor; the most frequent actor (and one from the tail) is the filter where one
applies.

``--pass K`` measures the cross-report pass instead, on a copy of the ledger cut as
``--blocks`` says (default: the ledger default, window blocks): a full pass once
(``--no-full``: none, the other blocks stay unanalysed), then K new synthetic articles
dated on the ledger's latest day (today's news, ``synth.append``) and the incremental
pass they start, timed.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def endpoints(db) -> list[str]:
    """Every list of the REST API, a page of 50, with the filters of issue 16."""
    top = db.execute(
        "SELECT speaker_id, speaker_name, COUNT(*) n FROM quotes GROUP BY 1 ORDER BY n DESC LIMIT 1"
    ).fetchone()
    tail = db.execute(
        "SELECT speaker_id, speaker_name, COUNT(*) n FROM quotes GROUP BY 1 ORDER BY n ASC LIMIT 1"
    ).fetchone()
    month = db.execute("SELECT substr(MAX(sort_date), 1, 7) FROM events").fetchone()[0] or "2024"
    word = db.execute("SELECT text FROM quotes WHERE id = (SELECT MAX(id) FROM quotes)").fetchone()[0]
    word = max(word.split(), key=len).strip(".,;:\"'")
    top_word, tail_word = top[1].split()[-1], tail[1].split()[-1]
    return [
        "/api/stats",
        "/api/documents?limit=50",
        f"/api/documents?q={word}&limit=50",
        "/api/quotes?limit=50",
        f"/api/quotes?speaker={top_word}&limit=50",
        f"/api/quotes?speaker={tail_word}&limit=50",
        f"/api/quotes?q={word}&limit=50",
        "/api/events?limit=50",
        "/api/events?type=ASSAULT&limit=50",
        f"/api/events?since={month}&until={month}&limit=50",
        f"/api/events?actor={top_word}&limit=50",
        f"/api/events?actor={tail_word}&limit=50",
        f"/api/actors?q={tail_word}&limit=50",
        "/api/actors?limit=50",
        f"/api/timeline?actor={tail_word}&limit=50",
        f"/api/timeline?actor={top_word}&limit=50",
        "/api/merged-events?limit=50",
        "/api/contradictions?limit=50",
    ]


def measure(path: str, runs: int, only: str | None = None) -> dict:
    """Each endpoint in a fresh process (bench/pages.py ``--one``): its first view (nothing of
    it kept in memory), then ``runs`` more calls, then the page its ``next`` cursor gives."""
    import sqlite3

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pages import fresh

    db = sqlite3.connect(path)
    urls = [u for u in endpoints(db) if not only or re.search(only, u)]
    db.close()
    return {url: fresh(path, url, runs, cursor=True) for url in urls}


def measure_pass(
    path: str, k: int, *, full_first: bool = True, when: str | None = None, blocks: str = "window"
) -> dict:
    import shutil
    import tempfile

    from newsledger.analyze import cut, refresh, set_blocks
    from newsledger.store import Store

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth import append

    with tempfile.TemporaryDirectory() as tmp:
        work = str(Path(tmp) / "work.db")
        shutil.copy(path, work)
        store = Store(work)
        set_blocks(store, blocks)  # every article pending
        t0 = time.perf_counter()
        full, full_s = {"blocks": None}, None
        if full_first:
            full = refresh(store)
            full_s = time.perf_counter() - t0
        else:
            # the other months stay unanalysed: the pass never reads them, so it costs the
            # same (for ledgers too large to analyse whole on this machine)
            if blocks == "window":
                cut.update(store)
            store.db.execute("DELETE FROM analysis_pending")
        new = append(store, k, when=when)
        t0 = time.perf_counter()
        inc = refresh(store)
        inc_s = time.perf_counter() - t0
        redone = store.db.execute(  # articles in the blocks the new ones landed in
            "SELECT count(*) FROM analysis_docs WHERE block IN (SELECT block FROM analysis_docs "
            f"WHERE doc_id IN ({', '.join('?' for _ in new)}))",
            new,
        ).fetchone()[0]
        docs = store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        month = store.db.execute(
            "SELECT COUNT(*) FROM documents WHERE COALESCE(substr(published, 1, 7), '') = "
            "(SELECT max(substr(published, 1, 7)) FROM documents WHERE published <= ?)",
            (when or "9999",),
        ).fetchone()[0]
        store.close()
    return {
        "documents": docs,
        "new": k,
        "in_their_month": month,
        "full_s": full_s and round(full_s, 2),
        "full_blocks": full["blocks"],
        "incremental_s": round(inc_s, 2),
        "incremental_blocks": inc["blocks"],
        "incremental_articles": inc["articles"],
        "incremental_cut_s": inc.get("cut_seconds"),
        "articles_in_redone_blocks": redone,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--only", metavar="REGEX", help="only the endpoints this matches (e.g. 'quotes|events')")
    ap.add_argument("--pass", dest="new", type=int, help="time the pass for this many new articles")
    ap.add_argument("--no-full", action="store_true", help="with --pass: skip analyze --full first")
    ap.add_argument("--when", help="with --pass: the new articles' date (default: the latest in the ledger)")
    ap.add_argument("--blocks", default="window", help="with --pass: the cut (default: the ledger default)")
    args = ap.parse_args(argv)
    if args.new:
        full = not args.no_full
        got = measure_pass(args.ledger, args.new, full_first=full, when=args.when, blocks=args.blocks)
        got["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(json.dumps(got) if args.json else "\n".join(f"{k}: {v}" for k, v in got.items()))
        return 0
    res = measure(args.ledger, args.runs, args.only)
    rss = max(r["rss_mb"] for r in res.values())
    size = Path(args.ledger).stat().st_size / 1e6
    if args.json:
        print(json.dumps({"endpoints": res, "peak_rss_mb": round(rss), "file_mb": round(size)}))
        return 0
    for url, r in res.items():
        nxt = r.get("next_ms", "")
        print(f"{r['first_ms']:>9.1f} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f} {nxt:>9}  {r['status']}  {url}")
    print(
        f"(first view ms, p50 ms, p95 ms, next page by cursor ms, status) over {args.runs} runs, a fresh "
        f"process per endpoint; file {size:.0f} MB; peak RSS {rss:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
