"""Event arguments: from a parse token to an actor (ledger id and name).

An argument is the head token of a noun phrase. It becomes the entity of the
mention that covers the head (so "US forces" is not mistaken for "US"), the
apposition's mention where the head is a description ("the premier, X"), the
resolved antecedent of a pronoun, or else the noun phrase's own words with no
id (the scorer and the cross-report stage map names to actors).
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, replace

from newsledger.extract.base import Extraction
from newsledger.extract.events.lexicon import lexicon, word_sets
from newsledger.kb import base as kb_base
from newsledger.kb.ruler import groups

SUBJ = ("nsubj", "nsubjpass", "csubj")
# Modifiers that belong to an actor's name: "US combat forces", "Iraqi government".
_NAME_DEPS = ("compound", "amod", "nmod", "nummod")
_PERSONAL = {"he", "him", "his", "she", "her"}
_GROUP = {"it", "its", "they", "them", "their"}
_SPEAKER = {"i", "me", "my", "we", "us", "our"}
_RELATIVE = {"that", "which", "who", "whom", "whose"}
_ANTECEDENT_SENTENCES = 6
# numbers, times and named things (a rifle model, a show, a law) act on no one
_NOT_ACTORS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "EVENT",
}


@dataclass(frozen=True)
class Actor:
    """An argument as the ledger knows it: id where a mention covers it, else a name."""

    id: str | None
    name: str
    start: int
    end: int
    how: str  # mention | appos | organisation | pronoun | speaker | phrase
    anchored: bool = False  # a phrase built on a name ("Iraqi parliament", "US forces")
    body: bool = False  # a phrase headed by a word for a body that acts ("the militias")


def np_bounds(head) -> tuple[int, int]:
    """Token bounds [i, j) of the head with its name modifiers, without determiners."""
    lo = head.i
    for c in head.lefts:
        # "Sudan's government" keeps its owner; "their government" does not
        if c.dep_ in _NAME_DEPS or (c.dep_ == "poss" and c.pos_ == "PROPN"):
            lo = min(lo, c.left_edge.i)
    doc = head.doc
    while lo < head.i and doc[lo].dep_ in ("det", "punct", "case"):
        lo += 1
    return lo, head.i + 1


def mention_view(doc, ex: Extraction) -> Extraction:
    """A shallow copy of the Extraction whose mentions all carry a label (the NER
    type of their first token where the entity stage left it empty), sorted, with a
    token -> mention index so that looking up an argument's mention is O(1)."""
    view = copy.copy(ex)
    by_tok: dict[int, object] = {}
    mentions = []
    for m in sorted(ex.mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if not m.label:
            m = replace(m, label=span[0].ent_type_ or span.root.ent_type_)
        mentions.append(m)
        for t in span:
            by_tok.setdefault(t.idx, m)
    view.mentions = mentions
    view.by_tok = by_tok
    view.mention_ends = [m.end for m in mentions]
    return view


def covering(ex: Extraction, tok):
    return getattr(ex, "by_tok", {}).get(tok.idx)


def _prior(ex: Extraction, before: int, labels: tuple[str, ...]):
    ends = getattr(ex, "mention_ends", None) or [m.end for m in ex.mentions]
    i = bisect.bisect_left(ends, before + 1)
    for m in reversed(ex.mentions[:i]):
        if m.end <= before and m.label in labels:
            return m
    return None


def _quote_at(ex: Extraction, pos: int):
    return next((q for q in ex.quotes if q.start <= pos < q.end), None)


def speaker_at(ex: Extraction, pos: int) -> Actor | None:
    """The speaker of the quote that contains a position, when known."""
    q = _quote_at(ex, pos)
    if q is None or not (q.speaker_id or q.speaker_name):
        return None
    s = q.speaker_start if q.speaker_start is not None else q.start
    e = q.speaker_end if q.speaker_end is not None else q.start
    return Actor(q.speaker_id, q.speaker_name or q.speaker_id, s, e, "speaker")


def quote_speakers(ex: Extraction, pos: int) -> frozenset:
    """The ids of the speaker and co-speakers of the quote around a position."""
    q = _quote_at(ex, pos)
    if q is None:
        return frozenset()
    return frozenset(x for x in (q.speaker_id, *q.co_speakers) if x)


def _plural_before(tok):
    """The nearest plural noun (or group name) before a pronoun in its sentence."""
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") and (
            t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("ORG", "NORP")
        ):
            return t
    return None


def _singular_subject_before(tok):
    """A singular non-person subject earlier in the pronoun's sentence."""
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if (
            t.dep_ in ("nsubj", "nsubjpass")
            and t.tag_ in ("NN", "NNP")
            and t.ent_type_ != "PERSON"
            and t.head.i != tok.head.i
        ):
            return t
    return None


