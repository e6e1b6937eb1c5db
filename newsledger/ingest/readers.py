"""Read files, folders and stdin into Articles; report what cannot be read.

Each reader yields ``Article`` or ``Problem`` items, so one bad file (or one
bad JSONL line) never stops the batch.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from newsledger.errors import IngestError, Problem
from newsledger.ingest import boilerplate, meta
from newsledger.ingest.dates import parse_given
from newsledger.ingest.decode import decode, looks_binary
from newsledger.records import Article

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
ARCHIVES = (".warc", ".warc.gz", ".arc", ".arc.gz")  # web archives: ingest/warc.py
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # one article; news stories are well under 1 MB
Item = Article | Problem


def content_id(text: str) -> str:
    """Stable id: hash of the text with Unicode and whitespace normalised."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def normalise_newlines(text: str) -> str:
    # Same as Python's universal newlines, so offsets agree with read_text().
    return text.replace("\r\n", "\n").replace("\r", "\n")


def make_article(
    text: str,
    name: str | None,
    *,
    fmt: str,
    source: str,
    line: int | None = None,
    encoding: str = "utf-8",
    title=None,
    outlet=None,
    url=None,
    published=None,
    published_method=None,
) -> Article:
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError("no text in it; nothing to ingest", code="NL-INGEST-EMPTY")
    doc_id = content_id(text)
    title_start = None
    if title is None and fmt == "txt":
        title, title_start, site = meta.text_title(text)
        outlet = outlet or site
    outlet = outlet or meta.outlet_from_body(text)
    pub = parse_given(published) if published is not None else None
    note = None
    if published is not None and pub is None:
        note = f"input published {published!r} is not a date; ignored"
    elif pub is None:
        note = "no date in the input's metadata"
    return Article(
        id=doc_id,
        text=text,
        name=name or doc_id,
        title=title,
        title_start=title_start,
        outlet=outlet,
        url=url,
        published=pub[0] if pub else None,
        published_precision=pub[1] if pub else None,
        published_method=published_method if pub else None,
        published_note=note,
        source=source,
        source_line=line,
        fmt=fmt,
        encoding=encoding,
        excluded=boilerplate.find_excluded(doc_id, text),
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise IngestError("the file is empty; nothing to ingest", code="NL-INGEST-EMPTY")
    if size > max_bytes:
        raise IngestError(
            f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit for one article; "
            "split it into articles (one per file, or one per .jsonl line) or raise --max-bytes",
            code="NL-INGEST-TOO-LARGE",
        )
    data = path.read_bytes()
    if looks_binary(data):
        raise IngestError(
            "looks binary, not text, HTML or JSONL; skip it or convert it", code="NL-INGEST-BINARY"
        )
    return data


def read_text_file(path: Path, data: bytes, name: str) -> Article:
    text, enc = decode(data)
    return make_article(text, name, fmt="txt", source=str(path), encoding=enc)


def extract_html(data: bytes, url: str | None = None):
    """(trafilatura's document or None, its main text or None, the encoding read): the one
    place HTML meets trafilatura, for files, JSONL records, fetched pages and WARC captures."""
    import trafilatura  # heavy import, only when HTML comes in

    html, enc = decode(data)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    return doc, (text if text and text.strip() else None), enc


def read_html(data: bytes, name: str, source: str) -> Article:
    doc, text, enc = extract_html(data)
    if not text:
        raise IngestError(
            "no article text found in this HTML (trafilatura found none)", code="NL-INGEST-EMPTY"
        )
    return make_article(
        text,
        name,
        fmt="html",
        source=source,
        encoding=enc,
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        published=getattr(doc, "date", None),
        published_method="html_meta",
    )


def read_jsonl(data: bytes, source: str, max_bytes: int) -> Iterator[Item]:
    text, enc = decode(data)
    for n, line in enumerate(normalise_newlines(text).split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(line, n, source, max_bytes, enc)
        except IngestError as e:
            yield Problem(source, n, e.code, e.message)


def _jsonl_record(line: str, n: int, source: str, max_bytes: int, encoding: str = "utf-8") -> Article:
    if len(line) > max_bytes:
        raise IngestError(
            f"line is over the {max_bytes / 1e6:.1f} MB limit for one article", code="NL-INGEST-TOO-LARGE"
        )
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise IngestError(
            f"not JSON ({e.msg} at column {e.colno}); fix or remove the line", code="NL-INGEST-JSONL"
        ) from None
    if not isinstance(rec, dict):
        raise IngestError("a line must be a JSON object with 'text' or 'html'", code="NL-INGEST-JSONL")
    name = str(rec["id"]) if rec.get("id") is not None else None
    given = dict(
        title=rec.get("title"),
        outlet=rec.get("outlet"),
        url=rec.get("url"),
        published=rec.get("published"),
        published_method="input",
    )
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return make_article(rec["text"], name, fmt="jsonl", source=source, line=n, encoding=encoding, **given)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        art = read_html(rec["html"].encode("utf-8"), name or "", source)
        return _override(art, name, n, given)
    raise IngestError("no 'text' or 'html' field with content", code="NL-INGEST-JSONL")


def _override(art: Article, name, line, given) -> Article:
    """Fields given in the JSONL record win over what the HTML says."""
    from dataclasses import replace

    pub = parse_given(given["published"]) if given["published"] is not None else None
    changes = {k: v for k, v in given.items() if k in ("title", "outlet", "url") and v}
    if pub:
        changes.update(
            published=pub[0], published_precision=pub[1], published_method="input", published_note=None
        )
    return replace(art, name=name or art.id, source_line=line, fmt="jsonl", **changes)


def sniff_format(data: bytes) -> str:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article")):
        return "html"
    return "txt"


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None, fmt: str | None = None
) -> Iterator[Item]:
    source = str(path)
    try:
        fmt = fmt or FORMATS.get(path.suffix.lower(), "txt")
        limit = max_bytes * 200 if fmt == "jsonl" else max_bytes  # jsonl: many articles
        if data is None:
            data = _read_bytes(path, limit)
        if fmt == "jsonl":
            yield from read_jsonl(data, source, max_bytes)
        elif fmt == "html":
            yield read_html(data, path.stem, source)
        else:
            yield read_text_file(path, data, path.stem)
    except IngestError as e:
        yield Problem(source, None, e.code, e.message)
    except OSError as e:
        yield Problem(source, None, "NL-INGEST-READ", f"cannot read it: {e.strerror or e}")


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    if not data.strip():
        yield Problem("<stdin>", None, "NL-INGEST-EMPTY", "nothing on standard input")
        return
    fmt = sniff_format(data)
    if fmt != "jsonl" and len(data) > max_bytes:
        yield Problem("<stdin>", None, "NL-INGEST-TOO-LARGE", "input is over --max-bytes")
        return
    yield from read_file(Path("<stdin>"), max_bytes, data=data, fmt=fmt)


def iter_files(paths) -> Iterator[Path | Problem]:
    """Files under the given paths, folders walked recursively in sorted order."""
    for p in paths:
        path = Path(p).expanduser()
        if str(p) == "-":
            yield path
        elif not path.exists():
            yield Problem(str(p), None, "NL-INGEST-NOT-FOUND", "no such file or folder; check the path")
        elif path.is_dir():
            for f in sorted(path.rglob("*")):
                if (
                    f.is_file()
                    and not f.name.startswith(".")
                    and (f.suffix.lower() in FORMATS or f.name.lower().endswith(ARCHIVES))
                ):
                    yield f
        else:
            yield path


def read_paths(paths, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    for f in iter_files(paths):
        if isinstance(f, Problem):
            yield f
        elif str(f) == "-":
            yield from read_stdin(max_bytes)
        elif f.name.lower().endswith(ARCHIVES):  # streamed record by record, no size limit
            from newsledger.ingest.warc import read_warc

            yield from read_warc(f)
        else:
            yield from read_file(f, max_bytes)


def count_items(paths) -> int | None:
    """How many items ``read_paths`` will yield, for a progress bar's total and ETA:
    one per file, one per non-blank line of a JSONL file (streamed: a large file costs a
    read, not its size in memory). None when it cannot be told
    ahead (standard input, web archives)."""
    total = 0
    for f in iter_files(paths):
        if isinstance(f, Problem):
            total += 1
        elif str(f) == "-" or f.name.lower().endswith(ARCHIVES):
            return None
        elif FORMATS.get(f.suffix.lower()) == "jsonl":
            total += _jsonl_lines(f)
        else:
            total += 1
    return total


def _jsonl_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return 1  # read_file reports it as one problem
