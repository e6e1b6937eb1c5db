"""Claims: checkable facts a text states, as subject / predicate / object.

Five kinds, each from the dependency parse of one sentence:

* dated acts: a verb or an event noun ("the killing of X") with a date in
  its own phrase -> (actor, predicate, date); predicates are grouped in
  data/claims.yaml so "voted for" and "passed" compare;
* derived dates: "N days after the assassination of X", with the date of the
  sentence (or of the previous sentence's fact, for "It came two days
  after ...") as anchor -> (X, killed, anchor - N days);
* measure kinds: what a passed measure was ("a resolution" vs "a bill passed
  into law") -> (body, passed_measure_kind, resolution|law|...);
* roles: "the deputy head of ORG, NAME" / "NAME, leader of ORG" ->
  (person, role_in:<org key>, rank);
* counts: "about 3,000 coalition soldiers deployed in Iraq" ->
  (coalition troops, count_in:iraq, 3000), ``approx`` where the text rounds.

A claim's ``subject``/``predicate`` form its comparable key; the attrs carry
what the analysis needs to judge a conflict (``when``, ``key_kind``, names).
Plans ("would be announced on") get a ``_planned`` predicate so that a plan
and what happened are never compared.
"""

from __future__ import annotations

import calendar
import re

from newsledger.extract.base import Extraction, doc_text
from newsledger.extract.claims_rules import name_key, parse_date, role_rank, rules, shift
from newsledger.records import Claim

NAME = "claims"
VERSION = "2"
ORDER = 50

_MONTHS = [m.lower() for m in calendar.month_name if m]  # standard library, C locale
_ABS_DATE = re.compile(
    r"\b(?:(?P<m1>" + "|".join(_MONTHS) + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>" + "|".join(_MONTHS) + r")\s+(?P<y2>\d{4})"
    r"|(?P<m3>" + "|".join(_MONTHS) + r")\s+(?P<y3>\d{4}))\b",
    re.I,
)
_YEAR = re.compile(r"\b\d{4}\b")
_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}


# ------------------------------------------------------------------ dates


def _dates(ex: Extraction, text: str) -> list[tuple[int, int, str]]:
    """(start, end, calendar value) of the article's dates.

    The time stage's timexes when it ran; without it, absolute dates only
    ("January 5, 2020"), so that claims never rest on an unresolved "Friday".
    """
    out = []
    for t in ex.timexes:
        if t.type in ("DATE", "TIME") and parse_date(t.value):
            out.append((t.start, t.end, t.value[:10]))
    if out or ex.timexes:
        return out
    for m in _ABS_DATE.finditer(text):
        mon = (m.group("m1") or m.group("m2") or m.group("m3")).lower()
        mo = _MONTHS.index(mon) + 1
        y = m.group("y1") or m.group("y2") or m.group("y3")
        d = m.group("d1") or m.group("d2")
        out.append((m.start(), m.end(), f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d else "")))
    return out


def _date_in(tokens, dates) -> tuple[str, int, int] | None:
    """The value of a date whose span lies inside the given tokens' characters."""
    if not tokens:
        return None
    lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    for s, e, v in dates:
        if lo <= s and e <= hi:
            return v, s, e
    return None


# ------------------------------------------------------------------ actors


def _actor(tok, ex: Extraction) -> tuple[str, str, str] | None:
    """(key, display name, head lemma) of the actor a noun token stands for."""
    span = list(tok.subtree)
    lo, hi = span[0].idx, span[-1].idx + len(span[-1])
    # A named mention inside the phrase (the head, or an apposition: "the
    # commander, General X") names the actor.
    for m in ex.mentions:
        label = _label(m, tok.doc)
        if (
            lo <= m.start
            and m.end <= hi
            and label in ("PERSON", "ORG")
            and (m.start <= tok.idx < m.end or _appos_of(tok, m))
        ):
            return name_key(m.entity_name or m.text, label), m.entity_name or m.text, tok.lemma_.lower()
    if tok.pos_ in ("PRON", "DET") or tok.pos_ != "NOUN" and tok.pos_ != "PROPN":
        return None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    words = [c.text for c in mods] + [tok.text]
    name = " ".join(words)
    return "np:" + name_key(name), name, tok.lemma_.lower()