def _pronoun(ex: Extraction, tok) -> Actor | None:
    low = tok.lower_
    if low in _SPEAKER:
        return speaker_at(ex, tok.idx)
    # The quote stage may already have resolved this very pronoun as a speaker.
    q = next((q for q in ex.quotes if q.speaker_start == tok.idx and q.speaker_id), None)
    if q is not None:
        return Actor(q.speaker_id, q.speaker_name or q.speaker_id, tok.idx, tok.idx + len(tok), "pronoun")
    if low in ("they", "them", "their"):
        prior = _plural_before(tok)
        if prior is not None:
            a = resolve(ex, prior)
            if a is not None:
                return Actor(a.id, a.name, a.start, a.end, "pronoun")
        labels = ("ORG", "NORP", "GPE")
    elif low in _GROUP:
        # "if the government needs advisers, it needs ...": the subject just before
        prior = _singular_subject_before(tok)
        if prior is not None:
            a = resolve(ex, prior)
            if a is not None:
                return Actor(a.id, a.name, a.start, a.end, "pronoun")
        labels = ("ORG", "GPE")
    elif low in _PERSONAL:
        labels = ("PERSON",)
    else:
        return None
    m = _prior_subject(ex, tok, labels) or _prior(ex, tok.idx, labels)
    if m is None:
        return None
    return Actor(m.entity_id, m.entity_name, tok.idx, tok.idx + len(tok), "pronoun")


def _prior_subject(ex: Extraction, tok, labels: tuple[str, ...]):
    """The latest subject mention of a fitting type in the sentences before (a short
    window): a subject is the likelier antecedent than whatever name came last."""
    doc = tok.doc
    sent = tok.sent
    for _ in range(_ANTECEDENT_SENTENCES):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        for t in reversed(sent):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN":
                m = covering(ex, t)
                if m is not None and m.label in labels:
                    return m
    return None


def _of_object(head):
    _, obj = prep_object(head, ("of", "in", "from"))
    return obj


def _named(ex: Extraction, head) -> Actor | None:
    """The mention a head stands for: its own, its apposition's, its organisation's."""
    m = covering(ex, head)
    if m is None and (of := place_named(head)) is not None:
        m = covering(ex, of)  # "the town OF GORAZDE", "the republic OF NAKHICHEVAN"
    if m is not None:
        forces = _forces_of_people(head)
        if forces is not None:
            return Actor(forces.id, forces.name, m.start, m.end, "mention")
        return Actor(m.entity_id, m.entity_name, m.start, m.end, "mention")
    for c in head.children:
        if c.dep_ == "appos" and (m := covering(ex, c)) is not None:
            return Actor(m.entity_id, m.entity_name, m.start, m.end, "appos")
    if head.dep_ == "appos" and (m := covering(ex, head.head)) is not None:
        return Actor(m.entity_id, m.entity_name, m.start, m.end, "appos")
    for c in head.lefts:
        # "the Hizbollah group", "the Hamas movement": the name inside the phrase (but
        # "a Wasilla woman" is from Wasilla, not Wasilla)
        m = covering(ex, c) if c.dep_ == "compound" and not _individual(head) else None
        if m is not None and m.label in ("ORG", "PERSON"):
            return Actor(m.entity_id, m.entity_name, m.start, m.end, "mention")
    if _force_word(head):
        # "inspectors OF the IAEA", "observers FROM the OSCE": the body they serve
        _, obj = prep_object(head, ("of", "from"))
        m = covering(ex, obj) if obj is not None else None
        if m is not None and m.label == "ORG":
            return Actor(m.entity_id, m.entity_name, m.start, m.end, "organisation")
    if head.lemma_.lower() in word_sets()["role"] or head.lower_ in word_sets()["role"]:
        # "the leader of Hamas", "a commander in Hamas", "officials FROM China" (but
        # "soldiers in Iraq" are not Iraq)
        prep, obj = prep_object(head, ("of", "in", "from"))
        m = covering(ex, obj) if obj is not None else None
        if m is not None and (m.label == "ORG" or (prep.lower_ in ("of", "from") and m.label == "GPE")):
            return Actor(m.entity_id, m.entity_name, m.start, m.end, "organisation")
        if m is None and obj is not None and obj.pos_ == "NOUN" and prep.lower_ == "of":
            # "a member of the Syrian parliament": the body, named by its phrase
            lo, hi = np_bounds(obj)
            doc = obj.doc
            if any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in doc[lo:hi]):
                start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                return Actor(None, ex.article.text[start:end], start, end, "phrase", True, True)
    return None


