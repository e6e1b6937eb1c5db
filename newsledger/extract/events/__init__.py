"""Events: who did what to whom, coded in PLOVER with CAMEO codes, per clause.

For every sentence the coder looks for triggers (verbs and event nouns of the
pattern data in ``extract/data/events``), codes them, finds the source and
target actors on the dependency parse (passives, appositions, coordination,
pronouns, the speaker of a quote) and reads the clause for negation,
condition, date and place. An act that is only the content of another act
("called on X to WITHDRAW") is not coded apart: the demand is the event.
Reports of one real-world event are merged later (analyze/, issue 7):
``event_id`` stays None here.
"""

from __future__ import annotations

from dataclasses import replace

from newsledger.extract.base import Extraction
from newsledger.extract.events import args as A
from newsledger.extract.events import context as C
from newsledger.extract.events import discourse as D
from newsledger.extract.events import receivers as R
from newsledger.extract.events import sides as SD
from newsledger.extract.events import statements as S
from newsledger.extract.events.calibration import probability
from newsledger.extract.events.coder import (
    Hit,
    code_demand,
    code_noun,
    code_predicate,
    code_verb,
    content_target,
)

# (the submodule `lexicon` stays the package's attribute: its loader is imported renamed)
from newsledger.extract.events.lexicon import coding, intent_code, refusal_code, word_sets
from newsledger.extract.events.lexicon import lexicon as _lexicon
from newsledger.extract.lexicon import word_list
from newsledger.records import Event

NAME = "events.plover"
VERSION = "3"
ORDER = 40
# Acts whose clausal complement is their content, not a second event.
_CONTENT_OF = {"REQUEST", "THREATEN", "AGREE", "REJECT", "ACCUSE", "CONSULT", "SUPPORT", "PROTEST"}
_CONTENT_DEPS = {"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep", "dobj", "relcl", "conj"}
_NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT"}
# Acts two parties do together: "A and B agreed" is A with B.
_JOINT = {"AGREE", "CONSULT", "COOPERATE"}
# Nominal acts that need a target to be an event ("the US occupation" names an actor).
_NOMINAL_NEEDS_TARGET = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN"}
# Acts done to a place when no party is named ("lifted the curfew in Montenegro").
_TARGET_FROM_PLACE = {"CONCEDE", "RETREAT", "COERCE", "SANCTION", "AID", "MOBILIZE"}
# Acts a statement makes on its own, never only the content of another act.
_STATEMENT_ACTS = {"THREATEN", "ACCUSE"}
# Acts whose missing target is read from their content.
_TARGET_FROM_CONTENT = {"REQUEST", "THREATEN", "REJECT"}


def _inside_name(tok, ex: Extraction) -> bool:
    """ "Popular Mobilization Forces" names an actor, it does not report a mobilisation."""
    return tok.ent_type_ in _NAME_TYPES or A.covering(ex, tok) is not None


def _verbal(tok) -> bool:
    """A clause's verb; also an infinitive the tagger took for a noun ("to COMBAT ISIS").
    A participle modifying a noun ("the occupying forces") is no clause."""
    if tok.dep_ in ("amod", "compound"):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ in ("xcomp", "ccomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _generic(verb) -> bool:
    """An act named as a notion, not reported: "the duty OF EXPELLING them", "messages TO
    EXPEL the occupier", "not serious ABOUT WITHDRAWING". (Under an act that takes
    content, the coder codes that act.)"""
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "attr"
        and any(c.dep_ == "expl" for c in verb.head.head.children)
    ):
        return True  # "there are 3,000 soldiers DEPLOYED in X": a state, not a deployment
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return True  # "leave AS DEMANDED by the law", "as agreed": a manner, not an act
    if verb.dep_ == "pcomp":
        owner = verb.head.head
        if owner.pos_ in ("NOUN", "PROPN"):
            return True
        # "serious ABOUT WITHDRAWING", "capable OF EXPELLING" (but "responsible for
        # targeting" tells of a deed)
        if owner.pos_ == "ADJ" and owner.lemma_.lower() in word_list("events/modal_heads"):
            return True
    # ... but "(no) PLANS to withdraw" announces (or rules out) the act, and "an
    # ATTEMPT to assassinate" is one
    head = verb.head.lemma_.lower()
    if head in word_list("events/intent_heads") or head in word_list("events/attempt_nouns"):
        return False
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_TRIGGER_POS = frozenset(("VERB", "AUX", "NOUN", "ADJ"))


