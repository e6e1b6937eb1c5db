"""Nominal mentions: role phrases and definite descriptions that stand for an actor.

* A role phrase beside a person's name is a mention of that person:
  "The Secretary-General of X, NAME" / "NAME, leader of X," /
  "the Iranian commander General NAME".
* A role phrase with a country and no name ("the Iraqi premier") is a
  mention of whoever held the role on the article's date (KB roles).
* A definite description ("the country", "the government", "the base",
  "the Movement") is a mention of the actor it refers back to, following
  ``data/roles.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from newsledger.kb.names import honorifics
from newsledger.kb.resolve import Cluster, Resolver

MAX_ROLE_TOKENS = 24
_STOP = {",", ";", ":", "(", ")", "“", "”", '"', "–", "—", ".", "!", "?"}


@lru_cache(maxsize=1)
def roles() -> dict:
    text = resources.files("newsledger.kb").joinpath("data/roles.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    data["head_words"] = {h.split()[-1] for h in data["heads"]} | {h.split("-")[-1] for h in data["heads"]}
    return data


class Words:
    """A Doc's token positions by lowercase form, read once from one array.

    The finders below look up the few words they care about (role heads,
    description heads, demonyms) instead of each walking every token: making
    spaCy Token objects is what a pass over the Doc costs.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        at: dict[int, list[int]] = {}
        for i, h in enumerate(doc.to_array(LOWER).tolist()):
            at.setdefault(h, []).append(i)
        strings = doc.vocab.strings
        self.at: dict[str, list[int]] = {strings[h]: pos for h, pos in at.items()}

    def tokens(self, wanted) -> list:
        """Tokens whose lowercase form is in ``wanted`` (a set, dict or predicate), in order."""
        test = wanted if callable(wanted) else wanted.__contains__
        found = sorted(i for w, pos in self.at.items() if test(w) for i in pos)
        return [self.doc[i] for i in found]

    def roles(self) -> list:
        """Tokens that can head a role phrase (see ``_is_role``), in order."""
        if not hasattr(self, "_roles"):
            heads = roles()["head_words"]
            self._roles = [
                t
                for t in self.tokens(lambda w: w in heads or w.split("-")[-1] in heads)
                if t.pos_ in ("NOUN", "PROPN")
            ]
        return self._roles


@dataclass
class Nominal:
    start: int  # token offsets in the doc
    end: int
    cluster: Cluster
    label: str


def _is_role(tok) -> bool:
    low = tok.lower_
    return tok.pos_ in ("NOUN", "PROPN") and (
        low in roles()["head_words"] or low.split("-")[-1] in roles()["head_words"]
    )


def role_appositions(doc: Doc, persons: list[tuple[Span, Cluster]]) -> list[Nominal]:
    """Role phrases right before or right after a person's name."""
    out = []
    hon = honorifics()
    for span, cluster in sorted(persons, key=lambda p: p[0].start):
        # After: "NAME, leader of X, ..." (first, so it wins over the next name's "before")
        j = span.end
        if j < len(doc) and doc[j].text == ",":
            np = _role_np_starting_at(doc, j + 1)
            if np is not None:
                out.append(Nominal(np[0], np[1], cluster, "PERSON"))
        # Before: "... commander General NAME" / "The Secretary-General of X, NAME"
        i = span.start - 1
        # Titles written as part of the name ("Lieutenant General") are skipped;
        # a lowercase "commander" is the role itself.
        while i >= 0 and (doc[i].is_title and doc[i].lower_.strip(".") in hon or doc[i].text == ","):
            i -= 1
        if i >= 0 and (doc[i].pos_ in ("NOUN", "PROPN") or doc[i].text == ")"):
            np = _role_np_ending_at(doc, i, span)
            # Without a comma, only a described role ("the Iranian commander General
            # X") is a mention; a bare title ("US President Joe Biden") is not.
            comma = any(t.text == "," for t in doc[i + 1 : span.start])
            if np is not None and (
                comma
                or doc[np[0]].lower_ in ("the", "a", "an")
                or any(t.tag_ == "POS" for t in doc[np[0] : np[1]])
            ):
                out.append(Nominal(np[0], np[1], cluster, "PERSON"))
    # A phrase between two names ("A, leader of X, and B") belongs to the first.
    kept: list[Nominal] = []
    for n in out:
        if not any(n.start < k.end and k.start < n.end for k in kept):
            kept.append(n)
    return kept


def _role_np_ending_at(doc: Doc, i: int, person: Span) -> tuple[int, int] | None:
    """The role phrase whose last token is ``i`` ("of X" included), if there is one."""
    # The head is either token i itself or a role noun whose "of/for" phrase ends at i.
    k = i
    while k > max(-1, i - MAX_ROLE_TOKENS):
        tok = doc[k]
        if tok.text == ")":  # an acronym in brackets: "Units (PMU)"
            while k > 0 and doc[k].text != "(":
                k -= 1
            k -= 1
            continue
        if (
            tok.text in _STOP
            or tok.pos_ == "VERB"
            or tok.ent_type_ in ("DATE", "TIME")
            or (tok.is_sent_end and k < i)
        ):
            return None
        if _is_role(tok) and (k == i or doc[k + 1].lower_ in ("of", "for", "in")):
            start = _np_left(doc, k)
            if person.start > start and i - start < MAX_ROLE_TOKENS:
                return start, i + 1
        k -= 1
    return None


