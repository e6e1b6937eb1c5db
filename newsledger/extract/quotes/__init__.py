"""Quotes: who said what, direct and reported, with the speaker resolved.

One pass over the parse finds the cues (reporting verbs, statement nouns,
"according to"), one pass over the text pairs the quotation marks; a
quotation inside a cue's content is a direct quote when it makes up most of
that content, otherwise it is part of the reported speech around it. A
quotation with no cue takes its cue from the sentence it opens or closes in,
or else continues the quote before it (the same speaker going on). Scare
quotes and quoted titles are not statements. A headline `Name: words` is the
named speaker's statement.

Rules are data: extract/data/reporting_verbs.txt and quote_cues.yaml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsledger.extract.base import Extraction
from newsledger.extract.quotes.cues import Cue, doc_text, find_cues
from newsledger.extract.quotes.lexicon import Cues
from newsledger.extract.quotes.lexicon import cues as load_cues
from newsledger.extract.quotes.marks import Quotation, find_quotations, trim
from newsledger.extract.quotes.speakers import Resolver, Speaker, labelled_mentions, none_speaker
from newsledger.extract.timeref import date_at
from newsledger.kb.names import fold
from newsledger.records import Quote

NAME = "quotes"
VERSION = "2"
ORDER = 30
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A bare attribution sentence after a quotation ("…." X, the union's chief
# negotiator, said on Tuesday.) holds no content of its own; this caps its length.
_BARE_MAX = 30
_HEADLINE = re.compile(r"^(?P<who>[^:\n]{2,60}?):\s+(?P<what>[^\n]+?)\s*$")


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # direct | indirect
    cue: Cue | None
    how: str  # cue | nearest-cue | continuation | headline
    speaker: Speaker | None = None


def extract(doc: Doc, ex: Extraction) -> list[Quote]:
    lex = load_cues()
    text = doc_text(doc)  # boilerplate already blanked, same offsets
    quotations = [q for q in find_quotations(text, _joinable(doc)) if is_statement(text, q, lex, doc)]
    # Cues inside quotation marks are the speaker's words, not attributions: they
    # go before one cue can drop another as a second attribution of its content.
    cue_list = [
        c
        for c in find_cues(doc, lex, keep=_outside_of(quotations))
        if not c.dropped and not _in_title(ex, c.start)
    ]
    cands = _bind(doc, quotations, cue_list)
    head = _headline(doc, ex)
    if head is not None:
        cands.insert(0, head)  # first among equals: the headline names its speaker
    cands = _dedup(sorted(cands, key=lambda c: (c.start, c.end)))
    return _records(doc, ex, lex, cands, cue_list)


# ------------------------------------------------------------------ quotations


def is_statement(text: str, q: Quotation, lex: Cues, doc: Doc | None = None) -> bool:
    """Statements, not scare quotes ("a “power grab”") or quoted titles.

    Long quotations are statements; a short one is when it is a clause of its
    own (`“We will win,” he said`), not words inside a noun phrase."""
    words = _WORD.findall(text[q.start : q.end])
    if not words:
        return False
    long_words = [w for w in words if len(w) > 3]
    # A single capitalised word ("“Never,” she said") is left to the syntax below.
    titled = len(long_words) > 1 and all(w[0].isupper() for w in long_words)
    if titled and not re.search(r"[.!?]", text[q.start : q.end]):
        return False
    if len(words) >= lex.min_words:
        return True
    return doc is not None and (_is_clause(doc, q.start, q.end) or _opens_sentence(doc, q))


def _opens_sentence(doc: Doc, q: Quotation) -> bool:
    """`“Never,” she said.`, `He said: “No comment.”`: a quotation that opens its
    sentence or follows a colon is said, whatever its length."""
    text = doc_text(doc)
    before = text[: q.open].rstrip(" \t")
    if not before or before[-1] in "\n:":
        return True
    span = doc.char_span(q.open, q.open + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _is_clause(doc: Doc, start: int, end: int) -> bool:
    """A verb with its own subject inside the span: a clause, not a phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(
        t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and start <= c.idx < end for c in t.children)
        for t in span
    )


def _joinable(doc: Doc):
    """May a stray closing mark at `b` extend the quotation that closed at `a`?

    Only over a short bracketed insertion or words that are no attribution (no
    verb, no subject): `“…,” he said of the vote, which critics called ”rigged”`
    keeps its quotation and drops the stray mark."""
    text = doc_text(doc)

    def ok(a: int, b: int) -> bool:
        between = text[a + 1 : b].strip()
        if re.fullmatch(r"[\[(][^\])]{0,40}[\])].{0,40}", between, re.S):
            return True
        span = doc.char_span(a + 1, b, alignment_mode="contract")
        return span is None or not any(
            t.pos_ in ("VERB", "AUX", "PRON") or t.dep_ in ("nsubj", "nsubjpass") for t in span
        )

    return ok


