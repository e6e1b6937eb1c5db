"""Events read against their speaker and their article: a speaker who only relays an
act is not its doer, joint acts that are not mutual, and targets a speaker's run of
statements leaves unsaid (split from the stage's module, which calls them)."""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.base import Extraction
from newsledger.extract.events import args as A
from newsledger.extract.events import sides as SD
from newsledger.extract.events.coder import Hit
from newsledger.records import Event

# Verbal acts whose unsaid target is the party the same speaker's like act names.
_STATEMENT_RUN = {"REQUEST", "REJECT", "ACCUSE", "THREATEN"}


def relayed(ex: Extraction, hit: Hit, speaker) -> bool:
    """A speaker who tells an act in the passive with no doer ("X was charged, the same
    source said", "says the woman ACCUSED of killing ..") relays it: only a body that
    does such acts (police, prosecutors, a named organisation) is taken as the doer."""
    if hit.reported or not A.subject_of(hit.trigger)[1]:
        return False  # a demand the speaker makes ("X must be done") is the speaker's
    m = getattr(ex, "by_tok", {}).get(speaker.start)
    if m is not None and m.label in ("ORG", "GPE", "NORP"):
        return False
    return not any(SD.acting_body(w) for w in speaker_words(hit.trigger.doc, speaker))


def speaker_words(doc, speaker) -> list[str]:
    """The speaker's head word and the titles on it ("District ATTORNEY Seth Williams",
    "Seth Williams, the district attorney"), where the text names the speaker."""
    words = speaker.name.lower().split()[-1:]
    span = None
    if speaker.end > speaker.start:
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or not len(span):
        return words
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    words.append(head.lower_)
    if head.pos_ != "PROPN":
        return words  # "a COURT source" is a source, not the court
    for c in head.children:
        if c.dep_ == "compound":
            words.append(c.lower_)
        elif c.dep_ == "appos":
            words += [c.lower_] + [g.lower_ for g in c.children if g.dep_ == "compound"]
    return words


def mutual(hit: Hit) -> bool:
    """Whether two subjects of a joint act act on each other ("A and B agreed", "met"):
    an offer or a pledge both make ("the ATF and FBI are offering a reward") is
    made to a third party, not between them (sides.yaml one_sided_joint)."""
    return hit.trigger.lemma_.lower() not in SD.data()["one_sided_joint"]


def _party_key(e: Event) -> str | None:
    """The source as the article knows it: its actor id, else its name."""
    return e.source_id or e.source_name


def settle_targets(events: list[Event]) -> list[Event]:
    """Events whose target the clause leaves unsaid, read against the article: a
    speaker's demands, refusals, accusations and threats run on over several quotes
    ("You should implement it", "must be handed over") and are aimed where the same
    speaker's like act names its party, the nearest one; a deed told again without its
    party ("the withdrawal of US forces at the end of the year" after "US forces will
    withdraw from Iraq") is a restatement of the named one and is dropped."""
    named: dict[tuple, list[Event]] = {}
    for e in events:
        if e.target_id and _party_key(e) and not (e.negated or e.hypothetical):
            named.setdefault((e.type, _party_key(e)), []).append(e)
    out = []
    for e in events:
        like = (
            named.get((e.type, _party_key(e)))
            if e.target_id is None and e.target_name is None and not (e.negated or e.hypothetical)
            else None
        )
        if not like:
            out.append(e)
        elif e.type in _STATEMENT_RUN:
            near = min(like, key=lambda o: abs(o.start - e.start))
            out.append(
                replace(
                    e,
                    target_id=near.target_id,
                    target_name=near.target_name,
                    target_from="discourse",
                    confidence=round(e.confidence * 0.8, 3),
                )
            )
    return out
