"""The 2016-2026 actor importer (newsledger/kb/sources) and its shipped file."""

import json

from newsledger.kb import base
from newsledger.kb.sources import factbook, groups, merge, officeholders, places
from newsledger.kb.sources.common import Entry, display, iso_date

EXEC = [
    {
        "code": "zz",
        "name": "Nowhere",
        "snapshot": "2021-12-30",
        "chief_of_state": "President Ana GOMEZ (since 3 March 2019)",
        "head_of_government": "Prime Minister Karim al-FULANI (since 5 May 2020)",
    },
    {
        "code": "iz",
        "name": "Iraq",
        "snapshot": "2022-12-29",
        "chief_of_state": "President Abdul Latif RASHID (since 13 October 2022; vice presidents (vacant)",
        "head_of_government": "Prime Minister-Designate Karim al-FULANI (since 13 October 2022)",
    },
    {
        "code": "iz",
        "name": "Iraq",
        "snapshot": "2023-12-30",
        "chief_of_state": "President Latif RASHID (since 13 October 2022)",
        "head_of_government": "Prime Minister Karim al-FULANI (since 27 October 2022)",
    },
]


def test_factbook_text_gives_title_name_and_start():
    assert factbook.parse_executive(
        "Crown Prince and Prime Minister MUHAMMAD bin Salman (since 27 September 2022); "
        "Vice Presidents Ayad ALLAWI (since 9 September 2014), Nuri al-MALIKI (since 8 September 2014)"
    ) == [
        ("crown prince", "Muhammad bin Salman", "2022-09-27"),
        ("prime minister", "Muhammad bin Salman", "2022-09-27"),
        ("vice president", "Ayad Allawi", "2014-09-09"),
        ("vice president", "Nuri al-Maliki", "2014-09-08"),
    ]
    assert factbook.parse_executive("Prime Minister-Designate Ali HASSAN (since 1 May 2022)") == []


def test_factbook_snapshots_give_dated_roles(tmp_path):
    path = tmp_path / "executive_history.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in EXEC), encoding="utf-8")
    people = {e.name: e for e in factbook.executives(path)}
    assert set(people) == {"Latif Rashid", "Karim al-Fulani"}  # "zz" is no country
    # Two spellings of one term are one person; the office of a president is the country's.
    assert people["Latif Rashid"].aliases == ["Abdul Latif Rashid"]
    assert people["Latif Rashid"].roles == [
        {"role": "president", "of": "iso_irq", "from": "2022-10-13", "to": None}
    ]
    # A designate is not yet the prime minister; the premiership is the government's.
    assert people["Karim al-Fulani"].roles == [
        {"role": "prime minister", "of": "gov_irq", "from": "2022-10-27", "to": None}
    ]


def test_dates_and_display_names():
    assert iso_date("27 October 2022") == "2022-10-27"
    assert iso_date("October 2022") == "2022-10"
    assert iso_date("2022") == "2022"
    assert display("Mohammed Shia al-SUDANI") == "Mohammed Shia al-Sudani"
    assert display("King CHARLES III") == "King Charles III"


SDN = (
    '11462,"KATA\'IB HIZBALLAH",-0- ,"FTO] [SDGT] [IRAQ3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"www.example.com; a.k.a. 'KATA'IB HIZBALLAH FI AL-IRAQ'; a.k.a. 'ISLAMIC RESISTANCE IN IRAQ'.\"\r\n"
    '500,"ACME TRADING CO. LTD",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'ACME GROUP'.\"\r\n"
    '501,"AL-FULANI, Karim",individual,"SDGT","Leader of Kata\'ib Hizballah",-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,"DOB 1970."\r\n'
    '502,"DOE, John",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1971."\r\n'
)


def test_ofac_groups_with_akas_and_only_linked_people(tmp_path):
    path = tmp_path / "sdn.csv"
    path.write_text(SDN, encoding="ascii")
    got = {e.id: e for e in groups.ofac(path)}
    # The company is no armed group; the unlinked individual is left out.
    assert set(got) == {"ofac_11462", "ofac_501"}
    kh = got["ofac_11462"]
    assert (kh.name, kh.type) == ("Kata'ib Hizballah", "armed_group")
    assert kh.aliases == ["Kata'ib Hizballah fi al-Iraq", "Islamic Resistance in Iraq"]
    leader = got["ofac_501"]
    assert (leader.name, leader.type, leader.roles) == (
        "Karim al-Fulani",
        "person",
        [{"role": "leader", "of": "ofac_11462"}],
    )


