"""The write token and the serving defaults, without FastAPI (the CLI imports them)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from newsledger.errors import NewsledgerError

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
DEFAULT_MAX_BODY = 50 * 1024 * 1024  # 500 articles of ~100 KB of JSON
TOKEN_ENV = "NEWSLEDGER_TOKEN"


class AuthError(NewsledgerError):
    code = "NL-API-AUTH"


def is_loopback(host: str) -> bool:
    h = host.strip("[]").lower()
    return h in LOOPBACK_NAMES or h.startswith("127.")


def token_path(db_path: str) -> Path:
    return Path(str(db_path) + ".token")


def load_or_create_token(db_path: str) -> tuple[str, bool]:
    """(token, created): the token kept beside the ledger, made (0600) on first use."""
    path = token_path(db_path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        token = path.read_text("utf-8").strip()
        if not token:
            raise AuthError(f"{path} is empty; delete it to get a new token", code="NL-API-TOKEN") from None
        return token, False
    token = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")
    return token, True
