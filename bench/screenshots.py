"""Screenshots of every page of the web UI, for review: `make screenshots`.

usage: python bench/screenshots.py LEDGER.db OUT_DIR [--width 1280]

Serves the ledger on loopback and has headless Chromium (Debian's `chromium`) draw each page to
OUT_DIR/NN-name.png; prints the list with each page's server time.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=6000",
]


def pages(db: str) -> list[tuple[str, str]]:
    """(name, path) of each kind of page, with real ids from the ledger."""
    import sqlite3

    con = sqlite3.connect(db)
    one = lambda sql: (con.execute(sql).fetchone() or [None])[0]  # noqa: E731
    doc = one("SELECT name FROM documents ORDER BY published DESC LIMIT 1")
    actor = one(
        "SELECT entity_name FROM mentions WHERE label='PERSON' GROUP BY entity_id "
        "ORDER BY COUNT(*) DESC LIMIT 1"
    )
    story = one("SELECT id FROM stories ORDER BY size DESC LIMIT 1")
    quote = one("SELECT MAX(id) FROM quotes")
    outlet = one("SELECT outlet FROM documents GROUP BY outlet ORDER BY COUNT(*) DESC LIMIT 1")
    con.close()
    out = [
        ("home", "/"),
        ("articles", "/articles"),
        ("quotes", "/quotes"),
        ("actors", "/actors"),
        ("events", "/events"),
        ("events-all-modes", "/events?mode=all&sort=type"),
        ("merged-events", "/merged-events"),
        ("contradictions", "/contradictions"),
        ("stories", "/stories"),
        ("map", "/map"),
        ("map-places", "/map?show=places"),
        ("sources", "/sources"),
        ("api-docs", "/api/docs"),
    ]
    if doc:
        out.append(("article", f"/article/{doc}"))
    if outlet:
        out.append(("articles-outlet", "/articles?" + urlencode({"outlet": outlet})))
    if quote:
        out.append(("feedback", f"/feedback/quotes/{quote}"))
    if actor:
        out += [("actor", f"/actor/{actor}"), ("brief-actor", f"/brief?actor={actor}")]
    if story:
        out += [("story", f"/story/{story}"), ("brief-story", f"/brief?story={story}")]
    return out


def serve(db: str):
    import uvicorn

    from newsledger.api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return srv, f"http://127.0.0.1:{port}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ledger")
    ap.add_argument("out")
    ap.add_argument("--width", type=int, default=1280)
    args = ap.parse_args(argv)
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("needs Chromium: apt-get install chromium", file=sys.stderr)
        return 2
    import httpx

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    srv, base = serve(args.ledger)
    try:
        for i, (name, path) in enumerate(pages(args.ledger), 1):
            t0 = time.perf_counter()
            status = httpx.get(base + path, timeout=60).status_code
            ms = 1000 * (time.perf_counter() - t0)
            png = out / f"{i:02d}-{re.sub(r'[^a-z0-9-]', '', name)}.png"
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run(
                    [
                        exe,
                        *FLAGS,
                        f"--user-data-dir={profile}",
                        f"--window-size={args.width},1600",
                        f"--screenshot={png}",
                        base + path,
                    ],
                    capture_output=True,
                    timeout=120,
                )
            print(f"{png}  {status}  {ms:7.1f} ms  {path}")
    finally:
        srv.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
