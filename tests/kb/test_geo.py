from newsledger.kb import base
from newsledger.kb.geo import geocode


def test_kb_place_has_coordinates_country_and_province():
    kb = base.load((), phoenix=False)
    g = geocode("Ain al-Assad", kb.get("ain_al_asad_airbase"), kb)
    assert g["source"] == "kb" and g["country"] == "Iraq" and g["province"] == "Anbar"
    assert round(g["lat"], 1) == 33.8


def test_geonames_city_offline():
    g = geocode("Tikrit")
    assert g["source"] == "geonames" and g["country"] == "Iraq"
    assert 34 < g["lat"] < 35 and 43 < g["lon"] < 44


def test_unknown_place_is_none():
    assert geocode("Qwxzville Nowhere") is None


def test_imported_subdivision_is_in_its_country_and_city_has_coordinates():
    kb = base.load((), phoenix=False, sources=True)
    texas = kb.lookup("Texas", "GPE")
    assert geocode("Texas", texas, kb) == {
        "lat": None,
        "lon": None,
        "country": "United States",
        "province": "Texas",
        "source": "kb",
    }
    mumbai = kb.lookup("Mumbai", "GPE")
    g = geocode("Mumbai", mumbai, kb)
    assert (g["source"], g["country"]) == ("kb", "India") and 18 < g["lat"] < 20


def test_geonames_index_kept_on_disk_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    from newsledger.kb import geo

    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    geo._geonames.cache_clear()
    try:
        built = geo._geonames()
        (kept,) = tmp_path.glob("geonames-*.pickle")
        geo._geonames.cache_clear()
        assert geo._geonames() == built  # read back
        kept.write_bytes(b"not a pickle")
        geo._geonames.cache_clear()
        assert geo._geonames() == built  # rebuilt and stored again
        assert kept.read_bytes() != b"not a pickle"
        g = geocode("Tikrit")
        assert (g["country"], g["source"]) == ("Iraq", "geonames")
    finally:
        geo._geonames.cache_clear()
