"""Find event triggers in a parsed sentence and code them with the patterns.

A trigger is a verb whose lemma has patterns in verbs.yaml (or a default code
in the generated CAMEO table) or a noun of nouns.yaml. Coding a trigger gives
a ``Hit``: the code, the tokens of the source and target noun phrases and the
tokens the pattern consumed (a consumed object is not coded again as a noun).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsledger.extract.events import args as A
from newsledger.extract.events.lexicon import (
    Coding,
    Pattern,
    coding,
    lexicon,
    request_code,
    statement_cues,
    word_sets,
)
from newsledger.extract.lexicon import word_list


@dataclass
class Hit:
    """A coded trigger and the parse tokens of its arguments, before actors are found."""

    trigger: object  # spaCy token
    coding: Coding
    source: object | None = None  # head token of the source phrase
    target: object | None = None
    consumed: list = field(default_factory=list)
    conf: float = 0.6
    nominal: bool = False
    target_is_subject: bool = False
    fallback: bool = False  # coded from the CAMEO block default, not a pattern
    pair: bool = False  # source and target are the two sides of "between A and B"
    via_support: bool = False  # a noun whose source is its support verb's subject
    reported: bool = False  # a demand or accusation in reported speech: the source is
    # who reports it ("X said Y must leave")
    neg_coded: bool = False  # the pattern coded the negation ("will not tolerate")
    also_targets: list = field(default_factory=list)  # parties the parse hung elsewhere
    echo: bool = False  # "a SIMILAR protest": the parties of the like act before


def verb_forms(tok) -> tuple[str, ...]:
    """The verb's lemma, then base forms guessed from its spelling: the statistical
    lemmatizer sometimes misses ("staged" -> "stag")."""
    low, out = tok.lower_, [tok.lemma_.lower()]
    for suffix, repl in (
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    out.append(low)
    return tuple(dict.fromkeys(out))


def _dobj(verb):
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def _xcomp(verb):
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ),
        None,
    )


def _with_object(verb):
    _, obj = A.prep_object(verb, ("with",))
    if obj is None:
        dobj = _dobj(verb)
        if dobj is not None:
            _, obj = A.prep_object(dobj, ("with",))
    return obj


def _matches(p: Pattern, verb, negated) -> tuple[bool, object, object]:
    """Whether a pattern's conditions hold; (ok, preposition token, its object).
    ``negated(token)`` is asked only by patterns that code a negation."""
    if p.neg_only and not negated(verb):
        return False, None, None
    prep = pobj = None
    if p.prep:
        prep, pobj = A.prep_object(verb, (p.prep,))
        if prep is None:
            return False, None, None
        if p.pobj and (pobj is None or pobj.lemma_.lower() not in p.pobj):
            return False, None, None
    if p.object and not _object_matches(_dobj(verb), p.object):
        return False, None, None
    if p.object_is and (_dobj(verb) is None or _dobj(verb).ent_type_ not in p.object_is):
        return False, None, None
    if p.with_:
        w = _with_object(verb)
        if w is None or (w.lower_ not in p.with_ and w.lemma_.lower() not in p.with_):
            return False, None, None
    if p.to and _xcomp(verb) is None:
        return False, None, None
    if p.that and not any(c.dep_ == "ccomp" for c in verb.children):
        return False, None, None
    if p.intransitive and any(c.dep_ in ("dobj", "obj", "ccomp") for c in verb.children):
        return False, None, None
    return True, prep, pobj


def _object_matches(obj, words) -> bool:
    """The object's head, a compound in it ("MEDIATION efforts") or, after a quantity
    word, the of-phrase ("part of a STRONGHOLD") is one of the pattern's words."""
    if obj is None:
        return False
    if obj.lower_ in word_sets()["quantity"]:
        _, of = A.prep_object(obj, ("of",))
        if of is not None:
            obj = of
    # "launched artillery, mortar and rocket FIRE": each of a list of objects
    objs = [obj, *obj.conjuncts]
    cands = objs + [c for o in objs for c in o.lefts if c.dep_ == "compound"]
    return any(t.lower_ in words or t.lemma_.lower() in words for t in cands)


