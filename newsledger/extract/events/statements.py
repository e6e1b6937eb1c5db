"""Statements that carry an act named by no verb of that act.

A speaker who tells a party it "will face the consequences" threatens it; one
who speaks of a party's "lack of seriousness" accuses it; one who says a party
"insists on keeping its occupying troops" accuses it too. These are coded as
the speaker's act on the party the statement is about. They are only read in
reported speech (a quote, or a clause under a reporting verb): the reporter
(or the quote's speaker, which the stage fills in) is the source, so a
journalist's own sentence codes nothing. Cue words live in
data/events/statements.yaml.
"""

from __future__ import annotations

from newsledger.extract.base import Extraction
from newsledger.extract.events import args as A
from newsledger.extract.events import context as C
from newsledger.extract.events.coder import Hit, reporter
from newsledger.extract.events.lexicon import coding, lexicon, request_code, statement_cues
from newsledger.kb import base as kb_base

_THREAT, _ACCUSE = "130", "112"
# Auxiliaries that put the warned outcome ahead ("will face", "would pay", "'ll regret").
# Future auxiliaries, and "must" (a warning of what a party must suffer), "wo" (won't).
_FUTURE = C.FUTURE_AUX | {"must", "wo"}
_SPEAKER = {"i", "we", "me", "us"}


def _reported(tok, ex: Extraction) -> bool:
    return A.speaker_at(ex, tok.idx) is not None or reporter(tok) is not None


def _party(verb):
    """The active subject of a verb, unless it is the speaker ("we will pay the price"
    warns nobody, "we insist on ending the occupation" accuses nobody)."""
    subj, passive = A.subject_of(verb)
    if subj is None or passive or subj.lower_ in _SPEAKER:
        return None
    return subj


def _on_party(verb, code: str, conf: float, **kw) -> Hit | None:
    """The statement's act on the verb's subject (None when that is the speaker's side),
    made by whoever reports the clause (or the quote's speaker, filled in later)."""
    party = _party(verb)
    if party is None:
        return None
    hit = Hit(verb, coding(code), target=party, conf=conf, reported=True, **kw)
    hit.source = reporter(verb)
    return hit


def _future(verb) -> bool:
    """An auxiliary of the verb, or of the verbs its infinitive hangs on, puts it ahead
    ("will have to face"); "they faced the consequences" tells of the past."""
    t = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and (c.lemma_.lower() in _FUTURE or c.lower_ in _FUTURE) for c in t.children):
            return True
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head
    return False


def code_threat(verb, ex: Extraction) -> Hit | None:
    """ "If they stay, they will have to FACE the CONSEQUENCES": a threat on the subject."""
    cues = statement_cues()
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    warns = lemma in cues["threat_alone"] or (
        lemma in cues["threat_verbs"]
        and obj is not None
        and (obj.lemma_.lower() in cues["threat_objects"] or obj.lower_ in cues["threat_objects"])
    )
    if not warns or not _future(verb) or not _reported(verb, ex):
        return None
    hit = _on_party(verb, _THREAT, 0.5)
    if hit is not None:
        hit.consumed = [obj] if obj is not None else []
    return hit


def code_lack(noun, ex: Extraction) -> Hit | None:
    """ "the US administration's LACK of SERIOUSNESS": an accusation of the possessor."""
    cues = statement_cues()
    if noun.lemma_.lower() not in cues["lack_nouns"] or not _reported(noun, ex):
        return None
    _, of = A.prep_object(noun, ("of",))
    if of is None or of.lemma_.lower() not in cues["virtue_nouns"]:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in _SPEAKER | {"our", "my"}:
        return None
    return Hit(noun, coding(_ACCUSE), target=owner, conf=0.5, reported=True, consumed=[of])


def _hostile(verb) -> bool:
    """Whether what the verb says is intended names harm (its complements' words)."""
    words = statement_cues()["hostile_words"]
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp", "prep", "dobj", "advcl"):
            if any(t.lemma_.lower() in words or t.lower_ in words for t in c.subtree):
                return True
    return False


def code_intent(verb, ex: Extraction) -> Hit | None:
    """ "the U.S. INSISTS on maintaining its OCCUPYING troops", "parties that WANT to
    DISTURB security": the speaker ascribes hostile intent to the subject, an accusation."""
    if verb.lemma_.lower() not in statement_cues()["intent_verbs"]:
        return None
    if not _reported(verb, ex) or not _hostile(verb):
        return None
    return _on_party(verb, _ACCUSE, 0.5)


def _act_noun(noun):
    """The coded type of an event noun ("withdrawal" -> RETREAT), or None."""
    nouns = lexicon().nouns
    np = nouns.get(noun.lower_) or nouns.get(noun.lemma_.lower())
    c = coding(np.cameo, np.type) if np is not None else None
    return c.type if c is not None else None


