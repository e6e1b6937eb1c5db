"""``python -m newsledger.kb.sources build --src DIR [--out FILE]``: rebuild the actor file.
``python -m newsledger.kb.sources given-names [--src WHEEL] [--out FILE]``: rebuild the
given-name table (``given_names.py``)."""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

import yaml

from newsledger.kb.sources import factbook, given_names, groups, officeholders, places
from newsledger.kb.sources.common import Entry
from newsledger.kb.sources.merge import merge

OUT = Path(__file__).resolve().parents[1] / "data" / "actors2026.jsonl.gz"
CURATED = Path(__file__).resolve().parents[1] / "data" / "curated_sources.yaml"


def curated(path: Path = CURATED) -> list[Entry]:
    out = []
    for d in yaml.safe_load(path.read_text("utf-8")):
        if not d.get("url"):
            raise SystemExit(f"{path}: entry {d.get('id')} has no source url")
        attrs = {k: v for k, v in d.items() if k not in ("id", "name", "type", "aliases", "roles")}
        roles = [{k: str(v) for k, v in r.items()} for r in d.get("roles") or []]
        out.append(
            Entry(d["id"], d["name"], d["type"], "curated", list(d.get("aliases") or []), roles, attrs)
        )
    return out


def collect(src: Path) -> list[Entry]:
    """Every source's entries, the most trusted first (it keeps names and dates)."""
    ep = src / "everypolitician"
    return (
        curated()
        + officeholders.us_executive(src / "congress-legislators" / "executive.yaml")
        + officeholders.holders(ep)
        + officeholders.world_leaders(ep / "world-leaders-2021" / "data" / "wikidata.csv")
        + factbook.executives(src / "factbook" / "executive_history.jsonl")
        + factbook.terrorist_groups(src / "factbook")
        + groups.ofac(src / "ofac-sdn" / "sdn.csv")
        + groups.partyfacts(
            src / "partyfacts" / "import" / "elecglob" / "partyfacts-core-parties.csv",
            src / "partyfacts" / "import" / "wikipedia" / "wikidata.csv",
        )
        + places.countries()
        + places.subdivisions()
        + places.cities()
    )


def build(src: Path, out: Path = OUT) -> collections.Counter:
    entries, _ = merge(collect(src))
    counts: collections.Counter = collections.Counter()
    with gzip.GzipFile(out, "wb", mtime=0) as raw:  # mtime 0: the same input gives the same bytes
        for e in entries:
            raw.write(
                (json.dumps(e.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
            )
            counts[(e.source.split(",")[0], e.type)] += 1
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsledger.kb.sources", description=__doc__)
    ap.add_argument("command", choices=["build", "given-names"])
    ap.add_argument("--src", type=Path, help="build: the sources' directory; given-names: a wheel or json")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if args.command == "given-names":
        out = args.out or given_names.OUT
        print(f"{given_names.build(args.src, out)} given names -> {out}")
        return 0
    if args.src is None:
        ap.error("build needs --src DIR")
    args.out = args.out or OUT
    counts = build(args.src, args.out)
    for (source, typ), n in sorted(counts.items()):
        print(f"{source:24} {typ:14} {n}")
    print(f"{sum(counts.values())} actors -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
