"""The knowledge base: actors with aliases, roles over time, affiliations and places.

Loaded once per process from the shipped region file (``data/region.yaml``),
the user's files (``NEWSLEDGER_KB``: paths separated by the OS path separator,
YAML or JSON lists of the same shape), the actors imported from open data of
2016-2026 (``data/actors2026.jsonl.gz``, built by ``newsledger.kb.sources``)
and the Phoenix dictionaries of about 2015 (``data/phoenix.jsonl.gz``).
Precedence, by ``tier``: curated (region and user files) > imported sources >
Phoenix. An imported actor that is the same as a better-ranked one (same name
key, same kind; places also the same type) is merged into it: its spellings
become ``imported`` ones and its roles are kept only for offices the curated
actor has none for. User entries with an existing id extend or override that actor.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from newsledger.errors import NewsledgerError
from newsledger.kb import cache
from newsledger.kb.names import FUZZY_MIN, core, fold, key, looks_alike, person_key, same_person, slug, tokens

ENV_KB = "NEWSLEDGER_KB"
ENV_NO_PHOENIX = "NEWSLEDGER_KB_NO_PHOENIX"  # "1": leave the Phoenix import out
ENV_NO_SOURCES = "NEWSLEDGER_KB_NO_SOURCES"  # "1": leave the 2016-2026 import out
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser: ~10x faster start-up
# Knowledge-base types and the spaCy label their mentions carry.
LABELS = {
    "person": "PERSON",
    "country": "GPE",
    "city": "GPE",
    "province": "GPE",
    "region": "LOC",
    "base": "FAC",
    "facility": "FAC",
    "nationality": "NORP",
}
_CACHE_MAX = 50_000
PLACE_TYPES = {"country", "city", "province", "region", "base", "facility"}


class KBError(NewsledgerError):
    code = "NL-KB"


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    affiliations: list[dict] = field(default_factory=list)
    attrs: dict = field(default_factory=dict)
    source: str = "region"
    # Spellings merged in from the Phoenix import: looked up like aliases, but
    # never shadow a curated spelling in the ruler.
    imported: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS.get(self.type, "ORG")

    def names(self) -> list[str]:
        return [self.name] + [a for a in self.aliases if a != self.name]


def kind(typ: str) -> str:
    """Coarse kind for merging: a person never merges with a place or a group."""
    return "person" if typ == "person" else "place" if typ in PLACE_TYPES else "group"


def tier(actor: Actor) -> int:
    """Trust rank of an actor's source: 0 curated (region, user files), 1 the
    2016-2026 import, 2 Phoenix (about 2015)."""
    return 0 if actor.source == "region" else 2 if actor.source == "phoenix" else 1


class KB:
    def __init__(self, actors: list[Actor]):
        self.actors: dict[str, Actor] = {}
        self.by_fold: dict[str, list[str]] = {}
        self.by_key: dict[str, list[str]] = {}
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}  # city id -> country id
        self.by_surname: dict[str, list[str]] = {}  # curated persons only
        self.by_last: dict[str, list[str]] = {}  # every person, for full-name matching
        self.by_core: dict[str, list[str]] = {}  # curated group names without a generic head
        # Derived lookups, built on first use and dropped by add().
        self._roles: dict[tuple, list[str]] | None = None
        self._last_list: list[str] | None = None
        self._near_last: dict[str, list[str]] = {}  # surname key -> similar surname keys
        self._sites: dict[tuple, list[str]] | None = None
        for a in actors:
            self.add(a)

    # ------------------------------------------------------------ building
    def add(self, actor: Actor) -> Actor:
        """Add an actor, or merge it into the one it duplicates (same id or same key)."""
        self._roles, self._last_list, self._sites = None, None, None
        self._near_last.clear()
        target = self.actors.get(actor.id) or self._duplicate(actor)
        names = actor.names()
        if target is None:
            self.actors[actor.id] = target = actor
        else:
            if tier(actor) > tier(target):
                # An imported spelling that already names a better-ranked actor stays
                # that actor's ("Islamic Resistance in Iraq" is a curated actor, not
                # only OFAC's a.k.a. of Kata'ib Hizballah).
                names = [n for n in names if not self._names_better(n, target, tier(actor))]
            new = [n for n in names if n not in target.names() and n not in target.imported]
            if tier(actor) > tier(target):
                target.imported += new
            else:
                target.aliases += new
            target.roles += actor.roles
            target.affiliations += actor.affiliations
            for k, v in actor.attrs.items():
                target.attrs.setdefault(k, v)
        for n in names:
            self._index(n, target.id)
            if kind(target.type) == "group" and (
                tier(actor) == 0 or tier(actor) == 1 and target.type == "armed_group"
            ):
                # Curated and imported armed groups only: Phoenix's and the parties'
                # generic names ("National Liberation Front/Movement/Alliance",
                # "Democratic Party" in many countries) would cross-match.
                k = key(core(n) or n)
                if len(k) >= 4 and target.id not in self.by_core.setdefault(k, []):
                    self.by_core[k].append(target.id)
        for d in _as_list(target.attrs.get("demonym")):
            self.demonyms[fold(d)] = target.id
        if target.type == "country" and target.attrs.get("capital"):
            self.capitals[target.attrs["capital"]] = target.id
        if target.type == "person":
            # A bare surname is only trusted for the curated persons (Phoenix has
            # too many namesakes); full names are matched against everyone.
            for n in actor.names():
                toks = person_key(n).split()
                if len(toks) < 2:
                    continue
                if target.id not in self.by_last.setdefault(toks[-1], []):
                    self.by_last[toks[-1]].append(target.id)
                if tier(actor) == 0 and target.id not in self.by_surname.setdefault(toks[-1], []):
                    self.by_surname[toks[-1]].append(target.id)
        return target

    def _names_better(self, name: str, target: Actor, rank: int) -> bool:
        """Whether ``name`` already names an actor other than ``target`` ranked above ``rank``."""
        return any(i != target.id and tier(self.actors[i]) < rank for i in self.by_fold.get(fold(name), ()))

    def _duplicate(self, actor: Actor) -> Actor | None:
        if actor.source == "region":
            return None
        kind_ = kind(actor.type)
        for n in actor.names()[:1]:
            for aid in self.by_key.get(key(n), ()):
                other = self.actors[aid]
                # Places merge only with places of the same level: a province is
                # never a spelling of its country or of its capital city.
                if (
                    tier(other) != tier(actor)
                    and kind(other.type) == kind_
                    and (kind_ != "place" or _level(other.type) == _level(actor.type))
                ):
                    return other
        return None

    def _index(self, name: str, aid: str) -> None:
        for idx, k in ((self.by_fold, fold(name)), (self.by_key, key(name))):
            if k and aid not in idx.setdefault(k, []):
                idx[k].append(aid)

    # ------------------------------------------------------------ lookup
    def get(self, aid: str | None) -> Actor | None:
        return self.actors.get(aid) if aid else None

    def lookup(self, name: str, label: str | None = None) -> Actor | None:
        """The one actor a name stands for: exact folded name first, then its key.

        Ambiguous names (two actors, neither from the region file) give None:
        a wrong actor is worse than a new one.
        """
        strict = len(tokens(name)) == 1
        for idx, k in ((self.by_fold, fold(name)), (self.by_key, key(name)), (self.by_key, person_key(name))):
            ids = idx.get(k)
            if ids and strict and idx is self.by_key:
                # One-word keys collide ("Kedah"/"Qaida"): the spellings must also look alike.
                ids = [
                    i
                    for i in ids
                    if any(looks_alike(fold(name), fold(n)) for n in self.actors[i].names() if key(n) == k)
                ]
            if ids:
                hit = self._pick(ids, label, strict)
                if hit is not None:
                    return hit
        stem = core(name)
        if stem is not None and label != "PERSON":
            # The name with its generic head dropped, or another name of the same
            # group with another head: "Al-Fateh coalition" = "Fatah Alliance".
            hit = self.lookup(stem, label)
            if hit is None or kind(hit.type) != "group":
                hit = self._pick(self.by_core.get(key(stem), []), label)
            if hit is not None and kind(hit.type) == "group":
                return hit
        if label == "ORG" and strict and len(name) > 3:
            # A group named by its singular or plural ("Houthi" / "Houthis").
            other = name[:-1] if name.endswith("s") else name + "s"
            ids = self.by_fold.get(fold(other))
            if ids:
                return self._pick(ids, label, strict)
        return None

    def surname(self, name: str) -> Actor | None:
        """The one curated person whose surname this is ("Khamenei"), if only one."""
        ids = self.by_surname.get(person_key(name))
        return self.actors[ids[0]] if ids and len(ids) == 1 else None

    def person(self, name: str) -> Actor | None:
        """A curated person named with extra or fewer middle names
        ("Muqtada al-Sayyid Muhammad al-Sadr"): same surname, same first name."""
        toks = person_key(name).split()
        if len(toks) < 2:
            return None
        ids = list(self.by_last.get(toks[-1], ()))
        if not ids and len(toks[-1]) >= 5:
            for k in self._similar_last(toks[-1]):
                ids += self.by_last[k]
        hits = [
            self.actors[i]
            for i in dict.fromkeys(ids)
            if any(same_person(n, name) for n in self.actors[i].names())
        ]
        hits = [a for a in hits if tier(a) == 0] or [a for a in hits if tier(a) == 1] or hits
        return hits[0] if len(hits) == 1 else None

    def _similar_last(self, last: str) -> list[str]:
        """Surname keys one slip away ("Jayasena"/"Jayasene"), by rapidfuzz over all of
        them; cached per key, as the same unknown surname recurs across articles."""
        hit = self._near_last.get(last)
        if hit is None:
            if self._last_list is None:
                self._last_list = list(self.by_last)
            if len(self._near_last) >= _CACHE_MAX:
                self._near_last.clear()  # bounded: a long run sees many names once
            hit = self._near_last[last] = [
                k
                for k, _, _ in process.extract(
                    last, self._last_list, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5
                )
            ]
        return hit

    def _pick(self, ids: list[str], label: str | None, strict: bool = False) -> Actor | None:
        cands = [self.actors[i] for i in ids]
        # A one-word name is only trusted for the kind NER saw ("Soleimani" the
        # person is not "Sulaimani" the city); longer names may fix NER's label.
        if label == "PERSON":
            cands = [a for a in cands if a.type == "person"] or ([] if strict else cands)
        elif label:
            cands = [a for a in cands if a.type != "person"] or ([] if strict else cands)
        # The best-ranked source decides; two actors of the same rank are ambiguous.
        for rank in (0, 1):
            ranked = [a for a in cands if tier(a) <= rank]
            if ranked:
                return ranked[0] if len(ranked) == 1 else None
        return cands[0] if len(cands) == 1 else None

    def country_of_demonym(self, word: str) -> Actor | None:
        aid = self.demonyms.get(fold(word))
        if aid is None:
            hit = self.lookup(word)
            aid = hit.id if hit is not None and hit.type == "country" else None
        return self.actors.get(aid) if aid else None

    def institution(self, country: Actor, what: str) -> Actor | None:
        """The country's government / parliament / forces / capital actor."""
        return self.actors.get(country.attrs.get(what)) if country else None

    def holders(self, role: str, of: str, date: str | None) -> list[Actor]:
        """Persons who held ``role`` of actor ``of`` on ``date`` (all holders when no date)."""
        out = []
        for aid in self._role_index().get((role, of), ()):
            a = self.actors[aid]
            for r in a.roles:
                if r.get("role") == role and r.get("of") == of and _in_range(r, date):
                    out.append(a)
                    break
        return out

    def _role_index(self) -> dict:
        """(role, of) -> holder ids; built once per KB, rebuilt after add()."""
        if self._roles is None:
            idx: dict[tuple, list[str]] = {}
            for a in self.actors.values():
                for r in a.roles:
                    ids = (
                        idx.setdefault((r.get("role"), r.get("of")), [])
                        if r.get("role") and r.get("of")
                        else None
                    )
                    if ids is not None and a.id not in ids:  # one entry per holder, not per term
                        ids.append(a.id)
            self._roles = idx
        return self._roles

    def sites(self, owner: str, kind_: str) -> list[Actor]:
        """A country's facilities of one kind abroad (``owner``/``kind`` in the KB):
        its embassies, consulates."""
        if self._sites is None:
            idx: dict[tuple, list[str]] = {}
            for a in self.actors.values():
                if a.attrs.get("owner") and a.attrs.get("kind"):
                    idx.setdefault((a.attrs["owner"], a.attrs["kind"]), []).append(a.id)
            self._sites = idx
        return [self.actors[i] for i in self._sites.get((owner, kind_), ())]

    def __len__(self) -> int:
        return len(self.actors)


