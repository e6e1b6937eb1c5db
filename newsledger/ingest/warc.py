"""Web archives (WARC and ARC, gzipped or not): HTML responses in, one Article each.

Records are streamed, so a crawl of many gigabytes never sits in memory; each HTML response is
read up to the page limit. The capture date (WARC-Date) is the publication date only where the
page gives none, and ``published_method`` says so ("warc_capture").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsledger.errors import IngestError, Problem
from newsledger.ingest.fetch import HTML_TYPES, MAX_PAGE_BYTES
from newsledger.ingest.pages import html_article
from newsledger.records import Article


def read_warc(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Article | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source, n = str(path), 0
    try:
        if not _looks_like_archive(path):
            yield Problem(
                source,
                None,
                "NL-INGEST-WARC",
                "does not start like a WARC or ARC file (WARC/1.x or filedesc://); check the file",
            )
            return
        with open(path, "rb") as fh:
            for n, rec in enumerate(ArchiveIterator(fh, arc2warc=True), 1):
                item = _record(rec, source, n, max_bytes)
                if item is not None:
                    yield item
    except ArchiveLoadFailed as e:
        yield Problem(
            source,
            n + 1 if n else None,
            "NL-INGEST-WARC",
            f"not a readable WARC/ARC record ({str(e)[:120]}); the rest of the file is skipped",
        )
    except OSError as e:
        yield Problem(source, None, "NL-INGEST-READ", f"cannot read it: {e.strerror or e}")


def _looks_like_archive(path: Path) -> bool:
    """The first record's header, gzipped or not: warcio reads any text as ARC otherwise."""
    import gzip
    import zlib

    with open(path, "rb") as fh:
        head = fh.read(64)
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as gz:
                head = gz.read(64)
        except (OSError, EOFError, zlib.error):
            return False
    return head.lstrip().startswith((b"WARC/", b"filedesc://"))


def _record(rec, source: str, n: int, max_bytes: int) -> Article | Problem | None:
    """An Article for an HTML response, a Problem for a broken one, None for anything else."""
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    ctype = (rec.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = rec.http_headers.get_statuscode() or ""
    if not ctype.startswith(HTML_TYPES) or not status.startswith("2"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI") or f"{source}#{n}"
    body = rec.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Problem(
            source, n, "NL-INGEST-TOO-LARGE", f"{url}: over the {max_bytes / 1e6:.1f} MB page limit"
        )
    captured = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
    try:
        return html_article(body, url, source=url, fallback_date=captured, date_method="warc_capture")
    except IngestError as e:
        return Problem(source, n, e.code, f"{url}: {e.message}")
