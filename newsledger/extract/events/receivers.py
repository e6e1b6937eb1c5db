"""Who an act is done to when its object is not the party: the receiver of what is
given or sent, whoever a condition or a complement clause names.

Rules on the dependency parse only (no model):

* a thing or force of the doer's own is what it gives or sends, not its party
  ("offered ITS TROOPS to X", "imposed restrictions on ITS labour market for EU
  members", "refused to deploy PEACEKEEPERS in Iraq"): the party is the receiver, the
  place or the adversary of the purpose ("mobilized reservists for a war AGAINST Iraq");
* a threat's party is who must comply with its condition ("threatened to strike
  UNLESS ISRAEL rescinded ..", "IF THE UNITED STATES goes ahead");
* an act with no object whose complement has a subject of its own acts on that subject
  ("decided to allow CANDIDATE X to run", "refused to allow UN PLANES to land");
* an act with no party done in order to do something to someone is done to them
  ("opened fire TO DISPERSE demonstrators");
* places: a city stands for its country only as the party of a withdrawal or a
  deployment, and never as the party of an act done to a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.extract.base import Extraction
from newsledger.extract.events import args as A
from newsledger.extract.events import context as C
from newsledger.extract.events import sides as SD
from newsledger.extract.events.lexicon import lexicon

if TYPE_CHECKING:
    from newsledger.extract.events.coder import Hit

_OWNER_PRONOUNS = frozenset(("its", "their", "his", "her", "our"))
# where what is sent or deployed goes
_TO_PREPS = ("to", "into", "in", "against", "for", "on", "inside")
_PARTY_OF_NOUN = ("against", "on", "with", "to", "into")
_CONDITION_MARKS = frozenset(("unless", "if"))
# what a threat's condition may hang on: its content, the content's object and its clauses
_CONTENT_DEPS = frozenset(("xcomp", "ccomp", "dobj", "acl"))


def _own(obj) -> bool:
    """A thing or force the doer gives, sends or limits: its own ("ITS troops", "THEIR
    borders"), or a force word with no name of another party that a verb of sending
    has for object ("deploy peacekeepers", "mobilized army reservists")."""
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    head = obj.lower_ if obj.lower_ in SD.data()["forces"] else obj.lemma_.lower()
    if any(c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS for c in obj.children):
        return not SD.people_word(obj.lower_) or head in SD.data()["forces"]
    if head not in SD.data()["forces"] or obj.head.lemma_.lower() not in SD.data()["sending_verbs"]:
        return False  # "militias that target the occupying FORCES": the party
    lo, hi = A.np_bounds(obj)
    return not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in obj.doc[lo:hi])


def _time(tok) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


def _destination(verb):
    """Where or to whom a verb sends its object: the object of a preposition of the verb
    or of its object; through an event noun to the party it names ("for a war AGAINST
    Iraq")."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("prep", "dative") or c.lower_ not in _TO_PREPS:
                continue
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or _time(obj) or _own(obj):
                continue
            if obj.lower_ in lexicon().nouns or obj.lemma_.lower() in lexicon().nouns:
                _, obj = A.prep_object(obj, _PARTY_OF_NOUN)
            if obj is not None:
                return obj
    return None


def own_object_receiver(hit) -> tuple[bool, object]:
    """(whether the hit's target is the doer's own thing, the receiver instead)."""
    tgt, verb = hit.target, hit.trigger
    if tgt is None or hit.nominal or verb.pos_ not in ("VERB", "AUX") or not _own(tgt):
        return False, None
    # the verb's object, or the object of a preposition of the verb or of its object
    # ("imposed restrictions ON ITS labour market")
    up = tgt.head.head if tgt.dep_ == "pobj" else tgt.head
    if tgt.dep_ not in ("dobj", "obj", "pobj") or (up.i != verb.i and up.head.i != verb.i):
        return False, None
    return True, _destination(verb)


def condition_party(trigger, depth: int = 4):
    """The subject of an "unless"/"if" clause of the act or of what it threatens
    ("threatened to hold a strike UNLESS ISRAEL rescinded ..", "threatened to stop talks
    to reduce arms IF THE UNITED STATES goes ahead")."""
    frontier = [trigger]
    for _ in range(depth):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children
                ):
                    subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                    if subj is not None and subj.pos_ != "PRON":
                        return subj
                elif c.dep_ in _CONTENT_DEPS:
                    nxt.append(c)
        frontier = nxt
    return None


def own_or_receiver(tok):
    """An object of the doer's own ("refused to deploy PEACEKEEPERS in Iraq") gives way to
    where it is sent; any other token is returned as it is."""
    if tok is not None and tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB" and _own(tok):
        return _destination(tok.head) or tok
    return tok


def complement_subject(trigger):
    """The subject a to-complement of an act has of its own ("allow CANDIDATE X to run";
    the parser hangs it as the clause's subject), for an act with no object."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]
    for v in verbs:
        if any(c.dep_ in ("dobj", "obj", "dative") for c in v.children):
            return None
        for c in v.children:
            if c.dep_ not in ("ccomp", "xcomp") or not any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                continue
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    return None


def purpose_object(trigger):
    """The object of the act's infinitive of purpose ("opened fire TO DISPERSE
    demonstrators"): whom the act is done to."""
    for c in trigger.children:
        if c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


_GRIEVANCE_PREPS = ("over", "about", "at")


def grievance_doer(trigger):
    """Whom a complaint accuses: the doer of the act it is about ("complained to the UN
    OVER two ISRAELI air raids": Israel, not the UN it was made to), by the act noun's
    owner, name modifier or by-phrase."""
    for c in trigger.children:
        if c.dep_ != "prep" or c.lower_ not in _GRIEVANCE_PREPS:
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or (obj.lower_ not in lexicon().nouns and obj.lemma_.lower() not in lexicon().nouns):
            continue
        for g in obj.children:
            if g.dep_ == "poss" or (
                g.dep_ in ("amod", "compound", "nmod") and g.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
            ):
                return g
        _, by = A.prep_object(obj, ("by",))
        if by is not None:
            return by
    return None


def said_of_name(relcl) -> bool:
    """A relative clause that tells of a name or a place ("Serbia, where ..", "X, who has
    vowed ..") describes it: it is no content of the act above."""
    return relcl.head.pos_ == "PROPN" or any(
        c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in relcl.children
    )


def paired(hit: Hit) -> bool:
    """A joint act whose subject names both parties ("A and B agreed"), or none: it
    takes no third party from its prepositions ("gave a welcome TO X" has one)."""
    return hit.source is None or any(c.dep_ == "conj" for c in hit.source.children)


def event_noun(tok) -> bool:
    """An event noun that is no name ("its Gulf WAR with Iraq"): no party itself."""
    nouns = lexicon().nouns
    return tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC") and (
        tok.lower_ in nouns or tok.lemma_.lower() in nouns
    )


