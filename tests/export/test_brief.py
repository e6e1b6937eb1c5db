"""Briefs: assembled from records only, every line footnoted to outlet, article and sentence."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from newsledger.errors import ExportError
from newsledger.export import brief as b
from newsledger.ledger import Ledger
from tests.api.api_fixtures import ledger_client


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    client, _ = ledger_client(tmp_path_factory, "brief")
    led = Ledger(client.app.state.db_path)
    yield led
    led.close()


def story_of(led, doc_name: str) -> str:
    return next(s["id"] for s in led.stories() if any(a["name"] == doc_name for a in s["articles"]))


def test_a_story_brief_cites_the_whole_sentence_of_each_record(led):
    md = b.to_markdown(b.build(led, story=story_of(led, "harbour-1")))
    assert "- 2024-03-03: ACCUSE Portugal → Spain (1 report)[^1]" in md
    assert "- Carlos Moedas: “the dock workers will return next week”[^2]" in md
    assert (
        "[^1]: Harbour Times, harbour-1, 2024-03-05: “Portugal accused Spain of blocking "
        "the shipments on Sunday.”"
    ) in md


def test_every_footnote_is_used_and_every_mark_has_its_note(led):
    for scope in ({"story": story_of(led, "valley-1")}, {"actor": "Ana Ruiz"}):
        md = b.to_markdown(b.build(led, **scope))
        marks = set(re.findall(r"\[\^(\d+)\](?!:)", md))
        notes = set(re.findall(r"^\[\^(\d+)\]:", md, re.M))
        assert marks == notes and notes


def test_an_actor_brief_holds_only_that_actors_statements(led):
    md = b.to_markdown(b.build(led, actor="Ana Ruiz"))
    statements = md.split("## Statements")[1].split("##")[0]
    assert statements.strip().splitlines() == ["- Ana Ruiz: “We blocked nothing”[^1]"]


def test_scope_errors_are_coded(led):
    for scope in ({}, {"story": "st_nope"}, {"actor": "Nobody Atall"}, {"story": "x", "actor": "y"}):
        with pytest.raises(ExportError) as e:
            b.build(led, **scope)
        assert e.value.code == "NL-BRIEF-SCOPE"


def test_html_escapes_what_the_articles_say():
    brief = b.Brief("<b>T</b>", "story x")
    n = brief.cite(
        {"outlet": "<i>O</i>", "doc_name": "d", "published": "2024"}, '<script>alert("x")</script>'
    )
    brief.sections.append(("Statements", [("<img src=x onerror=alert(1)>", [n])]))
    html = b.to_html(brief)
    body = html.split("</style>")[1]
    assert "<script>" not in body and "<img" not in body and "<i>O" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftoppm")),
    reason="needs Chromium and pdftoppm (apt-get install chromium poppler-utils)",
)
def test_the_pdf_renders_to_pages_with_its_footnotes(led, tmp_path):
    pdf = b.to_pdf(b.build(led, story=story_of(led, "harbour-1")), tmp_path / "brief.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 2000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Portugal accused Spain of blocking the shipments on Sunday." in text
    assert "Harbour Times, harbour-1, 2024-03-05" in text


def test_a_frequent_actors_brief_covers_its_latest_stretch_and_says_so(led, monkeypatch):
    whole = b.build(led, actor="Spain")
    assert whole.scope == "actor Spain"
    monkeypatch.setattr("newsledger.store.recent.MOST", 0)  # every actor is "frequent"
    latest = b.build(led, actor="Spain")
    # its latest record is the statement of valley-1 (2024-04-10): acts before it are left out
    assert latest.scope == "actor Spain, its latest stretch: from 2024-04-10 (an earlier start: --since)"
    sections = dict(latest.sections)
    assert sections["Key events"] == [] and len(dict(whole.sections)["Key events"]) == 2
    assert [line for line, _ in sections["Statements"]] == ["Spain: “the accusation on Tuesday”"]
    again = b.build(led, actor="Spain", since="2024-03-01")  # asked for: the whole of it again
    assert (
        again.scope == "actor Spain"
        and dict(again.sections)["Key events"] == dict(whole.sections)["Key events"]
    )
