"""Who may write, from which host name, with how large a body; the response headers.

* Writes (any method but GET, HEAD and OPTIONS) need ``Authorization: Bearer
  <token>``, compared in constant time. ``require_write`` is the FastAPI
  dependency a write route declares (it also puts the bearer scheme in the
  OpenAPI schema); ``Guard`` checks every unsafe request as well, so a route
  that forgets the dependency is still closed.
* A read-only app refuses every write (403) and opens the ledger with SQLite's
  ``mode=ro``.
* The Host header must name an allowed host (DNS rebinding: a page elsewhere
  cannot reach a loopback server through a name it controls).
* A request body is counted while it streams in and refused (413) as soon as it
  passes ``max_body``, or at once when Content-Length says so.
* Every response carries a Content-Security-Policy, nosniff, frame denial and
  a Referrer-Policy. No CORS headers are sent: browsers keep other origins out.
"""

from __future__ import annotations

import hmac
import json

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from newsledger.api.tokens import (
    DEFAULT_MAX_BODY,
    LOOPBACK_NAMES,
    TOKEN_ENV,
    AuthError,
    is_loopback,
    load_or_create_token,
    token_path,
)
from newsledger.errors import NewsledgerError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# HTML forms (web/corrections.py) cannot send an Authorization header: they post the token
# as a form field, and every handler under this prefix checks it with ``form_write``.
FORM_PREFIX = "/form/"
CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The OpenAPI page loads Swagger UI from its CDN with an inline bootstrap script.
# Swagger UI (api/docs.py) comes from this server and starts from a served script; it
# styles its widgets inline, hence 'unsafe-inline' for styles only.
DOCS_CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
_bearer = HTTPBearer(
    auto_error=False,
    description="The write token: `serve` prints it once "
    "and keeps it in LEDGER.token (0600), or --token / $NEWSLEDGER_TOKEN.",
)


def write_refusal(state, authorization: str | None) -> NewsledgerError | None:
    """Why a write with this Authorization header is refused, or None when it may go on."""
    if getattr(state, "read_only", False):
        return AuthError(
            "this server is read-only (serve --read-only); writes are refused", code="NL-API-READ-ONLY"
        )
    expected = getattr(state, "token", None)
    if not expected:
        return AuthError(
            "this server has no write token, so it takes no writes; start it with "
            "`newsledger serve` (it makes one) or --token",
            code="NL-API-NO-TOKEN",
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return AuthError(
            "writing needs 'Authorization: Bearer <token>' (the token `serve` printed, kept in LEDGER.token)",
            code="NL-API-AUTH",
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        return AuthError(
            "the bearer token is wrong; use the one `serve` printed (kept in "
            "LEDGER.token) or the --token it was given",
            code="NL-API-AUTH",
        )
    return None


def require_write(request: Request, _creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    """FastAPI dependency of write routes: ``dependencies=[Depends(require_write)]``.

    Raises NL-API-AUTH (401), NL-API-READ-ONLY or NL-API-NO-TOKEN (403). Declaring
    the bearer scheme puts it in the OpenAPI schema (/api/docs' Authorize button)."""
    refusal = write_refusal(request.app.state, request.headers.get("authorization"))
    if refusal:
        raise refusal


async def form_write(request: Request) -> dict[str, str]:
    """The fields of a posted HTML form (application/x-www-form-urlencoded), once its
    ``token`` field is the write token (the same refusals as the header check)."""
    from urllib.parse import parse_qsl

    fields = dict(parse_qsl((await request.body()).decode("utf-8", "replace"), keep_blank_values=True))
    refusal = write_refusal(request.app.state, "Bearer " + fields.pop("token", ""))
    if refusal:
        raise refusal
    return fields


class Guard:
    """Pure ASGI middleware: host check, write token, streaming body limit, headers."""

    def __init__(self, app, *, state, allowed_hosts: set[str] | None, max_body: int):
        self.app, self.state = app, state
        self.allowed = {h.lower().strip("[]") for h in allowed_hosts} if allowed_hosts else None
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope.get("path", "")
        send = self._with_headers(send, path)
        refusal = self._refusal(scope, headers)
        if refusal:
            return await _json(send, *refusal)
        over = [False]  # the body passed max_body while streaming in

        async def replacing_send(message):
            # The app answered a body cut short (a parse error): send the 413 instead.
            if not over[0]:
                return await send(message)
            if message["type"] == "http.response.start":
                await _json(send, *self._too_large())

        await self.app(scope, self._counting(receive, over), replacing_send)

    def _refusal(self, scope, headers) -> tuple | None:
        host = _hostname(headers.get("host", ""))
        if self.allowed is not None and host not in self.allowed:
            return (
                400,
                "NL-API-HOST",
                f"host {host!r} is not served here; start the server with --allowed-host NAME to allow it",
            )
        if scope["method"] not in SAFE_METHODS and not scope.get("path", "").startswith(FORM_PREFIX):
            refusal = write_refusal(self.state, headers.get("authorization"))
            if refusal:
                status = 403 if refusal.code in ("NL-API-READ-ONLY", "NL-API-NO-TOKEN") else 401
                return status, refusal.code, refusal.message
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return 400, "NL-API-INPUT", "Content-Length is not a number"
            if int(length) > self.max_body:
                return self._too_large()
        return None

    def _too_large(self) -> tuple:
        return (
            413,
            "NL-API-TOO-LARGE",
            f"the request body is over the {self.max_body} byte "
            "limit (serve --max-body); split the batch or use `newsledger ingest`",
        )

    def _counting(self, receive, over: list[bool]):
        seen = 0

        async def counted():
            nonlocal seen
            if over[0]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Stop reading: the app gets an empty, final chunk; the rest is never read.
                    over[0] = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        return counted

    @staticmethod
    def _with_headers(send, path: str):
        csp = DOCS_CSP if path in ("/api/docs", "/api/docs/oauth2-redirect") else CSP

        async def sending(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                extra.append((b"content-security-policy", csp.encode()))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return sending


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


__all__ = [
    "DEFAULT_MAX_BODY",
    "FORM_PREFIX",
    "LOOPBACK_NAMES",
    "TOKEN_ENV",
    "AuthError",
    "Guard",
    "is_loopback",
    "load_or_create_token",
    "form_write",
    "require_write",
    "token_path",
    "write_refusal",
]


async def _json(send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
