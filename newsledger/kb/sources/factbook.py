"""CIA World Factbook (CC0 / US public domain): heads of state and government from
the yearly snapshots of Government > Executive branch (``executive_history.jsonl``),
and each country's Terrorism > Terrorist group(s).

"Prime Minister Mohammed Shia al-SUDANI (since 27 October 2022)" gives a role
with its start; the end is the start of the next holder of that office in the
country, else the first snapshot that no longer names the holder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsledger.kb.names import fold
from newsledger.kb.sources.common import (
    Entry,
    clean,
    country_id,
    display,
    government_id,
    has_caps,
    iso_date,
    of_country,
    person_id,
    rules,
)
from newsledger.kb.sources.places import iso3_by_gec, iso3_by_name

# A group name or acronym, not a note ("network in Tunisia", "– Algeria").
_NAMEISH = re.compile(
    r"^(?!.*\b(?:such as|designated)\b)"
    r"(?:[A-Z][A-Za-z0-9-]{1,9}|(?:al-|Al-|an-|as-)?[A-Z][\w'’-]+(?:\s+[\w'’-]+)*)$"
)
# Lower-case words inside a person's name.
_PARTICLES = {
    "al",
    "el",
    "bin",
    "bint",
    "ibn",
    "de",
    "da",
    "das",
    "dos",
    "do",
    "del",
    "della",
    "di",
    "du",
    "la",
    "le",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "y",
    "e",
    "ould",
    "ag",
    "wa",
    "abu",
}
_SINCE = re.compile(r"\(\s*since\s+(?P<date>[^);]*?\d{4})\s*[);]?")


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """The office title and the name in "[prose] Title Given SURNAME [rest]".

    The name starts at most three capitalised words before its first upper-case
    word; the title is the run of title words just before the name (prose before
    it, "Tebboune appointed ...", "People's Assembly", is dropped). Honorifics
    belong to neither."""
    R = rules()
    titles, hon = set(R["title_words"]), set(R["honorifics"])
    caps = next((i for i, w in enumerate(words) if has_caps(w) and w.lower() not in hon), None)
    if caps is None:
        return [], []
    i = caps
    while (
        i > 0
        and caps - i < 3
        and words[i - 1][:1].isupper()
        and words[i - 1].lower().strip(",") not in titles | hon
    ):
        i -= 1
    j = i
    while j > 0 and (words[j - 1].lower().strip(",") in titles or words[j - 1].lower() in hon):
        j -= 1
    title = [w for w in words[j:i] if w.lower() not in hon]
    name = [w for w in words[i:] if w.lower() not in hon and not w.startswith('"')]
    return title, name


def _one_name(name: str) -> bool:
    """A single person's name: not a list ("A, B and C"), no notes in brackets, no
    country name run into it ("Islamic Republic of Afghanistan Ashraf GHANI")."""
    if re.search(r"[(),;]", name) or any(
        w[:1].islower()
        and w.lower() not in _PARTICLES
        and not re.match(r"^(?:al|el|ad|as|ash|ar|at|az|an)-", w)
        for w in name.split()
    ):
        return False
    countries = iso3_by_name()
    return not any(fold(w) in countries for w in name.split())


def roles_of_title(title: list[str]) -> list[str]:
    """'Crown Prince and Prime Minister' -> ['crown prince', 'prime minister']; designates none."""
    R = rules()
    text = " ".join(w.lower().strip(",") for w in title)
    if "designate" in text:
        return []
    text = re.sub(r"\s+of\s+.*$", "", text)  # "King of the Netherlands"
    out = []
    for part in re.split(r"\s+and\s+|/", text):
        words = [w for w in part.split() if w not in R["drop_from_role"]]
        # "Deputy Prime Ministers X (since ...), Y (since ...)": one role each.
        words = [w[:-1] if w.endswith("s") and w[:-1] in R["title_words"] else w for w in words]
        role = " ".join(words)
        role = R["role_names"].get(role, role)
        if role:
            out.append(role)
    return out


def parse_executive(text: str) -> list[tuple[str, str, str | None]]:
    """(role, display name, ISO start) for every person in an Executive branch field."""
    text = clean(text)
    out, last, pos = [], [], 0
    for m in _SINCE.finditer(text):
        pre = re.split(r"[;]|\bnote\b", text[pos : m.start()])[-1]
        pos = m.end()
        pre = re.sub(r"^\W*(?:and\s+)?", "", pre.strip(" ,;")).strip()
        title, name = _split_title(pre.split())
        name = " ".join(name).strip(" ,;:")
        if not name or not has_caps(name) or not _one_name(name):
            continue
        roles = roles_of_title(title) if title else last
        if title:
            last = roles
        for role in roles:
            out.append((role, display(name), iso_date(m.group("date"))))
    return out


def executives(path: Path) -> list[Entry]:
    """Person entries with their dated roles, from ``executive_history.jsonl``."""
    gec = iso3_by_gec()
    # Dependencies list their sovereign's head of state (the US president for Guam):
    # those offices are the sovereign's, so only the sovereign's record is read.
    dependent = {
        p.stem
        for p in path.parent.glob("*/*.json")
        if "Dependency status" in json.loads(p.read_text("utf-8")).get("Government", {})
    }
    seen: dict[tuple, dict] = {}  # (iso3, role, fold(name)) -> first/last snapshot, start
    snapshots: dict[str, list[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        d = json.loads(line)
        iso3 = gec.get(d["code"])
        if iso3 is None or d["code"] in dependent:
            continue
        snapshots.setdefault(iso3, []).append(d["snapshot"])
        for fieldname in ("chief_of_state", "head_of_state", "head_of_government"):
            for role, name, start in parse_executive(d.get(fieldname) or ""):
                # One office term is one (office, start): the spelling may change
                # between snapshots ("Abdul Latif RASHID" / "Latif RASHID").
                k = (iso3, role, start or fold(name), fold(_bare(name)).split()[-1])
                rec = seen.setdefault(
                    k,
                    {
                        "name": name,
                        "start": start,
                        "first": d["snapshot"],
                        "last": d["snapshot"],
                        "names": [],
                    },
                )
                rec["last"] = max(rec["last"], d["snapshot"])
                rec["names"].append(name)
                rec["name"] = name  # the latest spelling
    return _entries(seen, snapshots)


def _entries(seen: dict, snapshots: dict) -> list[Entry]:
    people: dict[str, Entry] = {}
    by_name: dict[tuple, str] = {}
    for (iso3, role, *fk), rec in sorted(seen.items(), key=lambda kv: (kv[0], kv[1]["start"] or "")):
        end = _end(iso3, role, fk, rec, seen, sorted(snapshots[iso3]))
        # One person per country and (any) spelling of the name.
        folds = [(iso3, fold(_bare(n))) for n in rec["names"]]
        pid = (
            next((by_name[f] for f in folds if f in by_name), None)
            or person_id(_bare(rec["name"])) + f"_{iso3.lower()}"
        )
        e = people.setdefault(
            pid, Entry(pid, _bare(rec["name"]), "person", "factbook", attrs={"country": country_id(iso3)})
        )
        for n, f in zip(rec["names"], folds):
            by_name[f] = pid
            e.add_alias(_bare(n))
        of = country_id(iso3) if of_country(role) else government_id(iso3)
        e.roles.append({"role": role, "of": of, "from": rec["start"], "to": end})
    return list(people.values())


def _bare(name: str) -> str:
    """A name without its generational suffix ("Joseph R. Biden, Jr." -> "Joseph R. Biden")."""
    return re.sub(r",?\s+(?:Jr|Sr)\.?$", "", name)


def _end(iso3, role, fk, rec, seen, snaps) -> str | None:
    """Start of the next holder of the office, else the first snapshot without this holder."""
    if rec["last"] == snaps[-1]:
        return None
    later = [
        r["start"]
        for (c, ro, *f), r in seen.items()
        if c == iso3
        and ro == role
        and r is not rec
        and r["start"]
        and r["first"] > rec["last"]
        and (not rec["start"] or r["start"] > rec["start"])
    ]
    if later:
        return min(later)
    return next(s for s in snaps if s > rec["last"])


def terrorist_groups(root: Path) -> list[Entry]:
    """Armed groups listed under Terrorism > Terrorist group(s), one entry per group
    with the countries that list it; "Ansarallah (Houthis)" gives an alias."""
    gec = iso3_by_gec()
    # Country names and words left over from prose ("Front", "Kyrgyz") are not groups.
    not_names = set(iso3_by_name()) | {fold(w) for w in rules()["not_group_names"]}
    groups: dict[str, Entry] = {}
    for p in sorted(root.glob("*/*.json")):
        d = json.loads(p.read_text("utf-8"))
        text = (((d.get("Terrorism") or {}).get("Terrorist group(s)") or {}).get("text")) or ""
        iso3 = gec.get(p.stem)
        for item in _split_groups(clean(text)):
            names = [
                re.sub(r"^(?:aka|a\.k\.a\.)\s+", "", clean(n))
                for n in re.split(r"\s*[()]\s*", item)
                if clean(n)
            ]
            names = names[:1] + [n for n in names[1:] if _NAMEISH.match(n)]
            if not names or not _NAMEISH.match(names[0]) or fold(names[0]) in not_names:
                continue
            k = fold(names[0])
            e = groups.get(k)
            if e is None:
                e = groups[k] = Entry(
                    f"fb_{re.sub(r'[^a-z0-9]+', '_', k).strip('_')}",
                    names[0],
                    "armed_group",
                    "factbook",
                    attrs={"countries": []},
                )
            for n in names[1:]:
                e.add_alias(n)
            if iso3 and country_id(iso3) not in e.attrs["countries"]:
                e.attrs["countries"].append(country_id(iso3))
    return list(groups.values())


def _split_groups(text: str) -> list[str]:
    """Items separated by ';' or ',' outside parentheses."""
    out, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ";,/" and depth <= 0:
            out.append(cur.strip())
            cur, depth = "", 0
        else:
            cur += ch
    return [x for x in out + [cur.strip()] if x]
