"""A large ledger, fast, without the NLP: for measuring queries and passes at scale.

usage: python bench/synth.py OUT.db [--docs 100000] [--quotes 10] [--events 10] [--actors 20000]
       [--seed 1] [--days 3650]

Documents and records are drawn to look like an ingested news ledger: actor frequencies follow
a Zipf law (a few actors in most reports, a long tail), dates spread over 2015-2025 with more
recent reports, twenty outlets of unequal size, one report in twenty a syndicated copy of an
earlier one, quotes and events spread over each text with offsets that index it
(``text == article[start:end]`` holds for every record). The cross-report tables are left
empty and nothing is pending, so reads see the records and no pass starts; ``newsledger
analyze --full`` builds them. ``append(store, k)`` adds k new articles (pending analysis).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsledger.store import Store  # noqa: E402

TYPES = (
    "AGREE ACCUSE ASSAULT CONSULT COOPERATE DEMAND MOBILIZE PROTEST REJECT REQUEST "
    "SANCTION SUPPORT THREATEN AID COERCE"
).split()
WORDS = (
    "government minister forces talks border ceasefire election parliament attack "
    "sanctions agreement protest statement council troops deal vote aid strike court "
    "militia police army report crisis plan meeting security region city"
).split()
GIVEN = "Ana Carlos John Maria Ahmed Li Fatima Omar Elena Ivan Sara David Noor Hadi Yusuf".split()
FAMILY = (
    "Ruiz Moedas Smith Lopez Hassan Wei Khan Haddad Petrov Cohen Amiri Saadi Novak "
    "Rossi Silva Tanaka Okafor Mensah Dubois Kowalski"
).split()
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(20)]


def zipf_picker(rnd: random.Random, n: int, s: float = 1.1):
    """Draw 0..n-1 with P(k) ~ 1/(k+1)^s (a few very frequent, a long tail)."""
    import bisect
    import itertools

    cum = list(itertools.accumulate(1 / (k + 1) ** s for k in range(n)))
    total = cum[-1]
    return lambda: min(n - 1, bisect.bisect_left(cum, rnd.random() * total))


def actors(n: int, rnd: random.Random) -> list[tuple]:
    out = []
    for i in range(n):
        if i % 3 == 2:
            name, typ = f"{rnd.choice(WORDS).title()} {rnd.choice(WORDS).title()} Group {i}", "ORG"
        else:
            name, typ = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}-{i}", "PERSON"
        out.append((f"syn:{i}", name, typ, json.dumps([name.split()[-1]])))
    return out


def sentence(rnd: random.Random, who: str) -> tuple[str, str]:
    quote = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14)))
    return f'{who} said "{quote}".', quote


def document(i: int, rnd, ents, pick, nq: int, ne: int, day0: date, when: str | None = None, days=3650):
    """(document row, quote rows, event rows, mention rows) for one synthetic article."""
    parts, quotes, events, mentions, pos = [], [], [], [], 0
    when = when or (day0 + timedelta(days=int(days * rnd.random() ** 0.7))).isoformat()
    for k in range(max(nq, ne)):
        sp = ents[pick()]
        text, quote = sentence(rnd, sp[1])
        start = pos + text.index(quote)
        mentions.append((pos, pos + len(sp[1]), sp[1], sp[2] == "PERSON" and "PERSON" or "ORG", sp[0], sp[1]))
        if k < nq:
            quotes.append(
                (
                    start,
                    start + len(quote),
                    quote,
                    "direct",
                    "said",
                    sp[0],
                    sp[1],
                    when,
                    json.dumps({"co_speakers": [], "co_speaker_names": []}),
                )
            )
        if k < ne:
            tg = ents[pick()]
            events.append(
                (
                    pos,
                    pos + len(text),
                    text,
                    rnd.choice(TYPES),
                    sp[0],
                    sp[1],
                    tg[0],
                    tg[1],
                    when,
                    "asserted",
                    round(0.5 + rnd.random() / 2, 2),
                )
            )
        parts.append(text)
        pos += len(text) + 1
    body = " ".join(parts)
    doc_id = hashlib.sha256(f"{i}:{body}".encode()).hexdigest()[:16]
    doc = (
        doc_id,
        f"syn-{i}",
        body,
        f"Report {i}",
        rnd.choice(OUTLETS),
        when,
        "day",
        "input",
        len(body),
        "2026-01-01T00:00:00+00:00",
        "synthetic",
    )
    return doc, quotes, events, mentions


def _insert(db, doc, quotes, events, mentions) -> None:
    db.execute(
        "INSERT INTO documents (id, name, text, title, outlet, published, "
        "published_precision, published_method, chars, ingested_at, pipeline_version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        doc,
    )
    db.executemany(
        'INSERT INTO quotes (doc_id, start, "end", text, kind, cue, speaker_id, '
        "speaker_name, date, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc[0], *q) for q in quotes],
    )
    db.executemany(
        'INSERT INTO events (doc_id, start, "end", text, type, source_id, '
        "source_name, target_id, target_name, date, mode, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc[0], *e) for e in events],
    )
    db.executemany(
        'INSERT INTO mentions (doc_id, start, "end", text, label, entity_id, '
        "entity_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc[0], *m) for m in mentions],
    )


def build(out: str, docs: int, nq: int, ne: int, n_actors: int, seed: int, days: int = 3650) -> dict:
    rnd = random.Random(seed)
    store = Store(out)
    db = store.db
    ents = actors(n_actors, rnd)
    pick = zipf_picker(rnd, n_actors)
    db.execute("BEGIN")
    db.executemany("INSERT OR IGNORE INTO entities (id, name, type, aliases) VALUES (?, ?, ?, ?)", ents)
    day0, t0 = date(2015, 1, 1), time.perf_counter()
    for i in range(docs):
        _insert(db, *document(i, rnd, ents, pick, nq, ne, day0, days=days))
        if i % 5000 == 4999:
            db.execute("COMMIT")
            db.execute("BEGIN")
            print(f"  {i + 1} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    # nothing pending: reads see the records and no pass starts (``analyze --full`` builds them)
    db.execute("DELETE FROM analysis_pending")
    db.execute("UPDATE analysis_state SET written = ?, analyzed = ?", (docs, docs))
    db.execute("COMMIT")
    counts = {
        t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("documents", "quotes", "events", "mentions", "entities")
    }
    store.close()
    return {
        **counts,
        "seconds": round(time.perf_counter() - t0, 1),
        "mb": round(Path(out).stat().st_size / 1e6, 1),
    }


def append(store, k: int, *, nq: int = 10, ne: int = 10, seed: int = 2, when: str | None = None) -> list[str]:
    """Add ``k`` new synthetic articles (the ledger's own actors, dated ``when``, default the
    latest date in the ledger: today's news); they are pending analysis. Returns their ids."""
    rnd = random.Random(seed)
    db = store.db
    ents = [tuple(r) for r in db.execute("SELECT id, name, type, aliases FROM entities ORDER BY rowid")]
    pick = zipf_picker(rnd, len(ents))
    when = when or db.execute("SELECT max(published) FROM documents").fetchone()[0]
    start = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] + 10_000_000 * seed
    ids = []
    with store.transaction():
        for i in range(start, start + k):
            doc, quotes, events, mentions = document(i, rnd, ents, pick, nq, ne, date(2015, 1, 1), when)
            _insert(db, doc, quotes, events, mentions)
            ids.append(doc[0])
    return ids


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--quotes", type=int, default=10, help="per document")
    ap.add_argument("--events", type=int, default=10, help="per document")
    ap.add_argument("--actors", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", type=int, default=3650, help="dates spread over this many days from 2015")
    args = ap.parse_args(argv)
    if Path(args.out).exists():
        ap.error(f"{args.out} exists; give a new path")
    print(json.dumps(build(args.out, args.docs, args.quotes, args.events, args.actors, args.seed, args.days)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
