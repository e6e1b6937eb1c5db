"""Cues of reported speech and the content each one reports.

Three kinds of cue, all from the lexicon in data files:

* a reporting verb ("said that …", "stressed the need …", "called on X to …");
* a statement noun with its author and content ("the ministry's claim that …");
* an "according to X" phrase naming a source.

The content is taken from the dependency parse: the verb's clausal complement,
or its object for verbs that take one, without the complementiser, the cue and
the speaker. Where the parse attached the "that" clause elsewhere (a headline
run into the first sentence), the clause after "that" is taken up to the end
of the sentence. Cues of continuation ("…, adding that …", "… and warned …")
end the content of the cue they continue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from newsledger.extract.base import doc_text
from newsledger.extract.quotes.lexicon import Cues
from newsledger.extract.quotes.marks import trim

# Children that continue an object's content ("rejected the stay … as unacceptable").
_EXTEND = {"prep", "xcomp", "oprd", "advcl", "dobj", "ccomp", "acomp", "attr", "dative", "agent"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_FINITE = ("VBD", "VBZ", "VBP")  # a finite verb reports even where the parse misread it
_WH = {"which", "what", "whom", "who", "that", "this", "it"}


@dataclass
class Cue:
    token: Token
    kind: str  # verb | noun | according
    start: int  # the cue words as written
    end: int
    region: tuple[int, int] | None  # token range [a, b) of the content
    subject: Token | None  # head of the speaker phrase, when the cue has one
    medium: str | None = None
    dropped: bool = False  # a second attribution of content another cue reports

    def text(self, doc: Doc) -> str:
        return doc_text(doc)[self.start : self.end]

    def chars(self, doc: Doc) -> tuple[int, int] | None:
        if self.region is None:
            return None
        a, b = self.region
        if b <= a:
            return None
        text = doc_text(doc)
        end = _close_mark_after(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
        start, end = trim(text, doc[a].idx, end)
        return (start, end) if end > start else None


def _close_mark_after(text: str, start: int, end: int) -> int:
    """The region's end, over a closing mark the parse hung on the cue
    (`was “deeply regrettable,” a spokesperson said`): a quotation opened in
    the region closes in it."""
    j = end
    while j < len(text) and text[j] in ",.":
        j += 1
    if j < len(text) and text[j] in '”"' and any(c in '“"' for c in text[start:end]):
        inner = text[start:end]
        if text[j] == "”" or inner.count('"') % 2 == 1:
            return j + 1
    return end


def find_cues(doc: Doc, lex: Cues, keep=None) -> list[Cue]:
    """Every cue in the document, in text order, with its content region cut.

    `keep(char)` says whether a cue at that offset counts (not one inside
    quotation marks)."""
    out = []
    for i in _possible_cues(doc, lex):
        t = doc[i]
        cue = _verb_cue(t, lex) or _noun_cue(t, lex) or _according_cue(t, lex)
        if cue is not None and (keep is None or keep(cue.start)):
            out.append(cue)
    _cut_continuations(doc, out, lex)
    _drop_second_attributions(out)
    return out


def _possible_cues(doc: Doc, lex: Cues) -> list[int]:
    """Indices of the tokens that pass the first test of some cue: a verb or
    noun with a cue lemma, or "according". Read from the Doc's arrays, so the
    other tokens (most of them) never become Token objects."""
    arr = doc.to_array([POS, LEMMA, LOWER])
    if not len(arr):
        return []
    pos, lemma = arr[:, 0], arr[:, 1]
    strings = doc.vocab.strings
    lowered = {h: strings[h].lower() for h in numpy.unique(lemma).tolist()}
    verb_lemmas = [h for h, w in lowered.items() if w in lex.verbs or w in lex.phrasal]
    noun_lemmas = [h for h, w in lowered.items() if w in lex.statement_nouns]
    mask = (
        (numpy.isin(pos, (VERB, AUX)) & numpy.isin(lemma, verb_lemmas))
        | ((pos == NOUN) & numpy.isin(lemma, noun_lemmas))
        | (arr[:, 2] == strings["according"])
    )
    return numpy.flatnonzero(mask).tolist()


# ------------------------------------------------------------------ verbs


def _particle(t: Token, lex: Cues) -> Token | None:
    wanted = lex.phrasal.get(t.lemma_.lower(), ())
    return next((c for c in t.children if c.dep_ in ("prt", "prep") and c.lower_ in wanted), None)


def is_cue_verb(t: Token, lex: Cues) -> bool:
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if t.lemma_.lower() not in lex.verbs and _particle(t, lex) is None:
        return False
    # A passive participle takes no object: one that has an object ("Khazali
    # considered - in a tweet - the recent statements …") is a misread finite verb.
    active = any(c.dep_ in ("dobj", "ccomp") for c in t.children)
    quoted_as = t.dep_ == "pcomp" and t.head.lower_ == "as"  # "quoted as saying"
    if (
        t.dep_ in ("pcomp", "pobj", "amod", "compound", "nsubj", "dobj")
        and t.tag_ not in _FINITE
        and not (t.tag_ == "VBN" and active)
        and not quoted_as
    ):
        return False  # "insists on maintaining …": a verb used as a noun, not a report
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return False  # "it was said", "is expected to": nobody is reporting
    if t.tag_ == "VBN" and not active and not any(c.dep_ == "aux" for c in t.children):
        return False  # "the message mentioned by", "a man said to be": a modifier
    if t.dep_ == "acl" and t.head.lemma_.lower() not in lex.statement_nouns:
        return False  # "a resolution calling for …": only statements speak this way
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if (
        nxt is not None
        and nxt.lower_ == "to"
        and nxt.head.head.i == t.i
        and t.lemma_.lower() in lex.reportive
    ):
        return False  # "the man said to be the leader": a description
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False  # "called on X to deny …", "refused to say": not itself a report
    if t.lemma_.lower() in lex.clause_only and not _reports_clause(t, lex):
        return False  # "rejected the bill", "expect the bank to raise rates"
    return True


def _speech_context(t: Token, lex: Cues) -> bool:
    """The verb says how it was said: "in a tweet", "in a statement", "in an interview"."""
    return any(
        c.dep_ == "prep" and any(p.dep_ == "pobj" and p.lemma_.lower() in lex.media_words for p in c.children)
        for c in t.children
    )


def _reports_clause(t: Token, lex: Cues) -> bool:
    """A that-clause ("believes that …") or an "as" judgement ("rejected it as a lie")."""
    for c in t.children:
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "as"
            and any(p.dep_ in ("pobj", "amod", "acomp") for p in c.children)
        ):
            return True
        if c.dep_ in ("dobj", "oprd") and any(p.dep_ == "prep" and p.lower_ == "as" for p in c.children):
            return True
        if c.dep_ == "oprd":
            return True  # "considered it unacceptable"
        if c.dep_ == "dobj" and any(
            k.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)
            for k in c.children
        ):
            return True  # "rejected claims that …"
        # "considered - in a tweet - the statements …, a clear indication of …": a
        # judgement in apposition to the object counts where the verb says how it
        # was said (the parse hangs the apposition anywhere in the object).
        if (
            c.dep_ == "dobj"
            and _speech_context(t, lex)
            and any(p.dep_ == "appos" and p.pos_ == "NOUN" for p in c.subtree)
        ):
            return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark"


def _verb_cue(t: Token, lex: Cues) -> Cue | None:
    if not is_cue_verb(t, lex):
        return None
    particle = _particle(t, lex)
    start, end = t.idx, t.idx + len(t)
    if particle is not None and particle.i == t.i + 1:
        end = particle.idx + len(particle)  # "called on", "pointed out": the cue as written
    region = _verb_region(t, particle, lex)
    # The subject nearest the verb: a parse may also hang the quoted clause's
    # own subject on the cue ("“The entry … must be done,” al-Amiri maintained").
    subjs = [c for c in t.children if c.dep_ in _SUBJ and not (region and region[0] <= c.i < region[1])]
    named = [c for c in t.lefts if c.ent_type_ in ("PERSON", "ORG") and c.dep_ not in ("prep", "npadvmod")]
    subj = (
        min(subjs, key=lambda c: abs(c.i - t.i), default=None)
        or (named[-1] if named else None)
        or _left_name(t)
    )
    return Cue(t, "verb", start, end, region, subj)


def same_line(doc: Doc, a: int, b: int) -> bool:
    """True when no line break separates tokens a and b (reported speech stays in its paragraph)."""
    lines = _lines(doc)
    return lines[a] == lines[b]


# Each token's line number is computed once per document and kept in its user_data.
_LINES = ("newsledger.quotes", "lines")


def _lines(doc: Doc) -> list[int]:
    lines = doc.user_data.get(_LINES)
    if lines is None:
        # a token's line is the number of line breaks before its first character:
        # found on the token offsets array, without making a Token per word
        text = doc_text(doc)
        breaks = [m.start() for m in re.finditer("\n", text)]
        starts = doc.to_array([IDX]).ravel()
        lines = numpy.searchsorted(numpy.asarray(breaks, dtype=starts.dtype), starts, side="left").tolist()
        doc.user_data[_LINES] = lines
    return lines


def _left_name(t: Token) -> Token | None:
    """`…, Muqtada al-Sadr, warned that`: a name just before a verb the parse left subjectless."""
    if t.dep_ not in ("ROOT", "ccomp", "conj") or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    ):
        return None
    j = t.i - 1
    while j >= 0 and (t.doc[j].is_punct or t.doc[j].pos_ == "ADV") and same_line(t.doc, j, t.i):
        j -= 1
    if (
        j >= 0
        and t.doc[j].ent_type_ in ("PERSON", "ORG")
        and same_line(t.doc, j, t.i)
        and t.doc[j].i != t.i - 1
        and t.doc[j + 1].is_punct
    ):
        return t.doc[j]
    return None


def _in_line(t: Token, region: tuple[int, int] | None) -> tuple[int, int] | None:
    """The part of a region on the cue's line: a run-on parse may span paragraphs."""
    if region is None:
        return None
    doc, (a, b) = t.doc, region
    while a < b and not same_line(doc, a, t.i):
        a += 1
    end = a
    while end < b and same_line(doc, end, t.i):
        end += 1
    return _strip(a, end, doc) if end > a else None