def _hits(sent, ex: Extraction) -> list[Hit]:
    hits, consumed = [], set()
    toks = list(sent)  # Token objects made once for both passes
    for tok in toks:
        # only verbs, nouns and adjectives can be triggers: the name check is the dearer one
        if tok.pos_ not in _TRIGGER_POS or _inside_name(tok, ex):
            continue
        if _verbal(tok) and not _generic(tok):
            # a threat or accusation the statement makes outranks the verb's own code
            h = S.code_statement(tok, ex)
            if h is None:
                h = code_verb(tok, C.negated) if tok.pos_ != "AUX" else None
                h = code_demand(tok, h) or h
            if h is None and tok.pos_ == "VERB":
                h = code_predicate(tok, C.negated)
            if h is not None:
                hits.append(h)
                consumed.update(t.i for t in h.consumed)
        elif tok.pos_ == "ADJ" or (tok.pos_ == "NOUN" and tok.dep_ == "attr"):
            h = code_predicate(tok, lambda t: C.negated(t) or C.negated(t.head))
            if h is not None:
                hits.append(h)
    for tok in toks:
        if tok.i not in consumed and tok.pos_ in ("NOUN", "PROPN") and not _inside_name(tok, ex):
            h = code_noun(tok) or S.code_noun_statement(tok, ex)
            if (
                h is not None
                and h.source is None
                and h.target is None
                and tok.dep_ in ("nsubj", "nsubjpass")
                and tok.head.lemma_.lower() in word_sets()["echo_verbs"]
            ):
                like = [m for m in tok.lefts if m.lower_ in word_sets()["echo_modifiers"]]
                h.echo, h.consumed = bool(like), h.consumed + like
            if h is not None and (h.source is not None or h.target is not None or h.echo):
                hits.append(h)
    return hits


def _content_of(hit: Hit, by_token: dict[int, Hit]) -> Hit | None:
    """The communicative act whose complement the trigger sits in, if any."""
    tok = hit.trigger
    for _ in range(6):
        if tok.dep_ not in _CONTENT_DEPS or tok.head.i == tok.i:
            return None
        if tok.dep_ == "conj" and tok.head.i in by_token:
            return None  # "called on X .. but added that ..": a second act
        if tok.dep_ == "prep" and tok.lower_ in word_list("events/adjunct_preps"):
            return None  # "DURING a rally marking the attack, X demanded ..."
        if tok.dep_ == "relcl" and R.said_of_name(tok):
            return None  # "demonstrated in Serbia, WHERE 24 people were killed": of Serbia
        tok = tok.head
        # the act itself, or its noun object ("reiterated the CALL to expel")
        for cand in [tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj")]:
            other = by_token.get(cand.i)
            # a block-default coding is too weak to claim another act as its content
            if (
                other is not None
                and other is not hit
                and not other.fallback
                and other.coding.type in _CONTENT_OF
            ):
                # a threat or accusation said in the clause is an act of its own (a
                # misparse often hangs the next sentence of a quote on it), unless the
                # act above it is the same one ("accused Y of not being serious")
                if (
                    hit.reported
                    and hit.coding.type in _STATEMENT_ACTS
                    and other.coding.type != hit.coding.type
                ):
                    return None
                return other
    return None


def _span(hit: Hit, ex: Extraction, sent) -> tuple[int, int]:
    toks = [hit.trigger] + hit.consumed
    for arg in (hit.source, hit.target):
        if arg is not None and sent.start <= arg.i < sent.end:
            lo, hi = A.np_bounds(arg)
            toks += [arg.doc[lo], arg.doc[hi - 1]]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t) for t in toks)
    return max(start, sent.start_char), min(end, sent.end_char)


