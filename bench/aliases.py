"""Name-matching benchmark on the Phoenix dictionaries' own spellings.

    python bench/aliases.py [--share 0.2] [--min right=0.6] [--max wrong=0.02] [--json]

A share of the ``+alias`` lines of the imported Phoenix actors (chosen by a
hash, so every run holds out the same ones) is removed; the knowledge base is
built from the region file and the rest; each held-out spelling is then looked
up as the entities stage would (exact folded name, transliteration key,
first-name + surname match). It reports how often the spelling resolves to its
own actor (right), to another actor (wrong) or to none. "Variant" rows count
only spellings whose folded form differs from every name the actor kept, i.e.
the ones that need the transliteration folds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _held(actor_id: str, alias: str, share: float) -> bool:
    h = int(hashlib.sha1(f"{actor_id}|{alias}".encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF < share


def run(share: float) -> dict:
    from newsledger.kb import base
    from newsledger.kb.names import fold

    region = base.load((), phoenix=False)
    actors = [
        base.actor_from(
            {
                "id": a.id,
                "name": a.name,
                "type": a.type,
                "aliases": list(a.aliases),
                "roles": a.roles,
                "affiliations": a.affiliations,
                **a.attrs,
            },
            "region",
        )
        for a in region.actors.values()
    ]
    held: list[tuple[str, str]] = []
    phoenix = base._phoenix_actors()
    for a in phoenix:
        keep = []
        for al in a.aliases:
            (held.append((a.id, al)) if _held(a.id, al, share) else keep.append(al))
        a.aliases = keep
    t = time.perf_counter()
    kb = base.KB(actors)
    for a in phoenix:
        kb.add(a)
    build = time.perf_counter() - t
    # Phoenix actors merged into region ones answer to the region id.
    owner = {}
    for a in kb.actors.values():
        for n in a.names() + a.imported:
            owner.setdefault(("name", fold(n)), a.id)
    counts = {"all": [0, 0, 0], "variant": [0, 0, 0]}
    for aid, alias in held:
        target = kb.get(aid) or kb.get(owner.get(("name", fold(_name_of(phoenix, aid))), aid))
        if target is None:
            continue
        label = "PERSON" if target.type == "person" else None
        got = kb.lookup(alias, label) or (kb.person(alias) if label else None)
        slot = 2 if got is None else 0 if got.id == target.id else 1
        counts["all"][slot] += 1
        if fold(alias) not in {fold(n) for n in target.names() + target.imported}:
            counts["variant"][slot] += 1
    out = {"held_out": len(held), "kb_actors": len(kb), "kb_build_s": round(build, 2)}
    for k, (right, wrong, none) in counts.items():
        n = right + wrong + none
        out[k] = {
            "n": n,
            "right": round(right / n, 4) if n else 0.0,
            "wrong": round(wrong / n, 4) if n else 0.0,
            "none": round(none / n, 4) if n else 0.0,
        }
    return out


_NAMES: dict[str, str] = {}


def _name_of(phoenix, aid: str) -> str:
    if not _NAMES:
        _NAMES.update({a.id: a.name for a in phoenix})
    return _NAMES.get(aid, aid)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, default=0.2, help="share of alias lines held out")
    ap.add_argument("--min", action="append", default=[], help="right=0.6 (all spellings)")
    ap.add_argument("--max", action="append", default=[], help="wrong=0.02 (all spellings)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = run(a.share)
    if a.json:
        print(json.dumps(res))
    else:
        print(
            f"held-out spellings {res['held_out']}, KB actors {res['kb_actors']}, "
            f"KB built in {res['kb_build_s']} s"
        )
        for k in ("all", "variant"):
            r = res[k]
            print(f"{k:<8} n={r['n']:<6} right={r['right']:.4f} wrong={r['wrong']:.4f} none={r['none']:.4f}")
    failed = False
    for spec, cmp in [(m, "min") for m in a.min] + [(m, "max") for m in a.max]:
        name, _, value = spec.partition("=")
        got = res["all"][name]
        if (cmp == "min" and got < float(value)) or (cmp == "max" and got > float(value)):
            print(
                f"FLOOR: all.{name} = {got} is {'below' if cmp == 'min' else 'above'} {value}",
                file=sys.stderr,
            )
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
