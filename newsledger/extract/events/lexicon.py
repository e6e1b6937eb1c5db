"""The coder's rule data (data/events/*.yaml), loaded once, and the code tables.

A pattern names a CAMEO code; the PLOVER type, GDELT quad class and
Goldstein intensity all follow from that code (cameo.yaml), so adding a
pattern never needs a second table edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import yaml

from newsledger.errors import NewsledgerError

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class Coding:
    """What a code means: PLOVER type, CAMEO code and root, quad class, Goldstein."""

    type: str
    cameo: str
    quad_class: int
    goldstein: float
    mode: str | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class Pattern:
    """One verb pattern of verbs.yaml (see the file's header for the keys)."""

    cameo: str
    prep: str | None = None
    pobj: frozenset = frozenset()
    object: frozenset = frozenset()
    with_: frozenset = frozenset()
    object_is: frozenset = frozenset()
    to: bool = False
    that: bool = False
    intransitive: bool = False
    needs_target: bool = False
    target: str = "dobj"
    neg_only: bool = False
    type: str | None = None
    conf: float = 0.7


@dataclass(frozen=True)
class NounPattern:
    cameo: str
    of: str = "none"
    from_: str | None = None
    act: bool = False
    for_to: bool = False
    place_modifier: bool = False
    needs_target: bool = False
    type: str | None = None
    conf: float = 0.6
    modifiers: dict = field(default_factory=dict, hash=False, compare=False)
    of_conflict: str | None = None  # code when its of-phrase is a conflict act ("suspension
    # of attacks": de-escalation)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict = field(default_factory=dict)  # lemma -> tuple[Pattern]
    fallback: dict = field(default_factory=dict)  # lemma -> CAMEO code (generated)
    nouns: dict = field(default_factory=dict)  # word -> NounPattern
    stop: frozenset = frozenset()
    predicates: dict = field(default_factory=dict)  # adjective -> (code, negated only)


def _read(name: str) -> dict:
    path = resources.files("newsledger.extract").joinpath(f"data/events/{name}")
    try:
        # the C loader, where PyYAML has it, reads the pattern files ~10x faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text("utf-8"), Loader=loader) or {}
    except (OSError, yaml.YAMLError) as e:
        raise NewsledgerError(
            f"cannot read event patterns data/events/{name}: {e}; fix the file or reinstall newsledger",
            code="NL-EVENTS-DATA",
        ) from e


def _pattern(raw: dict) -> Pattern:
    if "prep" in raw and not isinstance(raw["prep"], str):
        # YAML reads a bare `on` as true: patterns must quote it.
        raise NewsledgerError(
            f'event pattern {raw}: quote the preposition (prep: "on")', code="NL-EVENTS-DATA"
        )
    return Pattern(
        cameo=str(raw["cameo"]),
        prep=raw.get("prep"),
        pobj=frozenset(raw.get("pobj", ())),
        object=frozenset(raw.get("object", ())),
        with_=frozenset(raw.get("with", ())),
        to=bool(raw.get("to")),
        object_is=frozenset(raw.get("object_is", ())),
        that=bool(raw.get("that")),
        intransitive=bool(raw.get("intransitive")),
        needs_target=bool(raw.get("needs_target")),
        target=raw.get("target", "dobj"),
        neg_only=bool(raw.get("neg_only")),
        type=raw.get("type"),
        conf=float(raw.get("conf", 0.7)),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = _read("verbs.yaml")
    verbs = {
        lemma: tuple(_pattern(p) for p in pats or ()) for lemma, pats in (raw.get("verbs") or {}).items()
    }
    nouns = {
        w: NounPattern(
            cameo=str(p["cameo"]),
            of=p.get("of", "none"),
            from_=p.get("from"),
            act=bool(p.get("act")),
            for_to=bool(p.get("for_to")),
            place_modifier=bool(p.get("place_modifier")),
            needs_target=bool(p.get("needs_target")),
            type=p.get("type"),
            conf=float(p.get("conf", 0.6)),
            modifiers={str(k): str(v) for k, v in (p.get("modifiers") or {}).items()},
            of_conflict=str(p["of_conflict"]) if p.get("of_conflict") else None,
        )
        for w, p in (_read("nouns.yaml").get("nouns") or {}).items()
    }
    fallback = {str(k): str(v) for k, v in _read("cameo_verbs.yaml").items()}
    preds = {
        w: (str(p["cameo"]), bool(p.get("negated")))
        for w, p in (_read("predicates.yaml").get("predicates") or {}).items()
    }
    return Lexicon(verbs, fallback, nouns, frozenset(raw.get("stop") or ()), preds)


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset]:
    """The lists of arguments.yaml (quantity, carrier, role, support_verbs, path_nouns)."""
    return {k: frozenset(v or ()) for k, v in _read("arguments.yaml").items()}


@lru_cache(maxsize=1)
def _tables() -> dict:
    return _read("cameo.yaml")


@cache
def coding(cameo: str, type_: str | None = None) -> Coding | None:
    """The coding of a CAMEO code, or None for codes PLOVER has no type for (01, 02)."""
    t = _tables()
    root = t["roots"].get(cameo[:2])
    if root is None:
        return None
    plover = type_
    if plover is None:
        plover = root["plover"]
        for prefix in sorted(t.get("codes", {}), key=len, reverse=True):
            if cameo.startswith(prefix):
                plover = t["codes"][prefix]
                break
    mode = next(
        (m for p, m in sorted(t.get("modes", {}).items(), key=lambda kv: -len(kv[0])) if cameo.startswith(p)),
        None,
    )
    return Coding(plover, cameo, int(root["quad"]), float(root["goldstein"]), mode)


def plover_type(name: str) -> str:
    """Today's PLOVER name of a type, also for the 2016 names of the gold records."""
    name = name.upper()
    return _tables().get("legacy_types", {}).get(name, name)


def default_code(plover: str) -> str:
    return _tables()["default_codes"][plover]


def intent_code(plover: str) -> str | None:
    """The CAMEO code of announcing an act of this type (AGREE 03x or THREATEN 13x)."""
    return _tables().get("intent", {}).get(plover)


def request_code(content: str | None) -> str:
    """The REQUEST subcode for demanding an act of this type (100 when unknown)."""
    return _tables().get("request_for", {}).get(content or "", "100")


def refusal_code(plover: str) -> str | None:
    """The CAMEO code of refusing an act of this type (12x), None for conflictual acts."""
    return _tables().get("refusal", {}).get(plover)


@lru_cache(maxsize=1)
def statement_cues() -> dict[str, frozenset]:
    """The lists of statements.yaml (threats, denied virtues, ascribed hostile intent)."""
    return {k: frozenset(v or ()) for k, v in _read("statements.yaml").items()}
