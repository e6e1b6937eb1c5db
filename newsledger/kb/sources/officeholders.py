"""Office holders with dated terms: US presidents and vice presidents
(unitedstates/congress-legislators ``executive.yaml``, CC0) and the Wikidata
office holders of the every-politician scrapers (CC0): heads of state and
government and cabinet ministers of 19 countries (``html/holders21.csv``), and
the heads of every country (``world-leaders-2021``, years only).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import yaml

from newsledger.kb.names import fold
from newsledger.kb.sources.common import Entry, country_id, government_id, of_country, person_id, rules
from newsledger.kb.sources.places import iso3_by_name

_US_ROLES = {"prez": "president", "viceprez": "vice president"}


def us_executive(path: Path) -> list[Entry]:
    """Presidents and vice presidents of the United States with their terms."""
    out = []
    for p in yaml.load(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        n = p["name"]
        name = f"{n['first']} {n['last']}"
        qid = p["id"].get("wikidata")
        e = Entry(
            person_id(name, qid),
            name,
            "person",
            "congress-legislators",
            attrs={"country": country_id("USA"), "qid": qid},
        )
        if n.get("middle"):
            e.add_alias(f"{n['first']} {n['middle']} {n['last']}")
        if p["id"].get("wikipedia"):
            e.add_alias(p["id"]["wikipedia"])
        for t in p["terms"]:
            role = _US_ROLES.get(t["type"])
            if role and str(t.get("end") or "9999") >= "1945":
                e.roles.append(
                    {
                        "role": role,
                        "of": country_id("USA"),
                        "from": str(t["start"]),
                        "to": str(t.get("end") or "") or None,
                    }
                )
        if e.roles:
            out.append(e)
    return out


def role_of_position(label: str) -> str | None:
    """A Wikidata position label as a KB role name, or None for offices below cabinet rank."""
    low = label.lower().strip()
    for rx, role in rules()["position_res"]:
        if rx.search(low):
            return role
    if (
        re.match(r"^(?:minister|secretary) (?:of|for) ", low)
        and "state for" not in low
        and not low.startswith("secretary of state for")
        or low.startswith("secretary of state")
    ):
        return low
    return None


def _country_of(repo: Path) -> str | None:
    meta = repo / "meta.json"
    if not meta.exists():
        return None
    name = json.loads(meta.read_text("utf-8")).get("jurisdiction", {}).get("name", "")
    return iso3_by_name().get(fold(name))


def holders(root: Path, since: str = "2000") -> list[Entry]:
    """Cabinet-rank office holders of each every-politician repository, terms since ``since``."""
    people: dict[str, Entry] = {}
    for repo in sorted(p for p in root.iterdir() if (p / "html" / "holders21.csv").exists()):
        iso3 = _country_of(repo)
        if iso3 is None:
            continue
        with (repo / "html" / "holders21.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                role = role_of_position(row.get("position") or "")
                end = row.get("end") or None
                if role is None or (end and end < since) or not row.get("person"):
                    continue
                _add_term(people, iso3, role, row["person"], row.get("personID"), row.get("start"), end)
    return list(people.values())


def world_leaders(path: Path) -> list[Entry]:
    """Heads of state and government of every country (start and end years only)."""
    people: dict[str, Entry] = {}
    names = iso3_by_name()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso3 = names.get(fold(row["country"]))
            role = role_of_position(re.sub(r"\s+of\s+.*$", "", row["positionLabel"]))
            if iso3 and role and row.get("officeholderLabel"):
                _add_term(
                    people,
                    iso3,
                    role,
                    row["officeholderLabel"],
                    row.get("officeholder"),
                    row.get("start_year"),
                    row.get("end_year") or None,
                    "wikidata-world-leaders",
                )
    return list(people.values())


def _add_term(people, iso3, role, name, qid, start, end, source="wikidata") -> None:
    qid = qid if qid and qid.startswith("Q") else None
    pid = person_id(name, qid)
    e = people.setdefault(
        pid, Entry(pid, name, "person", source, attrs={"country": country_id(iso3), "qid": qid})
    )
    of = country_id(iso3) if of_country(role) else government_id(iso3)
    e.roles.append({"role": role, "of": of, "from": start or None, "to": end})
