"""Cross-document actor coreference on MEANTIME (120 English Wikinews articles).

    python bench/meantime_entities.py [--model sm|md] [--all] [--min actor.conll_f1=0.6] [--json]

MEANTIME links each entity mention (ENTITY_MENTION) to a corpus-wide instance
(an ENTITY with an ``instance_id``, by a REFERS_TO relation). This converts
the persons, organisations and places among them (PER, ORG, LOC) into the
gold format of ``../shared/eval/coref.py`` (the instance id is the cluster),
ingests the rebuilt texts (as ``bench/meantime.py`` builds them) into a
temporary ledger and scores its eval export. By default only named mentions
(syntactic type NAM) are gold, as in ECB+; ``--all`` keeps nominal and
pronoun mentions too.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "meantime" / "intra_cross-doc_annotation"
KINDS = {"PER", "ORG", "LOC"}


def read_doc(path: Path, named_only: bool = True) -> tuple[dict, dict]:
    """(input line, gold line) of one MEANTIME file."""
    from meantime import _detokenize

    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    text, spans = _detokenize(tokens)
    mentions = {m.get("m_id"): m for m in root.iter("ENTITY_MENTION")}
    instances = {
        e.get("m_id"): e for e in root.iter("ENTITY") if e.get("instance_id") and e.get("ent_type") in KINDS
    }
    gold, seen = [], set()
    for rel in root.iter("REFERS_TO"):
        src, tgt = rel.find("source").get("m_id"), rel.find("target").get("m_id")
        m, inst = mentions.get(src), instances.get(tgt)
        if m is None or inst is None or src in seen:
            continue
        if named_only and m.get("syntactic_type") != "NAM":
            continue
        ids = [a.get("t_id") for a in m.iter("token_anchor")]
        if not ids:
            continue
        seen.add(src)
        start, end = spans[ids[0]][0], spans[ids[-1]][1]
        gold.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "kind": "actor",
                "tag": inst.get("ent_type"),
                "cluster": inst.get("instance_id"),
            }
        )
    name = path.stem
    return {"id": name, "text": text}, {
        "doc_id": name,
        "mentions": sorted(gold, key=lambda g: (g["start"], g["end"])),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument("--all", action="store_true", help="nominal and pronoun mentions too")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", help="keep the gold and the eval export in OUT.gold.jsonl, OUT.jsonl")
    a = ap.parse_args(argv)
    from ecbplus import export_eval

    docs = [read_doc(p, not a.all) for p in sorted(CORPUS.glob("*/*.xml"))]
    text = export_eval([json.dumps(d, ensure_ascii=False) for d, _ in docs], a.model)
    with tempfile.TemporaryDirectory() as tmp:
        system, gold = Path(tmp) / "eval.jsonl", Path(tmp) / "gold.jsonl"
        system.write_text(text, encoding="utf-8")
        gold.write_text("".join(json.dumps(g) + "\n" for _, g in docs), encoding="utf-8")
        if a.out:
            Path(a.out + ".jsonl").write_text(text, encoding="utf-8")
            Path(a.out + ".gold.jsonl").write_text(gold.read_text("utf-8"), encoding="utf-8")
        cmd = [
            sys.executable,
            str(SHARED / "eval" / "coref.py"),
            "--gold",
            str(gold),
            "--system",
            str(system),
        ]
        cmd += [f"--min={m}" for m in a.min] + (["--json"] if a.json else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        # Events are ECB+'s business; MEANTIME is scored here for its actors.
        print("\n".join(x for x in out.stdout.splitlines() if not x.startswith("event.")))
        return out.returncode


if __name__ == "__main__":
    sys.exit(main())