def _target(p: Pattern, verb, prep, pobj):
    if p.target == "none":
        return None
    if p.target == "prep":
        return pobj
    if p.target.startswith("prep_") or p.target == "dative":
        preps = {"prep_any": ("against", "on", "at", "in"), "dative": ("to",)}.get(p.target, (p.target[5:],))
        if p.target == "dative":
            dat = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
            if dat is not None and dat.pos_ != "ADP":
                return dat
        _, obj = A.prep_object(verb, preps)
        if obj is None and _dobj(verb) is not None:
            _, obj = A.prep_object(_dobj(verb), preps)
        return obj
    obj = _dobj(verb)
    if obj is None:
        # "call on X to": the dative or the infinitive's subject
        obj = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    return obj


def code_verb(verb, negated) -> Hit | None:
    """Code a verb with its first matching pattern; ``negated(token) -> bool``."""
    lex = lexicon()
    forms = verb_forms(verb)
    lemma = next((f for f in forms if f in lex.verbs), None)
    if lemma is not None:
        pats = lex.verbs[lemma]
    else:
        lemma = next((f for f in forms if f in lex.fallback), None)
        if lemma is None or lemma in lex.stop:
            return None
        pats = (Pattern(cameo=lex.fallback[lemma], conf=0.4, type="fallback"),)
    for p in pats:
        ok, prep, pobj = _matches(p, verb, negated)
        if not ok:
            continue
        fallback = p.type == "fallback"
        c = coding(p.cameo, None if fallback else p.type)
        if c is None:
            return None
        subj, passive = A.subject_of(verb)
        source = A.agent_of(verb) if passive else subj
        if source is not None and _is_event_noun(source):
            # "attacks targeting the bases": the attackers, not the attacks
            _, source = A.prep_object(source, ("by",))
        target = subj if passive else _target(p, verb, prep, pobj)
        if p.needs_target and target is None:
            continue
        hit = Hit(verb, c, source, target, conf=p.conf, fallback=fallback, neg_coded=p.neg_only)
        if p.target == "subject":
            hit.target, hit.source, hit.target_is_subject = subj, None, True
        # Only words the pattern asked for are used up; "issued an ULTIMATUM" stays a
        # noun trigger when "issue" was coded from its block default.
        used = (prep, pobj if p.pobj else None, _dobj(verb) if p.object else None)
        hit.consumed = [t for t in used if t is not None]
        return hit
    return None


def _support(verb) -> bool:
    return any(f in word_sets()["support_verbs"] for f in verb_forms(verb))


def _governing_verb(noun):
    """The support verb whose object the noun is ("expressed their REJECTION", "held
    four rounds of TALKS"), or None: only such verbs lend their subject to the act."""
    words = word_sets()
    tok = noun
    for _ in range(3):
        head = tok.head
        if tok.dep_ in ("dobj", "attr", "nsubjpass", "obj") and head.pos_ in ("VERB", "AUX"):
            return head if _support(head) else None
        if tok.dep_ == "pobj" and head.dep_ == "prep":
            up = head.head
            if up.pos_ in ("VERB", "AUX"):
                return up if _support(up) else None
            if up.lower_ not in words["path_nouns"]:
                return None
            tok = up
            continue
        return None
    return None


def content_target(trigger):
    """Who a demand or threat is about, from its content ("the need for X to leave",
    "called for the expulsion of X", "the call to expel X")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    cands = list(trigger.children)
    if verb is None and trigger.dep_ in ("dobj", "obj"):
        # "reiterated the call to expel X": the infinitive hangs on the verb
        cands += [c for c in trigger.head.children if c.i > trigger.i]
    if verb is not None:
        obj = _dobj(verb)
        if obj is not None:
            cands += list(obj.children)
            if obj.lower_ in word_sets()["carrier"] or obj.pos_ == "NOUN":
                _, of = A.prep_object(obj, ("of",))
                if of is not None:
                    return of
    for c in cands:
        if c.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and c.pos_ in ("VERB", "AUX"):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj
            obj = _dobj(c)
            if obj is not None:
                return obj
    return None


def _noun_pattern(noun):
    nouns = lexicon().nouns
    np = nouns.get(noun.lower_) or nouns.get(noun.lemma_.lower())
    if np is None and noun.lower_ in word_sets()["frame"]:
        # "a mediation mission": the modifier names the act, the head carries its phrases
        for c in noun.lefts:
            if c.dep_ == "compound" and (c.lower_ in nouns or c.lemma_.lower() in nouns):
                return nouns.get(c.lower_) or nouns.get(c.lemma_.lower())
    return np


def _topic(noun) -> bool:
    """ "the timing of the WITHDRAWAL", "talks on the WITHDRAWAL", "the WITHDRAWAL will be
    decided by ..": spoken of, not reported."""
    words = word_sets()
    if noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in words["topic_verbs"]:
        return True  # "the withdrawal will be DETERMINED by committees": still a question
    if noun.dep_ == "nsubj" and any(
        c.dep_ == "attr" and c.lemma_.lower() in words["topic_heads"] for c in noun.head.children
    ):
        return True  # "the withdrawal is not an easy MATTER"
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in words["topic_preps"] or (
        prep.lower_ in ("of", "for") and prep.head.lower_ in words["topic_heads"]
    )


