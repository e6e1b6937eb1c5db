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
        "- {name: Saraya Awliya al-Dam, type: armed_group, aliases: [SAD]}\n", encoding="utf-8")
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
    assert "PM MALIKI" in maliki.imported           # a Phoenix +alias line
    assert kb.lookup("Nuri al-Maliki").id == "nouri_al_maliki"
    assert kb.get("phx_nuri_maliki") is None          # merged, not duplicated
    assert len(kb) > 20000