def _level(typ: str) -> str:
    """Countries, provinces and cities are levels; regions, bases, facilities are not ranked."""
    return typ if typ in ("country", "province", "city") else "other"


def _in_range(r: dict, date: str | None) -> bool:
    if not date:
        return True
    d = date[:10]
    lo, hi = str(r.get("from") or ""), str(r.get("to") or "")
    return (not lo or lo[: len(d)] <= d) and (not hi or d <= hi)


def _as_list(v) -> list:
    return [] if v is None else v if isinstance(v, list) else [v]


_ACTOR_KEYS = {"id", "name", "type", "aliases", "roles", "affiliations"}


def actor_from(entry: dict, source: str) -> Actor:
    """An Actor from a KB file entry; unknown keys are kept as attributes."""
    if not isinstance(entry, dict) or not entry.get("name"):
        raise KBError(
            f"knowledge-base entry without a name in {source}: {entry!r}; "
            "every entry needs at least `name` (and ideally `id` and `type`)",
            code="NL-KB-ENTRY",
        )
    roles = [
        {k: (str(v) if k in ("from", "to") and v else v) for k, v in r.items()}
        for r in entry.get("roles") or []
    ]
    return Actor(
        id=str(entry.get("id") or slug(entry["name"])),
        name=entry["name"],
        type=entry.get("type", "organisation"),
        aliases=[str(a) for a in entry.get("aliases") or []],
        roles=roles,
        affiliations=list(entry.get("affiliations") or []),
        attrs={k: v for k, v in entry.items() if k not in _ACTOR_KEYS},
        source=source,
    )


