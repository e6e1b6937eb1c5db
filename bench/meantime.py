"""TIMEX3 benchmark on MEANTIME (120 English Wikinews articles, NAF/CAT XML).

    python bench/meantime.py [--model sm|md] [--min value_f1=0.8] [--errors N]
    python bench/meantime.py --published [--model sm|md] [--errors N]

Each document's text is rebuilt from its tokens (title line, date line, body);
the time stage runs on it with the document creation time (the TIMEX3 whose
functionInDocument is CREATION_TIME) as anchor. Scored the TempEval-3 way:
extraction P/R/F1 with relaxed (overlap) matching, value accuracy on matched
expressions, value F1 = relaxed F1 x value accuracy. The creation-time
expression itself is left out on both sides, as TempEval-3 does, and gold
timexes without tokens (implicit ones) cannot be found in text and are skipped.
MEANTIME annotates only the first sentences of each article (title, date line
and four body sentences): system expressions past the last annotated sentence
are not scored.

With --published, the publication-date inference is scored instead: the date
line is blanked out, the time stage infers the date from the rest of the text
and it is compared with the creation time (exact day, within three days,
month or year given, none given).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "meantime" / "intra-doc_annotation"

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    ")",
    "]",
    "%",
    "'s",
    "'",
    "''",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "’s",
}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "“"}


@dataclass
class GoldDoc:
    name: str
    text: str
    dct: str
    dct_span: tuple[int, int] | None
    timexes: list[tuple[int, int, str, str]]  # start, end, type, value
    annotated_end: int  # end of the last annotated sentence


def _detokenize(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text and the character span of every token id; lines for title and date."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, prev_sent, prev_tok = 0, None, None
    for tid, sent, word in tokens:
        if prev_sent is not None and sent != prev_sent:
            sep = "\n" if int(sent) <= 2 else " "
        elif prev_tok is None or word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        spans[tid] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    return "".join(parts), spans


def _iso(value: str | None) -> str | None:
    """The DCT as ISO; one file writes it MM-DD-YYYY."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value or "")
    return f"{m.group(3)}-{m.group(1)}-{m.group(2)}" if m else value


def _annotated_end(root, tokens, spans) -> int:
    sent = {tid: int(s) for tid, s, _ in tokens}
    last = max((sent[a.get("t_id")] for a in root.iter("token_anchor")), default=0)
    return max(spans[tid][1] for tid, s, _ in tokens if int(s) <= last)


def read_doc(path: Path) -> GoldDoc:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), t.get("sentence"), t.text or "") for t in root.iter("token")]
    text, spans = _detokenize(tokens)
    dct, dct_span, timexes = None, None, []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.iter("token_anchor")]
        span = (spans[ids[0]][0], spans[ids[-1]][1]) if ids else None
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct, dct_span = _iso(tx.get("value")), span
        elif span:
            timexes.append((span[0], span[1], tx.get("type"), tx.get("value") or ""))
    return GoldDoc(path.stem, text, dct, dct_span, sorted(timexes), _annotated_end(root, tokens, spans))


