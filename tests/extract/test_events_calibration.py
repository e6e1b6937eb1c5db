"""The event confidence model: how each side is written, and what the fitted weights do."""

from __future__ import annotations

import math

import pytest

from newsledger.extract.events import calibration as CAL
from newsledger.records import Event


def _ev(**kw) -> dict:
    base = dict(
        doc_id="d",
        start=10,
        end=40,
        text="x",
        type="ACCUSE",
        sent_start=0,
        sent_end=150,
        raw_confidence=0.6,
        trigger="charged",
    )
    base.update(kw)
    return vars(Event(**base))


@pytest.mark.parametrize(
    "name,text,id_,kind",
    [
        (None, None, None, "none"),
        ("Brian Nichols", "he", "brian_nichols", "pronoun"),
        ("Brian Nichols", "Nichols", "brian_nichols", "partial"),
        ("Williams", "Williams", "williams", "partial"),  # one word, no KB actor behind it
        ("Brian Nichols", "Brian Nichols", "brian_nichols", "name"),
        ("police", "police", None, "noun"),
        ("DUI", "DUI", "dui", "acronym"),
        ("Hamas", None, "hamas", "implied"),  # a quote's speaker: no words of its own here
    ],
)
def test_side_kind(name, text, id_, kind):
    e = _ev(source_name=name, source_text=text, source_id=id_)
    assert CAL.side_kind(e, "source") == kind


def test_kb_linked_one_word_name_is_a_name():
    # an actor of the knowledge base named by one word ("Iran") is no surname
    e = _ev(target_name="Iran", target_text="Iran", target_id="iran")
    assert CAL.kb_linked("iran")
    assert CAL.side_kind(e, "target", kb_linked=True) == "name"
    assert CAL.features(e)["target_kb"] == 1.0


def test_one_word_country_or_group_is_a_full_name():
    # "Russia" for the Government of Russia: a one-word name of a non-person is how news
    # names it; one word of a person's name is a surname that may name another person
    e = _ev(target_name="Government of Russia", target_text="Russia", target_id="russia_government")
    assert CAL.kb_kind("russia_government") == "group"
    assert CAL.side_kind(e, "target", kb_linked=True) == "partial"
    assert CAL.side_kind(e, "target", kb_linked=True, nonperson=True) == "name"
    assert CAL.features(e)["target_partial"] == 0.0
    person = _ev(source_name="Brian Nichols", source_text="Nichols", source_id="brian_nichols")
    assert CAL.side_kind(person, "source", kb_linked=True, nonperson=False) == "partial"


def test_an_unjudged_trigger_takes_its_type_record():
    tabs = {"type": {"ACCUSE": 0.5}, "trigger": {"charged": 0.25}}
    assert CAL.table_value(_ev(trigger="charged"), "trigger", tabs) == 0.25
    assert CAL.table_value(_ev(trigger="denounced"), "trigger", tabs) == 0.5
    assert CAL.table_value(_ev(type="ASSAULT", trigger="shelled"), "trigger", tabs) == 0.0


def test_features_of_a_record():
    e = _ev(source_name="Brian Nichols", source_text="he", source_id="brian_nichols", factuality="reported")
    f = CAL.features(e)
    assert f["raw"] == 0.6
    assert f["source_pronoun"] == 1.0 and f["source_partial"] == 0.0
    assert f["target_none"] == 1.0
    assert f["not_asserted"] == 1.0
    assert f["sentence_len"] == 1.0 and f["span_share"] == pytest.approx(0.2)


def test_probability_follows_the_weights(monkeypatch):
    w = {
        "bias": -1.0,
        "type_weight": 1.0,
        "trigger_weight": 2.0,
        "weights": {"source_pronoun": -1.5, "raw": 1.0},
        "type_logodds": {"ACCUSE": 0.5},
        "trigger_logodds": {"charged": 0.25},
    }
    monkeypatch.setattr(CAL, "weights", lambda: w)
    named = _ev(source_name="Brian Nichols", source_text="Brian Nichols", source_id="brian_nichols")
    pronoun = _ev(source_name="Brian Nichols", source_text="He", source_id="brian_nichols")
    z = -1.0 + 0.5 + 2.0 * 0.25 + 0.6
    assert CAL.probability(named) == pytest.approx(1 / (1 + math.exp(-z)))
    assert CAL.probability(pronoun) == pytest.approx(1 / (1 + math.exp(-(z - 1.5))))
    # an unseen trigger takes its type's log-odds; an unseen type counts as the overall rate
    other = _ev(type="ASSAULT", trigger="shelled", source_name="Brian Nichols", source_text="Brian Nichols")
    assert CAL.probability(other) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.6))))
    new_word = _ev(trigger="denounced", source_name="Brian Nichols", source_text="Brian Nichols")
    assert CAL.probability(new_word) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.5 + 2.0 * 0.5 + 0.6))))


def test_shipped_model_ranks_a_pronoun_below_a_full_name():
    named = _ev(
        source_name="Brian Nichols",
        source_text="Brian Nichols",
        source_id="brian_nichols",
        target_name="Rowland Barnes",
        target_text="Rowland Barnes",
        target_id="rowland_barnes",
    )
    partial = dict(named, source_text="Nichols")
    assert 0.0 < CAL.probability(partial) < CAL.probability(named) < 1.0


def test_shipped_model_lists_a_condemnation_between_countries():
    # "Germany condemned Russia." as the coder records it: both sides knowledge-base
    # actors named by one word, main verb, a short sentence
    from newsledger.store.events_query import DEFAULT_MIN_CONFIDENCE

    e = _ev(
        start=0,
        end=24,
        sent_end=25,
        raw_confidence=0.7,
        trigger="condemned",
        source_name="Germany",
        source_text="Germany",
        source_id="germany",
        target_name="Government of Russia",
        target_text="Russia",
        target_id="russia_government",
    )
    assert CAL.features(e)["target_partial"] == 0.0
    assert CAL.probability(e) >= DEFAULT_MIN_CONFIDENCE