def _verb_region(t: Token, particle: Token | None, lex: Cues) -> tuple[int, int] | None:
    """The clausal complement, else the object where the verb takes one, on the cue's line."""
    comps = [c for c in t.children if c.dep_ == "ccomp" and same_line(t.doc, c.i, t.i)]
    right = [c for c in comps if c.i > t.i]
    if right or comps:
        c = (right or comps)[0]
        return _with_possessor(t, _in_line(t, _strip(c.left_edge.i, c.right_edge.i + 1, t.doc)))
    return _in_line(t, _object_region(t, particle, lex))


def _with_possessor(t: Token, region: tuple[int, int] | None) -> tuple[int, int] | None:
    """`Brown's resignation was …`: a possessor the parse cut off (a sentence split
    inside the name) belongs to the content that starts right after it."""
    if region is None:
        return None
    doc, a = t.doc, region[0]
    if a >= 2 and doc[a - 1].tag_ == "POS" and doc[a - 1].head.i != t.i and same_line(doc, a - 2, a):
        a -= 1
        while a >= 1 and doc[a - 1].pos_ == "PROPN" and same_line(doc, a - 1, a):
            a -= 1
    return a, region[1]


def _object_region(t: Token, particle: Token | None, lex: Cues) -> tuple[int, int] | None:
    if particle is not None and particle.dep_ == "prep":
        pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return _extend(t, pobj.left_edge.i, pobj.right_edge.i + 1, lex)
    key = t.lemma_.lower() + (f" {particle.lower_}" if particle is not None else "")
    if key in lex.object_verbs or t.lemma_.lower() in lex.object_verbs:
        obj = next((c for c in t.children if c.i > t.i and _content_object(c)), None)
        if obj is not None:
            return _extend(t, obj.left_edge.i, obj.right_edge.i + 1, lex)
    return _that_clause_after(t, lex)