def _actors(ex: Extraction, head, hit: Hit, role: str) -> list:
    """The actors an argument head stands for ([None] when none); a missing or
    pronoun source inside a quote is its speaker."""
    head = R.side_head(ex, head, hit.coding.quad_class)
    if hit.pair:
        a = A.resolve(ex, head)
        return [a] if a is not None else [None]
    actors = A.expand(ex, head) if head is not None else []
    if role == "source" and hit.reported and actors:
        # a demand or accusation inside a quote is its speaker's, not that of whoever
        # relays the quote ("X said Y must go, the agency reported")
        said_by = A.quote_speakers(ex, hit.trigger.idx)
        if said_by and not any(a.id in said_by for a in actors):
            actors = [A.speaker_at(ex, hit.trigger.idx)]
    # A speech act without a subject inside a quote is the speaker's ("threatened to
    # ..", "we reject .."); a deed without a subject is nobody's in particular.
    if role == "source" and not actors and not hit.nominal and hit.coding.quad_class in (1, 3):
        sp = A.speaker_at(ex, hit.trigger.idx)
        if sp is not None and (head is None or head.pos_ == "PRON") and not D.relayed(ex, hit, sp):
            actors = [sp]
    return actors or [None]


def recode(hit: Hit):
    """(coding, recoded_from, negated) after reading refusal and announced intent: a
    refused withdrawal is a refusal (12x), an announced one an expression of intent
    (03x) or, for material conflict, a threat (13x)."""
    c, neg = hit.coding, C.negated(hit.trigger) and not hit.neg_coded
    if neg:
        code = refusal_code(c.type)
        return (coding(code), c.type, False) if code else (c, None, True)
    mood = C.intent(hit.trigger) if not (hit.nominal or hit.reported) else None
    if (
        hit.nominal
        and c.quad_class == 4
        and hit.trigger.dep_ in ("dobj", "obj")
        and hit.trigger.head.pos_ in ("VERB", "AUX")
    ):
        # "they WOULD RESUME attacks": the deed is announced, i.e. threatened
        mood = C.intent(hit.trigger.head)
    if mood is None or c.type in ("AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        return c, None, False
    if mood == "unless" or c.quad_class == 4:
        code = intent_code(c.type) if c.quad_class == 4 else "131"
        return coding(code or "130"), c.type, False
    return coding(intent_code(c.type) or "030"), c.type, False


def _reporting_speaker(ex: Extraction, tok):
    """Who states the clause a word is in: the quote's speaker, or the subject of the
    verb the clause is the complement of ("X said there were no plans to ..")."""
    sp = A.speaker_at(ex, tok.idx)
    if sp is not None:
        return sp
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX"):
            subj, passive = A.subject_of(t.head)
            return A.resolve(ex, subj) if subj is not None and not passive else None
        t = t.head
    return None


def _refused_in_speech(ex: Extraction, hit: Hit, sources, targets):
    """A deed a speaker says will not happen ("X said there were no plans for Washington
    to withdraw") is recoded as the speaker's refusal: the source is the speaker; the
    target is the party whose deed is refused, unless it is the speaker's own side."""
    if hit.reported:
        return sources, targets
    _, recoded, _ = recode(hit)
    if recoded is None or not C.negated(hit.trigger):
        return sources, targets
    speaker = _reporting_speaker(ex, hit.trigger)
    # a named speaker: "sources on both sides reported" attributes, it does not refuse
    if (
        speaker is None
        or speaker.id is None
        or any(s is not None and s.name == speaker.name for s in sources)
    ):
        return sources, targets
    side = A.side_of(speaker.id)
    party = [s for s in sources if s is not None and not (side and A.side_of(s.id) == side)]
    return [speaker], party or [None]


def _echoed(out: list[Event], hit: Hit) -> tuple[list, list]:
    """The parties of the like act coded just before "a SIMILAR protest" (within three
    sentences: further back, "similar" no longer points at it)."""
    sent = hit.trigger.sent
    for _ in range(3):
        if sent.start == 0:
            break
        sent = hit.trigger.doc[sent.start - 1].sent
    like = next(
        (
            e
            for e in reversed(out)
            if e.type == hit.coding.type and e.start >= sent.start_char and not (e.negated or e.hypothetical)
        ),
        None,
    )
    if like is None:
        return [None], [None]
    # no words of their own here: the parties are named where the like act is told
    src = A.Actor(like.source_id, like.source_name, 0, 0, "echo") if like.source_name else None
    tgt = A.Actor(like.target_id, like.target_name, 0, 0, "echo") if like.target_name else None
    return [src], [tgt]


def _foretold(ex: Extraction, hit: Hit, src) -> bool:
    """A deed the other side says will happen ("the authorities' assertion that US
    forces would leave") is a forecast: neither the doer's act nor its intent."""
    if hit.reported or src is None or C.intent(hit.trigger) is None:
        return False
    speaker = _reporting_speaker(ex, hit.trigger)
    ours, theirs = A.side_of(speaker.id) if speaker else None, A.side_of(src.id)
    return ours is not None and theirs is not None and ours != theirs


def _record(ex, hit, sent, src, tgt, denied: bool = False) -> Event:
    c, recoded, neg = recode(hit)
    # the demand or accusation was made, whatever the mood of what it is about
    hypo = (C.hypothetical(hit.trigger) or _foretold(ex, hit, src)) and not hit.reported
    neg = neg or denied
    start, end = _span(hit, ex, sent)
    conf = hit.conf * (0.6 if hypo or neg else 1.0) * (1.0 if src and src.id else 0.85)
    mode = C.factuality(
        denied=denied,
        negated=neg,
        hypothetical=hypo,
        future=recoded is not None and c.root == "03",
        reported=not hit.reported
        and C.hearsay(ex, hit.trigger, src.id if src else None, c.quad_class in (2, 4)),
    )
    exclude = {src.start} if src is not None else set()  # the place that acts is no venue
    ev = Event(
        ex.article.id,
        start,
        end,
        ex.article.text[start:end],
        c.type,
        source_id=src.id if src else None,
        source_name=src.name if src else None,
        target_id=tgt.id if tgt else None,
        target_name=tgt.name if tgt else None,
        date=C.event_date(ex, hit.trigger, sent),
        location=C.location(ex, hit.trigger, exclude),
        mode=c.mode,
        negated=neg,
        hypothetical=hypo,
        cameo=c.cameo,
        quad_class=c.quad_class,
        goldstein=c.goldstein,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        extractor=NAME,
        confidence=round(conf, 3),
        raw_confidence=round(conf, 3),
        trigger=hit.trigger.text,
        recoded_from=recoded,
        depth=_depth(hit.trigger),
        source_text=_written(ex, src),
        target_text=_written(ex, tgt),
        factuality=mode,
    )
    # what the record says (how its sides are written, its trigger, ...) weighs its odds
    return replace(ev, confidence=round(probability(vars(ev)), 3))


def _written(ex: Extraction, actor) -> str | None:
    """The words that name an argument where the event is told (a name, a pronoun)."""
    if actor is None or actor.end <= actor.start:
        return None
    return ex.article.text[actor.start : actor.end]


def _depth(tok) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok, n = tok.head, n + 1
    return n


def _named(actors) -> bool:
    return any(a is not None and (a.how != "phrase" or a.anchored) for a in actors)


def _enough(hit: Hit, sources, targets) -> bool:
    """Whether the arguments found make the hit an event worth a record."""
    if sources == [None] and targets == [None]:
        return False
    if (
        sources == [None]
        and hit.source is not None
        and hit.source.pos_ == "PRON"
        and not any(A.actorish(t) for t in targets)
    ):
        return False  # "this threatens the growth story": no actor on either side
    if hit.reported:
        # a demand or accusation is made by someone on someone ("the bankruptcy should
        # take weeks" demands nothing of anyone); a threat or accusation needs its party
        if hit.coding.type in _STATEMENT_ACTS and targets == [None]:
            return False
        return sources != [None] and (targets == [None] or A.actorish(targets[0]))
    if hit.fallback:
        # a block-default coding needs a named source and an actor as target
        return any(a is not None and a.how != "phrase" for a in sources) and any(
            A.actorish(t) for t in targets
        )
    if hit.nominal:
        # a noun is an event when it names a known party ("withdrawal of the troops"
        # alone is a topic, not a report)
        if hit.coding.type in _NOMINAL_NEEDS_TARGET and targets == [None]:
            return False
        # "students staged a protest" names who acted, even without a name
        return hit.via_support or _named(sources) or _named(targets)
    return True


def _in_title(tok, art) -> bool:
    """A headline restates the lead in headline grammar: coding it too would count
    one report twice (and headline parses are poor)."""
    if (
        art.title_start is not None
        and art.title
        and art.title_start <= tok.idx < art.title_start + len(art.title)
    ):
        return True
    return _headline_line(tok, art.text)


def _headline_line(tok, text: str | None = None) -> bool:
    """A line without a sentence's closing punctuation, short or in headline capitals,
    that the next line does not continue: a headline, kicker or caption the feed did not
    mark as the title ("Yvonne Hiller Charged With Two Counts Of Murder")."""
    # the article's text, the doc's own offsets (Doc.text is rebuilt on every call)
    text = tok.doc.text if text is None else text
    lo = text.rfind("\n", 0, tok.idx) + 1
    hi = text.find("\n", tok.idx)
    if hi < 0:
        if lo == 0:
            return False  # a text of one line is no headline of another
        hi = len(text)
    line = text[lo:hi].rstrip()
    if not line or line[-1] in _CLOSING or _continued(text, hi):
        return False
    words = [w for w in line.split() if w[0].isalnum()]
    if len(words) <= _HEADLINE_WORDS:
        return True  # "Man charged with murdering mother and sister in Cumbria"
    long = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long) and sum(w[0].isupper() for w in long) >= len(long) / 2


