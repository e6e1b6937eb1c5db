"""The knowledge-base entity ruler: known actors get their span and type ahead of NER.

spaCy's statistical NER labels many Arabic names wrongly ("Asa'ib Ahl
al-Haq" a PERSON, "Hadi al-Amiri" a GPE); names the knowledge base knows are
tagged first, with their actor id as ``kb_id``, and NER fills in around them.
Group phrases ("US combat forces", "the Iraqi authorities") come from the
grammar in ``data/groups.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.attrs import LOWER, PREFIX
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsledger.datafile import load_yaml
from newsledger.kb import base
from newsledger.kb.names import _rules, fold, generic_heads, tokens

FACTORY = "newsledger_kb_ruler"
# Name particles that stay lowercase inside a capitalised name.
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "abu",
    "de",
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "al-",
    "ul",
    "-",
    "'s",
    "’s",
}


@lru_cache(maxsize=1)
def settings() -> dict:
    text = resources.files("newsledger.kb").joinpath("data/ruler.yaml").read_text("utf-8")
    data = load_yaml(text)
    data["codes"] = tuple(data["phoenix_codes"])
    return data


def _in_region(actor: base.Actor) -> bool:
    """A Phoenix actor with a code of the region (IRQGOV, USAMIL, IGOUNO ...)."""
    codes = actor.attrs.get("codes", []) + [r.get("code", "") for r in actor.roles]
    return any(c.startswith(settings()["codes"]) for c in codes if c)


@lru_cache(maxsize=1)
def groups() -> dict:
    text = resources.files("newsledger.kb").joinpath("data/groups.yaml").read_text("utf-8")
    return load_yaml(text)


def _variants(name: str) -> set[str]:
    """The name as written plus its apostrophe variants (Asa'ib / Asa’ib)."""
    out = {name}
    for a, b in (("'", "’"), ("’", "'")):
        if a in name:
            out.add(name.replace(a, b))
    return out


def _ruler_names(actor: base.Actor, curated: bool, kb: base.KB | None = None) -> list[str]:
    """Spellings of an actor worth tagging anywhere in a text.

    Curated spellings (region and user files) are all used; imported ones
    (the 2016-2026 sources, Phoenix) only when they have several words and no
    title ("PM MALIKI" no), and for countries only the name itself (their
    lists include towns and demonyms). Of the 2016-2026 import only persons
    and groups are tagged (places are left to NER), persons and parties only
    of the region's countries, and no spelling two actors share.
    """
    if curated:
        if base.tier(actor) != 0:
            return []
        # "the US" would swallow "the US embassy": the article is not part of a name.
        names = [n[4:] if n.lower().startswith("the ") else n for n in actor.names()]
        return [n for n in names if len(n) > 1]
    if actor.type == "country":
        return [actor.name] if base.tier(actor) == 2 else []
    if base.tier(actor) == 1:
        return _imported_names(actor, kb) if kb is not None else []
    if actor.source == "phoenix" and not _in_region(actor):
        return []
    hon = _rules()["honorific_set"]
    out = []
    for n in actor.names() if actor.source == "phoenix" else actor.imported:
        toks = tokens(n)
        # Phoenix lists offices as actors ("US PRESIDENT"): a title before a
        # name is not a mention of its own, so spellings with a title word stay out.
        if any(t in hon for t in toks):
            continue
        if len(toks) >= settings()["min_tokens"] and len(n) >= 6:
            out.append(n)
    return out


def _imported_names(actor: base.Actor, kb: base.KB) -> list[str]:
    """Taggable spellings of an actor of the 2016-2026 import (see ``_ruler_names``)."""
    if base.kind(actor.type) != "person" and actor.type not in settings()["import_types"]:
        return []
    if actor.type != "armed_group":
        country = kb.get(actor.attrs.get("country"))
        iso3 = country.attrs.get("iso3", "") if country is not None else ""
        if not iso3.startswith(settings()["codes"]):
            return []
    hon = _rules()["honorific_set"]
    out = []
    for n in actor.names():
        toks = tokens(n)
        if len(toks) < settings()["min_tokens"] or len(n) < 6 or any(t in hon for t in toks):
            continue
        if len(kb.by_fold.get(base.fold(n), ())) == 1:
            out.append(n)
    return out


class KBRuler:
    def __init__(self, nlp: Language, kb: base.KB):
        self.kb = kb
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # A spelling is tagged for one actor only: the curated (region, user) ones
        # come first in the KB, so a Phoenix duplicate never shadows them.
        seen: set[str] = set()
        for curated in (True, False):
            for actor in kb.actors.values():
                names = {v for n in _ruler_names(actor, curated, kb) for v in _variants(n)}
                names = [n for n in names if n.lower() not in seen]
                seen.update(n.lower() for n in names)
                if names:
                    self.phrases.add(actor.id, list(nlp.tokenizer.pipe(names)))
        self.groups = Matcher(nlp.vocab)
        self._group_patterns: list[list[dict]] = []
        self._add_group_patterns(nlp)
        self.windows = _Windows.build(nlp.vocab, self._group_patterns)

    def _add_groups(self, key: str, patterns: list[list[dict]]) -> None:
        self.groups.add(key, patterns)
        self._group_patterns += patterns

    def _add_group_patterns(self, nlp) -> None:
        g = groups()
        countries = [a for a in self.kb.actors.values() if a.type == "country" and base.tier(a) == 0]
        adj = sorted(
            {
                w.lower()
                for a in countries
                for w in base._as_list(a.attrs.get("demonym")) + [a.name] + _curated(a.aliases)
                if len(w.split()) == 1
            }
        )
        forces_quals = g["institutions"]["forces"]["qualifiers"]
        for what, spec in g["institutions"].items():
            quals = [{"LOWER": {"IN": spec["qualifiers"]}, "OP": "*"}]
            for kind, heads in (("inst", spec["heads"]), ("agent", spec.get("agent_heads"))):
                heads = _alternatives(heads or [])
                if not heads:
                    continue
                self._add_groups(f"{kind}:{what}", [[{"LOWER": {"IN": adj}}] + quals + h for h in heads])
            # "the occupying forces of the United States": the phrase up to "of";
            # __call__ extends it over a country name the phrase matcher found.
            the = [{"LOWER": "the", "OP": "?"}]
            self._add_groups(
                f"of:{what}", [the + quals + h + [{"LOWER": "of"}] for h in _alternatives(spec["heads"])]
            )
        for c in g["collectives"]:
            pats = [
                lead
                + [{"LOWER": {"IN": adj}, "OP": "?"}]
                + m
                + [{"LOWER": {"IN": forces_quals}, "OP": "*"}]
                + h
                for lead in _LED
                for m in _alternatives(c["modifiers"])
                for h in _alternatives(c["heads"])
            ]
            self._add_groups(f"coll:{c['id']}", pats)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        countries: dict[int, Span] = {}  # token -> country name starting there
        for mid, s, e in self.phrases(doc):
            actor = self.kb.actors[doc.vocab.strings[mid]]
            if _cased_like_name(doc[s:e], actor) and not _inside_longer_name(doc, s, actor, self.kb):
                s, e = _widened(doc, s, e, actor)
                spans.append(Span(doc, s, e, label=actor.label, kb_id=actor.id))
                if actor.type == "country" and base.tier(actor) == 0:
                    countries[s] = spans[-1]
        for mid, s, e in self._group_matches(doc):
            kind, _, what = doc.vocab.strings[mid].partition(":")
            if kind == "agent" and not _acts(doc[e - 1]):
                continue  # "the Israeli occupation of ...": a state of affairs
            if kind == "of":
                nxt = e + (e < len(doc) and doc[e].lower_ == "the")
                country = countries.get(nxt)
                if country is None:
                    continue
                e, aid = country.end, country.kb_id_ and _institution(self.kb, country.kb_id_, what)
            elif e < len(doc) and doc[e].pos_ == "NOUN" and doc[e - 1].dep_ == "compound":
                continue  # "US military bases": the phrase modifies a noun
            else:
                aid = what if kind == "coll" else group_id(self.kb, doc[s].text, what)
            if aid:
                spans.append(Span(doc, s, e, label="ORG", kb_id=aid))
        # Longest first: "Asa'ib Ahl al-Haq Movement" over "Asa'ib Ahl al-Haq".
        doc.set_ents(filter_spans(spans), default="unmodified")
        return doc

    def _group_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The group Matcher's matches on the doc, in its order, found by running it
        only over the stretches that can hold one (see ``_Windows``)."""
        if self.windows is None:
            return self.groups(doc)
        out = []
        for a, b in self.windows.spans(doc):
            out += [(mid, s + a, e + a) for mid, s, e in self.groups(doc[a:b])]
        return out


class _Windows:
    """Where in a doc the group patterns can match at all.

    The Matcher tries every pattern at every token, and patterns that open with
    an optional token ("the?", an optional demonym) make each try expensive:
    on a whole article that was most of the ruler's time. Every token of a match
    satisfies one of the patterns' token specs, so a match lies inside a run of
    such tokens, and it contains a token that satisfies some pattern's last spec.
    Running the Matcher on just those runs finds exactly the same matches, in the
    same order. The test per token is over-inclusive on purpose (any lowercase
    form a spec names, any token that starts with a capital A-Z where a regex
    asks for one), which only makes runs longer, never cuts a match.
    """

    def __init__(self, words: np.ndarray, capitals: np.ndarray, last: np.ndarray):
        self.words, self.capitals, self.last = words, capitals, last

    @classmethod
    def build(cls, vocab, patterns: list[list[dict]]) -> _Windows | None:
        """None when a pattern uses a spec this test cannot bound (then the
        Matcher runs on the whole doc, as before)."""
        words, lasts, capital = set(), set(), False
        for pat in patterns:
            forms = [_spec_forms(spec) for spec in pat]
            if not pat or None in forms or forms[-1] == "capital" or pat[-1].get("OP") not in (None, "+"):
                return None
            capital |= "capital" in forms
            words.update(w for f in forms if f != "capital" for w in f)
            lasts |= forms[-1]
        arr = lambda strings: np.array(
            sorted(vocab.strings.add(w) for w in strings),  # noqa: E731
            dtype=np.uint64,
        )
        caps = [chr(c) for c in range(ord("A"), ord("Z") + 1)] if capital else []
        return cls(arr(words), arr(caps), arr(lasts))

    def spans(self, doc: Doc):
        """(start, end) token runs that can hold a match, left to right."""
        if not len(doc):
            return
        a = doc.to_array([LOWER, PREFIX])
        ok = np.isin(a[:, 0], self.words) | np.isin(a[:, 1], self.capitals)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], ok.astype(np.int8), [0]))))
        lasts = np.concatenate(([0], np.cumsum(np.isin(a[:, 0], self.last))))
        for s, e in zip(edges[::2].tolist(), edges[1::2].tolist()):
            if lasts[e] > lasts[s]:
                yield s, e


def _spec_forms(spec: dict):
    """The lowercase forms a token spec accepts, "capital" for a regex that needs
    an initial capital, None for anything else (no window can be drawn)."""
    keys = set(spec) - {"OP"}
    if len(keys) != 1 or spec.get("OP") not in (None, "?", "*", "+"):
        return None
    key = keys.pop()
    value = spec[key]
    if key not in ("LOWER", "ORTH", "TEXT"):
        return None
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"}:
        return {v.lower() for v in value["IN"]}
    if (
        isinstance(value, dict)
        and set(value) == {"REGEX"}
        and key != "LOWER"
        and value["REGEX"].startswith("^[A-Z]")
    ):
        return "capital"
    return None


# "US-led", "U.S.-led", "NATO-led": a named power leading a collective (one token
# or three, as the tokenizer splits it); the empty alternative leaves it optional.
_LED = (
    [],
    [{"TEXT": {"REGEX": r"^[A-Z][\w.]*-led$"}}],
    [{"TEXT": {"REGEX": r"^[A-Z][\w.]*$"}}, {"ORTH": "-"}, {"LOWER": "led"}],
)


def _acts(head) -> bool:
    """Whether a phrase's head acts: possessor, agent, or subject of an action verb.
    With an object of its own ("the occupation of the West Bank") or as the
    subject of a verb of duration ("the occupation continued") it is an event."""
    doc = head.doc
    if head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of":
        return False
    if head.dep_ in ("poss", "agent"):
        return True
    verb = head.head
    return (
        head.dep_ == "nsubj"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in groups()["non_agent_verbs"]
    )


def _widened(doc: Doc, s: int, e: int, actor: base.Actor) -> tuple[int, int]:
    """A KB name as written with more around it: an Arabic article hyphened on
    ("Al-" + "Fateh coalition") and, for a group, a capitalised generic head
    after it ("Asa'ib Ahl al-Haq" + "Movement"): both are part of the name."""
    if (
        s >= 2
        and doc[s - 1].text == "-"
        and doc[s - 2].lower_ in ("al", "el")
        and not doc[s - 2].whitespace_
        and not doc[s - 1].whitespace_
    ):
        s -= 2
    if (
        e < len(doc)
        and base.kind(actor.type) == "group"
        and doc[e].is_title
        and doc[e].lower_ in generic_heads()
        and doc[e - 1].lower_ not in generic_heads()
    ):
        e += 1
    return s, e


def _inside_longer_name(doc: Doc, s: int, actor: base.Actor, kb: base.KB) -> bool:
    """A group's name written as the end of a longer unknown name ("Kataeb Hezbollah"
    is not Hezbollah): right after a capitalised word that is no name, title or
    demonym the KB knows (a proper noun by the tagger). NER reads the whole name instead."""
    if base.kind(actor.type) != "group" or s == 0:
        return False
    prev = doc[s - 1]
    if prev.pos_ != "PROPN" or not prev.is_title or not prev.whitespace_ or prev.is_stop:
        return False
    word = prev.text
    return (
        fold(word) not in kb.demonyms
        and kb.lookup(word) is None
        and word.lower().strip(".") not in _rules()["honorific_set"]
    )


def _curated(aliases: list[str]) -> list[str]:
    """Spellings written by hand (mixed case, acronyms), not the upper-case Phoenix ones
    merged in, which include demonyms and odd variants unfit for phrase grammars."""
    return [a for a in aliases if not (a.isupper() and len(a.replace(".", "")) > 3)]


def _institution(kb: base.KB, country_id: str, what: str) -> str:
    country = kb.get(country_id)
    return country.attrs.get(what) or f"{country.id}_{what}"


def _alternatives(phrases: list[str]) -> list[list[dict]]:
    """Token patterns for a list of phrases: one-word ones share a single IN pattern,
    which keeps the Matcher fast."""
    single = [p.lower() for p in phrases if len(_split(p)) == 1]
    out = [[{"LOWER": {"IN": single}}]] if single else []
    return out + [_words(p) for p in phrases if len(_split(p)) > 1]


def _split(phrase: str) -> list[str]:
    """Words as spaCy's tokenizer cuts them: "pro-Iranian" is pro / - / Iranian."""
    return [w for w in re.split(r"\s+|(?<=\w)(-)(?=\w)", phrase) if w]