def _content_object(c: Token) -> bool:
    """An object that can carry content: a noun phrase, not a bare time ("said Tuesday").

    A parse may read "confirmed on Wednesday the end of …" as a time phrase; a
    noun with its own of-phrase is content all the same."""
    if c.dep_ not in ("dobj", "npadvmod") or c.pos_ not in ("NOUN", "PROPN", "PRON") or c.lower_ in _WH:
        return False
    if c.dep_ == "dobj" and c.ent_type_ not in ("DATE", "TIME"):
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)


def _extend(t: Token, a: int, b: int, lex: Cues) -> tuple[int, int] | None:
    """Grow an object region over the verb's next right children until a break."""
    for c in t.rights:
        if c.i < b:
            continue
        if (
            c.dep_ not in _EXTEND
            or c.left_edge.i > b
            or _is_put_it(c)
            or (is_cue_verb(c, lex) and _continues(c))
        ):
            break
        b = c.right_edge.i + 1
    return _strip(a, b, t.doc)


def _that_clause_after(t: Token, lex: Cues) -> tuple[int, int] | None:
    """`X emphasized, on Friday, that …` where the parse hung the clause elsewhere.

    Only adverbials (a time, a prepositional phrase) or, after verbs like
    "tell", the addressee may stand between the verb and "that": in "said
    nothing that mattered" the "that" belongs to "nothing"."""
    sent = t.sent
    for j in range(t.i + 1, min(t.i + 9, sent.end)):
        w = t.doc[j]
        if w.lower_ == "that":  # even where read as a relative pronoun ("… conference that …")
            return _strip(j + 1, sent.end, t.doc)
        if w.pos_ in ("VERB", "AUX") or w.is_quote:
            return None
        if (
            w.pos_ in ("NOUN", "PRON", "PROPN")
            and w.ent_type_ not in ("DATE", "TIME")
            and not any(a.dep_ == "prep" and a.i > t.i for a in w.ancestors)
            and not (w.head.i == t.i and t.lemma_.lower() in lex.addressee_verbs)
        ):
            return None
    return None