def _in_title(ex: Extraction, pos: int) -> bool:
    """In the title line: a headline reports only in its `Name: words` form."""
    art = ex.article
    if art.title_start is None or pos < art.title_start:
        return False
    end = art.text.find("\n", art.title_start)
    return end < 0 or pos < end


def _outside_of(quotations: list[Quotation]):
    """Cues not within a quotation's marks: words the speaker said are not attributions.

    Quotations never nest, so they are sorted by opening and by end alike."""
    opens = [q.open for q in quotations]

    def outside(pos: int) -> bool:
        k = bisect_left(opens, pos) - 1
        return not (k >= 0 and pos < quotations[k].outer_end)

    return outside


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _bind(doc: Doc, quotations: list[Quotation], cue_list: list[Cue]) -> list[Candidate]:
    """Content regions of cues and the quotations in or beside them."""
    out, used = [], set()
    starts, ends = [q.start for q in quotations], [q.end for q in quotations]
    for cue in cue_list:
        ch = cue.chars(doc)
        if ch is None:
            continue
        inside = quotations[bisect_right(ends, ch[0]) : bisect_left(starts, ch[1])]
        direct = [q for q in inside if _overlap((q.start, q.end), ch) * 2 >= ch[1] - ch[0]]
        if direct:
            out.extend(Candidate(q.start, q.end, "direct", cue, "cue") for q in direct)
        else:
            out.append(Candidate(ch[0], ch[1], "indirect", cue, "cue"))
        used.update(id(q) for q in inside)
    for k, q in enumerate(quotations):
        if id(q) in used:
            continue
        nxt = quotations[k + 1].open if k + 1 < len(quotations) else len(doc_text(doc))
        prv = quotations[k - 1].outer_end if k else 0
        cue = _nearest_cue(doc, q, cue_list, prv, nxt)
        if cue is None and not _standalone(doc, q, prv) and not _has_verb(doc, q):
            continue  # `the slogan, "no farmers, no food", was painted`: named, not said
        out.append(Candidate(q.start, q.end, "direct", cue, "nearest-cue" if cue else "continuation"))
    return out


def _standalone(doc: Doc, q: Quotation, prev_end: int) -> bool:
    """The quotation opens its paragraph or follows the previous one directly."""
    text = doc_text(doc)
    before = text[text.rfind("\n", 0, q.open) + 1 : q.open]
    return not before.strip() or (prev_end > 0 and not text[prev_end : q.open].strip(" ,.;:\n"))