def _label(m, doc) -> str:
    """A mention's type; where a stage left it empty, the NER type of its first token."""
    if m.label:
        return m.label
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span[0].ent_type_ if span is not None and len(span) else ""


def _appos_of(tok, m) -> bool:
    return any(c.dep_ == "appos" and m.start <= c.idx < m.end for c in tok.children)


def _pobj(tok, prep_words=("of",)):
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in prep_words:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _modal(tok, words) -> bool:
    """The act is a plan or possibility: a modal auxiliary or a planning head."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children):
        return True
    return tok.head is not tok and tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_ in words


# ------------------------------------------------------------------ claims


def _clause(*tokens_or_spans) -> tuple[int, int]:
    """Characters from the first to the last of some tokens' subtrees or spans."""
    lo, hi = [], []
    for x in tokens_or_spans:
        if x is None:
            continue
        if isinstance(x, tuple):
            lo.append(x[0])
            hi.append(x[1])
        else:
            lo.append(x.left_edge.idx)
            hi.append(x.right_edge.idx + len(x.right_edge))
    return min(lo), max(hi)


def _claim(
    ex,
    sent,
    subj,
    pred,
    obj,
    *,
    kind,
    conf,
    span=None,
    when=None,
    derived=None,
    object_name=None,
    approx=False,
    relative=False,
) -> Claim:
    """A claim spanning the clause that states it (``span``), inside its sentence."""
    ss, se = sent.start_char, sent.end_char
    s, e = span or (ss, se)
    s, e = max(s, ss), min(e, se)
    while e > s and ex.article.text[e - 1] in " ,;:":
        e -= 1
    return Claim(
        ex.article.id,
        s,
        e,
        ex.article.text[s:e],
        subj[0],
        pred,
        str(obj),
        subject_name=subj[1],
        object_name=object_name,
        sent_start=ss,
        sent_end=se,
        kind=kind,
        when=when,
        subject_head=subj[2],
        derived=derived,
        approx=approx,
        relative=relative,
        extractor=NAME,
        confidence=conf,
    )


def _root(tokens):
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[0])


def _governor(tok):
    """The verb or noun a date phrase attaches to ("passed ... on <date>")."""
    gov = tok.head
    if gov.dep_ == "prep" or gov.pos_ == "ADP":
        gov = gov.head
    return gov


def _act_subject(act, pred, ex, R):
    """The actor a fact is about: the patient for killings, else the doer."""
    deps = ("dobj", "nsubjpass") if pred in R["patient_subject"] else ("nsubj", "agent")
    if act.pos_ in ("NOUN", "PROPN"):
        if pred in R["patient_subject"]:
            cands = [_pobj(act)]
        else:
            cands = [c for c in act.children if c.dep_ in ("poss", "compound")] + [_pobj(act, ("by",))]
    else:
        cands = []
        for c in act.children:
            if c.dep_ in deps:
                cands.append(
                    next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else c
                )
        if not cands and act.dep_ == "conj":
            return _act_subject(act.head, pred, ex, R)
    for c in cands:
        if c is not None and c.lower_ in ("that", "who", "which") and act.dep_ == "relcl":
            c = act.head  # "a leader who was killed": the relative's noun
        if c is not None and c.pos_ != "PRON":
            got = _actor(c, ex)
            if got:
                return got
    return None


def _theme(act):
    """The measure a passing verb or noun is about, and an "into <kind>" override."""
    into = _pobj(act, ("into",))
    if act.dep_ in ("acl", "relcl") and act.head.pos_ == "NOUN":
        theme = act.head
    else:
        theme = next((c for c in act.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ != "PRON"), None)
        if theme is None:
            theme = _pobj(act, ("for",)) or _pobj(_pobj(act, ("in",)) or act, ("of",))
        if theme is None and act.pos_ == "NOUN":
            theme = _pobj(act)
    return into or theme