def _words(phrase: str) -> list[dict]:
    return [{"LOWER": w.lower()} for w in _split(phrase)]


def sited(kb: base.KB, gid: str) -> tuple[str, str] | None:
    """(country id, institution) of a grammar actor that has a place (an embassy), else None."""
    for what, spec in groups()["institutions"].items():
        if spec.get("sited") and gid.endswith("_" + what):
            country = kb.get(gid[: -len(what) - 1])
            if country is not None and country.type == "country":
                return country.id, what
    return None


def group_id(kb: base.KB, word: str, what: str) -> str | None:
    """Id of a country's institution named by a demonym or the country's name."""
    country = kb.country_of_demonym(word)
    if country is None:
        return None
    return country.attrs.get(what) or f"{country.id}_{what}"


def group_name(kb: base.KB, gid: str, text: str) -> str:
    """Display name of a grammar actor: the collective's name, or "<Demonym> <institution>"."""
    g = groups()
    for c in g["collectives"]:
        if c["id"] == gid:
            return c["name"]
    for what, spec in g["institutions"].items():
        if gid.endswith("_" + what):
            country = kb.get(gid[: -len(what) - 1])
            if country is not None:
                dem = base._as_list(country.attrs.get("demonym")) or [country.name]
                return spec["name"].format(demonym=dem[0], country=country.name)
    return text


def _cased_like_name(span: Span, actor: base.Actor) -> bool:
    """A match counts only where it is written as a name: "US" yes, "us" no."""
    text = span.text
    if base.tier(actor) < 2 and text in actor.names():
        return True  # written exactly as the KB has it
    if len(span) == 1:
        names = actor.names() + actor.imported
        return any(
            text == n
            or (not n.isupper() and text == n.capitalize())
            or (actor.source == "phoenix" and text == n.title())
            for n in names
        )
    content = [t for t in span if any(ch.isalpha() for ch in t.text) and t.lower_ not in PARTICLES]
    if not content or not content[0].text[0].isupper():
        return False
    if base.tier(actor) > 0 or text.lower() in (n.lower() for n in actor.imported):
        return all(t.text[0].isupper() for t in content)
    return True


@Language.factory(FACTORY)
def make_ruler(nlp: Language, name: str):
    return KBRuler(nlp, base.default())