def _continued(text: str, hi: int) -> bool:
    """Whether the line after a line break goes on with its sentence: it starts in lower
    case and is prose itself (it closes a sentence, or is long), not a dateline or byline
    under a headline ("on February 4 , 2009")."""
    after = text[hi:].lstrip()
    if not after[:1].islower():
        return False
    end = after.find("\n")
    nxt = (after if end < 0 else after[:end]).rstrip()
    return nxt[-1:] in _CLOSING or len(nxt.split()) > _HEADLINE_WORDS


# A line this short without closing punctuation is a headline in sentence case too;
# a longer one is when it is in headline capitals.
_HEADLINE_WORDS = 14
# how a sentence ends (a line ending otherwise is a headline or caption)
_CLOSING = frozenset(".!?\"'\u201d\u2019)]:;")


def _sides(actors: list, quad: int, datelines) -> list:
    """The arguments that may be sides (sides.py): others leave the side empty."""
    kept = [a for a in actors if SD.allowed(a, quad) and not SD.in_dateline(datelines, a)]
    return kept or [None]


def _party_through(ex: Extraction, hit: Hit):
    """A target phrase that names no actor but whose own phrase does ("suspension of
    air links WITH SERBIA"): that party."""
    tok = hit.target
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return tok
    if tok.lower_ in word_sets()["quantity"]:
        # "suspended PART OF a military aid program for Bosnia": what the part is of
        _, of = A.prep_object(tok, ("of",))
        tok = of if of is not None else tok
    a = A.resolve(ex, tok)
    if a is not None and SD.allowed(a, hit.coding.quad_class):
        # a place or thing whose phrase names who holds it ("shelled positions OF the
        # security forces", "PALESTINIAN positions", "a camp FOR refugees", "targets IN
        # Jericho"): the act is done to them
        owner = _party_in(ex, tok, _OWNER_PREPS, events_too=False) if SD.kind(a) == "place" else None
        return owner or tok
    # "dialogue at the forum OF X": a noun's setting is no party of its act
    preps = _THROUGH_PREPS if hit.nominal else _THROUGH_PREPS + ("of", "at")
    return _party_in(ex, tok, preps, events_too=True) or tok