def _has_verb(doc: Doc, q: Quotation) -> bool:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _nearest_cue(doc: Doc, q: Quotation, cue_list: list[Cue], lo: int, hi: int) -> Cue | None:
    """The verb cue in the sentence the quotation opens or closes in, outside it.

    Failing that, a bare attribution sentence right after it (“….” Smith said.)."""
    text = doc_text(doc)
    open_s, close_s = _sent_at(doc, q.open), _sent_at(doc, max(q.outer_end - 1, q.open))
    best, dist = None, None
    starts = [c.start for c in cue_list]  # cues come in text order
    for c in cue_list[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if c.kind != "verb" or q.open <= c.start < q.outer_end:
            continue
        if "\n" in _between(text, q, c.start):
            continue
        cs = _sent_at(doc, c.start)
        bare = (
            c.start > q.outer_end
            and c.region is None
            and c.subject is not None
            and close_s is not None
            and cs is not None
            and cs[0] == close_s[1]
            and cs[1] - cs[0] <= _BARE_MAX
        )
        if cs not in (open_s, close_s) and not bare:
            continue
        d = q.open - c.end if c.start < q.open else c.start - q.outer_end
        if dist is None or d < dist:
            best, dist = c, d
    return best


def _between(text: str, q: Quotation, pos: int) -> str:
    return text[pos : q.open] if pos < q.open else text[q.outer_end : pos]


def _sent_at(doc: Doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return (span.sent.start, span.sent.end) if span is not None else None


def _headline(doc: Doc, ex: Extraction) -> Candidate | None:
    """`Name: statement` as the first line, where Name is a person or organisation."""
    art = ex.article
    if art.title_start is None:
        return None
    line_end = art.text.find("\n", art.title_start)
    line = art.text[art.title_start : line_end if line_end >= 0 else len(art.text)]
    m = _HEADLINE.match(line)
    if m is None or len(m.group("who").split()) > 6 or len(_WORD.findall(m.group("what"))) < 3:
        return None
    who = m.group("who").strip()
    key = fold(who)
    body = [x for x in labelled_mentions(doc, ex) if x.start >= art.title_start + len(line)]
    ment = next((x for x in body if fold(x.text) == key), None) or next(
        (x for x in body if f" {key} " in f" {fold(x.text)} "), None
    )
    if ment is None or ment.label not in ("PERSON", "ORG"):
        return None  # "Iraq: …" names a topic, not a speaker
    base = art.title_start + m.start("what")
    start, end = trim(art.text, base, base + len(m.group("what")))
    sp = Speaker(
        ment.entity_id,
        who,
        art.title_start + m.start("who"),
        art.title_start + m.start("who") + len(who),
        "headline",
        0.6,
        ment.label,
    )
    return Candidate(start, end, "indirect", None, "headline", sp)


def _dedup(cands: list[Candidate]) -> list[Candidate]:
    """One quote per content: the first found wins over a near copy."""
    out: list[Candidate] = []
    open_: list[Candidate] = []  # kept candidates still running at c.start
    for c in cands:
        open_ = [o for o in open_ if o.end > c.start]
        if any(
            _overlap((c.start, c.end), (o.start, o.end)) * 10 >= 8 * min(c.end - c.start, o.end - o.start)
            for o in open_
        ):
            continue
        out.append(c)
        open_.append(c)
    return out


# ------------------------------------------------------------------ speakers


class _Speakers:
    """Speakers of cues, memoised: continuation cues take their governing cue's."""

    def __init__(self, doc: Doc, resolver: Resolver, cue_list: list[Cue]):
        self.doc, self.res = doc, resolver
        self.by_token = {c.token.i: c for c in cue_list}
        self.all = cue_list
        self.memo: dict[int, Speaker] = {}

    def of(self, cue: Cue) -> Speaker:
        key = cue.token.i
        if key not in self.memo:
            self.memo[key] = self._compute(cue)
            self.res.note(cue.start, self.memo[key])
        return self.memo[key]

    def _compute(self, cue: Cue) -> Speaker:
        subj = cue.subject
        if subj is not None and subj.lower_ in ("who", "which", "that") and cue.token.dep_ == "relcl":
            subj = cue.token.head
        if subj is not None:
            return self.res.from_phrase(subj)
        t = cue.token
        while t.head.i != t.i:  # "…, adding that": the governing cue's speaker
            t = t.head
            if t.i in self.by_token:
                return replace(self.of(self.by_token[t.i]), method="continuation")
        earlier = [c for c in self.all if c.token.sent == cue.token.sent and c.start < cue.start]
        if earlier:
            return replace(self.of(earlier[-1]), method="continuation")
        t = cue.token
        while t.head.i != t.i:
            t = t.head
            # "X addressed the crowd, saying …", "X was quoted as saying …"
            s = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                return self.res.from_phrase(s)
        return none_speaker()


def _records(doc: Doc, ex: Extraction, lex: Cues, cands: list[Candidate], cue_list: list[Cue]) -> list[Quote]:
    """Speakers in text order (pronouns look back at them), then each quote's context."""
    res = Resolver(doc, ex, lex, contents=[(c.start, c.end) for c in cands])
    spk = _Speakers(doc, res, cue_list)
    ordered = sorted(cands, key=lambda c: c.cue.start if c.cue else c.start)
    for c in ordered:
        if c.speaker is not None:
            res.note(c.start, c.speaker)
        elif c.cue is not None:
            c.speaker = spk.of(c.cue)
    text = doc_text(doc)
    for k, c in enumerate(cands):  # quotations with no cue go on the quote before
        prev = cands[k - 1] if k else None
        if c.speaker is None:
            c.speaker = none_speaker()
            if prev is not None and prev.speaker is not None and _next_paragraph(text, prev, c):
                c.speaker = replace(
                    prev.speaker,
                    method="continuation",
                    start=None,
                    end=None,
                    confidence=min(prev.speaker.confidence, 0.4),
                )
    for c, sp in zip(ordered, res.resolve_pending([c.speaker for c in ordered])):
        c.speaker = sp
    return _with_context(doc, ex, lex, cands)


def _next_paragraph(text: str, a: Candidate, b: Candidate) -> bool:
    """b is in a's paragraph or the one right after: no other paragraph between them."""
    lines = text[a.end : b.start].split("\n")[1:-1]
    return not any(line.strip() for line in lines)


# ------------------------------------------------------------------ context


def _medium(doc: Doc, lex: Cues, cue: Cue | None, span: tuple[int, int]) -> str | None:
    if cue is None:
        return None
    if cue.medium:
        return cue.medium
    if cue.subject is not None:  # "the statement said …": the statement is the medium
        info = lex.statement_nouns.get(cue.subject.lemma_.lower())
        if info and info.get("medium"):
            return info["medium"]
    roots = [c for c in cue.token.children if c.dep_ in ("prep", "agent", "npadvmod", "advcl")]
    if cue.kind == "according" and cue.subject is not None:
        roots.append(cue.subject)
    for r in roots:
        for t in _own_words(r):
            if span[0] <= t.idx < span[1]:
                continue
            found = _medium_word(doc, lex, t)
            if found:
                return found
    return None


def _own_words(root):
    """The phrase without its relative clauses: in "her letter, which was posted
    on X" the network is where the letter went, not how it was said."""
    stack = [root]
    while stack:
        t = stack.pop()
        yield t
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl"))


def _medium_word(doc: Doc, lex: Cues, t) -> str | None:
    nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
    if (t.lower_, nxt) in lex.media_phrases:
        return lex.media_phrases[(t.lower_, nxt)]
    if t.i > 0 and doc[t.i - 1].lower_ == "on" and t.lower_ in lex.media_after_on:
        return lex.media_after_on[t.lower_]
    return lex.media_words.get(t.lemma_.lower())


def _with_context(doc: Doc, ex: Extraction, lex: Cues, cands: list[Candidate]) -> list[Quote]:
    out: list[Quote] = []
    text = doc_text(doc)
    for c in cands:
        sp = c.speaker or none_speaker()
        ss, se = _attribution_bounds(doc, text, c)
        medium = _medium(doc, lex, c.cue, (c.start, c.end))
        out.append(
            Quote(
                ex.article.id,
                c.start,
                c.end,
                ex.article.text[c.start : c.end],
                c.kind,
                cue=c.cue.text(doc) if c.cue else None,
                cue_start=c.cue.start if c.cue else None,
                cue_end=c.cue.end if c.cue else None,
                speaker_id=sp.id,
                speaker_name=sp.name,
                speaker_start=sp.start,
                speaker_end=sp.end,
                medium=medium,
                date=_date(ex, c, ss, se),
                sent_start=ss,
                sent_end=se,
                co_speakers=tuple(i for i, _ in sp.co),
                co_speaker_names=tuple(n for _, n in sp.co),
                speaker_method=sp.method,
                extractor=NAME,
                confidence=_confidence(c, sp),
            )
        )
    return _share_in_runs(out)


def _attribution_bounds(doc: Doc, text: str, c: Candidate) -> tuple[int, int]:
    """The sentence of the cue (or of the content), kept to its paragraph."""
    a, b = (c.cue.start, c.cue.end) if c.cue else (c.start, c.end)
    span = doc.char_span(a, b, alignment_mode="expand")
    ss, se = (span.sent.start_char, span.sent.end_char) if span is not None else (a, b)
    line_start = text.rfind("\n", 0, min(a, c.start)) + 1
    line_end = text.find("\n", max(b, c.end))
    ss = max(ss, line_start)
    se = min(se, line_end) if line_end >= 0 else se
    return min(ss, c.start, a), max(se, c.end, b)


def _date(ex: Extraction, c: Candidate, ss: int, se: int) -> str | None:
    """A date on the cue's side of the content ("On Friday, X said …", "…,” X said on
    Tuesday"): a date inside the content or beyond it is not when it was said."""
    if c.cue is None:
        return None
    if c.cue.start < c.start:
        return date_at(ex, ss, c.start)
    return date_at(ex, c.end, se)


def _share_in_runs(quotes: list[Quote]) -> list[Quote]:
    """Consecutive quotes of one speaker report one statement: where one of them says
    the medium or the date, the others without one take it (listed in `inherited`)."""
    out = list(quotes)
    k = 0
    while k < len(out):
        j = k
        while j + 1 < len(out) and out[k].speaker_id and out[j + 1].speaker_id == out[k].speaker_id:
            j += 1
        run = range(k, j + 1)
        for key in ("medium", "date"):
            for i in run:
                if getattr(out[i], key) is None:
                    # Nearest in the run, earlier first at equal distance; a medium
                    # only within one statement, never to another cue's.
                    src = min(
                        (
                            x
                            for x in run
                            if getattr(quotes[x], key) is not None
                            and (key == "date" or _same_statement(quotes[x], quotes[i]))
                        ),
                        key=lambda x: (abs(x - i), x > i),
                        default=None,
                    )
                    if src is not None:
                        out[i] = replace(
                            out[i], **{key: getattr(quotes[src], key)}, inherited=out[i].inherited + (key,)
                        )
        k = j + 1
    return out


def _same_statement(a: Quote, b: Quote) -> bool:
    """b goes on a's statement: the same cue, no cue of its own, or a cue continuing
    a's ("said in a statement, adding that …")."""
    return b.cue_start is None or b.cue_start == a.cue_start or b.speaker_method == "continuation"


def _confidence(c: Candidate, sp: Speaker) -> float:
    """The speaker's confidence, lowered for quotes found without a cue."""
    base = sp.confidence if sp.known else 0.2
    if c.how == "continuation":
        base = min(base, 0.4)
    return round(base if c.kind == "direct" or c.how == "headline" else base * 0.9, 2)


__all__ = ["NAME", "VERSION", "ORDER", "extract", "is_statement"]