def _strip(a: int, b: int, doc: Doc) -> tuple[int, int] | None:
    """Drop the complementiser, punctuation and conjunctions at the region's edges."""
    while a < b and (
        doc[a].dep_ in ("mark", "punct", "cc") or doc[a].is_space or doc[a].lower_ in ("that", "whether")
    ):
        if doc[a].is_quote and doc[a].dep_ != "mark":
            break  # an opening mark stays: the quote starts here
        a += 1
    while b > a and (doc[b - 1].dep_ in ("punct", "cc") or doc[b - 1].is_space):
        if doc[b - 1].is_quote:
            break  # trim() decides whether an edge mark is paired
        b -= 1
    return (a, b) if b > a else None


# ------------------------------------------------------------------ nouns


def _noun_cue(t: Token, lex: Cues) -> Cue | None:
    """`the authorities' assertion that …`, `the ministry's claim of …`."""
    if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.statement_nouns:
        return None
    if t.dep_ in _SUBJ and is_cue_verb(t.head, lex):
        return None  # "the statement said …": the verb is the cue
    author = statement_author(t)
    if author is None:
        return None
    info = lex.statement_nouns[t.lemma_.lower()]
    region = None
    for c in t.children:
        if (
            c.dep_ in ("acl", "ccomp")
            and c.i > t.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ):
            region = _strip(c.left_edge.i, c.right_edge.i + 1, t.doc)
            break
        if c.dep_ == "prep" and c.lower_ == "of" and info.get("content_of"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                region = _strip(pobj.left_edge.i, pobj.right_edge.i + 1, t.doc)
                break
    if region is None:
        return None
    return Cue(t, "noun", t.idx, t.idx + len(t), region, author, medium=info.get("medium"))


def statement_author(t: Token) -> Token | None:
    """Who made a statement: its possessor, or the agent of "made/mentioned by X"."""
    # A possessor, also where the parse missed it ("the authorities’ claim" read as a subject).
    poss = next(
        (
            c
            for c in t.children
            if c.dep_ == "poss" or (c.i < t.i and any(k.dep_ == "case" for k in c.children))
        ),
        None,
    )
    if poss is not None and poss.lower_ not in ("its", "their", "his", "her"):
        return poss
    for c in t.children:
        if c.dep_ in ("acl", "relcl"):
            for a in c.children:
                if a.dep_ == "agent":
                    pobj = next((p for p in a.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return poss


# ------------------------------------------------------------------ according to


def _according_cue(t: Token, lex: Cues) -> Cue | None:
    doc = t.doc
    if t.lower_ != "according" or t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "to":
        return None
    src = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
    if src is None or src.lower_ in _WH:
        return None  # "according to which …" points back, names nobody
    if not (
        src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or src.pos_ == "PROPN"
        or any(
            w in words
            for w in (src.lemma_.lower(), src.lower_)
            for words in (lex.source_nouns, lex.statement_nouns, lex.title_nouns)
        )
    ):
        return None  # "according to the law": a rule, not a source
    head = t.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    pp_a, pp_b = t.left_edge.i, t.right_edge.i + 1
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if lo < pp_a and _has_words(doc, lo, pp_a) and not _has_words(doc, pp_b, hi):
        region = _strip(lo, pp_a, doc)
    elif lo < pp_a and _has_words(doc, lo, pp_a) and hi > pp_b:
        # In the middle ("The U.S., according to X, intends …"): the words after it
        # carry the statement, the subject before it is often only its topic.
        region = _strip(pp_b, hi, doc) if head.i > pp_b else _strip(lo, pp_a, doc)
    else:
        region = _strip(pp_b, hi, doc)
    medium = lex.statement_nouns.get(src.lemma_.lower(), {}).get("medium")
    return Cue(t, "according", t.idx, doc[t.i + 1].idx + 2, region, src, medium=medium)


def _has_words(doc: Doc, a: int, b: int) -> bool:
    return any(doc[i].is_alpha for i in range(a, b))


# ------------------------------------------------------------------ cutting


def _continues(t: Token) -> bool:
    """Participle or coordinated cue without a subject of its own."""
    if any(c.dep_ in _SUBJ for c in t.children):
        return False
    return t.dep_ in ("advcl", "conj", "xcomp", "acl") or t.tag_ == "VBG"


def _is_put_it(t: Token) -> bool:
    """`as he put it`, `as she said`: a comment on the wording, never content."""
    return t.lemma_ in ("put", "say") and any(c.lower_ == "as" and c.dep_ == "mark" for c in t.children)


def _lemma_indices(doc: Doc, lemmas: tuple[str, ...]) -> list[int]:
    """Tokens with one of these lemmas, found in the Doc's array without making Tokens."""
    hashes = [doc.vocab.strings[w] for w in lemmas]
    return numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), hashes)).tolist()