# Where a phrase that names no party names one: its owner ("a fresh offer FROM
# Afghanistan", "FRENCH mediation", "the US President's demand"), its party.
_THROUGH_PREPS = ("with", "against", "on", "to", "into", "from", "for")
# Where a place or thing an act is done to names its holder.
_OWNER_PREPS = ("of", "for", "in")
_PERSON_PREPS = ("against",)
# Where an act with no object names its party: "gave aid TO X", "agreed WITH X".
_PARTY_PREPS = ("to", "with", "against", "from", "for", "into", "on")


def _party_in(ex: Extraction, tok, preps, events_too: bool = True):
    """The first actor among a head's owner, name modifiers and prepositional objects."""
    for c in tok.children:
        if c.dep_ == "poss" or (
            c.dep_ in ("compound", "amod", "nmod")
            and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
            and not SD.individual(tok.lower_)  # "a Wasilla woman" is not Wasilla
        ):
            b = A.resolve(ex, c)
            if b is not None and SD.kind(b) == "actor":
                return c
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if (
                obj is None
                or not events_too
                and (obj.lemma_.lower() in word_sets()["carrier"] or obj.lemma_.lower() in _lexicon().nouns)
            ):
                continue  # "agreed ON THE WITHDRAWAL of X": X is what is agreed on
            b = A.resolve(ex, obj)
            if b is not None and SD.kind(b) == "actor":
                return obj
    return None