def code_noun(noun) -> Hit | None:
    """Code an event noun with its participants: possessor, name modifier, of-, by-,
    between-, against-phrases, or the subject of the verb it is the object of."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound" or _topic(noun):
        return None
    np = _noun_pattern(noun)
    if np is None:
        return None
    code = next((np.modifiers[m.lower_] for m in noun.lefts if m.lower_ in np.modifiers), np.cameo)
    halted = _halted_conflict(noun) if np.of_conflict else None
    if halted is not None:
        code = np.of_conflict
    c = coding(code, np.type if code == np.cameo else None)
    if c is None:
        return None
    hit = Hit(noun, c, conf=np.conf, nominal=True)
    poss = next((ch for ch in noun.children if ch.dep_ == "poss"), None)
    comp = next(
        (
            ch
            for ch in noun.children
            if ch.dep_ in ("compound", "amod", "nmod") and ch.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
        ),
        None,
    )
    _, of = A.prep_object(noun, ("of",))
    _, by = A.prep_object(noun, ("by",))
    _, between = A.prep_object(noun, ("between",))
    against = _party_object(noun, ("against", "on", "with", "to", "at", "into"))
    _, frm = A.prep_object(noun, ("from",))
    if frm is None and of is not None:
        _, frm = A.prep_object(of, ("from",))  # "withdrawal of the troops from X"
    if np.place_modifier and comp is not None and comp.ent_type_ in ("GPE", "LOC", "FAC"):
        against, comp = against or comp, None  # "a Malaysia visit" goes to Malaysia
    hit.source = by or poss or comp or (of if np.of == "source" else None)
    if hit.source is not None and _is_event_noun(hit.source):
        hit.source = None
    hit.target = against or (of if np.of == "target" else None) or (frm if np.from_ == "target" else None)
    if between is not None:
        conj = next(iter(between.conjuncts), None)
        hit.source, hit.target, hit.pair = between, conj, conj is not None
    if hit.target is not None and hit.target is of:
        hit.also_targets = _stray_conjuncts(noun, of)
    if halted is not None:
        # "a suspension of attacks ON SHIPPING": the party the attacks were aimed at
        hit.consumed.append(halted)
        hit.target = _party_object(halted, ("against", "on", "at", "in", "into"))
    if np.for_to:
        hit.target = content_target(noun)
    if (np.for_to or np.needs_target) and hit.target is None:
        return None
    if hit.source is None:
        # "a resolution PASSED BY the parliament", "an attack CARRIED OUT BY X"
        part = next((ch for ch in noun.children if ch.dep_ == "acl" and ch.tag_ == "VBN"), None)
        hit.source = A.agent_of(part) if part is not None else None
    act = np.act or c.type == "PROTEST"  # a hunger strike is staged by someone
    if act and (hit.source is None or hit.source.pos_ == "PRON"):
        verb = _governing_verb(noun)
        if verb is not None:
            subj, passive = A.subject_of(verb)
            hit.via_support = (A.agent_of(verb) if passive else subj) is not None
            hit.source = (A.agent_of(verb) if passive else subj) or hit.source
            if hit.target is None:
                # "held talks WITH X", "conducted rounds of dialogue WITH X", "gave a warm
                # welcome TO X"
                _, hit.target = A.prep_object(verb, ("with", "against", "between", "to"))
    return hit


def _halted_conflict(noun):
    """The conflict act a noun of stopping is about ("suspension OF ATTACKS", "a halt TO
    the fighting"), or None."""
    for prep in ("of", "to", "in"):
        _, obj = A.prep_object(noun, (prep,))
        np = _noun_pattern(obj) if obj is not None else None
        if np is not None:
            c = coding(np.cameo)
            if c is not None and c.quad_class == 4:
                return obj
    return None


def _party_object(noun, preps):
    """The object of the first of these prepositions that names no time: "the killing of X
    ON JANUARY 5th" has no party "on"."""
    time_words = word_sets()["time"]
    for c in noun.children:
        if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if (
                obj is not None
                and obj.ent_type_ not in ("DATE", "TIME")
                and obj.lemma_.lower() not in time_words
            ):
                return obj
    return None


def _stray_conjuncts(noun, of) -> list:
    """ "the murder of A and his comrade B": the parser often coordinates B with the
    event noun instead of with A. A conjunct of the event noun after its of-phrase
    that is no event itself is a second party of the same act."""
    return [
        c
        for c in noun.children
        if c.dep_ == "conj" and c.i > of.i and c.pos_ in ("NOUN", "PROPN") and not _is_event_noun(c)
    ]


def _is_event_noun(tok) -> bool:
    nouns = lexicon().nouns
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


_NEED_VERBS = {"need", "have"}
_HARM_CODE = "111"  # criticize or denounce


def code_demand(verb, own: Hit | None) -> Hit | None:
    """ "X said Y must withdraw", "you should implement": a demand on the clause's subject,
    made by whoever reports it (the reporting verb's subject, or the quote's speaker,
    which the stage fills in). The demanded act refines the REQUEST subcode."""
    aux = word_list("events/demand_auxiliaries")
    # "Y must leave", "Y should leave", and "Y needs to / has to leave"
    modal = any(c.dep_ == "aux" and c.lemma_.lower() in aux for c in verb.children) or (
        verb.lemma_.lower() in _NEED_VERBS and verb.tag_ in ("VBZ", "VBP") and _xcomp(verb) is not None
    )  # "had to" tells of the past, demands nothing
    if not modal:
        return None
    c = coding(request_code(own.coding.type if own else None))
    subj, passive = A.subject_of(verb)
    hit = Hit(verb, c, conf=0.55)
    hit.target = None if passive else subj
    hit.source = reporter(verb)
    hit.reported = True
    return hit


def code_predicate(adj, negated) -> Hit | None:
    """ "Y is not serious about leaving", said by X: X accuses Y. Only in reported speech
    (a clause under a reporting verb, or a quote, whose speaker the stage fills in)."""
    preds = lexicon().predicates
    entry = preds.get(adj.lemma_.lower()) or preds.get(adj.lower_)
    if entry is None and adj.dep_ == "attr":
        # "a TERRORIST organisation": the predicate noun's modifier
        entry = next(
            (preds[m.lower_] for m in adj.lefts if m.dep_ in ("amod", "compound") and m.lower_ in preds), None
        )
    if entry is None and adj.dep_ == "attr" and adj.pos_ == "NOUN":
        # "a FACTOR of INSTABILITY", "a source of terrorism": the harm it is said to bring
        _, of = A.prep_object(adj, ("of",))
        if of is not None and of.lemma_.lower() in statement_cues()["harm_nouns"]:
            entry = (_HARM_CODE, False)
    if entry is None:
        return None
    if adj.pos_ == "VERB":
        cop = adj  # "Y is trying to DECEIVE": said of Y
    elif adj.dep_ in ("acomp", "attr") and adj.head.pos_ in ("VERB", "AUX"):
        cop = adj.head  # "Y is RESPONSIBLE", "Y is a THREAT"
    elif adj.dep_ == "ROOT":
        cop = adj
    else:
        return None
    code, neg_only = entry
    if neg_only and not negated(adj):
        return None
    subj, passive = A.subject_of(cop)
    if subj is None or passive:
        return None
    hit = Hit(adj, coding(code), target=subj, conf=0.5, neg_coded=neg_only, reported=True)
    hit.source = reporter(cop)
    return hit


def reporter(verb):
    """The subject of the verb that reports the clause of ``verb`` ("X said [that] ..")."""
    clause = verb
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # "Y was trying to deceive": the trying
    if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
        speaker, passive = A.subject_of(clause.head)
        return None if passive else speaker
    return None
