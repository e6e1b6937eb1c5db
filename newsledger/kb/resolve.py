"""In-document resolution: each name mention to one actor (a cluster).

Known actors are clusters keyed by their knowledge-base id; other names open
clusters of their own whose id is derived from the name's transliteration key,
so the same actor gets the same id in every article. A bare surname joins the
person it belongs to ("Khazali" after "Qais al-Khazali"); two persons who only
share a surname are never merged (first names must agree).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsledger.kb.base import KB, PLACE_TYPES, Actor, kind
from newsledger.kb.names import full_name, key, person_id_key, person_key, same_person, slug, tokens
from newsledger.kb.ruler import group_name

# kb_id of a name standing for a longer one of the article: a city for the team it
# names ("for:Indianapolis Colts"), an institution's short form ("for:Betty Ford Center").
STANDS_FOR = "for:"
PERSON_LIKE = re.compile(r"^(?:[A-Z][\w’'‘-]+ )+(?:(?:al|el|Al|El|bin|ibn|abu|Abu)[- ])?[A-Z‘’'][\w’'‘-]+$")


@dataclass
class Cluster:
    id: str
    name: str
    label: str
    actor: Actor | None = None
    names: list[str] = field(default_factory=list)
    fixed_name: bool = False  # a grammar actor's name ("Foreign forces") is kept as given
    starts: list[int] = field(default_factory=list)  # offsets of its mentions
    counts: dict[str, int] = field(default_factory=dict)  # mentions per spelling
    located_in: str | None = None  # KB place a qualifier put it in ("Santa Rosa, Calif.")

    @property
    def count(self) -> int:
        return len(self.starts)

    @property
    def last(self) -> int:
        return max(self.starts, default=-1)

    def last_before(self, offset: int) -> int:
        return max((s for s in self.starts if s < offset), default=-1)

    @property
    def type(self) -> str:
        if self.actor is not None:
            return self.actor.type
        return {
            "PERSON": "person",
            "GPE": "city",
            "LOC": "region",
            "FAC": "facility",
            "NORP": "nationality",
        }.get(self.label, "organisation")

    def person_names(self) -> list[str]:
        return [n for n in self.names if full_name(n)]


class Resolver:
    def __init__(self, kb: KB, date: str | None):
        self.kb = kb
        self.date = date
        self.clusters: dict[str, Cluster] = {}
        self.demonym_counts: dict[str, int] = {}  # country id -> demonyms used as modifiers
        self._main = None

    # ------------------------------------------------------------ clusters
    def _cluster_for_actor(self, actor: Actor) -> Cluster:
        c = self.clusters.get(actor.id)
        if c is None:
            c = self.clusters[actor.id] = Cluster(actor.id, actor.name, actor.label, actor)
        return c

    def _new(self, name: str, label: str) -> Cluster:
        k = person_key(name) if label == "PERSON" else key(name)
        cid = slug(k) if k else slug(name)
        c = self.clusters.get(cid)
        if c is None:
            c = self.clusters[cid] = Cluster(cid, name, label)
        return c

    def synthetic(self, cid: str, name: str, label: str = "ORG") -> Cluster:
        """A cluster for a grammar actor the KB does not list (e.g. Kuwait's parliament)."""
        actor = self.kb.get(cid)
        if actor is not None:
            return self._cluster_for_actor(actor)
        c = self.clusters.get(cid)
        if c is None:
            c = self.clusters[cid] = Cluster(cid, name, label, fixed_name=True)
        return c

    def note(self, c: Cluster, text: str, start: int, named: bool = True) -> Cluster:
        c.starts.append(start)
        if named:
            c.counts[text] = c.counts.get(text, 0) + 1
            if text not in c.names:
                c.names.append(text)
        return c

    # ------------------------------------------------------------ resolution
    def resolve(self, text: str, label: str, start: int, kb_id: str = "") -> tuple[Cluster, str]:
        """The cluster of a name mention, and the label it should carry."""
        if kb_id.startswith(STANDS_FOR):
            # a city standing for its team ("Indianapolis beat ..."), an institution's
            # short form: the longer name's chain, counted under that name, so the city
            # or the person's name never names the actor
            return self.resolve(kb_id[len(STANDS_FOR) :], "ORG", start)[0], "ORG"
        actor = self.kb.get(kb_id) if kb_id else None
        if kb_id and actor is None:  # a group phrase of the grammar (ruler.py)
            c = self.synthetic(kb_id, group_name(self.kb, kb_id, text))
            return self.note(c, text, start), "ORG"
        if actor is None and label == "PERSON" and self._family(text):
            # "the Clintons": the family, not the person named last
            return self.note(self._new(text, "ORG"), text, start), "ORG"
        if actor is None and label == "PERSON" and self._ends_with_group(text):
            label = "ORG"  # "Kataeb Hezbollah": a group's name ends it, not a surname
        if actor is None and label == "PERSON" and len(tokens(text)) == 1 and not self._surname_here(text):
            # (a surname of a person named here stays that person: "Maddox" after
            # "John Maddox" and "the Maddox administration")
            group = self._part_of(text, "ORG")
            if group is not None:  # "Kataeb" after "Kataeb Hezbollah": the group
                return self.note(group, text, start), "ORG"
        if actor is None and (label == "PERSON" or self._surname_here(text)):
            c = self._person(text, start)
            if c is not None:
                return self.note(c, text, start), "PERSON"
        if actor is None:
            actor = self.kb.lookup(text, label)
            if actor is not None and actor.type == "person" and len(tokens(text)) == 1 and label != "PERSON":
                actor = None  # a one-word non-person name is not a surname
            if actor is not None and actor.type == "country" and _part_of_country(actor, text):
                actor = None  # "North Carolina" is a place in the US, not the US
        if actor is not None:
            return self.note(self._cluster_for_actor(actor), text, start), actor.label
        if label in ("GPE", "ORG") and PERSON_LIKE.match(text) and self._looks_personal(text):
            label = "PERSON"  # NER's GPE/ORG for an unknown Arabic personal name
            return self.resolve(text, label, start)
        c = (
            self._acronym(text)
            or self._same_key(text, label)
            or self._part_of(text, label)
            or self._new(text, label)
        )
        return self.note(c, text, start), c.label if c.actor is None else c.actor.label

    def _person(self, text: str, start: int) -> Cluster | None:
        """A person mention: in-document full name first, then the KB, then its surname."""
        persons = [c for c in self.clusters.values() if c.type == "person"]
        hits = [c for c in persons if any(same_person(n, text, nicknames=True) for n in c.names)]
        if full_name(text):
            # A chain known so far by its surname only may be this person, unless its
            # KB actor has another given name ("Ivanka Trump" is not Donald Trump).
            hits = [c for c in hits if c.actor is None or _fits_actor(c.actor, text)]
            # A full name: only an in-document person with compatible names, or the KB.
            full = [
                c for c in hits if any(full_name(n) and same_person(n, text, nicknames=True) for n in c.names)
            ]
            if full:
                return max(full, key=lambda c: c.last)
            # A chain with a full name of its own is another person ("Joan Felt" after
            # "Mark Felt" and "Felt"); only a chain known by the surname alone may be this one.
            hits = [c for c in hits if not c.person_names()]
            actor = self.kb.lookup(text, "PERSON") or self.kb.person(text)
            # A KB alias of title and surname ("President Johnson") is no full name:
            # "LuAnn Marie Johnson" must agree with one of the actor's full names.
            if actor is not None and actor.type == "person" and _fits_actor(actor, text):
                return self._cluster_for_actor(actor)
            return hits[0] if len(hits) == 1 else self._new(text, "PERSON")
        if hits:
            # Surname shared by several persons: the one named most recently.
            return max(hits, key=lambda c: c.last)
        actor = self.kb.lookup(text, "PERSON")
        if actor is None or actor.type != "person":
            actor = self.kb.surname(text)
        return self._cluster_for_actor(actor) if actor is not None else None

    def _surname_here(self, text: str) -> bool:
        """A capitalised single word that is the surname of a person already named here."""
        toks = tokens(text)
        if len(toks) != 1 or not any(ch.isupper() for ch in text):
            return False
        return any(
            same_person(n, text)
            for c in self.clusters.values()
            if c.type == "person"
            for n in c.person_names()
        )

    def _looks_personal(self, text: str) -> bool:
        """An unknown two/three-word name with an Arabic article or Abu, not a known place."""
        low = text.lower()
        has_particle = bool(re.search(r"\b(?:al|el|abu|bin|ibn)[- ]", low))
        return has_particle and self.kb.lookup(text, "GPE") is None

    def _acronym(self, text: str) -> Cluster | None:
        """ "IRCC" after "Iraqi Resistance Coordination Commission": initials of a cluster name."""
        t = text.replace(".", "")
        if not (t.isupper() and t.isalpha() and 2 <= len(t) <= 6):
            return None
        for c in self.clusters.values():
            for n in c.names:
                words = [
                    w
                    for w in re.split(r"[\s-]+", n)
                    if w and w.lower() not in ("of", "the", "and", "for", "in", "al")
                ]
                if len(words) == len(t) and "".join(w[0] for w in words).upper() == t:
                    return c
        return None

    def _same_key(self, text: str, label: str) -> Cluster | None:
        k = key(text)
        for c in self.clusters.values():
            if c.type != "person" and any(key(n) == k for n in c.names):
                return c
        return None

    def _family(self, text: str) -> bool:
        """A surname in the plural ("Clintons", "Joneses") of a person of the article."""
        toks = tokens(text, strip_honorifics=True)
        if len(toks) != 1 or not toks[0].endswith("s"):
            return False
        stems = {toks[0][:-1], toks[0][:-2]} if toks[0].endswith("es") else {toks[0][:-1]}
        surnames = {
            key(n).split()[-1] for c in self.clusters.values() if c.type == "person" for n in c.person_names()
        }
        # "Ross" and "Ros" share a key (doubled letters fold): a surname itself is no plural
        return key(toks[0]) not in surnames and bool(surnames & {key(x) for x in stems})

    def _ends_with_group(self, text: str) -> bool:
        words = text.split()
        if len(words) < 2:
            return False
        hit = self.kb.lookup(words[-1], "ORG")
        # spelled as the group spells it: "Doe" in "Jane Doe" is no party's acronym "DOE"
        return hit is not None and kind(hit.type) == "group" and words[-1] in hit.names()

    def _part_of(self, text: str, label: str) -> Cluster | None:
        """An organisation named by part of its name ("Colts" for "Indianapolis Colts",
        "Kraft" for "Kraft Foods"), or in full after its short form: one chain, when
        exactly one organisation of the article fits."""
        if label != "ORG":
            return None
        mine = key(text).split()
        if not mine:
            return None
        hits = []
        for c in self.clusters.values():
            if c.type in ("person",) or is_place(c) or c.fixed_name:
                continue
            for n in c.names:
                theirs = key(n).split()
                if not theirs:
                    continue
                short, long_ = sorted((mine, theirs), key=len)
                if len(short) < len(long_) and _edge(short, long_):
                    hits.append(c)
                    break
        return hits[0] if len(hits) == 1 else None

    def finalize(self, doc_key: str) -> None:
        """Ids of the actors the KB does not know, from the fullest name each person's
        chain reached by the end of the article ("Hansbrough" in a headline, then "Tyler
        Hansbrough": tyler_hansbrough). A person named only by one word is an actor
        of this article alone (``name~doc``): a bare surname is no evidence that two
        articles speak of the same person (links.py records the possible ones)."""
        for c in self.clusters.values():
            if c.actor is not None or c.fixed_name or not c.names:
                continue
            if c.type == "person":
                full = c.person_names()
                if full:
                    best = max(full, key=lambda n: (len(tokens(n, strip_honorifics=True)), len(n)))
                    c.id = slug(person_id_key(best)) or c.id
                elif _given_al(c.names):
                    c.id = slug(f"al {person_key(c.names[0])}")  # "Al Quintero": Al is his given name
                else:
                    c.id = f"{slug(person_key(c.names[0]))}~{doc_key}"
            elif c.names:
                # An organisation by the name the article uses most (ties: the first):
                # "Apple" in an article that once says "Apple Computer" is apple, as in
                # the articles that only say "Apple".
                best = max(c.names, key=lambda n: (c.counts.get(n, 0), -c.names.index(n)))
                c.id = slug(key(best)) or c.id

    # ------------------------------------------------------------ document facts
    def main_country(self) -> Cluster | None:
        """The country the article is about (ties: first seen).

        Scored by its own mentions plus those of its places and home
        institutions (government, parliament, cities, bases) and its demonym
        as a modifier: a foreign power's forces do not make it the subject.
        """
        if self._main is None:
            score: dict[str, float] = dict(self.demonym_counts)
            for c in self.clusters.values():
                if c.actor is None:
                    continue
                home = c.id if c.type == "country" else c.actor.attrs.get("country")
                if home and c.type not in ("armed_forces", "person"):
                    score[home] = score.get(home, 0) + c.count
            best = max(score, key=score.get, default=None)
            actor = self.kb.get(best)
            self._main = self._cluster_for_actor(actor) if actor else False
        return self._main or None

    def recent(self, before: int, types: list[str], word: str | None = None) -> Cluster | None:
        """The latest actor mentioned before an offset, of the given types or named with ``word``."""
        cands = [c for c in self.clusters.values() if c.last_before(before) >= 0]
        if word:
            named = [c for c in cands if any(word in n.lower().split() for n in c.names + [c.name])]
            if named:
                return max(named, key=lambda c: c.last_before(before))
        typed = [c for c in cands if c.type in types]
        return max(typed, key=lambda c: c.last_before(before)) if typed else None


_GIVEN_AL = re.compile(r"^Al [A-Z][a-z]+$")


def _given_al(names: list[str]) -> bool:
    """A person's name "Al Surname" (Al Gore, Al Quintero): the Arabic article is written
    al-/Al- or inside a longer name, so capitalised "Al" and one word is a given name."""
    return any(_GIVEN_AL.match(n) for n in names)


def _fits_actor(actor: Actor, full: str) -> bool:
    """Whether a full name can be the KB person: one of its full names is compatible."""
    names = [n for n in actor.names() if len(tokens(n, strip_honorifics=True)) > 1]
    return not names or any(same_person(n, full) for n in names)


def _part_of_country(country: Actor, text: str) -> bool:
    """A country's imported spelling that shares no word with its own names: the
    import lists states and provinces under their country ("NORTH CAROLINA" under
    the US), and a place of another level is not the country."""
    if country.source == "phoenix":
        return False
    own = {t for n in country.names() for t in tokens(n)}
    mine = tokens(text)
    return len(mine) > 1 and not own & set(mine)


def _edge(short: list[str], long_: list[str]) -> bool:
    """Whether the short name is the end ("Colts") or the start ("Kraft") of the long one."""
    n = len(short)
    return long_[-n:] == short or (long_[:n] == short and len(short[0]) > 3)


def is_place(c: Cluster) -> bool:
    return c.type in PLACE_TYPES or c.label in ("GPE", "LOC", "FAC")