def read_file(path: str | Path, source: str = "user") -> list[Actor]:
    p = Path(path).expanduser()
    try:
        text = p.read_text("utf-8")
        data = json.loads(text) if p.suffix == ".json" else yaml.load(text, Loader=_YAML)
    except OSError as e:
        raise KBError(
            f"cannot read knowledge-base file {p} ({e.strerror}); fix the path in ${ENV_KB}",
            code="NL-KB-READ",
        ) from None
    except (ValueError, yaml.YAMLError) as e:
        raise KBError(
            f"{p} is not a valid YAML/JSON list of actors ({e}); see docs/actors.md", code="NL-KB-PARSE"
        ) from None
    if isinstance(data, dict):
        data = data.get("actors", [])
    return [actor_from(e, source) for e in data or []]


def _phoenix_actors() -> list[Actor]:
    ref = resources.files("newsledger.kb").joinpath("data/phoenix.jsonl.gz")
    out = []
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            roles = [
                {"code": x["code"], "from": x.get("from"), "to": x.get("to")} for x in r.get("roles", [])
            ]
            out.append(
                Actor(
                    id=r["id"],
                    name=r["name"],
                    type=r["type"],
                    aliases=r["aliases"],
                    roles=roles,
                    attrs={"codes": r.get("codes", [])},
                    source="phoenix",
                )
            )
    return out


