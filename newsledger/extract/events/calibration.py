"""Calibrated event confidence: the probability that an event is right.

An event is right when its type, source, target and mode all are (the audit's
judgement, bench/audit). What makes it wrong is mostly how its sides were
found: a full name the entity stage linked is seldom wrong, a surname or a
pronoun resolved across sentences often names the wrong person, a common noun
is often no actor at all. So the probability is a logistic model over
features every event record carries (no parse needed): how each side is
written where the event is told (``side_kind``), whether its actor is in the
knowledge base, the coder's raw score (pattern strength and mood), the mode,
how far the event's words spread in its sentence and how long the sentence is.
The weights are data (``data/events/calibration.yaml``), fitted on the judged
samples and the PLOVER gold sentences (conflict news) and tested on held-out
ones by ``bench/calibrate_events.py``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from newsledger.extract.events.lexicon import _read

# How a side may be written where the event is told; "name" (a full name) is the
# reference the others are weighed against.
SIDE_KINDS = ("none", "name", "partial", "pronoun", "implied", "noun", "acronym")
_PRONOUNS = frozenset(
    "he him his she her hers it its they them their theirs i me my we us our you your "
    "who whom whose which that this these those".split()
)


@lru_cache(maxsize=1)
def weights() -> dict:
    """The fitted model (calibration.yaml): feature -> weight, plus type log-odds."""
    return _read("calibration.yaml") or {}


def side_kind(e: Mapping, side: str, kb_linked: bool = False, nonperson: bool = False) -> str:
    """How a side is written: none, a full name, part of a name (a surname, or one word
    no knowledge-base actor stands behind), a pronoun, implied (no words of its own
    there: a quote's speaker, a like act's party), a common noun phrase (no actor id),
    or a bare acronym the knowledge base does not know ("DUI"). ``nonperson``: the side's
    knowledge-base actor is a country, group or place, whose one-word name ("Russia" for
    the Government of Russia) is how news names it, not a surname."""
    name, text = e.get(f"{side}_name"), e.get(f"{side}_text")
    if not name:
        return "none"
    if not text:
        return "implied"
    if text.lower() in _PRONOUNS:
        return "pronoun"
    if not e.get(f"{side}_id"):
        return "noun"
    words = text.split()
    letters = text.replace(".", "")
    if len(words) == 1 and letters.isupper() and len(letters) <= 5 and not kb_linked:
        return "acronym"
    # only a person's one word is part of a name (a surname that may name another person)
    if len(words) == 1 and not nonperson and (len(name.split()) > 1 or not kb_linked):
        return "partial"
    return "name"


def kb_linked(actor_id: str | None) -> bool:
    """Whether a side's id is a knowledge-base actor (not an id the ledger minted for a
    name it met only in the text)."""
    return kb_kind(actor_id) is not None


def kb_kind(actor_id: str | None) -> str | None:
    """The coarse kind (person, group, place) of a side's knowledge-base actor, or None."""
    if not actor_id:
        return None
    from newsledger.kb import base as kb_base

    actor = kb_base.default().get(actor_id)
    return kb_base.kind(actor.type) if actor is not None else None


def features(e: Mapping) -> dict[str, float]:
    """The model's inputs, from an event record's fields (an Event's or a stored row's)."""
    f: dict[str, float] = {"raw": float(e.get("raw_confidence") or e.get("confidence") or 0.0)}
    for side in ("source", "target"):
        kb = kb_kind(e.get(f"{side}_id"))
        linked = kb is not None
        kind = side_kind(e, side, linked, nonperson=linked and kb != "person")
        for k in SIDE_KINDS[2:] + ("none",):
            f[f"{side}_{k}"] = float(kind == k)
        f[f"{side}_kb"] = float(linked)
    f["not_asserted"] = float((e.get("factuality") or "asserted") != "asserted")
    sent = max(1, int(e.get("sent_end") or 0) - int(e.get("sent_start") or 0))
    span = max(0, int(e.get("end") or 0) - int(e.get("start") or 0))
    # characters, scaled so a typical news sentence (~150) is 1
    f["sentence_len"] = min(sent, 600) / 150.0
    f["span_share"] = min(1.0, span / sent)
    f["depth"] = min(int(e.get("depth") or 0), 8) / 4.0
    return f


# Reliability tables (log-odds of being right, shrunk toward the overall rate), by
# these keys of an event record: its PLOVER type and its trigger word.
TABLES = ("type", "trigger")


def table_key(e: Mapping, table: str) -> str:
    return (e.get(table) or "").lower() if table == "trigger" else e.get(table) or ""


def table_value(e: Mapping, table: str, tabs: Mapping[str, Mapping[str, float]]) -> float:
    """An event's log-odds in a table; a trigger never judged takes its type's (a new
    word for a condemnation is as good as the condemnations judged, not average)."""
    got = tabs.get(table, {}).get(table_key(e, table))
    if got is None and table == "trigger":
        got = tabs.get("type", {}).get(table_key(e, "type"))
    return got or 0.0


def probability(e: Mapping) -> float:
    """P(right) for an event record; its raw confidence when no model is fitted."""
    w = weights()
    if not w:
        return float(e.get("raw_confidence") or e.get("confidence") or 0.0)
    coef = w.get("weights", {})
    z = w.get("bias", 0.0)
    tabs = {t: w.get(f"{t}_logodds", {}) for t in TABLES}
    for t in TABLES:
        z += w.get(f"{t}_weight", 0.0) * table_value(e, t, tabs)
    z += sum(coef.get(k, 0.0) * v for k, v in features(e).items())
    return 1 / (1 + math.exp(-z))
