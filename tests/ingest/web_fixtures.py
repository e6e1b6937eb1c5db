"""A small HTTP server on 127.0.0.1 for fetch and feed tests: nothing touches the internet.

``Site.route(path, body, status=200, headers=None, delay=0)`` serves a fixed answer; a body
may be a callable ``(handler) -> (status, headers, bytes)`` for ETag, redirects and the like.
Every request is logged in ``site.hits`` as (method, path, headers).
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Site:
    def __init__(self):
        self.routes: dict[str, tuple] = {}
        self.hits: list[tuple[str, str, dict]] = []
        handler = type("H", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path, body, status=200, headers=None, delay=0.0, ctype="text/html"):
        self.routes[path] = (body, status, {"Content-Type": ctype, **(headers or {})}, delay)

    def count(self, path: str) -> int:
        return sum(1 for _m, p, _h in self.hits if p == path)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args):  # quiet test output
        pass

    def do_GET(self):
        self.site.hits.append(("GET", self.path, dict(self.headers)))
        if self.path not in self.site.routes:
            return self._send(404, {"Content-Type": "text/plain"}, b"not found")
        body, status, headers, delay = self.site.routes[self.path]
        if delay:
            time.sleep(delay)
        if callable(body):
            status, extra, body = body(self)
            headers = {**headers, **extra}
        self._send(status, headers, body.encode() if isinstance(body, str) else body)

    def _send(self, status, headers, body: bytes):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def site():
    s = Site()
    s.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")
    yield s
    s.close()


def article_html(title: str, body: str, date: str | None = None, author: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    meta += f'<meta name="author" content="{author}">' if author else ""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        f"<footer>Copyright Example News</footer></body></html>"
    )


LOREM = (
    "The city council of Springfield voted on Tuesday to approve a new budget for "
    "public transport, after a debate that lasted most of the afternoon. Mayor Jane Doe "
    "said the plan would add twelve bus lines by next spring.\n\n"
    "Opponents on the council argued that the money should go to road repairs first, "
    "and several residents spoke against the fare increase that the plan includes. "
    "The vote was seven to four."
)