_SOURCE_KEYS = {"id", "name", "type", "aliases", "roles", "affiliations", "source"}
# Attributes of imported actors that name another actor by id. An imported
# country names its government ``gov``, not ``government``: a curated country's
# government is what a country acting stands for (entities._metonym) and what
# role phrases look up; the import does not extend that to every country.
_REFS = ("country", "located_in", "government", "gov", "capital_of")


def _source_actors() -> list[Actor]:
    """The 2016-2026 import (``newsledger.kb.sources``); each actor keeps its sources
    in ``attrs["sources"]``."""
    ref = resources.files("newsledger.kb").joinpath("data/actors2026.jsonl.gz")
    out = []
    with ref.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            attrs = {k: v for k, v in r.items() if k not in _SOURCE_KEYS}
            attrs["sources"] = r["source"]
            out.append(
                Actor(
                    id=r["id"],
                    name=r["name"],
                    type=r["type"],
                    aliases=r.get("aliases", []),
                    roles=r.get("roles", []),
                    affiliations=r.get("affiliations", []),
                    attrs=attrs,
                    source="sources",
                )
            )
    return out


def add_sources(kb: KB, actors: list[Actor]) -> None:
    """Add imported actors, then point their references (role holders' offices,
    places' parents, countries' governments) at the actors they were merged into.

    A country's imported government merges into the country's curated government
    whatever its name; a curated actor keeps its own roles, the imported ones are
    added only for offices it has none for."""
    remap: dict[str, str] = {}
    added: list[tuple[Actor, Actor]] = []
    for a in actors:
        own = a.id
        if a.type == "government" and a.attrs.get("country"):
            country = kb.get(remap.get(a.attrs["country"], a.attrs["country"]))
            gov = country.attrs.get("government") if country is not None else None
            if gov and gov != a.id and gov in kb.actors:
                a.id = gov
        target = kb.add(a)
        if target.id != own:
            remap[own] = target.id
        added.append((a, target))
    if not remap:
        return
    for a, target in added:
        for r in a.roles + a.affiliations:
            r["of"] = remap.get(r.get("of"), r.get("of"))
        if target is not a and tier(target) == 0 and a.roles:
            theirs = {id(r) for r in a.roles}
            own = {(r.get("role"), r.get("of")) for r in target.roles if id(r) not in theirs}
            target.roles = [
                r for r in target.roles if id(r) not in theirs or (r.get("role"), r.get("of")) not in own
            ]
        for k in _REFS:
            v = target.attrs.get(k)
            if isinstance(v, str) and v in remap:
                target.attrs[k] = remap[v]
    kb._roles = None


