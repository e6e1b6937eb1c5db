import pytest

from newsledger.kb import base


@pytest.fixture(scope="module")
def region():
    return base.load((), phoenix=False)


def test_lookup_by_alias_and_variant_spelling(region):
    assert region.lookup("PMU").id == "popular_mobilization_forces"
    assert region.lookup("Hashd al-Sha’abi").id == "popular_mobilization_forces"
    assert region.lookup("Hadi al-Ameri", "PERSON").id == "hadi_al_amiri"
    assert region.lookup("Asaib Ahl al-Haq").id == "asaib_ahl_al_haq"


def test_one_word_name_is_only_trusted_for_its_kind(region):
    # "Soleimani" the person must not become "Sulaimani" the city.
    assert region.lookup("Soleimani", "PERSON") is None
    assert region.surname("Soleimani").id == "qassem_soleimani"
    assert region.lookup("Sulaimani", "GPE").id == "sulaymaniyah"


def test_role_holders_by_date(region):
    pm = lambda d: [a.id for a in region.holders("prime minister", "iraq_government", d)]
    assert pm("2021-06-01") == ["mustafa_al_kadhimi"]
    assert pm("2023-06-01") == ["mohammed_shia_al_sudani"]
    assert pm("2016") == ["haider_al_abadi"]
    assert len(pm(None)) > 3


def test_person_with_extra_middle_names(region):
    assert region.person("Muqtada al-Sayyid Muhammad al-Sadr").id == "muqtada_al_sadr"
    assert region.person("Ali al-Sadr") is None


def test_user_file_adds_and_extends(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- {id: hadi_al_amiri, name: Hadi al-Amiri, type: person, aliases: [Abu Hassan al-Amiri]}\n"
        "- {name: Saraya Awliya al-Dam, type: armed_group, aliases: [SAD]}\n",
        encoding="utf-8",
    )
    kb = base.load((str(f),), phoenix=False)
    assert kb.lookup("Abu Hassan al-Amiri").id == "hadi_al_amiri"
    assert kb.lookup("Hadi al-Amiri").id == "hadi_al_amiri"
    new = kb.lookup("Saraya Awliya al-Dam")
    assert new.id == "saraya_awliya_dam" and new.type == "armed_group"


def test_bad_user_file_says_what_to_do(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("- [unclosed\n", encoding="utf-8")
    with pytest.raises(base.KBError) as e:
        base.read_file(f)
    assert e.value.code == "NL-KB-PARSE"
    with pytest.raises(base.KBError) as e:
        base.read_file(tmp_path / "missing.yaml")
    assert e.value.code == "NL-KB-READ"


def test_phoenix_import_merges_into_region_actors():
    kb = base.load(None, True)
    maliki = kb.get("nouri_al_maliki")
    assert "PM MALIKI" in maliki.imported  # a Phoenix +alias line
    assert kb.lookup("Nuri al-Maliki").id == "nouri_al_maliki"
    assert kb.get("phx_nuri_maliki") is None  # merged, not duplicated
    assert len(kb) > 20000


def test_group_name_matches_without_or_with_another_generic_head(region):
    assert region.lookup("Asaib Ahl al-Haq Movement", "ORG").id == "asaib_ahl_al_haq"
    assert region.lookup("Al-Nujaba Movement", "ORG").id == "harakat_al_nujaba"
    # Listed as "Conquest Alliance": same name, another head.
    assert region.lookup("Conquest Coalition", "ORG").id == "fateh_alliance"
    assert region.lookup("Sadiqoun Group", "ORG").id == "sadiqoun_bloc"
    # Only groups: a place or a person with a head word after it is not them.
    assert region.lookup("Baghdad Alliance", "ORG") is None
    assert region.lookup("Hadi al-Amiri Movement", "ORG") is None
    assert region.lookup("Nujaba Brigade", "ORG") is None  # not a generic head


def _person(aid, name, roles=()):
    return base.Actor(id=aid, name=name, type="person", roles=list(roles))


def test_role_index_is_per_kb_and_follows_add():
    a = base.KB([_person("p1", "Omar Haddad", [{"role": "mayor", "of": "x"}])])
    b = base.KB([_person("p2", "Lina Nasser", [{"role": "mayor", "of": "x"}])])
    assert [p.id for p in a.holders("mayor", "x", None)] == ["p1"]
    assert [p.id for p in b.holders("mayor", "x", None)] == ["p2"]  # not a's index
    a.add(_person("p3", "Sami Khoury", [{"role": "mayor", "of": "x", "from": "2030-01-01"}]))
    assert [p.id for p in a.holders("mayor", "x", "2031-05-01")] == ["p1", "p3"]


def test_surname_slip_search_is_cached_and_follows_add():
    kb = base.KB([_person("p1", "Omar Jayasena")])
    assert kb.person("Omar Jayasene").id == "p1"
    assert kb._near_last == {"jiasini": ["jiasina"]}  # keyed by surname key
    assert kb.person("Omar Jayasene").id == "p1"  # from the cache
    kb.add(_person("p2", "Omar Jayasenu"))
    assert kb._near_last == {}  # dropped by add()
    assert kb.person("Omar Jayasene") is None  # two candidates now


def test_sites_of_a_country(region):
    assert [a.id for a in region.sites("united_states", "embassy")] == ["us_embassy_baghdad"]
    assert region.sites("france", "embassy") == []
    # The Baghdad embassy is not every US embassy: no bare alias names it.
    assert region.lookup("US embassy") is None
