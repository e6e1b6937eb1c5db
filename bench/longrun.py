"""A long real-text ingest: peak memory and rate, sampled as it goes.

    python bench/longrun.py [--n 20000] [--model sm] [--db /tmp/i3_long.db] [--every 500]
                            [--seed 1] [--out /tmp/i3_long.jsonl.samples]

Makes ``--n`` distinct articles from the real texts at hand (the five seeds, MEANTIME's
120 Wikinews articles, ECB+'s 770): article i is text ``i mod 895`` with its body lines
(all but the title) shuffled and its numbers changed (years moved by up to three, other
numbers redrawn with as many digits), a publication date drawn over 2015-2024 and one of
50 outlets, all from ``--seed`` (the same articles every run). They are written as JSONL
and ingested by ``python -m newsledger ingest`` in a child process (the product's path:
its progress lines every 30 s go to ``DB.log``); this process samples the child's resident
memory (VmRSS, and VmHWM, the peak so far) and the articles stored every second, and
writes a row every ``--every`` articles, then rows during the cross-report pass at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
_NUMBER = re.compile(r"\d+")


def sources() -> list[str]:
    from meantime import CORPUS, read_doc

    out = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    out += [read_doc(p).text for p in sorted(CORPUS.glob("*/*.xml"))]
    ecb = SHARED / "data" / "ecbplus" / "input.jsonl"
    out += [json.loads(line)["text"] for line in ecb.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def variant(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    body = lines[1:]
    rnd.shuffle(body)
    shift = rnd.randint(-3, 3)

    def number(m: re.Match) -> str:
        s = m.group(0)
        if len(s) == 4 and s[:2] in ("19", "20"):
            return str(int(s) + shift)
        return str(rnd.randint(10 ** (len(s) - 1) if len(s) > 1 else 0, 10 ** len(s) - 1))

    return _NUMBER.sub(number, "\n".join(lines[:1] + body))


def articles(n: int, seed: int):
    texts = sources()
    first = date(2015, 1, 1)
    for i in range(n):
        rnd = random.Random(seed * 1_000_003 + i)
        yield {
            "id": f"v{i:06d}",
            "text": variant(texts[i % len(texts)], rnd) + f"\n(variant {i})",
            "published": (first + timedelta(days=rnd.randrange(3650))).isoformat(),
            "outlet": f"Outlet {rnd.randrange(50)}",
        }


def _status(pid: int) -> dict[str, float]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return out


def _stored(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--model", default="sm")
    ap.add_argument("--db", default="/tmp/i3_long.db")
    ap.add_argument("--every", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="samples as JSON lines (default: DB.samples)")
    a = ap.parse_args(argv)
    if Path(a.db).exists():
        ap.error(f"{a.db} exists; give a new path")
    src = Path(a.db).with_suffix(".jsonl")
    with src.open("w", encoding="utf-8") as f:
        for art in articles(a.n, a.seed):
            f.write(json.dumps(art) + "\n")
    out = Path(a.out or a.db + ".samples")
    log = Path(a.db + ".log")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "newsledger", "--db", a.db, "ingest", str(src), "--model", a.model]
    t0 = time.monotonic()
    with log.open("w") as err, out.open("w") as samples:
        child = subprocess.Popen(cmd, stdout=err, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        mark, last = a.every, None
        while child.poll() is None:
            time.sleep(1)
            n, mem = _stored(a.db), _status(child.pid)
            if not mem:
                continue
            row = {
                "articles": n,
                "seconds": round(time.monotonic() - t0),
                "rss_mb": round(mem.get("VmRSS", 0)),
                "peak_mb": round(mem.get("VmHWM", 0)),
            }
            if n >= mark or (n >= a.n and (last is None or row["seconds"] - last >= 30)):
                row["phase"] = "ingest" if n < a.n or last is None else "cross-report pass"
                row["articles_per_s"] = round(n / max(1, row["seconds"]), 2)
                samples.write(json.dumps(row) + "\n")
                samples.flush()
                mark = (n // a.every + 1) * a.every
                if n >= a.n:
                    last = row["seconds"]
        samples.write(json.dumps({"exit": child.returncode, "seconds": round(time.monotonic() - t0)}) + "\n")
    print(out.read_text(), end="")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