def _cut_continuations(doc: Doc, cues: list[Cue], lex: Cues) -> None:
    """End each region before a cue that continues it or an `as he put it`."""
    starts = sorted(
        {c.token.i for c in cues if c.kind == "verb" and _continues(c.token)}
        | {c.token.left_edge.i for c in cues if c.kind == "according"}
        | {doc[i].left_edge.i for i in _lemma_indices(doc, ("put", "say")) if _is_put_it(doc[i])}
    )
    if not starts:
        return
    for cue in cues:
        if cue.region is None:
            continue
        a, b = cue.region
        cut = next((s for s in starts if a < s < b), None)
        if cut is not None:
            cue.region = _strip(a, cut, doc)


def _drop_second_attributions(cues: list[Cue]) -> None:
    """`X said that …, the agency reported`: the trailing cue repeats the attribution.

    Where one cue's content holds another cue that has its own subject and its
    own content, the one written after its content (the trailing attribution)
    is dropped and, when it sits inside the other's content, cut off it."""
    verbs = [c for c in cues if c.kind == "verb" and c.region is not None and c.subject is not None]
    at = [c.token.i for c in verbs]
    for outer in verbs:
        a, b = outer.region
        for inner in verbs[bisect_left(at, a) : bisect_left(at, b)]:
            if inner is outer or inner.dropped or outer.region is None or not (a <= inner.token.i < b):
                continue
            ia, ib = inner.region
            if ib <= inner.token.i:  # inner trails its own content
                inner.dropped = True
                outer.region = _strip(a, min(inner.subject.left_edge.i, inner.token.i), outer.token.doc)
                a, b = outer.region or (a, a)
            elif outer.region[1] <= outer.token.i:
                outer.dropped = True  # outer trails: the inner one reports it
                break