def place_named(head):
    """The name in "the town of X", "the republic of X": the place the phrase names."""
    from newsledger.extract.events.sides import data

    if head.pos_ != "NOUN" or head.lower_ not in data()["places"]:
        return None
    _, of = prep_object(head, ("of",))
    if of is None or of.pos_ != "PROPN" or of.ent_type_ not in ("GPE", "LOC", "FAC", "ORG"):
        return None
    return of


def _force_word(head) -> bool:
    from newsledger.extract.events.sides import data

    return head.lower_ in data()["forces"]


def _individual(head) -> bool:
    from newsledger.extract.events.sides import individual

    return individual(head.lower_) or individual(head.lemma_)


def _governor(tok):
    """The word a noun is the party of: its verb, or the word its preposition hangs on."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head


def _forces_of_people(head):
    """The armed forces a people named by its plural demonym stands for as the party
    of a military act ("the need for the AMERICANS to withdraw", "attacks on the
    IRANIANS"); None elsewhere ("Americans are worried" are the people)."""
    if head.tag_ not in ("NNPS", "NNS") or head.ent_type_ != "NORP" or not head.lower_.endswith("s"):
        return None
    gov = _governor(head)
    words = word_sets()["military_words"]
    if gov.i == head.i or (gov.lemma_.lower() not in words and gov.lower_ not in words):
        return None
    kb = kb_base.default()
    country = kb.country_of_demonym(head.text) or kb.country_of_demonym(head.text[:-1])
    forces = kb.institution(country, "forces") if country is not None else None
    return forces if forces is not None and forces.type == "armed_forces" else None


def _country_before(ex: Extraction, tok):
    """The country named last before a token in its sentence ("the U.S. dream that ITS
    troops", "the American dream that ITS troops"): by a mention's actor, or a demonym."""
    kb = kb_base.default()
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if t.ent_type_ not in ("GPE", "NORP", "ORG"):
            continue
        m = covering(ex, t)
        side = side_of(m.entity_id) if m is not None else None
        country = kb.get(side) if side else kb.country_of_demonym(t.text)
        if country is not None and country.type == "country":
            return country
    return None


def _possessed_body(ex: Extraction, head) -> Actor | None:
    """ "its troops", "their government": a country's institution, the country being the
    one the sentence named last before the pronoun."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return None
    what = institution_of(head)
    country = _country_before(ex, poss) if what else None
    inst = kb_base.default().institution(country, what) if country is not None else None
    if inst is None:
        return None
    lo, hi = np_bounds(head)
    start, end = head.doc[lo].idx, head.doc[hi - 1].idx + len(head.doc[hi - 1])
    return Actor(inst.id, inst.name, start, end, "possessive", anchored=True, body=True)


def country_of_place(actor: Actor | None) -> Actor | None:
    """A place of the KB that is not a country (a base, a city) stands, as a party, for
    the country it is in; anything else is returned as it is."""
    kb = kb_base.default()
    place = kb.get(actor.id) if actor is not None and actor.id else None
    if place is None or place.type not in kb_base.PLACE_TYPES or place.type == "country":
        return actor
    country = kb.get(place.attrs.get("country"))
    if country is None:
        return actor
    return replace(actor, id=country.id, name=country.name, how="place")


def institution_of(head) -> str | None:
    """The kind of state institution a head word names (forces, government, ...)."""
    for what, spec in groups()["institutions"].items():
        if head.lower_ in spec["heads"] or head.lemma_.lower() in spec["heads"]:
            return what
    return None


def side_of_actor(actor: Actor | None) -> str | None:
    """The country of an argument: its KB actor's, else that of a demonym or country name
    in its words ("French troops" -> france)."""
    if actor is None:
        return None
    side = side_of(actor.id) if actor.id else None
    if side is not None:
        return side
    kb = kb_base.default()
    for word in actor.name.split():
        country = kb.country_of_demonym(word)
        if country is not None:
            return country.id
    return None


def side_of(actor_id: str | None, depth: int = 0) -> str | None:
    """The country an actor belongs to in the KB: itself, its ``country``, or that of
    the body a person holds a role in."""
    kb = kb_base.default()
    a = kb.get(actor_id) if actor_id else None
    if a is None:
        return None
    if a.type == "country":
        return a.id
    if a.attrs.get("country"):
        return a.attrs["country"]
    if depth == 0:
        for r in a.roles:
            side = side_of(r.get("of"), 1)
            if side:
                return side
    return None


def _doer(head):
    """Who did the deed a phrase names: "crimes committed BY X", "demands FROM X",
    "a meeting OF X"; the actor an act on a deed is about. Bodies and roles are
    actors themselves ("the government headed by X" is the government)."""
    words = word_sets()
    if head.lemma_.lower() in words["institution"] or head.lower_ in words["role"]:
        return None
    nouns = lexicon().nouns
    # an act's party: "demands FROM X", "a meeting OF the Council"
    preps = ("by", "from", "of") if head.lower_ in nouns or head.lemma_.lower() in nouns else ("by",)
    _, by = prep_object(head, preps)
    if by is not None:
        return by
    part = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return agent_of(part) if part is not None else None


def resolve(ex: Extraction, head, depth: int = 0) -> Actor | None:
    """The actor a noun-phrase head stands for, or None for no usable argument."""
    if head is None:
        return None
    words = word_sets()
    low = head.lower_
    if depth < 3 and (
        low in words["quantity"] or low in words["carrier"] or head.lemma_.lower() in words["carrier"]
    ):
        obj = _of_object(head)
        if obj is not None:
            return resolve(ex, obj, depth + 1)
    if head.ent_type_ in _NOT_ACTORS:
        return None
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head  # "militias that target": the militias
    if head.pos_ == "PRON":
        return _pronoun(ex, head)
    body = _possessed_body(ex, head)
    if body is not None:
        return body
    named = _named(ex, head)
    if named is not None:
        return named
    if head.pos_ == "ADJ" and head.ent_type_ == "NORP":
        # "two ISRAELI air raids": the country of the demonym the entities stage left
        country = kb_base.default().country_of_demonym(head.text)
        if country is not None:
            return Actor(country.id, country.name, head.idx, head.idx + len(head), "mention")
    if head.pos_ not in ("NOUN", "PROPN") or low in words["quantity"] or low in words["carrier"]:
        return None
    same = _copula_other(head) if depth < 2 else None
    if same is not None:
        a = resolve(ex, same, depth + 1)
        if a is not None and a.how != "phrase":
            return a  # "the man accused of X IS Anthony LaCalamita": that person
    doer = _doer(head) if depth < 2 else None
    if doer is not None:
        a = resolve(ex, doer, depth + 1)
        if a is not None and (a.how != "phrase" or a.anchored or a.body):
            return a
    if head.lemma_.lower() not in words["institution"] and low not in words["institution"]:
        inst = next(
            (c for c in head.lefts if c.dep_ == "compound" and c.lower_ in words["institution"]), None
        )
        if inst is not None:
            return resolve(ex, inst, depth + 1)
    lo, hi = np_bounds(head)
    doc = head.doc
    # an age is said of a person ("a 57-YEAR-OLD woman"): only a time the phrase names is no actor
    ages = {t.i for c in head.children if c.dep_ == "amod" for t in c.subtree}
    if head.lemma_.lower() in words["time"] or any(
        t.ent_type_ in ("DATE", "TIME") and t.i not in ages for t in doc[lo:hi]
    ):
        return None  # "at the end of 2021" is no actor
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    anchored = any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in doc[lo:hi])
    body = head.lemma_.lower() in words["institution"] or low in words["institution"]
    return Actor(None, ex.article.text[start:end], start, end, "phrase", anchored, body)


def _copula_other(head):
    """The other side of an identity a description is part of ("the man accused of X IS
    Anthony LaCalamita III", "HE is the second player to be arrested"): the name or
    pronoun the copula equates it with, or None (a negated copula equates nothing)."""
    cop = head.head
    if head.pos_ != "NOUN" or cop.lemma_ != "be" or head.dep_ not in ("nsubj", "attr"):
        return None
    if any(c.dep_ == "neg" for c in cop.children):
        return None
    want = "attr" if head.dep_ == "nsubj" else "nsubj"
    other = next((c for c in cop.children if c.dep_ == want), None)
    if other is None or other.pos_ not in ("PROPN", "PRON") or other.lower_ in _RELATIVE:
        return None
    return other


def actorish(a: Actor | None) -> bool:
    """A known actor, a phrase built on a name, or a body that acts ("the militias")."""
    return a is not None and (a.how != "phrase" or a.anchored or a.body)


def expand(ex: Extraction, head) -> list[Actor]:
    """The actors of a head and of the heads coordinated with it ("Amiri, Khazali and
    Fayyad"). Coordinated phrases that name no actor are left out: "bases and camps"
    is one target, and in "popular stances and resistance factions" the factions act."""
    first = resolve(ex, head)
    heads = list(head.conjuncts)
    # A list of names is often parsed as appositions ("A, B, as well as C"); an
    # acronym in brackets is the same actor again.
    if covering(ex, head) is not None:
        heads += [
            c
            for c in head.children
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and c.doc[c.left_edge.i - 1].text != "("
            and c.i > 0
            and not _address_after(head, c)
        ]
    out = []
    for h in heads:
        a = resolve(ex, h)
        if actorish(a) and all(a.name != o.name for o in out) and (first is None or a.name != first.name):
            out.append(a)
    if first is not None and (actorish(first) or not out):
        out.insert(0, first)
    return out


_ADDRESS_LABELS = frozenset(("FAC", "GPE", "LOC"))


def _address_after(head, appos) -> bool:
    """ "Mr Jenkin, of Newton Street, MILLOM": a name after the person's of-phrase of a
    street or place is the rest of the address, not a second party."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and c.i < appos.i
        and any(g.dep_ == "pobj" and g.ent_type_ in _ADDRESS_LABELS for g in c.children)
        for c in head.children
    )


def _bare_participle(verb, subj) -> bool:
    """A past participle right after its subject, with no auxiliary, in a clause under
    another verb is a reduced relative the parser misread ("says the woman ACCUSED of
    killing two co-workers is ..."): its noun is what the participle is done to. (A main
    verb the tagger took for a participle, "students PROTESTED", is not.)"""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ != "ROOT"
        and subj.i + 1 == verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def subject_of(verb):
    """The subject of a verb, inherited along xcomp/conj/advcl chains; (token, passive)."""
    seen = 0
    # a verb in the active form keeps its subject's role when it inherits it from a passive
    # clause ("Ortiz was killed while INVESTIGATING a shooting": Ortiz investigates)
    active = verb is not None and verb.tag_ != "VBN"
    # a passive verb keeps its role when it shares an active verb's subject ("He took her
    # captive and WAS ARRESTED": he is arrested)
    own_passive = verb is not None and any(c.dep_ == "auxpass" for c in verb.children)
    via_noun = False  # "an ATTEMPT to kill X was thwarted": the noun's verb says nothing of roles
    while verb is not None and seen < 4:
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, (own_passive and seen > 0) or (not seen and _bare_participle(verb, c))
            if c.dep_ == "nsubjpass":
                return c, not (seen and active and not via_noun)
        if (
            verb.dep_ in ("xcomp", "advcl")
            and _infinitive(verb)
            and (given := recipient(verb.head)) is not None
        ):
            return given, False  # "gave the troops a chance TO LEAVE": the troops
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        if (
            own_passive
            and verb.dep_ == "pcomp"
            and verb.head.dep_ == "prep"
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head.head  # "was suspended AFTER BEING CHARGED": who was suspended
            seen += 1
            continue
        if (
            verb.dep_ == "acl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            given = recipient(verb.head.head)
            if given is not None:
                return given, False  # "gave the troops a chance to withdraw": the troops
            verb = verb.head.head  # "Russia has no plans to withdraw": who has them
            via_noun = True
            seen += 1
            continue
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "soldiers DEPLOYED in X": a past participle's noun is its object
            # "the second player TO BE ARRESTED": a passive relative's noun is its object
            return verb.head, (verb.dep_ == "acl" and verb.tag_ == "VBN") or own_passive
        lead = _leading_clause_subject(verb)
        if lead is not None:
            return lead, own_passive and seen > 0
        break
    return None, False


_FINITE = frozenset(("VBD", "VBZ", "VBP"))


def _leading_clause_subject(verb):
    """A finite main verb has a subject; where the parser gave it none and hung the
    subject on a clause before it ("when HE overpowered a deputy, took her gun and
    shot the judge": "took" left without "he"), that clause's subject is the verb's."""
    if verb.tag_ not in _FINITE or verb.dep_ != "ROOT":
        return None
    for c in verb.lefts:
        if c.dep_ == "advcl" and c.tag_ in _FINITE:
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def recipient(verb):
    """The receiver of a verb of giving ("gave X a chance", "a chance TO X", "gave X
    until Friday"); the object only where it names a party, not the thing given."""
    if verb.lemma_.lower() not in word_sets()["giving_verbs"]:
        return None  # "sent 21 monitors TO BOSNIA to investigate"
    for c in verb.children:
        if c.dep_ == "dative":
            return next((g for g in c.children if g.dep_ == "pobj"), None) if c.pos_ == "ADP" else c
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None and (
        obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or obj.lower_ in word_sets()["institution"]
    ):
        return obj
    return None


def agent_of(verb):
    """The by-phrase object of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def prep_object(tok, preps) -> tuple:
    """(preposition token, its object) of the first child preposition in ``preps``."""
    for c in tok.children:
        if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            return c, obj
    return None, None
