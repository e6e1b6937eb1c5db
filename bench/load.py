"""A bounded load test on loopback: concurrent readers on pages and API calls while a
writer posts articles; reports errors and latency percentiles.

    python bench/load.py [--clients 50] [--seconds 60] [--model sm] [--no-writer] [--workers N]

The server is `newsledger serve` in a child process on 127.0.0.1 and a free port,
over a fresh ledger; every request goes to that address only, and the run stops
by itself after --seconds (at most 60). Prints one JSON line; docs/performance.md
keeps the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time

import httpx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "load-test-token"
READS = [
    "/",
    "/articles",
    "/actors",
    "/events",
    "/api/stats",
    "/api/documents",
    "/api/quotes",
    "/api/actors",
    "/api/events",
    "/api/documents?q=minister",
    "/api/stories",
    "/api/merged-events",
    "/api/contradictions",
]
TEXT = (
    'Talks resume in {city}\n\nThe minister of {city} said on Monday that "the talks '
    'will resume next week", officials told reporters. {n}'
)
MAX_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _article(n: int) -> dict:
    city = random.Random(n).choice(["Lisbon", "Basra", "Madrid", "Erbil", "Oslo"])
    return {
        "id": f"load-{n}",
        "outlet": "Load Wire",
        "published": "2024-03-05",
        "text": TEXT.format(city=city, n=n),
    }


async def _reader(client, stop: float, lat: list[float], errors: list[str], rng) -> None:
    while time.monotonic() < stop:
        url = rng.choice(READS)
        t = time.perf_counter()
        try:
            r = await client.get(url)
            if r.status_code != 200:
                errors.append(f"{url}: {r.status_code}")
        except httpx.HTTPError as e:
            errors.append(f"{url}: {type(e).__name__}")
        lat.append(time.perf_counter() - t)


async def _writer(client, stop: float, lat: list[float], errors: list[str]) -> None:
    n = 0
    while time.monotonic() < stop:
        t = time.perf_counter()
        try:
            r = await client.post(
                "/api/articles",
                json=[_article(n), _article(n + 1)],
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=120,
            )
            if r.status_code not in (200, 201):
                errors.append(f"POST: {r.status_code} {r.text[:100]}")
        except httpx.HTTPError as e:
            errors.append(f"POST: {type(e).__name__}")
        lat.append(time.perf_counter() - t)
        n += 2


async def _drive(base: str, clients: int, seconds: float, writer: bool = True) -> dict:
    limits = httpx.Limits(max_connections=clients + 2)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        stop = time.monotonic() + seconds
        reads, writes, errors = [], [], []
        rngs = [random.Random(i) for i in range(clients)]
        tasks = [_writer(client, stop, writes, errors)] if writer else []
        await asyncio.gather(*tasks, *(_reader(client, stop, reads, errors, rngs[i]) for i in range(clients)))
    return {
        "reads": len(reads),
        "writes": len(writes),
        "errors": len(errors),
        "error_samples": errors[:5],
        "read_p50_ms": _pct(reads, 50),
        "read_p95_ms": _pct(reads, 95),
        "read_max_ms": _pct(reads, 100),
        "write_p95_ms": _pct(writes, 95),
    }


def _pct(xs: list[float], p: int) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    return round(1000 * xs[min(len(xs) - 1, int(len(xs) * p / 100))], 1)


def run(
    clients: int = 50, seconds: float = 60, model: str = "sm", writer: bool = True, workers: int = 1
) -> dict:
    seconds = min(seconds, MAX_SECONDS)
    port = _free_port()
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "load.db")
        env = {**os.environ, "PYTHONPATH": ROOT}
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "newsledger",
                "--db",
                db,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--model",
                model,
                "--token",
                TOKEN,
                "--log-level",
                "warning",
                *(["--workers", str(workers)] if workers > 1 else []),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, server)
            # the model loads on the first post: before the clock starts
            httpx.post(
                base + "/api/articles",
                json=[_article(-1)],
                timeout=300,
                headers={"Authorization": f"Bearer {TOKEN}"},
            ).raise_for_status()
            out = asyncio.run(_drive(base, clients, seconds, writer))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "clients": clients,
        "seconds": seconds,
        "model": model,
        "writer": writer,
        "workers": workers,
        **out,
    }


def _wait(base: str, server: subprocess.Popen, limit: float = 120) -> None:
    t = time.monotonic()
    while time.monotonic() - t < limit:
        if server.poll() is not None:
            raise RuntimeError("the server exited at start")
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--model", default="sm")
    ap.add_argument("--no-writer", action="store_true", help="Readers only, for comparison.")
    ap.add_argument("--workers", type=int, default=1, help="serve --workers N")
    a = ap.parse_args()
    print(json.dumps(run(a.clients, a.seconds, a.model, writer=not a.no_writer, workers=a.workers)))


if __name__ == "__main__":
    main()
