"""Time stage: TIMEX3 expressions with values, and the publication date.

The grammar (data/time/*.yaml) finds date, time, duration and set
expressions in the boilerplate-free text; the clause's tense comes from the
parse. Where the input gave no publication date, one is inferred from the
text (published.py) and reported through ``ex.doc_updates``; relative
expressions are then anchored to it. Without an anchor they stay null.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from newsledger.extract.base import Extraction, doc_text
from newsledger.extract.time import grammar, published, tenure
from newsledger.extract.time.grammar import tables
from newsledger.extract.time.normalize import Context, normalize, reanchor
from newsledger.extract.time.tense import tense_at
from newsledger.records import Timex

NAME = "time"
VERSION = "1.1"
ORDER = 20

_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR = re.compile(r"\d{4}(?:-|$)")
_ANAPHORIC = ("the_day", "the_nth_day")
_COORDINATION = re.compile(r"[ \t]*(?:,|and|or|to|through|until|till|-|–|—)?[ \t]*")
_ABSOLUTE = ("date", "decade", "duration", "vague_duration", "literal", "set")


def _is_count(doc: Doc, m: grammar.Match) -> bool:
    """A bare four-digit number counting things ("2014 soldiers") is no year; one
    naming a thing ("the 2008 Olympic Games", "the 1991 settlement") is."""
    if m.rule.name != "year_alone" or m.groups["_text"] != m.groups.get("year"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return (
        tok.dep_ in ("nummod", "quantmod")
        and tok.head.tag_ in ("NNS", "NNPS")
        and before not in ("the", "this", "that", "its", "their", "his", "her")
    )


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence spans, read once per Doc (``token.sent`` walks the Doc each time)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc_text(doc)))]
    return [(s.start_char, s.end_char) for s in doc.sents]


def _sentence(text: str, bounds: list[tuple[int, int]], m: grammar.Match) -> tuple[int, int]:
    """The sentence around a match, cut at line breaks (a parser may run a heading
    or an embed line into the next paragraph's sentence)."""
    k = bisect_right(bounds, (m.start, len(text) + 1)) - 1
    start, end = bounds[k] if k >= 0 else (0, len(text))
    nl = text.rfind("\n", start, m.start)
    start = nl + 1 if nl >= 0 else start
    nl = text.find("\n", m.end, end)
    return start, (nl if nl >= 0 else end)


def _sentence_years(text: str, matches) -> dict[int, int]:
    """Years that dates written without one borrow from a coordinated date right
    after them ("March 3 and April 5, 2020", "from May to July 2009")."""
    out = {}
    for i, m in enumerate(matches):
        if m.rule.op != "date" or m.groups.get("year") or i + 1 >= len(matches):
            continue
        nxt = matches[i + 1]
        if (
            nxt.rule.op == "date"
            and nxt.groups.get("year")
            and _COORDINATION.fullmatch(text[m.end : nxt.start])
        ):
            out[i] = int(nxt.groups["year"])
    return out


def _anchor(value: str | None) -> tuple[date | None, int | None]:
    if not value or not value[:4].isdigit():
        return None, None
    year = int(value[:4])
    try:
        return (date.fromisoformat(value[:10]) if len(value) >= 10 else None), year
    except ValueError:
        return None, year


def annotate(
    doc: Doc,
    doc_id: str,
    anchor: str | None = None,
    raw_text: str | None = None,
    known: list[tenure.Bound] = (),
) -> tuple[list[Timex], published.Published | None]:
    """Timexes of a Doc anchored to ``anchor`` (ISO date), inferring it when None.

    ``known``: bounds on publication from the knowledge base (tenure.bounds).
    Returns the timexes and, when the anchor was inferred, the inference."""
    text = doc_text(doc)
    found = [m for m in grammar.find(text) if not _is_count(doc, m)]
    bounds = _sentences(doc)
    sents = [_sentence(text, bounds, m) for m in found]
    tenses = [tense_at(doc, m.start, m.end, s) for m, s in zip(found, sents)]
    years = _sentence_years(text, found)
    day, year = _anchor(anchor)
    # Each match is normalised once, against the anchor when the input gave
    # one; else without, for the inference, and again only where the
    # inferred anchor changes the value.
    ctx = [Context(day, year, t, years.get(k)) for k, t in enumerate(tenses)]
    values = [normalize(m, c) for m, c in zip(found, ctx)]
    keep = [k for k, v in enumerate(values) if v is not None]  # None: no time expression
    inferred = None
    if anchor is None:
        items = [published.Item(found[k], values[k].value, values[k].mod, tenses[k]) for k in keep]
        dated = {sents[k] for k in keep if values[k].value and _YEAR.match(values[k].value)}
        inferred = published.infer(raw_text if raw_text is not None else text, items, _undated(known, dated))
        day, year = _anchor(inferred.date)
        anchor = inferred.date
        values = {
            k: reanchor(found[k], values[k], replace(ctx[k], anchor=day, anchor_year=year)) for k in keep
        }
    out, told = [], _Told()
    for k in keep:
        m, t, s = found[k], tenses[k], sents[k]
        v = told.resolve(m, values[k])
        absolute = m.rule.op in _ABSOLUTE and (m.rule.op != "date" or "year" in m.groups or "yy2" in m.groups)
        conf = 0.9 if absolute else (0.7 if v.value else 0.4)
        out.append(
            Timex(
                doc_id,
                m.start,
                m.end,
                text[m.start : m.end],
                v.type,
                v.value,
                anchor=None if absolute else anchor,
                mod=v.mod,
                sent_start=s[0],
                sent_end=s[1],
                tense=t,
                extractor=f"{NAME}.{m.rule.name}",
                confidence=conf,
            )
        )
    return out, inferred


def _undated(known: list[tenure.Bound], dated: set[tuple[int, int]]) -> list[tenure.Bound]:
    """Bounds from titles outside sentences the text dates itself: "Prime Minister X
    visited in 2006" gives the title of 2006, not of the day of writing."""
    return [b for b in known if not any(s <= b.start < e for s, e in dated)]


class _Told:
    """The day and year the text has just told of, for the expressions that
    point back to them rather than to the anchor."""

    def __init__(self):
        self.day: str | None = None
        self.year: int | None = None

    def resolve(self, m: grammar.Match, v):
        if m.rule.name in _ANAPHORIC and self.day:
            v = replace(v, value=self.day)  # "the day": of the event just told
        elif m.rule.name == "year_before" and self.year and m.groups["refunit"].lower() == "year":
            shift = tables()["relative_to_told"][m.groups["relative_to_told"].lower()]
            v = replace(v, value=str(self.year + shift))  # "the year before" that one
        elif m.rule.op == "clock" and self.day and v.value and "weekday" not in m.groups:
            v = replace(v, value=self.day + v.value[10:])  # "at 18:00": that day too
        if v.value and _DAY.fullmatch(v.value):
            self.day = v.value
        if v.value and v.type == "DATE" and _YEAR.match(v.value):
            self.year = int(v.value[:4])
        return v


def extract(doc: Doc, ex: Extraction) -> list[Timex]:
    art = ex.article
    known = tenure.bounds(ex) if art.published is None else []
    timexes, inferred = annotate(doc, art.id, art.published, art.text, known)
    if inferred is not None:
        ex.doc_updates.update(inferred.updates())
    # Offsets index the stored text; the Doc's text only blanks boilerplate.
    return [t for t in timexes if art.text[t.start : t.end] == t.text]