def asked_of_doer(parent: Hit, content: Hit) -> bool:
    """Whether an act is aimed at the doer of its content: an accusation ("allege the man
    opened fire, killing X": the man), a demand whose content has its own subject
    ("demanded that THE UNITED STATES match X's support": the United States is asked)."""
    if parent.coding.type == "ACCUSE":
        return True
    src = content.source
    return (
        parent.coding.type == "REQUEST"
        and src is not None
        and src.pos_ != "PRON"
        and src.head.i == content.trigger.i
        and src.dep_ == "nsubj"
    )


def place_parties(ex: Extraction, hit: Hit, sources, targets) -> list:
    """Places as parties of a withdrawal or deployment: a KB place stands for its country
    ("withdrew from the X air base"), a place the KB does not know for the country it is
    said to be in ("left the Tanf base IN SYRIA"); never the doer's own country ("French
    troops left the country")."""
    # other acts are done to the place itself ("blockaded PARIS", "a curfew in CIZRE")
    as_country = hit.coding.type in SD.data()["place_as_country"]
    out = []
    for t in targets:
        t = A.country_of_place(t) if as_country else t
        if t is not None and not t.id and SD.kind(t) != "actor":
            # a place the KB does not know, not people without a name ("five protesters")
            t = A.resolve(ex, C.place_object(ex, hit.trigger)) or t
        sides = {A.side_of_actor(s) for s in sources} - {None}
        if t is not None and t.id and (t.id in sides or as_country and A.side_of(t.id) in sides):
            t = None
        out.append(t)
    return out


def place_for_person(ex: Extraction, hit: Hit, actor) -> bool:
    """A city or building named with an act done to a person ("sentenced to two years in
    an Atlanta penitentiary") is no party of it (sides.yaml person_codes)."""
    if actor is None or actor.end <= actor.start:
        return False
    span = hit.trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    known = A.kb_base.default().get(actor.id) if actor.id else None
    return SD.place_for_person(hit.coding.cameo, span.root.ent_type_, known.type if known else None)


# Prepositions that say where or when, not against whom ("rallied IN Lagos", "ON Sunday");
# "IN protest of X", "IN defiance of X" do name it.
_SETTING_PREPS = frozenset(
    ("in", "at", "near", "throughout", "across", "around", "outside", "inside", "on", "during", "since")
)
_STANCE_NOUNS = frozenset(("protest", "defiance", "opposition", "solidarity", "support", "response"))
_CLAUSE_DEPS = frozenset(("advcl", "xcomp", "acl", "ccomp"))
_NAME_ENTS = frozenset(("PERSON", "ORG", "GPE", "NORP"))


