"""Parsing stays near-linear in length: punctuation runs defused, long texts in pieces,
a time budget per article whose overrun is stored and said, never a hang."""

from __future__ import annotations

import time

import pytest

from newsledger.ingest.readers import make_article
from newsledger.nlp.bounded import PARSE_TIMEOUT, chunks, defuse, parse, parse_one
from newsledger.nlp.pipeline import load
from tests.conftest import TEST_MODEL

SIZE = 20_000
PARA = (
    "The harbour master of Port Vell said on Monday that the northern quay would reopen "
    "within a week, officials told reporters. "
) * 5 + "\n\n"
NORMAL = (PARA * (SIZE // len(PARA) + 1))[:SIZE]
PATHOLOGICAL = {
    "quotes": '"' * SIZE,
    "curly": ("\u201c\u201d" * SIZE)[:SIZE],
    "parens": "(" * SIZE,
    "apostrophes": "'" * SIZE,
    "mixed": ("\"\u201c('\u2018" * SIZE)[:SIZE],
    "quoted words": ('"""""""""""""""""""""a' * SIZE)[:SIZE],
}


@pytest.fixture(scope="module")
def nlp():
    return load(TEST_MODEL)


def test_defuse_keeps_length_offsets_and_ordinary_punctuation():
    text = 'He said: "Go!" -- then (' + '"' * 40 + "x) and ...?!"
    out = defuse(text)
    assert len(out) == len(text)
    # the run is "(" and 40 quote marks: its first and last 4 characters are kept
    assert out == text[:23] + '("""' + " " * 33 + '""""' + "x) and ...?!"
    assert defuse(NORMAL) is NORMAL


def test_chunks_join_back_and_cut_at_paragraphs():
    parts = chunks(NORMAL, 2000)
    assert "".join(parts) == NORMAL and max(map(len, parts)) <= 2000
    assert all(p.endswith("\n\n") for p in parts[:-1])
    hard = chunks("x" * 5000, 2000)
    assert [len(p) for p in hard] == [2000, 2000, 1000]


def test_a_long_text_parsed_in_pieces_is_one_doc_with_the_same_text(nlp):
    doc = next(parse(nlp, [(NORMAL, "ctx")], chunk_chars=2000))
    assert doc[1] == "ctx" and doc[0].text == NORMAL
    whole = nlp(NORMAL)
    assert [s.start_char for s in doc[0].sents] == [s.start_char for s in whole.sents]
    assert [(e.start_char, e.label_) for e in doc[0].ents] == [(e.start_char, e.label_) for e in whole.ents]


def _best(fn, n=3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


@pytest.mark.parametrize("kind", sorted(PATHOLOGICAL))
def test_pathological_text_tokenizes_no_slower_than_normal_text(nlp, kind):
    """Relative bound: spaCy's own tokenizer took 35 s on 20,000 quote marks; a normal
    article of the same length takes milliseconds."""
    normal = _best(lambda: nlp.tokenizer(defuse(NORMAL)))
    bad = _best(lambda: nlp.tokenizer(defuse(PATHOLOGICAL[kind])))
    assert bad <= 5 * normal + 0.05, (kind, bad, normal)


def test_pathological_article_parses_no_slower_than_a_normal_one(nlp):
    normal = _best(lambda: parse_one(nlp, NORMAL), 2)
    for kind in ("quotes", "mixed"):
        bad = _best(lambda k=kind: parse_one(nlp, PATHOLOGICAL[k]), 2)
        assert bad <= 3 * normal + 0.5, (kind, bad, normal)


def test_parsing_past_the_budget_stops_and_flags_the_doc(nlp):
    doc = parse_one(nlp, NORMAL * 3, budget=1e-9)
    assert doc.text == NORMAL * 3 and doc.user_data[PARSE_TIMEOUT]


def test_an_article_over_its_budget_is_stored_with_a_coded_problem(tmp_path, monkeypatch):
    from newsledger.ledger import Ledger
    from newsledger.nlp import process

    monkeypatch.setenv(process.BUDGET_ENV, "1e-9")
    monkeypatch.setattr(process, "_first_done", True)  # not the process's first article
    led = Ledger(str(tmp_path / "l.db"), model=TEST_MODEL)
    art = make_article(
        "Omar Nasser said on Monday that the quay would reopen.", "slow", fmt="txt", source="slow.txt"
    )
    rep = led.ingest_items([art])
    assert rep.stored == 1 and not rep.problems
    assert [p.code for p in rep.partial] == ["NL-EXTRACT-TIMEOUT"]
    assert "'entities'" in rep.partial[0].message
    row = led.store.query("SELECT * FROM documents")[0]  # attrs merged into the row
    assert row["problems"][0]["stage"] == "entities"
    assert led.stats()["mentions"] == 0