def _pairs(gold, system) -> list[tuple[int, int]]:
    """One-to-one relaxed matching, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            inter = min(g[1], s[1]) - max(g[0], s[0])
            if inter > 0:
                cands.append((inter, i, j))
    used_g, used_s, out = set(), set(), []
    for _, i, j in sorted(cands, reverse=True):
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j))
    return out


def run(model: str, errors: int = 0) -> dict:
    from newsledger.extract.time import annotate
    from newsledger.nlp import load

    docs = [read_doc(p) for p in sorted(CORPUS.glob("*/*.xml"))]
    nlp = load(model)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    t_parse = time.perf_counter() - t0
    n_gold = n_sys = n_match = n_value = 0
    shown = 0
    t_time = 0.0
    for d, doc in zip(docs, parsed):
        t1 = time.perf_counter()
        found, _ = annotate(doc, d.name, d.dct)
        t_time += time.perf_counter() - t1
        if d.dct_span:
            found = [t for t in found if t.end <= d.dct_span[0] or t.start >= d.dct_span[1]]
        system = [(t.start, t.end, t.type, t.value or "") for t in found if t.start < d.annotated_end]
        pairs = _pairs(d.timexes, system)
        n_gold, n_sys, n_match = n_gold + len(d.timexes), n_sys + len(system), n_match + len(pairs)
        for i, j in pairs:
            ok = d.timexes[i][3].upper() == system[j][3].upper()
            n_value += ok
            if not ok and shown < errors:
                shown += 1
                g, s = d.timexes[i], system[j]
                print(
                    f"value  {d.name[:30]:30s} gold {d.text[g[0] : g[1]]!r}={g[3]} "
                    f"sys {d.text[s[0] : s[1]]!r}={s[3]} (dct {d.dct})"
                )
        if shown < errors:
            for kind, items, idx in (
                ("miss", d.timexes, {i for i, _ in pairs}),
                ("extra", system, {j for _, j in pairs}),
            ):
                for k, x in enumerate(items):
                    if k not in idx and shown < errors:
                        shown += 1
                        print(f"{kind:6s} {d.name[:30]:30s} {d.text[x[0] : x[1]]!r}={x[3]}")
    p = n_match / n_sys if n_sys else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = n_value / n_match if n_match else 0.0
    chars = sum(len(d.text) for d in docs)
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "p": p,
        "r": r,
        "f1": f1,
        "value_accuracy": acc,
        "value_f1": f1 * acc,
        "parse_s": t_parse,
        "time_s": t_time,
        "chars": chars,
    }


def run_published(model: str, errors: int = 0) -> dict:
    """The inferred publication date against the DCT, with the date line blanked."""
    from newsledger.extract.time import annotate
    from newsledger.nlp import load

    docs = [d for d in (read_doc(p) for p in sorted(CORPUS.glob("*/*.xml"))) if d.dct]
    texts = []
    for d in docs:
        a, b = d.dct_span or (0, 0)
        texts.append(d.text[:a] + " " * (b - a) + d.text[b:])
    nlp = load(model)
    n = {"day": 0, "near": 0, "coarse": 0, "none": 0, "wrong": 0}
    shown = 0
    for d, text, doc in zip(docs, texts, nlp.pipe(texts, batch_size=16)):
        _, inf = annotate(doc, d.name, None, text)
        got = inf.date if inf else None
        if got is None:
            kind = "none"
        elif len(got) < 10:
            kind = "coarse" if d.dct.startswith(got) else "wrong"
        elif got == d.dct:
            kind = "day"
        else:
            near = abs((date.fromisoformat(got) - date.fromisoformat(d.dct)).days) <= 3
            kind = "near" if near else "wrong"
        n[kind] += 1
        if kind in ("wrong", "near") and shown < errors:
            shown += 1
            print(f"{kind:6s} {d.name[:40]:40s} dct {d.dct} got {got} ({inf.method}; {inf.note})")
    total = len(docs)
    return {"docs": total, **{k: v / total for k, v in n.items()}, "within3": (n["day"] + n["near"]) / total}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="md")
    ap.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="exit 1 when a score (f1, value_f1, value_accuracy, p, r) is below",
    )
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    ap.add_argument(
        "--published",
        action="store_true",
        help="score the publication-date inference (date line blanked) instead",
    )
    a = ap.parse_args(argv)
    if a.published:
        s = run_published(a.model, a.errors)
        print(f"MEANTIME {s['docs']} docs, publication inferred without the date line ({a.model})")
        print("  ".join(f"{k} {s[k]:.3f}" for k in ("day", "near", "within3", "coarse", "none", "wrong")))
        return _check(s, a.min)
    s = run(a.model, a.errors)
    print(f"MEANTIME {s['docs']} docs, gold {s['gold']}, system {s['system']} ({a.model})")
    print(f"extraction (relaxed)  P {s['p']:.4f}  R {s['r']:.4f}  F1 {s['f1']:.4f}")
    print(f"value accuracy        {s['value_accuracy']:.4f}")
    print(f"value F1              {s['value_f1']:.4f}")
    print(
        f"throughput            parse {s['chars'] / s['parse_s']:,.0f} chars/s; time stage "
        f"{s['chars'] / s['time_s']:,.0f} chars/s ({s['time_s'] / s['parse_s']:.1%} of parse time)"
    )
    return _check(s, a.min)


def _check(s: dict, mins: list[str]) -> int:
    short = []
    for cond in mins:
        key, _, val = cond.partition("=")
        if key not in s:
            short.append(f"{key}: no such score")
        elif s[key] < float(val):
            short.append(f"{key}={s[key]:.4f} < {val}")
    if short:
        print("BELOW: " + "; ".join(short))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
