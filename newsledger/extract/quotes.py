"""Quotes (baseline): direct quotes in quotation marks, speaker from the cue's subject.

The quotes issue extends this with reported speech, split quotes and full
speaker resolution. Short quoted phrases (scare quotes, titles) are not
statements and are skipped.
"""
from __future__ import annotations

import re

from newsledger.extract.base import Extraction
from newsledger.extract.lexicon import word_list
from newsledger.records import Quote

NAME = "quotes.direct"
VERSION = "1"
ORDER = 30
MIN_WORDS = 4           # "the occupier", "on standby": scare quotes, not statements
# A quotation opened and closed inside one paragraph (never across a blank line).
_QUOTE = re.compile(r"“([^”\n]+)”|\"([^\"\n]+)\"")
_TRAIL = " \t,.;:…"
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


def _content(m) -> tuple[int, int]:
    g = 1 if m.group(1) is not None else 2
    start, end = m.start(g), m.end(g)
    while end > start and m.string[end - 1] in _TRAIL:
        end -= 1
    while start < end and m.string[start] in " \t":
        start += 1
    return start, end


def _cue(doc, start: int, end: int):
    """The reporting verb nearest the quote in its sentence, outside the quote."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verbs = word_list("reporting_verbs")
    cands = [t for t in span.sent if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")
             and not (start <= t.idx < end)]
    return min(cands, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)), default=None)


def _speaker(cue, ex: Extraction):
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None, None
    if subj.lower_ in _PRONOUNS:
        # Nearest earlier named person or organisation: a weak but traceable guess.
        prior = [m for m in ex.mentions if m.end <= subj.idx and m.label in ("PERSON", "ORG")]
        return (prior[-1] if prior else None), subj
    sub = subj.subtree
    toks = list(sub)
    return ex.mention_at(toks[0].idx, toks[-1].idx + len(toks[-1])), subj


def extract(doc, ex: Extraction):
    out = []
    text = doc.text      # boilerplate already blanked
    for m in _QUOTE.finditer(text):
        start, end = _content(m)
        if len(text[start:end].split()) < MIN_WORDS:
            continue
        cue = _cue(doc, m.start(), m.end())
        mention, subj = _speaker(cue, ex) if cue is not None else (None, None)
        sent = doc.char_span(start, end, alignment_mode="expand")
        ss, se = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (start, end)
        conf = 0.7 if mention and subj is not None and subj.lower_ not in _PRONOUNS else \
            0.4 if mention else 0.2
        out.append(Quote(
            ex.article.id, start, end, ex.article.text[start:end], "direct",
            cue=cue.text if cue is not None else None,
            cue_start=cue.idx if cue is not None else None,
            cue_end=cue.idx + len(cue) if cue is not None else None,
            speaker_id=mention.entity_id if mention else None,
            speaker_name=mention.entity_name if mention else None,
            speaker_start=subj.idx if subj is not None else None,
            speaker_end=subj.idx + len(subj) if subj is not None else None,
            sent_start=ss, sent_end=se, extractor=NAME, confidence=conf))
    return out
