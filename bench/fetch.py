"""Live ingestion throughput: pages served on loopback, fetched, extracted and ingested.

usage: python bench/fetch.py [--pages 500] [--model sm|md] [--hosts 4] [--delay 0]

Serves ``--pages`` generated news pages from a local HTTP server reachable under several
loopback addresses (127.0.0.1, 127.0.0.2, ...: one "host" each, so per-host pacing applies as
it would to several outlets), then for 1 and 4 concurrent fetches measures pages per second
through fetch + trafilatura + the NLP and store, and the share of the time in each part.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsledger.errors import Problem  # noqa: E402
from newsledger.ingest.fetch import Fetcher, Politeness  # noqa: E402
from newsledger.ingest.pages import html_article  # noqa: E402
from newsledger.ledger import Ledger  # noqa: E402

WORDS = (
    "council minister ministry army police court election vote budget talks strike port "
    "city province border troops protest statement spokesman agreement sanctions "
    "report official government opposition parliament attack ceasefire"
).split()
NAMES = ["Ana Ruiz", "Carlos Moedas", "John Smith", "Maria Lopez", "Ahmed Hassan", "Li Wei"]
PLACES = ["Lisbon", "Madrid", "Baghdad", "Cairo", "Berlin", "Nairobi", "Lima"]


def page(i: int) -> bytes:
    rnd = random.Random(i)
    paras = []
    for _ in range(6):
        sents = []
        for _ in range(4):
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 16)))
            sents.append(f"{rnd.choice(NAMES)} said in {rnd.choice(PLACES)} that the {words}.")
        paras.append("<p>" + " ".join(sents) + "</p>")
    return (
        f"<!doctype html><html><head><title>Report {i}</title>"
        f'<meta property="article:published_time" content="2024-03-{1 + i % 28:02d}">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Report {i}</h1>"
        + "".join(paras)
        + "</article><footer>(c) Bench News</footer></body></html>"
    ).encode()


class Handler(BaseHTTPRequestHandler):
    pages: dict[str, bytes] = {}

    def log_message(self, *a):
        pass

    def do_GET(self):
        body = self.pages.get(self.path)
        if self.path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html" if self.path != "/robots.txt" else "text/plain")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


def run(urls, model, concurrency, delay) -> dict:
    times = {"network": 0.0, "extraction": 0.0}
    lock = threading.Lock()

    def one(fetcher, url):
        t0 = time.perf_counter()
        p = fetcher.get(url)
        t1 = time.perf_counter()
        art = html_article(p.body, p.final_url, source=p.final_url)
        with lock:
            times["network"] += t1 - t0
            times["extraction"] += time.perf_counter() - t1
        return art

    from concurrent.futures import ThreadPoolExecutor

    with tempfile.TemporaryDirectory() as d, Fetcher(Politeness(delay=delay)) as fetcher:
        led = Ledger(str(Path(d) / "bench.db"), model=model)
        led.ingest_items([], analyze=False)  # the model loaded before the clock starts
        from newsledger.nlp import load

        load(model)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            items = list(pool.map(lambda u: one(fetcher, u), urls))
        fetched = time.perf_counter() - t0
        rep = led.ingest_items(items, analyze=False)
        total = time.perf_counter() - t0
        led.close()
    assert not any(isinstance(i, Problem) for i in items) and rep.stored == len(urls), rep
    return {
        "concurrency": concurrency,
        "pages": len(urls),
        "seconds": total,
        "pages_per_s": len(urls) / total,
        "fetch_phase_s": fetched,
        "fetch_pages_per_s": len(urls) / fetched,
        "share_network": times["network"] / concurrency / total,
        "share_extraction": times["extraction"] / concurrency / total,
        "share_nlp_store": (total - fetched) / total,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--model", default="sm")
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--delay", type=float, default=0.0)
    args = ap.parse_args(argv)
    Handler.pages = {f"/a/{i}": page(i) for i in range(args.pages)}
    server = ThreadingHTTPServer(("0.0.0.0", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    urls = [f"http://127.0.0.{1 + i % args.hosts}:{port}/a/{i}" for i in range(args.pages)]
    print(
        f"{args.pages} pages on {args.hosts} loopback hosts, model {args.model}, "
        f"delay {args.delay} s per host"
    )
    for c in (1, 4):
        r = run(urls, args.model, c, args.delay)
        print(
            f"concurrency {c}: {r['pages_per_s']:.1f} pages/s end to end "
            f"({r['seconds']:.1f} s); fetch+extract {r['fetch_pages_per_s']:.1f} pages/s; "
            f"time: network {r['share_network']:.0%}, extraction {r['share_extraction']:.0%}, "
            f"NLP+store {r['share_nlp_store']:.0%}"
        )
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
