"""The records every stage returns: frozen dataclasses with their offsets.

Every spanned record carries ``doc_id``, ``start`` and ``end`` such that
``text == article.text[start:end]``, the name of the extractor that made it
and a confidence in [0, 1]. The store maps fields to columns by name; fields
a table has no column for are kept in its ``attrs`` JSON column, so a stage
can carry more detail without a migration.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class ExcludedSpan:
    """Boilerplate inside the stored text that no extractor may read."""

    doc_id: str
    start: int
    end: int
    text: str
    reason: str
    extractor: str = "ingest.boilerplate"
    confidence: float = 1.0


@dataclass(frozen=True)
class Article:
    """An article as read: the stored text is what every offset refers to."""

    id: str
    text: str
    name: str  # file stem or JSONL id: the doc_id of the eval contract
    title: str | None = None
    title_start: int | None = None  # offset of the title inside text, when it is part of it
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    published_precision: str | None = None  # day | month | year
    published_method: str | None = None  # input | html_meta | dateline | ... | None
    published_note: str | None = None  # why, or why there is none
    source: str | None = None  # path (or "<stdin>") it was read from
    source_line: int | None = None
    fmt: str = "txt"
    encoding: str = "utf-8"
    excluded: tuple[ExcludedSpan, ...] = ()
    author: str | None = None  # as the page says (fetched pages, WARC captures)


@dataclass(frozen=True)
class Mention:
    """A mention of an actor, place or group; ``entity_id`` is the ledger's actor id."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON ORG GPE LOC FAC NORP
    entity_id: str
    entity_name: str
    sent_start: int = 0
    sent_end: int = 0
    nominal: bool = False  # a description ("the spokesman") rather than a name
    extractor: str = "entities"
    confidence: float = 0.5


@dataclass(frozen=True)
class Entity:
    """An actor of the ledger (not a span: its mentions carry the spans)."""

    id: str
    name: str
    type: str
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()
    attrs: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Quote:
    """Who said what: ``start``/``end`` span the content only, without cue and speaker."""

    doc_id: str
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_id: str | None = None
    speaker_name: str | None = None
    speaker_start: int | None = None  # the speaker's mention as written where it was found
    speaker_end: int | None = None
    medium: str | None = None  # tweet statement speech interview press_conference
    date: str | None = None  # TIMEX3 value of when it was said
    sent_start: int = 0
    sent_end: int = 0
    co_speakers: tuple[str, ...] = ()  # entity ids of others speaking with the speaker
    co_speaker_names: tuple[str, ...] = ()
    speaker_method: str | None = None  # how the speaker was found (subject, pronoun, ...)
    inherited: tuple[str, ...] = ()  # medium/date taken from the same speaker's quote before
    extractor: str = "quotes"
    confidence: float = 0.5


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 expression and its value resolved against an anchor date."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str | None
    anchor: str | None = None
    mod: str | None = None
    sent_start: int = 0
    sent_end: int = 0
    tense: str | None = None  # past | present | future of the clause it sits in
    extractor: str = "time"
    confidence: float = 0.5


@dataclass(frozen=True)
class Event:
    """Who did what to whom, typed in PLOVER; ``start``/``end`` span the event's words."""

    doc_id: str
    start: int
    end: int
    text: str
    type: str  # one of PLOVER's sixteen
    source_id: str | None = None
    source_name: str | None = None
    target_id: str | None = None
    target_name: str | None = None
    date: str | None = None
    location: str | None = None
    mode: str | None = None
    negated: bool = False
    hypothetical: bool = False
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    event_id: str | None = None  # id of the merged real-world event (cross-report)
    sent_start: int = 0
    sent_end: int = 0
    extractor: str = "events"
    confidence: float = 0.5
    trigger: str | None = None  # the word the event was coded from (verb or noun)
    recoded_from: str | None = None  # "RETREAT" for a refusal coded from "no plans to withdraw"
    depth: int = 0  # heads between the trigger and the sentence root (0: main verb)
    source_text: str | None = None  # the source as the text names it there ("he", "the premier")
    target_text: str | None = None
    target_from: str | None = None  # "discourse": target taken from the source's like act nearby
    # How the text holds the act: asserted | reported | denied | negated | hypothetical |
    # future (extract/events/context.py `factuality`); views count asserted ones by default
    factuality: str = "asserted"
    raw_confidence: float | None = None  # the coder's score before calibration


@dataclass(frozen=True)
class Claim:
    """A checkable fact the text states: subject / predicate / object."""

    doc_id: str
    start: int
    end: int
    text: str
    subject: str
    predicate: str
    object: str
    subject_name: str | None = None
    object_name: str | None = None
    sent_start: int = 0
    sent_end: int = 0
    # What the analysis needs to compare claims (kept in the row's attrs):
    kind: str = "fact"  # date | measure_kind | role | count
    when: str | None = None  # date the fact refers to, where known
    subject_head: str | None = None  # head word of the subject phrase ("parliament")
    derived: str | None = None  # how a value was computed ("2 days after 2020-01-05")
    approx: bool = False  # "about 3,000": the value is a round estimate
    relative: bool = False  # dated by words relative to the article ("Tuesday")
    extractor: str = "claims"
    confidence: float = 0.5


SPANNED = (Mention, Quote, Timex, Event, Claim)


def to_dict(record) -> dict:
    return asdict(record)


def field_names(cls) -> list[str]:
    return [f.name for f in fields(cls)]


def check_offsets(record, text: str) -> bool:
    """True when the record's text is exactly the article slice it claims."""
    return text[record.start : record.end] == record.text
