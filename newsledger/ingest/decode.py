"""Bytes to text, honestly: UTF-8 first, then a BOM, UTF-16/32 by their zero bytes, a
declared charset, and only then a detected one, and only when detection is sure.

Every text returned encodes back to exactly the bytes it came from (after a
BOM), so no byte is lost or replaced silently; anything else is an
NL-INGEST-ENCODING error that names the byte offset where UTF-8 failed.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsledger.errors import IngestError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A detected (not declared) legacy charset is used only below this mess ratio
# (charset-normalizer's "chaos": 0 is clean text) and on enough bytes to judge.
MAX_CHAOS = 0.1
MIN_DETECT_BYTES = 32
SNIFF = 4096


def bom(data: bytes) -> tuple[int, str | None]:
    """(length of the byte order mark, its encoding) or (0, None)."""
    for mark, enc in _BOMS:
        if data.startswith(mark):
            return len(mark), enc
    return 0, None


def sniff_wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised by where the zero bytes fall:
    text mostly in the first 256 code points puts a zero in every high byte."""
    head = data[:SNIFF]
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        n = len(head) // width
        if n < 2 or len(data) % width:
            continue
        units = [head[i * width : (i + 1) * width] for i in range(n)]
        if width == 4:
            le = sum(u[1:] == b"\0\0\0" or (u[2:] == b"\0\0" and u[0:2] != b"\0\0") for u in units)
            be = sum(u[:3] == b"\0\0\0" or (u[:2] == b"\0\0" and u[2:] != b"\0\0") for u in units)
        else:
            le = sum(u[1] == 0 and u[0] != 0 for u in units)
            be = sum(u[0] == 0 and u[1] != 0 for u in units)
        for count, name in ((le, names[0]), (be, names[1])):
            if count >= 0.6 * n and _decodes(data, name):
                return name
    return None


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
    except UnicodeDecodeError:
        return False
    return True


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the head of a file that is not
    UTF-16/32 (with or without a BOM)."""
    head = data[:8192]
    if bom(data)[1] or sniff_wide(data):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and ctrl / len(head) > 0.1


def declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding used). Raises IngestError (NL-INGEST-ENCODING) when no
    encoding fits for sure; the text always encodes back to the input's bytes."""
    skip, enc = bom(data)
    if enc:
        return _strict(data[skip:], enc, f"its byte order mark says {enc}"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        bad = e.start
    wide = sniff_wide(data)
    if wide:
        return data.decode(wide), wide
    if _mostly_utf8(data):
        raise IngestError(
            f"damaged UTF-8: an invalid byte 0x{data[bad]:02x} at byte offset {bad} "
            "in text that is otherwise UTF-8; repair or re-export it as UTF-8",
            code="NL-INGEST-ENCODING",
        )
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8") and _decodes(data, declared):
        return _strict(data, declared, "its <meta charset>"), declared
    return _detected(data, bad)


def _strict(data: bytes, enc: str, why: str) -> str:
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError) as e:
        at = getattr(e, "start", 0)
        raise IngestError(
            f"{why}, but it does not decode as {enc} (byte offset {at}); convert it to UTF-8",
            code="NL-INGEST-ENCODING",
        ) from None
    return text


def _mostly_utf8(data: bytes) -> bool:
    """More valid multi-byte UTF-8 characters than invalid bytes: a UTF-8 text with
    a few damaged bytes, which a legacy charset would turn into wrong letters."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    return good > 0 and good >= bad


def _detected(data: bytes, bad: int) -> tuple[str, str]:
    best = from_bytes(data).best() if len(data) >= MIN_DETECT_BYTES else None
    sure = (
        best is not None
        and best.encoding is not None
        and best.chaos <= MAX_CHAOS
        and best.encoding not in ("utf_8", "utf-8")
    )
    if sure:
        text = str(best)
        try:
            same = text.encode(best.encoding) == data
        except (UnicodeEncodeError, LookupError):
            same = False
        if same:
            return text, best.encoding
    raise IngestError(
        f"not UTF-8 (invalid byte 0x{data[bad]:02x} at byte offset {bad}) and no "
        "other encoding fits for sure; convert it to UTF-8 "
        "(e.g. iconv -f CP1256 -t UTF-8)",
        code="NL-INGEST-ENCODING",
    )