def _dated_acts(sent, ex, dates, R) -> list[Claim]:
    out = []
    for s, e, v in dates:
        if not (sent.start_char <= s and e <= sent.end_char):
            continue
        toks = [t for t in sent if s <= t.idx < e]
        if not toks:
            continue
        act = _governor(_root(toks))
        lemma = act.lemma_.lower()
        if act.pos_ in ("VERB", "AUX"):
            pred = R["verb_pred"].get(lemma)
        elif act.pos_ == "NOUN":
            pred = R["noun_pred"].get(lemma)
        else:
            pred = None
        if pred is None:
            continue
        subj = _act_subject(act, pred, ex, R)
        if subj is None:
            continue
        planned = "_planned" if _modal(act, R["modal_words"]) else ""
        # The clause: the act's phrase, and the noun a participle describes
        # ("a resolution passed by ...").
        head = act.head if act.dep_ in ("acl", "relcl") else None
        span = _clause(act, (head.idx, head.idx + len(head)) if head is not None else None)
        # "Tuesday's vote": a date read against the article, not stated (no year)
        relative = not _YEAR.search(ex.article.text[s:e])
        out.append(
            _claim(
                ex,
                sent,
                subj,
                pred + planned,
                v,
                kind="date",
                when=v,
                span=span,
                conf=0.6 if not planned else 0.4,
                relative=relative,
            )
        )
        if pred == "passed_measure":
            theme = _theme(act)
            kind = R["measure_kind"].get(theme.lemma_.lower()) if theme is not None else None
            if kind:
                out.append(
                    _claim(
                        ex,
                        sent,
                        subj,
                        "passed_measure_kind" + planned,
                        kind,
                        kind="measure_kind",
                        when=v,
                        span=span,
                        conf=0.5,
                    )
                )
    return out


def _number(tok, R) -> int | None:
    for c in tok.children:
        if c.dep_ in ("nummod", "det", "quantmod"):
            w = c.lower_.replace(",", "")
            if w.isdigit():
                return int(w)
            if w in R["number_words"]:
                return R["number_words"][w]
    return None


def _derived(sent, ex, dates, prev_when, R) -> list[Claim]:
    """ "N days after the assassination of X": X's date from the text's own arithmetic."""
    out = []
    for tok in sent:
        unit = _UNITS.get(tok.lower_)
        if not unit:
            continue  # most tokens: the cheap test first
        prep = tok.head
        if prep.lower_ not in ("after", "before") or tok.dep_ != "npadvmod":
            continue
        n = _number(tok, R)
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if n is None or noun is None:
            continue
        pred = R["noun_pred"].get(noun.lemma_.lower())
        subj = _act_subject(noun, pred, ex, R) if pred else None
        if subj is None:
            continue
        inner = {t.i for t in prep.subtree}
        own = [
            (s, e, v)
            for s, e, v in dates
            if sent.start_char <= s
            and e <= sent.end_char
            and not any(t.i in inner for t in sent if s <= t.idx < e)
        ]
        anchor = own[0][2] if own else prev_when
        if not anchor:
            continue
        sign = -1 if prep.lower_ == "after" else 1
        value = shift(anchor, sign * n, unit)
        if value:
            gov = prep.head
            span = _clause((gov.left_edge.idx, gov.idx + len(gov)), prep)
            out.append(
                _claim(
                    ex,
                    sent,
                    subj,
                    pred,
                    value,
                    kind="date",
                    when=value,
                    conf=0.5,
                    span=span,
                    derived=f"{n} {unit}{'s' if n > 1 else ''} {prep.lower_} {anchor}",
                )
            )
    return out


# Between a person's name and a title that follows it: "NAME, leader of" or
# "NAME, who is also the leader of".
_NAME_THEN_TITLE = re.compile(r"^\s*,\s*(?:who\s+(?:is|was)\s+(?:also\s+)?)?(?:the\s+)?$", re.I)
# Between a title's body and a name that follows it: "... of ORG (ABBR), General NAME".
_TITLE_THEN_NAME = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*,?\s*(?:[A-Z][a-z]+\.?\s+){0,2}$")


def _org_span(title_end_tok, max_tokens: int = 8):
    """The bodies a title is of: "leader of the Badr Organization and Al-Fateh coalition".

    A scan over the words after "of" rather than the parse tree, which often
    hangs the body's name off the title itself; it stops at punctuation, a
    verb or the start of a person's name.
    """
    doc = title_end_tok.doc
    i = title_end_tok.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("of", "for", "at"):
        return []
    i += 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    spans, start = [], i
    while i < len(doc) and i - start < max_tokens:
        t = doc[i]
        # A name starting after the body's first word is the person the title
        # names (NER often calls a body's first name, "Asaib Ahl al-Haq", a person).
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and i > start:
            break
        if t.lower_ in ("and", "&") and i + 1 < len(doc) and doc[i + 1].is_title and i > start:
            spans.append(doc[start:i])
            start = i + 1
        elif not (
            t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM")
            or t.dep_ == "case"
            or t.text in ("-", "’s", "'s", "’", "'")
        ):
            break
        i += 1
    if i > start:
        spans.append(doc[start:i])
    return spans


