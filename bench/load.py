"""A bounded load test on loopback: concurrent readers on pages and API calls while a
writer posts articles; reports errors and latency percentiles.

    python bench/load.py [--clients 50] [--seconds 60] [--model sm] [--no-writer] [--workers N]
                         [--client lean|httpx]

The server is `newsledger serve` in a child process on 127.0.0.1 and a free port,
over a fresh ledger; every request goes to that address only, and the run stops
by itself after --seconds (at most 60). Prints one JSON line; docs/performance.md
keeps the figures.

The default client is a lean HTTP/1.1 keep-alive client on asyncio streams (one connection
per simulated client, headers and body read by Content-Length or chunks): httpx parses in
pure Python and cost as much CPU per request as the server, so on a 2-core machine the
bench measured itself. ``--client httpx`` keeps the old client for comparison.
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


class LeanClient:
    """One keep-alive HTTP/1.1 connection: GET and POST, the answer's status and body."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict | None = None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n"
        for k, v in (headers or {}).items():
            head += f"{k}: {v}\r\n"
        if body or method == "POST":
            head += f"Content-Length: {len(body)}\r\n"
        self.writer.write(head.encode("latin-1") + b"\r\n" + body)
        try:
            return await self._answer()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            await self.close()
            raise

    async def _answer(self) -> tuple[int, bytes]:
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        fields = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            fields[k.strip().lower()] = v.strip()
        if "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunks()
        else:
            body = b""
        if fields.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _chunks(self) -> bytes:
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")  # no trailers are sent
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _lean_reader(client: LeanClient, stop: float, lat: dict, errors: list[str], rng) -> None:
    while time.monotonic() < stop:
        url = rng.choice(READS)
        t = time.perf_counter()
        try:
            status, _ = await client.request("GET", url)
            if status != 200:
                errors.append(f"{url}: {status}")
        except (OSError, asyncio.IncompleteReadError, ValueError) as e:
            errors.append(f"{url}: {type(e).__name__}")
        lat.setdefault(url, []).append(time.perf_counter() - t)
    await client.close()


async def _lean_writer(client: LeanClient, stop: float, lat: list[float], errors: list[str]) -> None:
    n = 0
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    while time.monotonic() < stop:
        t = time.perf_counter()
        body = json.dumps([_article(n), _article(n + 1)]).encode()
        try:
            status, text = await client.request("POST", "/api/articles", body, headers)
            if status not in (200, 201, 202):
                errors.append(f"POST: {status} {text[:100]!r}")
        except (OSError, asyncio.IncompleteReadError, ValueError) as e:
            errors.append(f"POST: {type(e).__name__}")
        lat.append(time.perf_counter() - t)
        n += 2
    await client.close()


async def _reader(client, stop: float, lat: dict, errors: list[str], rng) -> None:
    while time.monotonic() < stop:
        url = rng.choice(READS)
        t = time.perf_counter()
        try:
            r = await client.get(url)
            if r.status_code != 200:
                errors.append(f"{url}: {r.status_code}")
        except httpx.HTTPError as e:
            errors.append(f"{url}: {type(e).__name__}")
        lat.setdefault(url, []).append(time.perf_counter() - t)


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
            if r.status_code not in (200, 201, 202):
                errors.append(f"POST: {r.status_code} {r.text[:100]}")
        except httpx.HTTPError as e:
            errors.append(f"POST: {type(e).__name__}")
        lat.append(time.perf_counter() - t)
        n += 2


async def _drive(base: str, clients: int, seconds: float, writer: bool = True, lean: bool = True) -> dict:
    stop = time.monotonic() + seconds
    by_url, writes, errors = {}, [], []
    rngs = [random.Random(i) for i in range(clients)]
    if lean:
        host, port = base.rsplit("/", 1)[1].split(":")
        tasks = [_lean_writer(LeanClient(host, int(port)), stop, writes, errors)] if writer else []
        tasks += [_lean_reader(LeanClient(host, int(port)), stop, by_url, errors, r) for r in rngs]
        await asyncio.gather(*tasks)
    else:
        limits = httpx.Limits(max_connections=clients + 2)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            tasks = [_writer(client, stop, writes, errors)] if writer else []
            tasks += [_reader(client, stop, by_url, errors, rngs[i]) for i in range(clients)]
            await asyncio.gather(*tasks)
    reads = [x for xs in by_url.values() for x in xs]
    return {
        "reads": len(reads),
        "writes": len(writes),
        "errors": len(errors),
        "error_samples": errors[:5],
        "read_p50_ms": _pct(reads, 50),
        "read_p95_ms": _pct(reads, 95),
        "read_max_ms": _pct(reads, 100),
        "write_p95_ms": _pct(writes, 95),
        "read_p95_ms_by_url": {u: _pct(xs, 95) for u, xs in sorted(by_url.items())},
    }


def _pct(xs: list[float], p: int) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    return round(1000 * xs[min(len(xs) - 1, int(len(xs) * p / 100))], 1)


def run(
    clients: int = 50,
    seconds: float = 60,
    model: str = "sm",
    writer: bool = True,
    workers: int = 1,
    client: str = "lean",
    code: str = ROOT,
) -> dict:
    seconds = min(seconds, MAX_SECONDS)
    # the machine is shared: the load before the run (other jobs) and at its end (with it)
    load_before = [round(x, 2) for x in os.getloadavg()]
    port = _free_port()
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "load.db")
        env = {**os.environ, "PYTHONPATH": code}
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
            out = asyncio.run(_drive(base, clients, seconds, writer, lean=client == "lean"))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "clients": clients,
        "seconds": seconds,
        "model": model,
        "writer": writer,
        "workers": workers,
        "client": client,
        "code": code,
        "load_before": load_before,
        "load_after": [round(x, 2) for x in os.getloadavg()],
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
    ap.add_argument(
        "--client", choices=["lean", "httpx"], default="lean", help="HTTP client of the simulated users."
    )
    ap.add_argument(
        "--code",
        default=ROOT,
        help="The checkout whose newsledger the server runs (before/after runs on one machine).",
    )
    a = ap.parse_args()
    out = run(
        a.clients, a.seconds, a.model, writer=not a.no_writer, workers=a.workers, client=a.client, code=a.code
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
