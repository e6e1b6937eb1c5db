"""Shared pieces of the actor importer: records, ids, dates, display names, rules."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from newsledger.kb.names import fold, slug

# English month names from the standard library (C locale): "january" -> 1.
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


@dataclass
class Entry:
    """One imported actor before it is written (``to_json``)."""

    id: str
    name: str
    type: str
    source: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)

    def add_alias(self, name: str | None) -> None:
        name = clean(name)
        if name and fold(name) != fold(self.name) and fold(name) not in {fold(a) for a in self.aliases}:
            self.aliases.append(name)

    def to_json(self) -> dict:
        out = {"id": self.id, "name": self.name, "type": self.type, "source": self.source}
        if self.aliases:
            out["aliases"] = self.aliases
        if self.roles:
            out["roles"] = [{k: v for k, v in r.items() if v} for r in self.roles]
        out.update({k: v for k, v in self.attrs.items() if v not in (None, "", [])})
        return out


@lru_cache(maxsize=1)
def rules() -> dict:
    text = resources.files("newsledger.kb").joinpath("data/sources.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    data["position_res"] = [(re.compile(p), r) for p, r in data["positions"]]
    return data


@lru_cache(maxsize=1)
def role_targets() -> dict:
    """Roles held of a country's government vs of the country (data/roles.yaml)."""
    text = resources.files("newsledger.kb").joinpath("data/roles.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {"government": set(data["of_government"]), "country": set(data["of_country"])}


def of_country(role: str) -> bool:
    """Heads of state hold their role of the country, everyone else of its government."""
    return role in role_targets()["country"] or role in (
        "vice president",
        "king",
        "queen",
        "emir",
        "sultan",
        "monarch",
    )


def country_id(iso3: str) -> str:
    return f"iso_{iso3.lower()}"


def government_id(iso3: str) -> str:
    return f"gov_{iso3.lower()}"


def person_id(name: str, qid: str | None = None) -> str:
    return f"wd_{qid}" if qid else f"p_{slug(name)}"


def clean(text: str | None) -> str:
    """Text without HTML tags, entities and extra spaces."""
    if not text:
        return ""
    text = re.sub(r"<[^>]+>", " ", text)
    text = (
        text.replace("&nbsp;", " ")
        .replace("&rsquo;", "’")
        .replace("&lsquo;", "‘")
        .replace("&amp;", "&")
        .replace("&quot;", '"')
    )
    return re.sub(r"\s+", " ", text).strip(" ,;")


def iso_date(text: str | None) -> str | None:
    """'27 October 2022' / 'October 2022' / '2022' / '2022-10-27' -> ISO (as precise as given)."""
    if not text:
        return None
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d\d){0,2}", text):
        return text
    m = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?\s+(\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        day = int(m.group(1) or 0)
        mon = _MONTHS[m.group(2).lower()]
        try:
            return date(int(m.group(3)), mon, day).isoformat() if day else f"{m.group(3)}-{mon:02d}"
        except ValueError:
            return None
    m = re.search(r"\b(\d{4})\b", text)
    return m.group(1) if m else None


def _case(word: str) -> str:
    """One upper-case surname word in display case: 'al-SUDANI' -> 'al-Sudani', 'III' stays."""
    if re.fullmatch(r"[IVX]+", word):
        return word
    parts = re.split(r"([-'’])", word)
    return "".join(p if not re.search(r"[A-Z]{2}", p) else p[0] + p[1:].lower() for p in parts)


def display(name: str) -> str:
    """A Factbook name ('Mohammed Shia al-SUDANI') in display case."""
    return " ".join(_case(w) for w in name.split())


def has_caps(name: str) -> bool:
    return bool(re.search(r"[A-Z]{2}", name))