def test_states_are_their_own_actors_located_in_their_country():
    texas = next(e for e in places.subdivisions() if e.attrs["iso"] == "US-TX")
    assert (texas.name, texas.type, texas.attrs["located_in"]) == ("Texas", "province", "iso_usa")
    usa = next(e for e in places.countries() if e.id == "iso_usa")
    assert "Texas" not in usa.aliases
    # A province and a city of one name do not merge, nor do a person and a group.
    kept, _ = merge.merge(
        [
            Entry("a", "Kirkuk", "province", "t", attrs={"country": "iso_irq"}),
            Entry("b", "Kirkuk", "city", "t", attrs={"country": "iso_irq"}),
            Entry("c", "Badr", "person", "t"),
            Entry("d", "Badr", "armed_group", "t"),
        ]
    )
    assert [e.id for e in kept] == ["a", "b", "c", "d"]


def test_merge_by_qid_and_office_keeps_first_dates_and_closes_open_terms():
    a = Entry(
        "wd_Q1",
        "Haider al-Abadi",
        "person",
        "wikidata",
        attrs={"qid": "Q1"},
        roles=[{"role": "prime minister", "of": "gov_irq", "from": "2014-09-08"}],
    )
    b = Entry(
        "p_x",
        "Haydar al-Abadi",
        "person",
        "factbook",
        roles=[{"role": "prime minister", "of": "gov_irq", "from": "2014-09-08", "to": "2018-10-25"}],
    )
    c = Entry(
        "p_y",
        "Adil Abdul-Mahdi",
        "person",
        "factbook",
        roles=[{"role": "prime minister", "of": "gov_irq", "from": "2018-10-25"}],
    )
    kept, remap = merge.merge([a, b, c])
    assert [e.id for e in kept] == ["wd_Q1", "p_y"] and remap == {"p_x": "wd_Q1"}
    assert kept[0].aliases == ["Haydar al-Abadi"]
    assert kept[0].roles == [
        {"role": "prime minister", "of": "gov_irq", "from": "2014-09-08", "to": "2018-10-25"}
    ]


def test_wikidata_position_labels_as_kb_roles():
    assert officeholders.role_of_position("Minister of Foreign Affairs") == "foreign minister"
    assert officeholders.role_of_position("Secretary of Defense") == "defense minister"
    assert officeholders.role_of_position("Prime Minister of Iraq") == "prime minister"
    assert officeholders.role_of_position("Minister of State for Europe") is None


def test_shipped_import_knows_recent_heads():
    kb = base.load((), phoenix=False, sources=True)
    pm = kb.holders("prime minister", "iraq_government", "2024-03-01")
    assert [(a.name, [r["from"] for r in a.roles if r.get("role") == "prime minister"]) for a in pm] == [
        ("Mohammed Shia al-Sudani", ["2022-10-27"])
    ]
    us = kb.holders("president", "united_states", "2025-06-01")
    assert [a.name for a in us] == ["Donald Trump"]
    imported = {a.id: a for a in base._source_actors()}
    trump = imported["wd_Q22686"]
    assert {"role": "president", "of": "iso_usa", "from": "2025-01-20", "to": "2029-01-20"} in trump.roles
    sudani = next(
        a
        for a in imported.values()
        if any(
            r.get("role") == "prime minister" and r.get("of") == "gov_irq" and r.get("from", "") >= "2022"
            for r in a.roles
        )
    )
    assert [r["from"] for r in sudani.roles if r.get("role") == "prime minister"] == ["2022-10-27"]


def test_shipped_import_keeps_places_and_groups_apart():
    kb = base.load((), phoenix=False, sources=True)
    texas = kb.lookup("Texas", "GPE")
    assert texas.type == "province" and texas.attrs["located_in"] == "united_states"
    kh = kb.lookup("Kata'ib Hizballah fi al-Iraq", "ORG")
    assert kh.id == "kataib_hezbollah"  # the curated actor, with the OFAC spelling
    assert kb.lookup("Islamic Resistance in Iraq", "ORG") is not None