def _role_np_starting_at(doc: Doc, j: int) -> tuple[int, int] | None:
    """A role phrase starting at token j ("a former member of X"), up to the next comma."""
    k = j
    while (
        k < len(doc)
        and k - j < 5
        and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PUNCT")
        and not _is_role(doc[k])
        and doc[k].text not in _STOP
    ):
        k += 1
    if k >= len(doc) or not _is_role(doc[k]):
        return None
    end = k + 1
    while (
        end < len(doc)
        and end - j < MAX_ROLE_TOKENS
        and doc[end].text not in (",", ";", ".")
        and not (doc[end].pos_ in ("VERB", "AUX") and doc[end].dep_ != "amod" and not doc[end].ent_type_)
    ):
        end += 1
    while end > k + 1 and doc[end - 1].text in _STOP:
        end -= 1
    return j, end


def _np_left(doc: Doc, k: int) -> int:
    """Leftmost token of the noun phrase headed by token k (determiner, modifiers, possessor)."""
    start = k
    while start > 0 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if (
            prev.text in _STOP
            or prev.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PRON")
            and prev.tag_ != "PRP$"
        ):
            break
        start -= 1
        if prev.pos_ == "DET" and prev.lower_ in ("the", "a", "an"):
            break
    return start


def descriptions(doc: Doc, res: Resolver, taken: set[int], words: Words) -> list[Nominal]:
    """Definite descriptions ("the country", "the Iraqi capital") that refer to an actor."""
    table = roles()["descriptions"]
    out = []
    for tok in words.tokens(table):
        spec = table[tok.lower_]
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound":
            continue  # "the government forces": a modifier, not the head
        start = _np_left(doc, tok.i)
        if doc[start].lower_ != "the" or any(t.i in taken for t in doc[start : tok.i + 1]):
            continue
        end = tok.i + 1
        of_end = _of_tail(doc, end, res)
        cluster = _refer(doc, spec, res, doc[start:end], tok)
        if cluster is not None:
            out.append(Nominal(start, of_end or end, cluster, cluster.label))
    return out


def _of_tail(doc: Doc, end: int, res: Resolver) -> int | None:
    """End of an "of ..." tail ("the parliament of the Arab country"), if any."""
    if end < len(doc) and doc[end].lower_ == "of":
        head = doc[end]
        obj = [c for c in head.children if c.dep_ == "pobj"]
        if obj and obj[0].pos_ in ("NOUN", "PROPN"):
            return obj[0].right_edge.i + 1
    return None


def _refer(doc: Doc, spec: dict, res: Resolver, np: Span, head) -> Cluster | None:
    how = spec["resolve"]
    if how == "recent":
        # "the forces": the latest armed force, not whatever name holds the word
        # ("Popular Mobilization Forces"); "the Movement": the latest so named
        word = head.lower_ if spec.get("by_name", True) else None
        return res.recent(np.start_char, spec.get("types", []), word)
    country = _country_in(np, res) or res.main_country()
    if country is None:
        return None
    if how == "country":
        return country
    actor = country.actor
    if actor is None:
        return None
    aid = actor.attrs.get(how)
    if not aid:
        return None
    name = f"{actor.attrs.get('demonym') or actor.name} {how}"
    return res.synthetic(aid, name, "GPE" if how == "capital" else "ORG")


def _country_in(np: Span, res: Resolver) -> Cluster | None:
    for t in np:
        a = res.kb.country_of_demonym(t.text) if t.text[:1].isupper() else None
        if a is not None:
            return res._cluster_for_actor(a)
    return None


def _role_name(doc: Doc, tok) -> str:
    """The KB role a head noun names: "premier" -> prime minister, "secretary general"."""
    r = roles()
    role = tok.lower_
    if tok.i > 1 and doc[tok.i - 1].text == "-":  # "Secretary-General" split in three
        role = f"{doc[tok.i - 2].lower_}-{tok.lower_}"
    elif tok.i > 0 and f"{doc[tok.i - 1].lower_} {tok.lower_}" in r["heads"]:
        role = f"{doc[tok.i - 1].lower_} {tok.lower_}"
    return r["synonyms"].get(role, role)


def role_of_group(
    doc: Doc, res: Resolver, taken: set[int], owner: dict[int, tuple[int, Cluster]], words: Words
) -> list[Nominal]:
    """ "the secretary general of the Badr Organization": the KB holder on the date.

    ``owner`` maps a token to the (end token, cluster) of the name mention it starts.
    """
    out = []
    for tok in words.roles():
        if tok.i in taken or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in ("of", "for"):
            continue
        j = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
        if j not in owner or owner[j][1].actor is None:
            continue
        end, group = owner[j]
        holders = res.kb.holders(_role_name(doc, tok), group.id, res.date)
        start = _np_left(doc, tok.i)
        if len(holders) == 1 and doc[start].lower_ in {"the", "a", "an", tok.lower_}:
            out.append(Nominal(start, end, res._cluster_for_actor(holders[0]), "PERSON"))
    return out


def role_holders(doc: Doc, res: Resolver, taken: set[int], words: Words) -> list[Nominal]:
    """ "the Iraqi premier", "Iraq's prime minister": the holder on the article's date."""
    r = roles()
    out = []
    for tok in words.roles():
        if tok.i in taken:
            continue
        role = _role_name(doc, tok)
        if role not in r["of_government"] and role not in r["of_country"]:
            continue
        start = _np_left(doc, tok.i)
        country = _country_in(doc[start : tok.i], res)
        if (
            country is None
            or country.actor is None
            or doc[start].lower_ not in ("the",)
            and not doc[start].text[:1].isupper()
        ):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue  # a title before a name: the name is the mention
        of = country.actor.attrs.get("government") if role in r["of_government"] else country.id
        holders = res.kb.holders(role, of, res.date)
        if len(holders) == 1:
            c = res._cluster_for_actor(holders[0])
            out.append(Nominal(start, tok.i + 1, c, "PERSON"))
    return out
