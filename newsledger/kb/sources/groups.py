"""Armed groups and parties: OFAC's SDN list (US public domain) and Party Facts (MIT).

OFAC entities in the listed programs whose names say they are a group
(brigade, army, front, hizballah ...) become armed groups with their a.k.a.
spellings. Of OFAC's individuals only those tied to such a group are kept
("Leader of the Houthis", "Linked To: ..."): a list of ten thousand
sanctioned surnames would only attract matches with namesakes in the news.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import unquote

from newsledger.kb.names import fold, slug
from newsledger.kb.sources.common import Entry, country_id, rules

_AKA = re.compile(r"^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.*)'\.?$")
_LINKED = re.compile(r"Linked To:\s*([^.;]+?)\s*(?:\.|;|$)")
_LEADER = re.compile(
    r"\b(?:Leader|Head|Commander|Secretary[- ]General|Founder|Emir)\s+of\s+(?:the\s+)?"
    r"([A-Z][\w'’ -]+)"
)


def _title(name: str) -> str:
    """OFAC's upper-case names in display case, particles lower: "KATA'IB HIZBALLAH" ->
    "Kata'ib Hizballah", "ASA'IB AHL AL-HAQ" -> "Asa'ib Ahl al-Haq"."""
    if not name.isupper():
        return name
    upper = set(rules()["ofac"]["keep_upper"])
    words = []
    for i, w in enumerate(name.split()):
        parts = re.split(r"([-'’])", w.lower())
        w = "".join(
            p
            if p
            in (
                "al",
                "el",
                "ad",
                "ar",
                "as",
                "ash",
                "at",
                "az",
                "an",
                "bin",
                "ibn",
                "of",
                "the",
                "and",
                "in",
                "for",
                "fi",
                "wa",
                "wal",
            )
            and (i or j)
            else p.capitalize()
            if k % 2 == 0 and not (j and parts[j - 1] in "'’")
            else p
            for j, (k, p) in enumerate(zip(range(len(parts)), parts))
        )
        words.append("-".join(p.upper() if p.upper() in upper else p for p in w.split("-")))
    return " ".join(words)


def akas(remarks: str) -> list[str]:
    """The a.k.a. / f.k.a. / n.k.a. spellings of a Remarks field (quotes may hold apostrophes)."""
    return [m.group(1) for part in remarks.split("; ") if (m := _AKA.match(part.strip()))]


def _rows(path: Path):
    with path.open(encoding="ascii", errors="replace", newline="") as f:
        for r in csv.reader(f):
            if len(r) >= 12:
                yield [c.strip() if c.strip() != "-0-" else "" for c in r]


def _is_group(names: list[str], programs: set[str]) -> bool:
    R = rules()["ofac"]
    text = " " + " ".join(n.lower() for n in names) + " "
    if any(re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", text) for w in R["not_group_words"]):
        return False
    return "FTO" in programs or any(
        re.search(rf"(?<![\w']){re.escape(w)}(?![\w'])", text) for w in R["group_words"]
    )


def ofac(path: Path) -> list[Entry]:
    R = rules()["ofac"]
    keep = set(R["programs"])
    groups: dict[str, Entry] = {}
    rows = list(_rows(path))
    for r in rows:
        progs = {p.strip() for p in r[3].split("] [")}
        if r[2] or not progs & keep:
            continue
        spellings = akas(r[11])
        if not _is_group([r[1]] + spellings, progs):
            continue
        e = Entry(f"ofac_{r[0]}", _title(r[1]), "armed_group", "ofac-sdn", attrs={"programs": sorted(progs)})
        for a in spellings:
            e.add_alias(_title(a))
        groups[fold(r[1])] = e
    by_name: dict[str, Entry] = {}
    for e in groups.values():
        for n in [e.name] + e.aliases:
            by_name.setdefault(fold(n), e)
    return list(groups.values()) + _linked_people(rows, by_name)


def _linked_people(rows, by_name: dict[str, Entry]) -> list[Entry]:
    """Individuals whose remarks tie them to a kept group; a leader gets a ``leader`` role."""
    out = []
    for r in rows:
        if r[2] != "individual":
            continue
        text = f"{r[4]}; {r[11]}"
        lead = [by_name.get(fold(_strip_group(m))) for m in _LEADER.findall(text)]
        linked = [by_name.get(fold(_title(m))) for m in _LINKED.findall(r[11])]
        lead = list({g.id: g for g in lead if g})
        linked = [i for i in {g.id: g for g in linked if g} if i not in lead]
        if not lead and not linked:
            continue
        surname, _, given = r[1].partition(",")
        name = _person(given, surname)
        e = Entry(f"ofac_{r[0]}", name, "person", "ofac-sdn")
        for a in akas(r[11]):
            s, _, g = a.partition(",")
            e.add_alias(_person(g, s) if g else _title(a))
        e.roles += [{"role": "leader", "of": g} for g in lead]
        e.attrs["affiliations"] = [{"rel": "member_of", "of": g} for g in linked] or None
        out.append(e)
    return out


def _person(given: str, surname: str) -> str:
    """OFAC's "SURNAME, Given" as "Given Surname", an article inside a name lowercase."""
    surname = _title(surname.strip())
    if given.strip():
        surname = re.sub(r"^(Al|El|Ad|As|Ash|Ar|At|Az)-", lambda m: m.group(1).lower() + "-", surname)
    return f"{given.strip()} {surname}".strip()


def _strip_group(text: str) -> str:
    return re.split(r"\s*[;,(]", text.strip())[0].strip().rstrip(".")


def partyfacts(core: Path, wikidata: Path) -> list[Entry]:
    """Parties active since ``partyfacts_since``, with their English, short and original names."""
    since = rules()["partyfacts_since"]
    qids = {}
    with wikidata.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            qids[row["partyfacts_id"]] = row["wikidata_id"]
    out = []
    with core.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            last = row.get("year_last") or ""
            if row.get("technical") or (last and int(last) < since):
                continue
            wiki = (
                unquote((row.get("wikipedia") or "").rsplit("/wiki/", 1)[-1])
                if "/wiki/" in (row.get("wikipedia") or "")
                else ""
            )
            wiki = re.sub(r"\s*\(.*\)$", "", wiki.replace("_", " "))
            if not wiki:
                continue  # parties without a page are rarely in international news
            name = wiki
            iso3 = row["country"]
            e = Entry(
                f"pf_{row['partyfacts_id']}",
                name,
                "party",
                "partyfacts",
                attrs={"country": country_id(iso3), "qid": qids.get(row["partyfacts_id"]), "note": None},
            )
            for n in (row["name_english"], row["name"], *(row.get("name_other") or "").split(" / ")):
                if n and n.isascii() and ":" not in n:
                    e.add_alias(n)
            short = row.get("name_short") or ""
            if len(short) >= 3 and short.isupper() and short.isalpha():
                e.add_alias(short)
            if re.search(
                r"\b(?:militia|paramilitary|armed wing|brigades?)\b",
                f"{name} {row['name_english']} {row.get('description') or ''}",
                re.I,
            ):
                e.type = "armed_group"
            out.append(e)
    return out


__all__ = ["ofac", "partyfacts", "slug"]
