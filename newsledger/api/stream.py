"""GET /api/export/{format}: the CLI's exports, streamed.

The exporters write to a file object on the connection they read from. A
producer thread runs one on its own ledger connection and hands fixed-size
chunks to the response through a bounded queue, so a large ledger streams in
constant memory and the SQLite connection never changes threads.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse

from newsledger.api.app import ApiError
from newsledger.export import export
from newsledger.export.tables import CSV_TABLES

router = APIRouter(prefix="/api", tags=["export"])
MEDIA = {
    "eval": ("application/x-ndjson", "jsonl"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
}
CHUNK = 64 * 1024
_DONE = object()


class _QueueWriter(io.TextIOBase):
    """A text file whose writes arrive, in chunks, at the other end of a queue."""

    def __init__(self, q: queue.Queue, cancelled: threading.Event):
        self.q, self.cancelled, self.buf, self.size = q, cancelled, [], 0

    def write(self, s: str) -> int:
        self.buf.append(s)
        self.size += len(s)
        if self.size >= CHUNK:
            self.flush()
        return len(s)

    def flush(self) -> None:
        if self.buf:
            self._put("".join(self.buf).encode("utf-8"))
            self.buf, self.size = [], 0

    def _put(self, item) -> None:
        while not self.cancelled.is_set():
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Cancelled()


class _Cancelled(Exception):
    """The client went away: stop reading the ledger."""


def _produce(
    db_path: str, fmt: str, table: str, q: queue.Queue, cancelled: threading.Event, read_only: bool = False
):
    from newsledger.ledger import Ledger

    led = Ledger(db_path, read_only=read_only)
    out = _QueueWriter(q, cancelled)
    try:
        export(led.store, fmt, out, table=table)
        out.flush()
    except _Cancelled:
        pass
    except Exception as e:  # the headers are sent: say it in the body rather than cut silently
        out.buf = [f"\n# export failed: {type(e).__name__}: {e}\n"]
        _quietly(out.flush)
    finally:
        led.close()
    _quietly(lambda: out._put(_DONE))


def _quietly(fn) -> None:
    try:
        fn()
    except _Cancelled:
        pass


def _chunks(db_path: str, fmt: str, table: str, read_only: bool = False) -> Iterator[bytes]:
    q: queue.Queue = queue.Queue(maxsize=16)
    cancelled = threading.Event()
    threading.Thread(
        target=_produce,
        args=(db_path, fmt, table, q, cancelled, read_only),
        daemon=True,
        name=f"export-{fmt}",
    ).start()
    try:
        while (item := q.get()) is not _DONE:
            yield item
    finally:
        cancelled.set()


@router.get(
    "/export/{fmt}", summary="The whole ledger as eval, jsonl, csv (?table=) or gdelt; parquet needs ?table="
)
def export_ledger(
    request: Request,
    fmt: str,
    table: Annotated[str | None, Query(description="csv/parquet: which table.")] = None,
):
    if fmt == "parquet":
        return _parquet(request, table)
    if fmt not in MEDIA:
        raise ApiError(
            f"no export format {fmt!r}; choose one of {', '.join(MEDIA)}, parquet", code="NL-EXPORT-FORMAT"
        )
    table = table or "quotes"
    if fmt == "csv" and table not in CSV_TABLES:
        raise ApiError(f"no table {table!r}; choose one of {', '.join(CSV_TABLES)}", code="NL-EXPORT-TABLE")
    media, ext = MEDIA[fmt]
    name = f"newsledger-{table if fmt == 'csv' else fmt}.{ext}"
    return StreamingResponse(
        _chunks(request.app.state.db_path, fmt, table, request.app.state.read_only),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _parquet(request: Request, table: str | None) -> Response:
    """One table as a Parquet file (the CLI writes every table into a directory)."""
    from newsledger.export.parquet import TABLES, table_bytes
    from newsledger.ledger import Ledger

    if table not in TABLES:
        raise ApiError(
            f"a Parquet download is one table: add ?table= with one of {', '.join(TABLES)}",
            code="NL-EXPORT-TABLE",
        )
    led = Ledger(request.app.state.db_path, read_only=request.app.state.read_only)
    try:
        data = table_bytes(led.store, table)
    finally:
        led.close()
    return Response(
        data,
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": f'attachment; filename="{table}.parquet"'},
    )