def code_goal(noun, ex: Extraction) -> Hit | None:
    """ "the WITHDRAWAL of all American troops was an OBJECTIVE that cannot be negotiated":
    an act named as the speaker's goal is a demand on the act's party."""
    if noun.dep_ != "attr" or noun.lemma_.lower() not in statement_cues()["goal_nouns"]:
        return None
    cop = noun.head
    if cop.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in cop.children):
        return None
    subj, passive = A.subject_of(cop)
    if subj is None or passive or not _reported(cop, ex):
        return None
    act = _act_noun(subj)
    _, party = A.prep_object(subj, ("of",))
    if act is None or party is None:
        return None
    hit = Hit(noun, coding(request_code(act)), target=party, conf=0.5, reported=True)
    hit.source = reporter(cop)
    hit.consumed = [subj]
    return hit


def code_statement(tok, ex: Extraction) -> Hit | None:
    """A verb's statement act, if it has one (tried before the verb's own patterns)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return code_threat(tok, ex) or code_intent(tok, ex) or code_no_safety(tok, ex) or code_ultimatum(tok, ex)


def code_noun_statement(tok, ex: Extraction) -> Hit | None:
    """A noun's statement act, if it has one (tried after the noun's own patterns)."""
    return code_lack(tok, ex) or code_goal(tok, ex)


_ULTIMATUM = "139"


def _safety_predicate(verb):
    """The safety word of "be AT PEACE", "feel AT EASE", "be SAFE", "enjoy SECURITY", or None."""
    cues = statement_cues()
    if verb.lemma_.lower() not in cues["safety_verbs"]:
        return None
    for c in verb.children:
        if c.dep_ == "acomp" and c.lemma_.lower() in cues["safety_adjectives"]:
            return c
        if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in cues["safety_nouns"]:
            return c
        if c.dep_ == "prep":
            word = next(
                (g for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in cues["safety_nouns"]), None
            )
            if word is not None:
                return word
    return None


def _denied(verb) -> bool:
    """The clause is said not to come true: negated ("will never be safe"), or the content
    of a wish that is itself an illusion or is called one ("their dream that .. is an
    illusion")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    cues = statement_cues()
    frame = verb.head
    if verb.dep_ not in ("ccomp", "relcl", "acl") or frame.lemma_.lower() not in cues["wish_nouns"]:
        return False
    if frame.lemma_.lower() in cues["illusion_nouns"]:
        return True
    cop = frame.head
    return frame.dep_ == "nsubj" and any(
        c.dep_ in ("attr", "acomp") and c.lemma_.lower() in cues["illusion_nouns"] for c in cop.children
    )


def _armed_adversary(ex: Extraction, party, verb) -> bool:
    """An armed force ("its troops", "the occupying soldiers") not of the speaker's own
    country: denying residents safety is a complaint, denying enemy troops it a threat."""
    actor = A.resolve(ex, party)
    kb = kb_base.default()
    known = kb.get(actor.id) if actor is not None and actor.id else None
    armed = (known is not None and known.type == "armed_forces") or A.institution_of(party) == "forces"
    if not armed:
        return False
    speaker = A.speaker_at(ex, verb.idx) or A.resolve(ex, reporter(verb))
    ours = A.side_of(speaker.id) if speaker is not None else None
    return ours is None or ours != A.side_of(actor.id if actor else None)


def code_no_safety(verb, ex: Extraction) -> Hit | None:
    """ "the dream that its troops will be AT PEACE in Iraq is an illusion": telling an
    adversary's forces they will know no safety threatens them (a warning ahead, said in
    reported speech; "residents do not feel safe" threatens nobody)."""
    word = _safety_predicate(verb)
    if word is None or not _future(verb) or not _denied(verb) or not _reported(verb, ex):
        return None
    # the denial is the threat, not a negated act
    hit = _on_party(verb, _THREAT, 0.45, neg_coded=True, consumed=[word])
    return hit if hit is not None and _armed_adversary(ex, hit.target, verb) else None


def code_ultimatum(verb, ex: Extraction) -> Hit | None:
    """ "to give yet ANOTHER CHANCE to the troops to leave": a last chance is an ultimatum
    on whoever is given it."""
    cues = statement_cues()
    if verb.lemma_.lower() not in cues["grant_verbs"] or not _reported(verb, ex):
        return None
    obj = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in cues["ultimatum_nouns"]
        ),
        None,
    )
    if obj is None or not any(m.lower_ in cues["ultimatum_marks"] for m in obj.lefts):
        return None
    party = A.recipient(verb)
    if party is None or party.lower_ in _SPEAKER:
        return None
    # who gives the last chance issues the ultimatum ("Hamas gave Israel a final chance,
    # a spokesman said"); "we" or no subject: the one who says it
    giver = _party(verb)
    hit = Hit(verb, coding(_ULTIMATUM), target=party, conf=0.45, reported=giver is None)
    hit.source = giver if giver is not None else reporter(verb)
    hit.consumed = [obj]
    return hit