def _protest_step(c) -> bool:
    """Whether the search for whom a protest is aimed at goes down to this word: what it
    demands or protests (a purpose or participle clause, its objects, their owners),
    not where or when it happened."""
    if c.dep_ in _CLAUSE_DEPS:
        return c.tag_ == "VBG" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    if c.dep_ == "prep":
        if c.lower_ not in _SETTING_PREPS:
            return True
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        return obj is not None and obj.lemma_.lower() in _STANCE_NOUNS
    return c.dep_ in ("dobj", "pobj", "pcomp", "poss", "compound", "amod", "agent")


def protest_party(ex: Extraction, hit, depth: int = 8):
    """Whom a protest is aimed at when it names no party: the nearest name in what it
    demands ("staged demonstrations TO DEMAND reforms by PRESIDENT SUHARTO's government",
    "a hunger strike to demand the resignation of X", "IN PROTEST OF the Russian
    government's refusal")."""
    src = hit.source.i if hit.source is not None else -1
    frontier = [hit.trigger]
    if hit.nominal and hit.trigger.dep_ in ("dobj", "obj") and hit.trigger.head.pos_ == "VERB":
        frontier.append(hit.trigger.head)  # "STAGED demonstrations to demand .."
    seen = {t.i for t in frontier}
    for _ in range(depth):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.i in seen or c.i == src or not _protest_step(c):
                    continue
                seen.add(c.i)
                if c.ent_type_ in _NAME_ENTS and c.dep_ != "amod":
                    a = A.resolve(ex, c)
                    if a is not None and a.id and SD.kind(a) == "actor":
                        return c
                nxt.append(c)
        frontier = nxt
    return None


def _inner_actor(ex: Extraction, tok, names_too: bool):
    """The actor a thing's phrase names inside it: its possessor ("SALAZAR's decision"),
    a name modifying it ("lend GREECE billions", "22 BOEING 787 Dreamliners", "AMERICAN
    interests") or a people word as its modifier ("the hostage-TAKERS demands")."""
    inner = SD.inner_actor_rules()
    poss = [c for c in tok.children if c.dep_ == "poss"]
    # a thing a pronoun owns is its owner's ("defended HIS WBO and IBF titles"): the names
    # on it say what it is, not who else is a party
    owners = poss + [
        g for c in tok.children if c.dep_ in inner["deps"] for g in c.children if g.dep_ == "poss"
    ]
    names_too = names_too and not any(c.pos_ == "PRON" for c in owners)
    # a head that may be a person the lists lack ("a SAUDI businessman", "AFGHAN
    # guerillas") is not read through its names: only its possessor is another party
    mods = [
        c
        for c in tok.children
        if names_too
        and c.dep_ in inner["deps"]
        and (
            (c.ent_type_ in inner["labels"] and not SD.individual(tok.lower_))
            or SD.modifier_people_word(c.lower_)
        )
    ]
    # "the US-LED war": the name a hyphenated modifier is built on
    mods += [
        g
        for c in tok.children
        if names_too and c.dep_ == "amod"
        for g in c.children
        if g.ent_type_ in inner["labels"]
    ]
    for c in poss + mods:
        b = A.resolve(ex, c)
        if b is not None and SD.kind(b) == "actor":
            return c
    return None


def _elided_noun(tok):
    """The plural noun "others" stands for, the nearest one before it in its sentence
    ("killed three soldiers and wounded 25 others": soldiers), or None."""
    if tok.lower_ != "others":
        return None
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.tag_ == "NNS" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj", "attr"):
            return t
    return None


def side_head(ex: Extraction, tok, quad_class: int | None):
    """The head of an event side, checked to be an actor (issue 14): a mention, a pronoun,
    a body, a people word, or (for material acts) a place or thing. A phrase whose head is
    a thing, an idea or an act ("agreed with Salazar's DECISION") stands for the actor it
    names inside, else for nothing when it is only built on a name ("the BOEING aircraft"
    bought is no party); other phrases are left to sides.kind."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return tok
    ante = _elided_noun(tok)
    if ante is not None and not SD.people_word(ante.lower_):
        return None  # "create 2,000 jobs and support 25,000 OTHERS": other jobs
    a = A.resolve(ex, tok)
    if a is not None and (a.how != "phrase" or a.body):
        return tok
    if a is not None and (
        SD.head_actor(tok)
        or SD.names_people(a)  # "calls BY Belarus's RULERS": the doer the phrase names
        or (SD.place_word(tok.lower_) and quad_class in (2, 4))
    ):
        return tok
    thing = SD.thing_word(tok)
    inner = _inner_actor(ex, tok, names_too=a is None or thing)
    if inner is not None:
        return inner
    return None if a is not None and a.anchored and thing else tok
