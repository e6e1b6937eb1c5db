"""The seed folder through ingest and the eval export; re-ingest changes nothing."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsledger import Ledger
from newsledger.export import export

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
TEST_MODEL = os.environ.get("NEWSLEDGER_TEST_MODEL", "sm")
LIST_KEYS = ("entities", "quotes", "timexes", "events", "claims", "contradictions")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "seeds.db"
    led = Ledger(path, model=TEST_MODEL)
    rep = led.ingest([str(SEEDS)])
    yield led, rep
    led.close()


def _eval(led) -> list[dict]:
    out = io.StringIO()
    export(led.store, "eval", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_seed_is_stored_once(seeded):
    led, rep = seeded
    names = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert rep.ok and rep.stored == len(names)
    assert sorted(r["doc_id"] for r in _eval(led)) == names


def test_eval_records_have_the_schema_shape_and_true_offsets(seeded):
    led, _ = seeded
    for rec in _eval(led):
        text = (SEEDS / f"{rec['doc_id']}.txt").read_text(encoding="utf-8")
        assert set(LIST_KEYS) <= rec.keys() and "published" in rec and "title" in rec
        for ent in rec["entities"]:
            assert {"id", "type", "name", "mentions"} <= ent.keys()
            for m in ent["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
        for key in ("quotes", "timexes", "events", "claims"):
            for item in rec[key]:
                assert text[item["start"] : item["end"]] == item["text"], (key, item)
        for q in rec["quotes"]:
            assert q["kind"] in ("direct", "indirect")
            assert {"speaker", "speaker_name", "cue", "medium", "date"} <= q.keys()


def test_reingest_changes_nothing(seeded):
    led, _ = seeded
    before = _eval(led)
    counts = led.stats()
    rep = led.ingest([str(SEEDS)])
    assert (rep.stored, rep.reprocessed, rep.unchanged) == (0, 0, len(before))
    assert led.stats() == counts
    assert _eval(led) == before


def test_reprocess_redoes_extractions_without_duplicates(seeded):
    led, _ = seeded
    counts = led.stats()
    rep = led.ingest([str(SEEDS)], reprocess=True)
    assert rep.reprocessed == counts["documents"] and rep.stored == 0
    assert led.stats() == counts
