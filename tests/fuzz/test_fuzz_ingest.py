"""Properties of reading and decoding: no exception escapes, offsets index the stored
text, and no byte is lost or changed silently."""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsledger.errors import IngestError, Problem
from newsledger.ingest.boilerplate import find_excluded, mask
from newsledger.ingest.decode import bom, decode
from newsledger.ingest.readers import content_id, read_file, read_jsonl, read_text_file
from newsledger.nlp.bounded import chunks, defuse
from newsledger.records import Article
from tests.fuzz.conftest import examples

# Text that looks like news now and then: words, quote marks, newlines, odd characters.
NEWSY = st.lists(
    st.sampled_from(
        list("ab Z1.,;:!?-\n\"'()“”‘’«»„—é中ى\u00a0\t\r")
        + ["Copyright ", "said ", "Monday ", "\n\n", "All rights reserved."]
    ),
    max_size=120,
).map("".join)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=200))


@given(st.binary(max_size=400))
@example(b"\xff\xfe\x00\x00a\x00\x00\x00")  # a UTF-32 LE BOM, not UTF-16
@example(b"caf\xe9")  # too short to be sure of a charset
@example("Příliš žluťoučký".encode()[:5] + b"\x80" + "kůň".encode())  # damaged UTF-8
def test_decoding_never_loses_bytes(data):
    try:
        text, enc = decode(data)
    except IngestError as e:
        assert e.code == "NL-INGEST-ENCODING"
        return
    skip, _ = bom(data)
    assert codecs.encode(text, enc) == data[skip:]


@given(ANY_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"]))
def test_unicode_text_decodes_back_to_itself(text, enc):
    data = text.encode(enc)
    if enc == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # a leading BOM character reads as a BOM
    try:
        got, _ = decode(data)
    except IngestError:
        # only BOM-less UTF-16 may be unrecognisable (no zero bytes to go by)
        assert enc in ("utf-16-le", "utf-16-be")
        return
    if enc in ("utf-16-le", "utf-16-be") and got != text:
        # BOM-less and without zero bytes: read as some other text, but losslessly
        return
    assert got == text


@given(st.binary(max_size=600))
@example(b'{"text": "a"}\n{"text": 1}\n[1]\n{bad')
@example(b'{"id": null, "text": " \\u2028 x"}')
def test_jsonl_reader_yields_articles_or_problems(data):
    for item in read_file(Path("fuzz.jsonl"), 10_000, data=data):
        assert isinstance(item, Article | Problem)
        if isinstance(item, Article):
            _offsets_hold(item)


@given(
    st.lists(
        st.fixed_dictionaries(
            {"text": ANY_TEXT},
            optional={
                "id": st.one_of(st.none(), st.text(max_size=10), st.integers()),
                "title": st.one_of(st.none(), st.text(max_size=20)),
                "published": st.one_of(st.none(), st.text(max_size=12), st.integers()),
            },
        ),
        max_size=4,
    )
)
def test_jsonl_objects_with_any_fields(records):
    import json

    data = "\n".join(json.dumps(r) for r in records).encode()
    for item in read_jsonl(data, "fuzz.jsonl", 10_000):
        if isinstance(item, Article):
            _offsets_hold(item)
        else:
            assert item.code.startswith("NL-INGEST")


@given(st.binary(max_size=300))
def test_any_bytes_as_a_text_file_give_an_article_or_a_problem(data):
    for item in read_file(Path("fuzz.txt"), 10_000, data=data):
        if isinstance(item, Article):
            _offsets_hold(item)
        else:
            assert item.code in ("NL-INGEST-ENCODING", "NL-INGEST-EMPTY"), item


@given(ANY_TEXT)
@example("Title\r\n\r\nCopyright 2024 Wire. All rights reserved.\rbody")
def test_text_files_keep_offsets(text):
    try:
        art = read_text_file(Path("f.txt"), text.encode("utf-8"), "f")
    except IngestError as e:
        assert e.code == "NL-INGEST-EMPTY" and not text.replace("\r", "\n").strip()
        return
    _offsets_hold(art)
    assert art.id == content_id(art.text)


@settings(max_examples=examples(60))
@given(
    st.one_of(
        NEWSY,
        st.builds(
            lambda t, b: f"<html><body><article><p>{t}</p><p>{b}</p></article></body></html>", NEWSY, NEWSY
        ),
    )
)
def test_html_reader_keeps_offsets(html):
    from newsledger.ingest.readers import read_html

    try:
        art = read_html(html.encode("utf-8"), "h", "h.html")
    except IngestError as e:
        assert e.code in ("NL-INGEST-EMPTY", "NL-INGEST-ENCODING")
        return
    _offsets_hold(art)


@given(ANY_TEXT)
def test_boilerplate_spans_index_the_text_and_mask_keeps_offsets(text):
    spans = find_excluded("d", text)
    for sp in spans:
        assert sp.text == text[sp.start : sp.end] and sp.text.strip() == sp.text
    masked = mask(text, spans)
    assert len(masked) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, masked))
    assert [i for i, c in enumerate(text) if c in "\n\r"] == [i for i, c in enumerate(masked) if c in "\n\r"]


@given(ANY_TEXT, st.integers(2, 50))
@example('"' * 40, 7)
def test_defuse_and_chunks_keep_every_offset(text, size):
    d = defuse(text)
    assert len(d) == len(text) and defuse(d) == d
    assert all(a == b or b == " " for a, b in zip(text, d))
    assert "".join(chunks(d, size)) == d and all(len(c) <= size for c in chunks(d, size))


def _offsets_hold(art: Article) -> None:
    assert art.text.strip()
    for sp in art.excluded:
        assert sp.text == art.text[sp.start : sp.end]
    if art.title_start is not None and art.title:
        assert art.text[art.title_start : art.title_start + len(art.title)] == art.title