def _person_for(doc, sent, m_start, m_end, span_end, ex):
    """The PERSON mention a title at [m_start, m_end) names (see the two patterns)."""
    text = ex.article.text
    people = [
        m
        for m in ex.mentions
        if _label(m, doc) == "PERSON" and sent.start_char <= m.start and m.end <= sent.end_char
    ]
    # A title written before a name ("Deputy Leader Jane Roe") is that person's, even
    # when a list puts another name and a comma just before it.
    direct = [
        m
        for m in people
        if (m.start >= m_end and not text[m_end : m.start].strip())
        or (m.start >= span_end and not text[span_end : m.start].strip())
    ]
    if direct:
        return direct[0]
    before = [m for m in people if m.end <= m_start and _NAME_THEN_TITLE.match(text[m.end : m_start])]
    if before:
        return before[-1]
    after = [m for m in people if m.start >= span_end and _TITLE_THEN_NAME.match(text[span_end : m.start])]
    return after[0] if after else None


def _roles(sent, ex, R) -> list[Claim]:
    out = []
    doc = sent.doc
    text = ex.article.text
    for m in R["role_re"].finditer(text, sent.start_char, sent.end_char):
        rank = role_rank(m.group(1))
        toks = [t for t in sent if m.start() <= t.idx < m.end()]
        if not rank or not toks:
            continue
        if toks[0].i > sent.start and doc[toks[0].i - 1].lower_ in ("former", "ex", "late"):
            rank = "former_" + rank
        orgs = _org_span(toks[-1])
        if not orgs:
            # "Iraqi Prime Minister NAME": the body is the country adjective before the title.
            prev = doc[toks[0].i - 1] if toks[0].i > sent.start else None
            if prev is None or prev.ent_type_ not in ("NORP", "GPE"):
                continue
            orgs = [doc[prev.i : prev.i + 1]]
            span_end = m.end()
        else:
            span_end = orgs[0].end_char if len(orgs) == 1 else orgs[-1].end_char
        person = _person_for(doc, sent, m.start(), m.end(), span_end, ex)
        if person is None:
            continue
        subj = (
            name_key(person.entity_name or person.text, "PERSON"),
            person.entity_name or person.text,
            "person",
        )
        for org in orgs:
            key = name_key(org.text)
            span = (min(m.start(), org.start_char, person.start), max(span_end, person.end))
            out.append(
                _claim(
                    ex,
                    sent,
                    subj,
                    f"role_in:{key}",
                    rank,
                    kind="role",
                    span=span,
                    object_name=org.text,
                    when=ex.article.published,
                    conf=0.6,
                )
            )
    return out


_APPROX = {
    "about",
    "around",
    "some",
    "nearly",
    "approximately",
    "roughly",
    "almost",
    "over",
    "more",
    "less",
    "fewer",
    "up",
    "estimated",
    "least",
}
_INCREMENT = {"more", "additional", "extra", "another", "new", "further"}


def _location(tok):
    """The place a count is in: "in X" on the noun, its participle or its verb."""
    for host in (tok, *[c for c in tok.children if c.dep_ == "acl"], tok.head):
        pobj = _pobj(host, ("in", "inside"))
        if pobj is not None and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
            return pobj
    return None