def user_paths() -> list[str]:
    return [p for p in os.environ.get(ENV_KB, "").split(os.pathsep) if p.strip()]


@lru_cache(maxsize=4)
def load(
    extra: tuple[str, ...] | None = None, phoenix: bool | None = None, sources: bool | None = None
) -> KB:
    """The knowledge base of this process: region file, user files, the 2016-2026
    import and the Phoenix import. ``phoenix`` and ``sources`` None: as the
    environment says (both in by default); ``sources`` None follows an explicit
    ``phoenix``, so ``phoenix=False`` is the curated files alone. Built once and
    kept on disk (kb/cache.py): later processes read it in a fraction of the time."""
    paths = list(extra if extra is not None else user_paths())
    if sources is None:
        sources = phoenix if phoenix is not None else os.environ.get(ENV_NO_SOURCES) != "1"
    if phoenix is None:
        phoenix = os.environ.get(ENV_NO_PHOENIX) != "1"
    key = cache.fingerprint(tuple(paths), sources, phoenix, files=paths)
    return cache.cached("kb", key, lambda: _build(paths, sources, phoenix))


def _build(paths: list[str], sources: bool, phoenix: bool) -> KB:
    region = resources.files("newsledger.kb").joinpath("data/region.yaml")
    actors = [actor_from(e, "region") for e in yaml.load(region.read_text("utf-8"), Loader=_YAML)]
    kb = KB(actors)
    for p in paths:
        for a in read_file(p):
            a.source = "region"  # user entries rank with the shipped ones
            kb.add(a)  # an existing id is extended, a new one added
    if sources:
        add_sources(kb, _source_actors())
    if phoenix:
        for a in _phoenix_actors():
            kb.add(a)
    return kb


def default() -> KB:
    return load(None, None)
