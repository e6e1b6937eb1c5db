"""The quote cue lexicon: reporting verbs (TXT) and the rest of the cues (YAML)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsledger.datafile import load_yaml
from newsledger.extract.lexicon import word_list


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]  # lemmas that are cues on their own
    phrasal: dict[str, frozenset[str]]  # lemma -> particles it needs ("point" -> {"out"})
    object_verbs: frozenset[str]  # cue lemmas (or "lemma particle") taking content as object
    statement_nouns: dict[str, dict]
    source_nouns: frozenset[str]
    title_nouns: frozenset[str]
    group_nouns: frozenset[str]
    media_words: dict[str, str]
    media_phrases: dict[tuple[str, ...], str]
    media_after_on: dict[str, str]
    pronouns: dict[str, frozenset[str]]
    min_words: int
    reportive: frozenset[str]
    addressee_verbs: frozenset[str]
    org_nouns: frozenset[str]
    clause_only: frozenset[str] = frozenset()  # cues only with a that-clause or "as" judgement


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = resources.files("newsledger.extract").joinpath("data/quote_cues.yaml").read_text("utf-8")
    data = load_yaml(raw)
    verbs, phrasal = set(), {}
    for entry in word_list("reporting_verbs"):
        parts = entry.lower().split()
        if len(parts) == 1:
            verbs.add(parts[0])
        else:
            phrasal.setdefault(parts[0], set()).add(parts[1])
    media = data["media"]
    return Cues(
        verbs=frozenset(verbs),
        phrasal={k: frozenset(v) for k, v in phrasal.items()},
        object_verbs=frozenset(data["object_content_verbs"]),
        statement_nouns={k: v or {} for k, v in data["statement_nouns"].items()},
        source_nouns=frozenset(data["source_nouns"]),
        title_nouns=frozenset(data["title_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        media_words=dict(media["words"]),
        media_phrases={tuple(k.split()): v for k, v in media["phrases"].items()},
        media_after_on=dict(media["after_on"]),
        pronouns={k: frozenset(v) for k, v in data["pronouns"].items()},
        min_words=int(data["min_statement_words"]),
        reportive=frozenset(data["reportive_before_to"]),
        addressee_verbs=frozenset(data["addressee_verbs"]),
        org_nouns=frozenset(data["org_nouns"]),
        clause_only=frozenset(data.get("clause_only_verbs", ())),
    )