def _party_of_act(ex: Extraction, hit: Hit):
    """An act with no object of its own: the party its prepositions name ("agreed to
    provide aid FOR Romania", "apologized TO Brazil"), on the verb or its complement."""
    tok = hit.trigger
    if tok.pos_ not in ("VERB", "AUX") or hit.reported:
        return None
    heads = [tok] + [c for c in tok.children if c.dep_ in ("xcomp", "dobj")]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ in ("dobj",)]
    # an act done to a person names the charge, not a party, with its prepositions
    # ("charged WITH DUI", "arrested FOR murder", "convicted OF fraud")
    preps = _PERSON_PREPS if SD.person_act(hit.coding.cameo) else _PARTY_PREPS
    for h in heads:
        found = _party_in(ex, h, preps)
        if found is not None and found.i != (hit.source.i if hit.source is not None else -1):
            return found
    return None


# Clauses below an act that are no part of what it does to whom: its subject, what is
# said or told in it, circumstances, other clauses.
_NOT_BELOW = frozenset(
    ("nsubj", "nsubjpass", "csubj", "ccomp", "parataxis", "advcl", "relcl", "conj", "cc", "punct", "mark")
)
# Where the act is done names its party for acts done to a place's people ("imposed a
# curfew IN Algiers", "threatened to ban voting IN East Jerusalem"), not for attacks or
# meetings (a city where a man was shot or leaders met is neither's party).
_PLACE_PARTY_TYPES = frozenset(("THREATEN", "COERCE", "SANCTION", "PROTEST", "AGREE", "RETREAT", "MOBILIZE"))


def _may_look_below(hit: Hit, denial: bool) -> bool:
    """Whether an act whose clause gives no target may take a party named below it (not a
    joint act of a coordinated pair: "A and B agreed" is between them)."""
    return (
        not hit.nominal
        and not hit.target_is_subject
        and not denial
        and not hit.echo
        and not (hit.source is not None and any(c.dep_ == "conj" for c in hit.source.children))
    )


def _party_below(ex: Extraction, hit: Hit, depth: int = 4):
    """The nearest named party in what the act's own clause does ("agreed to provide 70
    million dollars of aid FOR ROMANIA", "threatened to cut off electricity TO
    NAKHICHEVAN", "is willing to help defend SAUDI ARABIA", "staged demonstrations to
    demand the resignation OF PRESIDENT X"): an object of a verb below it, the object of a
    party preposition or the owner of an object, within a few steps below it."""
    tok = hit.trigger
    if tok.pos_ not in ("VERB", "AUX") or hit.reported or hit.coding.type in _OWN_TARGET_TYPES:
        return None
    preps = _PARTY_PREPS + ("of",) + (("in",) if hit.coding.type in _PLACE_PARTY_TYPES else ())
    src = hit.source.i if hit.source is not None else -1
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for h in frontier:
            for c in h.children:
                if c.i == src or c.dep_ == "pcomp" or (c.dep_ in _NOT_BELOW and not _purpose(c)):
                    continue
                if _party_slot(c, h, tok, preps) and (
                    c.ent_type_ in _PARTY_ENTS or A.place_named(c) or _named_people(c)
                ):
                    b = A.resolve(ex, c)
                    if b is not None and (b.id or b.anchored) and SD.kind(b) == "actor":
                        return c
                nxt.append(c)
        frontier = nxt
    return None


