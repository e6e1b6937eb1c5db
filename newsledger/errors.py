"""Errors with a code and a message that says what to do.

Codes are stable strings (``NL-INGEST-ENCODING``) so that scripts can match
them and users can search the docs for them.
"""

from __future__ import annotations

from dataclasses import dataclass


class NewsledgerError(Exception):
    """Base error: ``code`` is stable, ``message`` tells the user what to do."""

    code = "NL-ERROR"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class IngestError(NewsledgerError):
    code = "NL-INGEST"


class StoreError(NewsledgerError):
    code = "NL-STORE"


class ModelError(NewsledgerError):
    code = "NL-MODEL"


class ExportError(NewsledgerError):
    code = "NL-EXPORT"


@dataclass(frozen=True)
class Problem:
    """One input that could not be read: where it was and why (never silent)."""

    path: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: [{self.code}] {self.message}"