def _counts(sent, ex, R) -> list[Claim]:
    """ "about 3,000 coalition soldiers deployed in Iraq" -> (coalition troops, count_in:iraq, 3000)."""
    out = []
    for num in sent:
        if num.dep_ != "nummod":
            continue  # most tokens: the cheap test first
        noun = num.head
        cls = R["count_class"].get(noun.lemma_.lower())
        if not cls or noun.pos_ != "NOUN":
            continue
        try:
            value = int(num.text.replace(",", ""))
        except ValueError:
            continue
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        if any(c.lower_ in _INCREMENT for c in list(noun.children) + list(num.children)):
            continue  # "400 more soldiers" is a change, not a total
        loc = _location(noun)
        if loc is None:
            continue
        name = " ".join([c.text for c in mods] + [cls])
        approx = any(c.lower_ in _APPROX for c in num.children)
        subj = ("np:" + name_key(name), name, cls)
        span = (min(noun.left_edge.idx, num.idx), loc.idx + len(loc))
        out.append(
            _claim(
                ex,
                sent,
                subj,
                f"count_in:{name_key(loc.text)}",
                value,
                kind="count",
                span=span,
                when=ex.article.published,
                object_name=loc.text,
                approx=approx,
                conf=0.5,
            )
        )
    return out


def _num_value(tok, R) -> int | None:
    w = tok.lower_.replace(",", "")
    if w.isdigit():
        return _grouped(tok, w)
    return R["number_words"].get(w) if w not in ("a", "an") else None


def _grouped(tok, digits: str) -> int | None:
    """A number whose thousands a tokenised text wrote apart ("26 , 000" for 26,000): the
    digit groups before it joined back. A lone "000" or "050" is never a count."""
    groups, i = [digits], tok.i
    while len(groups[0]) == 3 and i >= 2 and tok.doc[i - 1].text == "," and tok.doc[i - 2].text.isdigit():
        groups.insert(0, tok.doc[i - 2].text)
        i -= 2
    if len(groups) == 1 and len(digits) > 1 and digits[0] == "0":
        return None
    return int("".join(groups))


def _victims(act):
    """The phrase naming who an act was done to: the object, or the passive subject."""
    return next((c for c in act.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)


def _victim_count(victims, R) -> tuple[int, bool] | None:
    """(N, bound) of a victims phrase: "34 soldiers", "at least 25", "three"."""
    num = victims if victims.like_num else next((c for c in victims.children if c.dep_ == "nummod"), None)
    if num is None:
        return None
    value = _num_value(num, R)
    if value is None:
        return None
    bound = any(c.lower_ in R["bound_words"] for c in num.subtree if c.i != num.i)
    return value, bound


def _casualties(sent, ex, dates, R) -> list[Claim]:
    """ "killing 3 soldiers", "25 people were wounded", "arrested 12 protesters" ->
    (event, casualties:<kind>, N). The subject is filled in by the analysis: the merged
    event whose report the sentence is (``event_at``); here the clause and its date."""
    out = []
    for act in sent:
        kind = R["casualty_verb"].get(act.lemma_.lower()) if act.pos_ == "VERB" else None
        if kind is None or _modal(act, R["modal_words"]):
            continue
        victims = _victims(act)
        got = _victim_count(victims, R) if victims is not None else None
        if got is None or any(c.dep_ == "neg" for c in act.children):
            continue
        value, bound = got
        when = _date_in(list(act.subtree), dates) or _date_in(list(sent), dates)
        span = _clause(act)
        head = victims.lemma_.lower() if not victims.like_num else "people"
        out.append(
            _claim(
                ex,
                sent,
                ("event", "event", head),
                f"casualties:{kind}",
                value,
                kind="casualty",
                span=span,
                when=when[0] if when else None,
                approx=bound,
                conf=0.6,
                relative=bool(when) and not _YEAR.search(ex.article.text[when[1] : when[2]]),
            )
        )
    return out


def extract(doc, ex: Extraction):
    R = rules()
    dates = _dates(ex, doc_text(doc))
    out: list[Claim] = []
    prev_when = None
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        acts = _dated_acts(sent, ex, dates, R)
        derived = _derived(sent, ex, dates, prev_when, R)
        out += acts + derived + _roles(sent, ex, R) + _counts(sent, ex, R) + _casualties(sent, ex, dates, R)
        # What a following "It came two days after ..." refers to: the last
        # dated fact of this sentence, else its last date.
        dated = [c.when for c in acts if c.kind == "date"] or [
            v for s, e, v in dates if sent.start_char <= s and e <= sent.end_char
        ]
        prev_when = dated[-1] if dated else None
    seen, uniq = set(), []
    for c in out:
        key = (c.start, c.subject, c.predicate, c.object)
        if key not in seen:
            seen.add(key)
            uniq.append(c)
    return uniq
