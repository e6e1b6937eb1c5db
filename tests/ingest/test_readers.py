"""Reading inputs: formats, titles, boilerplate spans, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import Problem
from newsledger.ingest.readers import content_id, read_paths
from newsledger.records import Article

STORY = (
    "Ministers meet in Basra over water\n"
    "Gulf Wire / The ministers met on Monday to discuss the river.\n"
    "pic.twitter.com/AbCdEf123\n"
    "The talks will continue, an official said.\n"
    "Comments are closed.\n"
)


def _items(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_txt_title_outlet_and_boilerplate(tmp_path):
    f = tmp_path / "a1.txt"
    f.write_text(STORY, encoding="utf-8")
    [art] = _items(f)
    assert isinstance(art, Article)
    assert art.name == "a1" and art.text == STORY
    assert art.title == "Ministers meet in Basra over water" and art.title_start == 0
    assert art.outlet == "Gulf Wire"
    assert [(s.text, s.reason) for s in art.excluded] == [
        ("pic.twitter.com/AbCdEf123", "tweet_embed"),
        ("Comments are closed.", "comments"),
    ]
    for s in art.excluded:
        assert art.text[s.start : s.end] == s.text


def test_sentence_first_line_is_not_a_title(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("The minister said on Monday that talks will go on.\n\nMore text.\n")
    [art] = _items(f)
    assert art.title is None


def test_title_site_suffix_is_dropped(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("Rains flood the old city – Levant Daily – English\n\nBody text here.\n")
    [art] = _items(f)
    assert art.title == "Rains flood the old city"
    assert art.outlet == "Levant Daily"


def test_same_text_has_same_id_whatever_the_whitespace():
    assert content_id("A  b\n c") == content_id("A b c")
    assert content_id("A b c") != content_id("A b d")


def test_crlf_is_read_as_newline(tmp_path):
    f = tmp_path / "d.txt"
    f.write_bytes(b"Headline here\r\n\r\nBody says hello.\r\n")
    [art] = _items(f)
    assert art.text == "Headline here\n\nBody says hello.\n"


def test_jsonl_good_and_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "x1",
                        "text": "First story body.",
                        "published": "2021-04-24T10:00:00Z",
                        "outlet": "Wire",
                        "title": "First",
                    }
                ),
                "{not json",
                json.dumps({"id": "x3"}),
                json.dumps({"id": "x4", "text": "Fourth story.", "published": "yesterday"}),
            ]
        )
        + "\n"
    )
    items = _items(f)
    arts = [i for i in items if isinstance(i, Article)]
    probs = [i for i in items if isinstance(i, Problem)]
    assert [a.name for a in arts] == ["x1", "x4"]
    assert arts[0].published == "2021-04-24" and arts[0].published_method == "input"
    assert arts[0].published_precision == "day" and arts[0].outlet == "Wire"
    assert arts[1].published is None and "not a date" in arts[1].published_note
    assert [(p.line, p.code) for p in probs] == [(2, "NL-INGEST-JSONL"), (3, "NL-INGEST-JSONL")]
    assert str(probs[0]).startswith(f"{f}:2: [NL-INGEST-JSONL]")


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    body = " ".join(["The council met to discuss the new water plan for the region."] * 6)
    f.write_text(
        f"""<html><head><title>Council meets</title>
        <meta property="og:site_name" content="Valley Times">
        <meta property="article:published_time" content="2022-03-04"></head>
        <body><nav>Home | About</nav><article><h1>Council meets</h1><p>{body}</p></article>
        <footer>Copyright 2022</footer></body></html>""",
        encoding="utf-8",
    )
    [art] = _items(f)
    assert isinstance(art, Article), art
    assert "water plan" in art.text and "Home | About" not in art.text
    assert art.title == "Council meets" and art.outlet == "Valley Times"
    assert art.published == "2022-03-04" and art.published_method == "html_meta"


def test_bad_inputs_each_named_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A fine story about the harbour.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000)
    items = _items(tmp_path / "missing.txt", empty, binary, big, good, max_bytes=10_000)
    codes = {(i.path.split("/")[-1], i.code) for i in items if isinstance(i, Problem)}
    assert codes == {
        ("missing.txt", "NL-INGEST-NOT-FOUND"),
        ("empty.txt", "NL-INGEST-EMPTY"),
        ("blob.txt", "NL-INGEST-BINARY"),
        ("big.txt", "NL-INGEST-TOO-LARGE"),
    }
    assert [i.name for i in items if isinstance(i, Article)] == ["good"]
    big_problem = next(i for i in items if isinstance(i, Problem) and i.code.endswith("LARGE"))
    assert "--max-bytes" in big_problem.message


def test_non_utf8_is_decoded_and_says_how(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le ministre a déclaré que la réunion aura lieu à Genève.".encode("cp1252"))
    g = tmp_path / "wide.txt"
    g.write_bytes("Talks resumed in Erbil.".encode("utf-16"))
    a, b = _items(f, g)
    assert "déclaré" in a.text and a.encoding != "utf-8"
    assert b.text == "Talks resumed in Erbil." and b.encoding == "utf-16-le"


TEXT_CS = (
    "Vláda v pondělí oznámila, že jednání o přístavu budou pokračovat příští týden v Praze, řekl ministr."
)


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_unicode_without_bom_is_recognised_not_binary(tmp_path, enc):
    f = tmp_path / "wide.txt"
    f.write_bytes(TEXT_CS.encode(enc))
    (a,) = _items(f)
    assert a.text == TEXT_CS and a.encoding == enc


def test_damaged_utf8_is_an_error_at_its_byte_offset(tmp_path):
    data = TEXT_CS.encode()
    f = tmp_path / "bad.txt"
    f.write_bytes(data[:30] + b"\xff" + data[30:])
    (p,) = _items(f)
    assert isinstance(p, Problem) and p.code == "NL-INGEST-ENCODING" and "offset 30" in p.message


def test_a_legacy_charset_too_short_to_be_sure_of_is_an_error(tmp_path):
    f = tmp_path / "short.txt"
    f.write_bytes("Café à Genève".encode("latin-1"))
    (p,) = _items(f)
    assert isinstance(p, Problem) and p.code == "NL-INGEST-ENCODING" and "offset 3" in p.message


def test_the_encoding_is_stored_and_shown(tmp_path):
    from click.testing import CliRunner

    from newsledger.cli import cli

    f = tmp_path / "cs.txt"
    f.write_bytes(("Praha\n\n" + TEXT_CS * 3).encode("cp1250"))
    db = str(tmp_path / "l.db")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", "--model", "sm", str(f)]).exit_code == 0
    out = CliRunner().invoke(cli, ["--db", db, "show", "cs"]).output
    assert "encoding cp1250" in out


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second story body.\n")
    (tmp_path / "a.txt").write_text("First story body.\n")
    (tmp_path / "notes.md").write_text("not an article format\n")
    assert [i.name for i in _items(tmp_path)] == ["a", "b"]


def test_stdin_is_sniffed(monkeypatch):
    import io
    import sys

    data = json.dumps({"id": "s1", "text": "From a pipe."}).encode() + b"\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [art] = list(read_paths(["-"]))
    assert art.name == "s1" and art.fmt == "jsonl" and art.source == "<stdin>"


def test_count_items_counts_files_and_jsonl_lines(tmp_path):
    from newsledger.ingest.readers import count_items

    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "feed.jsonl").write_text('{"text": "x"}\n\n  \n{"text": "y"}\n{"text": "z"}')
    (tmp_path / "notes.bin").write_text("not an input format")
    assert count_items([tmp_path]) == 4
    assert count_items([tmp_path / "missing.txt", tmp_path / "a.txt"]) == 2  # the problem is an item too
    assert count_items(["-"]) is None
