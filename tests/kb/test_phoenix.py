from newsledger.kb import phoenix

SAMPLE = """\
# comment
IRAQ_
+IRAK_
\t[IRQ]
REPUBLIC_OF_IRAQ_ [IRQ]

NURI_AL_MALIKI_  # CountryInfo.txt
+NOURI_AL_MALIKI
+PM_MALIKI
\t[IRQELI 680101-000101]
\t[IRQGOV 20060520-20140908]
\t[IRQGOV >20140908]
"""

NONSTATE = """\
ISLAMIC_ARMY_OF_ADEN_(IAA)_ [YEMREB] #  kkl 21 Mar 13
+JAYSH_ADAN_
"""


def test_parse_code_dates():
    assert phoenix.parse_code("IRQGOV 20060520-20140908") == {
        "code": "IRQGOV",
        "from": "2006-05-20",
        "to": "2014-09-08",
    }
    assert phoenix.parse_code("IRQELI 680101-000101") == {
        "code": "IRQELI",
        "from": "1968-01-01",
        "to": "2000-01-01",
    }
    assert phoenix.parse_code("IRQGOV >20140908") == {"code": "IRQGOV", "from": "2014-09-08"}
    assert phoenix.parse_code("IRQ") == {"code": "IRQ"}


def test_convert_countries_by_code_and_persons_with_roles(tmp_path):
    (tmp_path / "c.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "n.txt").write_text(NONSTATE, encoding="utf-8")
    recs = phoenix.convert(
        phoenix.parse(tmp_path / "c.txt", "countries") + phoenix.parse(tmp_path / "n.txt", "nonstate")
    )
    by_id = {r["id"]: r for r in recs}
    iraq = by_id["phx_irq"]
    assert iraq["type"] == "country" and iraq["name"] == "Iraq"
    assert "IRAK" in iraq["aliases"] and "Republic of Iraq" in iraq["aliases"]
    maliki = by_id["phx_nuri_maliki"]
    assert maliki["type"] == "person" and maliki["name"] == "Nuri al-Maliki"
    assert maliki["aliases"] == ["NOURI AL MALIKI", "PM MALIKI"]
    assert {"code": "IRQGOV", "from": "2006-05-20", "to": "2014-09-08"} in maliki["roles"]
    aden = by_id["phx_islamic_army_of_aden"]
    assert aden["type"] == "armed_group" and "JAYSH ADAN" in aden["aliases"]


def test_build_writes_gzip_jsonl(tmp_path):
    for f in phoenix.FILES:
        (tmp_path / f).write_text(SAMPLE if "Countries" in f else "", encoding="utf-8")
    out = tmp_path / "out.jsonl.gz"
    assert phoenix.build(tmp_path, out) == 2
    assert out.stat().st_size > 0


CONTAINED = """\
UNITED_STATES_OF_AMERICA_  [USA]
+AMERICA
+U.S.A._
+IRAK_
+TEXAS_
+ROCKY_MOUNTAINS_
+MISSISSIPPI_RIVER_
+US_ADMINISTRATION_
BARACK_OBAMA
+PRESIDENT_OBAMA_
+OBAMA_ADMINISTRATION
\t[USAGOV >090120]
"""

AGENTS = """\
ADMINISTRATION [~GOV]
REGIME [~GOV]
PRESIDENT [~GOV]
FARM_WORKER [~AGR]
"""


def test_contained_places_and_agent_words_are_not_aliases(tmp_path):
    (tmp_path / "c.txt").write_text(CONTAINED, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AGENTS, encoding="utf-8")
    agents = phoenix.agent_words(tmp_path / "a.txt")
    # Single-word agents only; "president" is an honorific a name may carry.
    assert agents == {"administration", "regime"}
    by_id = {r["id"]: r for r in phoenix.convert(phoenix.parse(tmp_path / "c.txt", "countries"), agents)}
    # A state, a mountain range, a river, another country's name and an agent are not the US.
    assert by_id["phx_usa"]["aliases"] == ["AMERICA", "U.S.A."]
    assert by_id["phx_barack_obama"]["aliases"] == ["PRESIDENT OBAMA"]
