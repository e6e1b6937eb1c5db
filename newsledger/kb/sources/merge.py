"""One actor per real-world actor across the imported sources.

Entries are merged by Wikidata QID, else by folded name within a kind
(persons also by country, or by holding the same office from about the same
date; parties by country; places by type and country). Kinds never merge: a
person, a group and a place with one name stay three actors. The first source
given wins the name and the dates of an office term; spellings are merged.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from newsledger.kb.names import fold
from newsledger.kb.sources.common import Entry, rules

PLACES = {"country", "province", "city"}


def kind(typ: str) -> str:
    return "person" if typ == "person" else "place" if typ in PLACES else "group"


def _key(e: Entry, name: str) -> tuple:
    k = kind(e.type)
    if k == "place":
        return (e.type, fold(name), e.attrs.get("country"))
    if e.type == "party":
        return ("party", fold(name), e.attrs.get("country"))
    return (k, fold(name))


def merge(entries: list[Entry]) -> tuple[list[Entry], dict[str, str]]:
    """Merged entries (first-seen order) and old id -> kept id."""
    kept: list[Entry] = []
    by_key: dict[tuple, Entry] = {}
    by_qid: dict[str, Entry] = {}
    by_office: dict[tuple, list[Entry]] = {}
    remap: dict[str, str] = {}
    for e in entries:
        target = (
            by_qid.get(e.attrs.get("qid") or "")
            or next((by_key[_key(e, n)] for n in [e.name] + e.aliases if _key(e, n) in by_key), None)
            or _same_office(e, by_office)
        )
        if target is None:
            target = e
            kept.append(e)
        else:
            _absorb(target, e)
            if e.id != target.id:
                remap[e.id] = target.id
        for n in [target.name] + target.aliases:
            by_key.setdefault(_key(target, n), target)
        if target.attrs.get("qid"):
            by_qid.setdefault(target.attrs["qid"], target)
        for r in target.roles:
            if r.get("from"):
                office = (r["role"], r["of"], r["from"][:4])
                if target not in by_office.setdefault(office, []):
                    by_office[office].append(target)
    for e in kept:
        _remap(e, remap)
    close_terms(kept)
    return kept, remap


def _same_office(e: Entry, by_office: dict) -> Entry | None:
    """A person already known to hold one of e's offices from the same year, with a
    name that is a spelling of e's ("Haydar al-Abadi" / "Haider al-Abadi")."""
    if e.type != "person":
        return None
    for r in e.roles:
        for other in by_office.get((r["role"], r["of"], (r.get("from") or "")[:4]), ()):
            if any(_alike(a, b) for a in [e.name] + e.aliases for b in [other.name] + other.aliases):
                return other
    return None


def _alike(a: str, b: str) -> bool:
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb:
        return False
    return fa[-1] == fb[-1] or fuzz.token_set_ratio(" ".join(fa), " ".join(fb)) >= 85


def _absorb(target: Entry, e: Entry) -> None:
    target.add_alias(e.name)
    for a in e.aliases:
        target.add_alias(a)
    for r in e.roles:
        same = next((t for t in target.roles if _same_term(t, r)), None)
        if same is None:
            target.roles.append(dict(r))
        else:
            # The earlier source keeps its dates; a missing or less precise one is filled in.
            for k in ("from", "to"):
                if r.get(k) and (not same.get(k) or len(same[k]) < len(r[k]) and r[k].startswith(same[k])):
                    same[k] = r[k]
    for k, v in e.attrs.items():
        target.attrs.setdefault(k, v)
    if e.source not in target.source.split(","):
        target.source += "," + e.source


def _same_term(a: dict, b: dict) -> bool:
    if a.get("role") != b.get("role") or a.get("of") != b.get("of"):
        return False
    fa, fb = a.get("from") or "", b.get("from") or ""
    n = min(len(fa), len(fb))
    return fa[:n] == fb[:n] or abs(_days(fa) - _days(fb)) <= 60


def _days(d: str) -> int:
    y, m, dd = (d.split("-") + ["1", "1"])[:3] if d else ("0", "1", "1")
    return int(y) * 365 + int(m) * 30 + int(dd)


def _remap(e: Entry, remap: dict[str, str]) -> None:
    for r in e.roles:
        r["of"] = remap.get(r["of"], r["of"])
    for k in ("country", "located_in", "government", "gov", "capital_of"):
        if e.attrs.get(k):
            e.attrs[k] = remap.get(e.attrs[k], e.attrs[k])
    for a in e.attrs.get("affiliations") or []:
        a["of"] = remap.get(a["of"], a["of"])


def close_terms(entries: list[Entry]) -> None:
    """An open term ends where the next holder of the same office starts (sources stop
    at different dates: Wikidata in 2022 still has a 2018 president in office)."""
    concurrent = set(rules()["concurrent_roles"])
    offices: dict[tuple, list[tuple[str, dict, str]]] = {}
    for e in entries:
        for r in e.roles:
            if r.get("from") and r.get("role") not in concurrent:
                offices.setdefault((r["role"], r["of"]), []).append((r["from"], r, e.id))
    for terms in offices.values():
        terms.sort(key=lambda t: t[0])
        for i, (start, r, pid) in enumerate(terms):
            if r.get("to"):
                continue
            nxt = next(
                (
                    s
                    for s, _, p in terms[i + 1 :]
                    if p != pid and s[:4] >= start[:4] and s[: len(start)] > start[: len(s)]
                ),
                None,
            )
            if nxt:
                r["to"] = nxt
