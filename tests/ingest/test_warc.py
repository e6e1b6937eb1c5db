"""WARC: HTML responses become articles, with the capture date as a flagged fallback."""

from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.errors import Problem
from newsledger.ingest.readers import read_paths
from tests.ingest.web_fixtures import LOREM, article_html


def write_warc(path, records):
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, ctype, status, body, date in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": date},
            )
            w.write_record(rec)


def test_html_responses_become_articles_and_the_rest_is_skipped(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(
        crawl,
        [
            (
                "https://news.example/a",
                "text/html; charset=utf-8",
                "200 OK",
                article_html("Budget approved", LOREM, date="2024-03-05").encode(),
                "2024-03-09T10:00:00Z",
            ),
            ("https://news.example/logo.png", "image/png", "200 OK", b"\x89PNG", "2024-03-09T10:00:01Z"),
            (
                "https://news.example/gone",
                "text/html",
                "404 Not Found",
                b"<html>gone</html>",
                "2024-03-09T10:00:02Z",
            ),
            (
                "https://news.example/b",
                "text/html",
                "200 OK",
                article_html("Second report", LOREM.replace("Tuesday", "Monday")).encode(),
                "2024-03-09T10:00:03Z",
            ),
            (
                "https://news.example/stub",
                "text/html",
                "200 OK",
                article_html("Paywall", "Subscribe to continue reading.").encode(),
                "2024-03-09T10:00:04Z",
            ),
        ],
    )
    items = list(read_paths([str(tmp_path)]))
    arts = [i for i in items if not isinstance(i, Problem)]
    probs = [i for i in items if isinstance(i, Problem)]
    assert [(a.url, a.published, a.published_method) for a in arts] == [
        ("https://news.example/a", "2024-03-05", "html_meta"),
        ("https://news.example/b", "2024-03-09", "warc_capture"),
    ]
    assert [(p.path, p.line, p.code) for p in probs] == [(str(crawl), 5, "NL-FETCH-STUB")]
    assert "https://news.example/stub" in probs[0].message


def test_a_damaged_archive_is_one_problem(tmp_path):
    bad = tmp_path / "bad.warc"
    bad.write_bytes(b"this is not a warc file\n" * 10)
    items = list(read_paths([str(bad)]))
    assert len(items) == 1 and items[0].code == "NL-INGEST-WARC"
