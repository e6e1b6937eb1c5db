"""The pattern data: every code maps to a PLOVER type; the code tables."""

from __future__ import annotations

import pytest

from newsledger.errors import NewsledgerError
from newsledger.extract.events import lexicon as L


def test_codes_map_through_cameo2plover():
    c = L.coding("0872")
    assert (c.type, c.quad_class, c.goldstein, c.mode, c.root) == ("RETREAT", 2, 5.0, "withdraw", "08")
    assert L.coding("080").type == "CONCEDE"
    assert L.coding("163").type == "COERCE"  # sanctions are COERCE in the 2021 table
    assert L.coding("160").type == "SANCTION"
    assert L.coding("186").mode == "assassinate"
    assert L.coding("010") is None  # statements have no PLOVER type
    assert L.coding("057", "AGREE").type == "AGREE"  # a pattern may override the type


def test_legacy_type_names():
    assert L.plover_type("DEMAND") == "REQUEST"
    assert L.plover_type("fight") == "ASSAULT"
    assert L.plover_type("AGREE") == "AGREE"


def test_every_pattern_codes_a_plover_type():
    lex = L.lexicon()
    for lemma, pats in lex.verbs.items():
        for p in pats:
            c = L.coding(p.cameo, p.type)
            assert c is not None and c.type in L.PLOVER_TYPES, (lemma, p.cameo)
    for word, np in lex.nouns.items():
        assert L.coding(np.cameo, np.type).type in L.PLOVER_TYPES, word
        for code in np.modifiers.values():
            assert L.coding(code) is not None, word


def test_generated_fallback_and_stop_list():
    lex = L.lexicon()
    assert lex.fallback["kill"] == "190"
    assert "say" in lex.fallback and L.coding(lex.fallback["say"]) is None
    assert "give" in lex.stop


def test_intent_refusal_and_request_tables():
    assert L.intent_code("AID") == "033" and L.intent_code("ASSAULT") == "138"
    assert L.refusal_code("RETREAT") == "124" and L.refusal_code("ASSAULT") is None
    assert L.request_code("RETREAT") == "105" and L.request_code(None) == "100"


def test_unquoted_yaml_preposition_is_an_error():
    with pytest.raises(NewsledgerError) as e:
        L._pattern({"cameo": "100", "prep": True})  # YAML reads a bare `on` as true
    assert e.value.code == "NL-EVENTS-DATA"


def test_verb_forms_survive_lemmatizer_misses(nlp):
    from newsledger.extract.events.coder import verb_forms

    doc = nlp("Activists staged rallies and worried officials.")
    assert "stage" in verb_forms(doc[1])
    assert "worry" in verb_forms(doc[4])