def _named_people(tok) -> bool:
    """People or a body named by the country or people they belong to ("the ZAMBIAN
    people", "IRAQI soldiers"): a party though no name of their own."""
    return SD.people_word(tok.lower_) and any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in tok.children
    )


def _purpose(tok) -> bool:
    """An infinitive of purpose ("rallied TO DEMAND X"): what the act is done for."""
    # (an infinitive the parser hung on the object as a relative: "send material TO HELP")
    return tok.dep_ in ("advcl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _party_slot(c, h, trigger, preps) -> bool:
    """Whether a word below an act stands where its party would: the object of a party
    preposition, the object of a verb below the act, or the owner of such an object."""
    if c.dep_ == "pobj":
        return h.dep_ in ("prep", "dative") and h.lower_ in preps
    if c.dep_ == "dobj":
        return h.i != trigger.i and h.pos_ == "VERB"
    return c.dep_ in ("poss", "compound", "amod") and h.dep_ in ("dobj", "pobj") and h.head.i != trigger.i


# Acts whose party is the one they name: the accused, the victim ("charged with killing
# X": X is not who is charged).
_OWN_TARGET_TYPES = frozenset(("ACCUSE", "ASSAULT"))
# named parties (a person, a body, a country or its people), not things or times
_PARTY_ENTS = frozenset(("PERSON", "ORG", "GPE", "NORP", "LOC"))


def _attack_on_idea(hit: Hit, targets: list) -> None:
    """A material attack on an idea ("attacked the ideology") is verbal criticism."""
    code = SD.verbal_recode(
        hit.trigger.lemma_.lower(), hit.coding.type, next((t for t in targets if t is not None), None)
    )
    if code is not None:
        hit.coding = coding(code)


def extract(doc, ex: Extraction):
    ex = A.mention_view(doc, ex)
    datelines = SD.datelines(ex.article.text)
    out = []
    for sent in doc.sents:
        hits = _hits(sent, ex)
        # an act another hit took as its part ("the WITHDRAWAL .. is an objective") is
        # coded once, by that hit
        taken = {t.i for h in hits for t in h.consumed if t.i != h.trigger.i}
        hits = [h for h in hits if h.trigger.i not in taken]
        for h in hits:
            own, receiver = R.own_object_receiver(h)
            if own:  # "offered ITS TROOPS to X": X (or a party the rules below find)
                h.target = receiver
        by_token = {h.trigger.i: h for h in hits}
        parents = {id(h): _content_of(h, by_token) for h in hits}
        _parties_from_content(hits, parents)
        for hit in hits:
            # the content of a denial is stored, as denied ("denied reports that it had
            # resumed its ATTACKS"); other content is part of its act
            denied = parents[id(hit)] is not None and C.denial_of(hit.trigger) is not None
            if (parents[id(hit)] is not None and not denied) or _in_title(hit.trigger, ex.article):
                continue
            if hit.coding.quad_class == 4 and C.accidental(hit.trigger):
                continue
            denial = hit.trigger.lemma_.lower() in C.modality()["denial_verbs"]
            _find_target(ex, hit, denial)
            sources, targets = _sides_of(ex, hit, out, datelines, denial)
            if not _enough(hit, sources, targets):
                continue
            for src in sources:
                for tgt in targets:
                    if src is not None and tgt is not None and src.name == tgt.name:
                        continue
                    out.append(_record(ex, hit, sent, src, tgt, denied))
    return D.settle_targets(out)


def _parties_from_content(hits: list, parents: dict) -> None:
    """An act whose content is another act takes its party from it, and a pledge of
    force is a threat."""
    for hit in hits:
        parent = parents[id(hit)]
        if (
            parent is not None
            and parent.target is None
            and hit.target is not None
            and C.denial_of(hit.trigger) is None
        ):
            # "offered to hand over X to BRITAIN": the content's party is the act's; an
            # accusation is of the content's doer ("allege the man opened fire, killing
            # X": the man is accused, X is his victim)
            parent.target = hit.source if R.asked_of_doer(parent, hit) else hit.target
        if (
            parent is not None
            and parent.coding.root == "03"
            and hit.coding.quad_class == 4
            and not hit.nominal
            and parent.trigger.lemma_.lower() in C.modality()["pledge_verbs"]
        ):
            # "promised to use overwhelming force against X": a pledge of force threatens
            parent.coding = coding(intent_code(hit.coding.type) or "138")


def _find_target(ex: Extraction, hit: Hit, denial: bool) -> None:
    """The act's target phrase where its object gives none: who must comply with a
    threat, the content's party, the place acted on, a party through or below the act."""
    if hit.coding.type == "THREATEN" and (hit.target is None or R.event_noun(hit.target)):
        # ".. UNLESS ISRAEL rescinded": who must comply
        hit.target = R.condition_party(hit.trigger) or hit.target
    if hit.target is None and hit.coding.type in _TARGET_FROM_CONTENT and not denial:
        hit.target = R.own_or_receiver(content_target(hit.trigger))
    if hit.target is None and hit.coding.type in _TARGET_FROM_PLACE:
        hit.target = C.place_object(ex, hit.trigger)
    _attack_on_idea(hit, [A.resolve(ex, hit.target)])
    if not SD.object_only(hit.coding.cameo):
        hit.target = _party_through(ex, hit)
    if (
        hit.target is None
        and not hit.nominal
        and not hit.target_is_subject
        and not (hit.coding.type in _JOINT and R.paired(hit))
        and not denial
        and not SD.object_only(hit.coding.cameo)
    ):
        hit.target = (
            (R.grievance_doer(hit.trigger) if hit.coding.type == "ACCUSE" else None)
            or _party_of_act(ex, hit)
            or R.complement_subject(hit.trigger)
        )


def _sides_of(ex: Extraction, hit: Hit, out: list, datelines, denial: bool) -> tuple[list, list]:
    """The act's sources and targets as actors (or [None]), after every side check."""
    sources = _actors(ex, hit.source, hit, "source")
    targets = _actors(ex, hit.target, hit, "target")
    if hit.echo:
        sources, targets = _echoed(out, hit)
    for extra in hit.also_targets:
        extra = R.side_head(ex, extra, hit.coding.quad_class)
        targets += [
            a
            for a in (A.expand(ex, extra) if extra is not None else [])
            if A.actorish(a) and all(a.name != t.name for t in targets if t is not None)
        ]
    if hit.target_is_subject:
        sources = [A.speaker_at(ex, hit.trigger.idx)]
    if hit.coding.type in _TARGET_FROM_PLACE:
        targets = R.place_parties(ex, hit, sources, targets)
    if _sides(targets, hit.coding.quad_class, datelines) == [None] and _may_look_below(hit, denial):
        below = _party_below(ex, hit) or R.purpose_object(hit.trigger)
        if below is not None:
            targets = _actors(ex, below, hit, "target")
    if hit.coding.type == "PROTEST" and not any(t is not None and SD.kind(t) == "actor" for t in targets):
        aimed = R.protest_party(ex, hit)  # "rallied to demand the resignation of X"
        targets = _actors(ex, aimed, hit, "target") if aimed is not None else targets
    sources, targets = _refused_in_speech(ex, hit, sources, targets)
    sources = _sides(sources, hit.coding.quad_class, datelines)
    targets = _sides(targets, hit.coding.quad_class, datelines)
    targets = [t for t in targets if not R.place_for_person(ex, hit, t)] or [None]
    # a thing of several doers' own ("cuts demanded by the EU and the IMF": the
    # cuts stand for their demanders) names no other party; one doer acting on
    # itself codes nothing (extract)
    names = {s.name for s in sources if s is not None}
    if len(names) > 1:
        targets = [t for t in targets if t is None or t.name not in names] or [None]
    if hit.coding.type in _JOINT and targets == [None] and len(sources) == 2 and D.mutual(hit):
        sources, targets = sources[:1], sources[1:]
    return sources, targets
