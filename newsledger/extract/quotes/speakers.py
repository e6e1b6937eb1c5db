"""Who said it: from the cue's subject phrase to an entity of the ledger.

In order: a named mention at the phrase's head (with coordinated names as
co-speakers); a name in apposition ("the spokesman …, Yahya Rasoul"); a
statement's author ("the statement said" -> whoever issued it); a group
description ("the Iraqi authorities"); a role description ("the leader of
X") matched to a person introduced earlier with that role, or else to the
named speaker of the next sentences (news often names the source one sentence
after describing it); a pronoun, to the nearest earlier speaker its label
allows. What stays unresolved keeps its phrase as a trace and no entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsledger.extract.base import Extraction, doc_text
from newsledger.extract.quotes.cues import statement_author
from newsledger.extract.quotes.lexicon import Cues
from newsledger.kb.names import fold, slug
from newsledger.records import Mention

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_CORE = ("compound", "amod", "nmod", "det", "poss", "case", "punct", "nummod")
_RELATIVE = {"who", "which", "that"}


@dataclass(frozen=True)
class Speaker:
    id: str | None
    name: str | None
    start: int | None  # the phrase the speaker was found from, as written
    end: int | None
    method: str  # subject apposition statement group title pronoun ... unresolved
    confidence: float
    label: str | None = None
    co: tuple[tuple[str, str], ...] = ()
    pending: tuple | None = None  # (title lemma, of-object) of an unresolved role description

    @property
    def known(self) -> bool:
        return self.id is not None


def labelled_mentions(doc: Doc, ex: Extraction) -> list[Mention]:
    """The stage's mentions, with the parser's entity label where a mention has none."""
    out = []
    for m in ex.mentions:
        if not m.label:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            label = next((t.ent_type_ for t in span if t.ent_type_), "") if span is not None else ""
            m = replace(m, label=label)
        out.append(m)
    return out


def none_speaker(start=None, end=None, method="unresolved", name=None) -> Speaker:
    """No entity; `name` keeps an unnamed source's description ("officials familiar
    with the talks")."""
    return Speaker(None, name, start, end, method, 0.2)


class Resolver:
    """Speaker resolution over one document, fed in text order."""

    def __init__(self, doc: Doc, ex: Extraction, lex: Cues, contents=()):
        self.doc, self.ex, self.lex = doc, ex, lex
        self.by_token: dict[int, Mention] = {}
        self.mentions = labelled_mentions(doc, ex)
        for m in self.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.by_token.setdefault(i, m)
        self.history: list[tuple[int, Speaker]] = []
        # Content spans of the document's quotes: a subject inside reported speech
        # ("the statement said [the groups have waited]") is not one pronouns refer to.
        self.contents: list[tuple[int, int]] = list(contents)
        self.groups: dict[str, Speaker] = {}
        self.titles = self._title_records()

    # ------------------------------------------------------------ public
    def note(self, pos: int, sp: Speaker) -> None:
        if sp.known:
            self.history.append((pos, sp))

    def from_phrase(self, head: Token) -> Speaker:
        lower = head.lower_
        if lower in self.lex.pronouns:
            return self._pronoun(head)
        m = self.by_token.get(head.i)
        if m is not None and m.label in SPEAKER_LABELS:
            return self._mention(m, "subject", 0.8, head)
        am = self._apposition(head)
        if am is not None:
            return am
        if head.pos_ == "PROPN":
            sur = self._surname(head)
            if sur is not None:
                return self._mention(sur, "surname", 0.6, head)
        if self._is(head, self.lex.statement_nouns):
            return self._statement(head)
        if (self._is(head, self.lex.group_nouns) or self._is(head, self.lex.org_nouns)) and (
            self._modifiers(head) or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children)
        ):
            return self._group(head)  # "the Iraqi authorities", "the port authority"
        core = self._core_mention(head)
        if core is not None:
            return self._mention(core, "subject", 0.6, head)
        known = self.groups.get(head.lower_) or self.groups.get(head.lemma_.lower())
        if self._is(head, self.lex.group_nouns) and known is not None:
            return replace(known, start=head.idx, end=head.idx + len(head), method="group", confidence=0.45)
        if self._is(head, self.lex.title_nouns):
            return self._title(head)
        if self._is(head, self.lex.org_nouns) and any(c.lower_ == "the" for c in head.children):
            return self._organisation(head)
        if head.pos_ == "PROPN":
            return self._unlisted_name(head)
        a, b = self._phrase_bounds(head)
        return none_speaker(a, b, name=self._description(head) if head.pos_ == "NOUN" else None)

    def resolve_pending(self, speakers: list[Speaker]) -> list[Speaker]:
        """Role descriptions nobody earlier matches: a later name given that role.

        `speakers` are the quotes' speakers in text order. Wire copy often names
        a different source in the next sentences, so a pending role ("the
        spokesman said") takes a later named person only when the text gives
        that person the same role ("spokesman X", "X, the spokesman");
        otherwise it stays the role's organisation or an unnamed source."""
        out = list(speakers)
        for k, sp in enumerate(speakers):
            if sp.pending is None:
                continue
            lemma, obj = sp.pending
            later = [x for x in speakers[k + 1 :] if x.start != sp.start or x.start is None][:2]
            for nxt in later:
                if (
                    nxt.label == "PERSON"
                    and self._has_role(nxt.id, lemma, obj)
                    and not self._mentioned_before(nxt.id, sp.start or 0)
                ):
                    out[k] = replace(
                        nxt, start=sp.start, end=sp.end, method="title-next", confidence=0.5, pending=None
                    )
                    break
        return out

    def _has_role(self, entity_id: str | None, lemma: str, obj: str) -> bool:
        """The person is introduced somewhere with this role (and its organisation)."""
        return any(
            m.entity_id == entity_id
            and tl.split()[-1:] == lemma.split()[-1:]
            and (not obj or not tobj or obj in tobj or tobj in obj)
            for _, tl, tobj, m in self.titles
        )

    # ------------------------------------------------------------ kinds
    @staticmethod
    def _is(t: Token, words) -> bool:
        """The word or its lemma is in a lexicon list ("officials" and "official")."""
        return t.lower_ in words or t.lemma_.lower() in words

    def _mention(self, m: Mention, method: str, conf: float, head: Token) -> Speaker:
        co = []
        for c in head.conjuncts:
            cm = self.by_token.get(c.i) or self._appos_name(c)
            if cm is not None and cm.entity_id != m.entity_id and cm.label in SPEAKER_LABELS:
                co.append((cm.entity_id, cm.entity_name))
        return Speaker(
            m.entity_id, m.entity_name, m.start, m.end, method, conf, m.label, tuple(dict.fromkeys(co))
        )

    def _apposition(self, head: Token) -> Speaker | None:
        """A name in apposition to the phrase: its own, else one deeper in the phrase
        ("the Commander of the US Central Command, General Kenneth McKenzie")."""
        appos = [c for c in head.children if c.dep_ == "appos"]
        # An apposition follows what it names: one before the head is another phrase's
        # ("KYIV (Reuters) - the minister said").
        appos += [
            t
            for t in head.subtree
            if t.dep_ == "appos"
            and t not in appos
            and t.i > head.i
            and not any(
                a.dep_ in ("relcl", "acl") for a in t.ancestors if a.i > head.i - 1 and a in head.subtree
            )
        ]
        names = [(c, self._name_in(c)) for c in appos]
        names = [(c, m) for c, m in names if m is not None]
        names.sort(key=lambda cm: (cm[1].label != "PERSON", abs(cm[0].i - head.i)))
        if names:
            c, m = names[0]
            return self._mention(m, "apposition", 0.8, c)
        return None

    def _surname(self, head: Token) -> Mention | None:
        """A name the recogniser missed, matched to an earlier mention ending with it."""
        key = fold(head.text)
        if not key:
            return None
        for m in reversed(self.mentions):
            if m.end <= head.idx and m.label == "PERSON" and fold(m.text).split()[-1:] == [key]:
                return m
        return None

    def _appos_name(self, t: Token) -> Mention | None:
        return next(
            (self._name_in(c) for c in t.children if c.dep_ == "appos" and self._name_in(c) is not None), None
        )

    def _name_in(self, t: Token) -> Mention | None:
        m = self.by_token.get(t.i)
        return m if m is not None and m.label in ("PERSON", "ORG") else None

    def _pronoun(self, head: Token) -> Speaker:
        """The nearest earlier speaker the pronoun allows, unless a compatible name was
        the subject of a sentence since ("Smith met Jones. He said …" -> Smith)."""
        labels = self.lex.pronouns[head.lower_]
        last = next(
            ((pos, sp) for pos, sp in reversed(self.history) if sp.label in labels and pos < head.idx), None
        )
        subj = self._last_subject(head, labels)
        if subj is not None and (last is None or subj.start > last[0]):
            return self._mention(subj, "pronoun-subject", 0.5, head)
        if last is not None:
            return replace(
                last[1],
                start=head.idx,
                end=head.idx + len(head),
                method="pronoun",
                confidence=min(last[1].confidence, 0.6),
                co=(),
            )
        for m in reversed(self.mentions):
            if m.end <= head.idx and m.label in labels:
                return self._mention(m, "pronoun-mention", 0.35, head)
        return none_speaker(head.idx, head.idx + len(head), "unresolved-pronoun")

    def _last_subject(self, head: Token, labels) -> Mention | None:
        """The last name before the pronoun's sentence that was a clause's subject."""
        sent = head.sent  # Token.sent walks the Doc: once, not per token
        sent_start, first = sent.start_char, sent.start
        for i in range(first - 1, max(-1, first - 82), -1):
            # only the sentences just before (81 tokens): beyond, the speaker history rules
            t = self.doc[i]
            if t.dep_ == "nsubj" and not any(a <= t.idx < b for a, b in self.contents):
                m = self.by_token.get(i)
                if m is not None and m.label in labels and m.end <= sent_start:
                    return m
        return None

    def _unlisted_name(self, head: Token) -> Speaker:
        """A proper name the recogniser missed ("the opposition Greens"): its own speaker."""
        a = head.i
        while a > 0 and self.doc[a - 1].pos_ == "PROPN" and self.doc[a - 1].head.i == head.i:
            a -= 1
        name = self.doc[a : head.i + 1].text
        return Speaker(slug(name), name, self.doc[a].idx, head.idx + len(head), "name", 0.4, "ORG")

    def _clause_subject(self, head: Token) -> Token | None:
        """`X denied the report, according to a statement`: the statement is X's."""
        prep = head.head
        if prep.lower_ != "to" or prep.head.lower_ != "according":
            return None
        verb = prep.head.head
        if prep.head.i < verb.i:
            return None  # "X, according to the statement, intends …": X is the topic
        return next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")),
            None,
        )

    def _statement(self, head: Token) -> Speaker:
        author = statement_author(head) or self._clause_subject(head)
        if author is not None:
            sp = self.from_phrase(author)
            if sp.known:
                return replace(sp, method="statement-author")
        for _, sp in reversed(self.history):
            if sp.label in ("ORG", "NORP", "GPE") or sp.method.startswith("statement"):
                return replace(
                    sp, start=head.idx, end=head.idx + len(head), method="statement", confidence=0.5, co=()
                )
        return none_speaker(head.idx, head.idx + len(head), "unresolved-statement")

    def _organisation(self, head: Token) -> Speaker:
        """`the company said`: the organisation that spoke or was named last."""
        a, b = self._phrase_bounds(head)
        for pos, sp in reversed(self.history):
            if sp.label == "ORG" and pos < head.idx:
                return replace(sp, start=a, end=b, method="description", confidence=0.4, co=())
        for m in reversed(self.mentions):
            if m.end <= head.idx and m.label == "ORG":
                return replace(self._mention(m, "description", 0.35, head), start=a, end=b)
        # No organisation named before: the description itself ("the army") is the speaker.
        name = doc_text(self.doc)[a:b]
        if any(c.dep_ in ("prep", "relcl", "acl") for c in head.children):
            return none_speaker(a, b, "unresolved-description", name=self._description(head))
        name = " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ != "det")
        sp = Speaker(slug(name), name, a, b, "description", 0.4, "ORG")
        self.groups[head.lemma_.lower()] = self.groups[head.lower_] = sp
        return sp

    def _modifiers(self, head: Token) -> list[Token]:
        return [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]

    def _group(self, head: Token) -> Speaker:
        """`the Iraqi authorities`: the description is the speaker's name."""
        mods = self._modifiers(head) + [c for c in head.children if c.dep_ == "poss"]
        a = min(c.left_edge.i for c in mods)
        name = self.doc[a : head.i + 1].text
        # "the Al-Ahd channel": the organisation named inside is the actor; a
        # nationality ("the Iraqi authorities") is not, the description stands alone.
        named = next(
            (
                self.by_token[i]
                for i in range(a, head.i)
                if i in self.by_token and self.by_token[i].label == "ORG"
            ),
            None,
        )
        sid = named.entity_id if named is not None else slug(name)
        sp = Speaker(sid, name, self.doc[a].idx, head.idx + len(head), "group", 0.5, "ORG")
        self.groups[head.lemma_.lower()] = self.groups[head.lower_] = sp
        return sp

    def _core_mention(self, head: Token) -> Mention | None:
        """A name inside the phrase's own words ("the Shafaq news agency")."""
        stack = [c for c in head.children if c.dep_ in _CORE]
        while stack:
            t = stack.pop()
            m = self.by_token.get(t.i)
            if m is not None and m.label in ("PERSON", "ORG"):
                return m
            stack.extend(c for c in t.children if c.dep_ in _CORE)
        return None

    # ------------------------------------------------------------ roles
    def _role(self, t: Token) -> tuple[str, str] | None:
        """(role, its organisation): "secretary general", "badr organization"."""
        if not self._is(t, self.lex.title_nouns):
            return None
        mods = [
            c.lemma_.lower()
            for c in t.children
            if c.dep_ == "compound" and c.i < t.i and c.i not in self.by_token
        ]
        lemma = " ".join(mods + [t.lemma_.lower()]).replace(" - ", "-")
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        obj = fold(self.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text) if pobj is not None else ""
        return lemma, obj

    def _title_records(self) -> list[tuple[int, str, str, Mention]]:
        """People introduced with a role: "X, leader of Y" and "the leader of Y, X"."""
        out = []
        for i, m in self.by_token.items():
            if m.label != "PERSON":
                continue
            t = self.doc[i]
            pairs = [c for c in t.children if c.dep_ == "appos"]
            if t.dep_ == "appos":
                pairs.append(t.head)
            pairs += [c for c in t.children if c.dep_ == "compound" and c.i not in self.by_token]
            for p in pairs:
                role = self._role(p)
                if role is not None:
                    out.append((m.start, role[0], role[1], m))
        return sorted(out, key=lambda r: r[0])

    def _title(self, head: Token) -> Speaker:
        lemma, obj = self._role(head)
        a, b = self._phrase_bounds(head)
        best = None
        for pos, tl, tobj, m in self.titles:
            if pos >= head.idx:
                break
            if tl == lemma and (not obj or not tobj or obj == tobj or obj in tobj or tobj in obj):
                best = m
        if best is not None:
            return replace(self._mention(best, "title", 0.6, head), start=a, end=b)
        # Nobody named yet: the organisation the role belongs to speaks, weakly, until
        # a person is named in the next sentences (resolve_pending may still replace it).
        org = self._role_organisation(head)
        if org is not None:
            return replace(
                self._mention(org, "role-organisation", 0.35, head),
                start=a,
                end=b,
                co=(),
                pending=(lemma, obj),
            )
        sp = none_speaker(a, b, "unresolved-title", name=self._description(head))
        return replace(sp, pending=(lemma, obj))

    def _role_organisation(self, head: Token) -> Mention | None:
        """`the ministry's spokesman`, `a spokesman for the ministry`: the ORG named."""
        for c in head.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "for")):
                for t in c.subtree:
                    m = self.by_token.get(t.i)
                    if m is not None and m.label == "ORG":
                        return m
        return None

    def _description(self, head: Token) -> str:
        """An unnamed source's words: the phrase without determiner, relative clause
        or apposition ("one protester, who declined …" -> "one protester")."""
        toks, stack = [], [head]
        while stack:
            t = stack.pop()
            toks.append(t)
            stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos", "punct"))
        toks.sort(key=lambda t: t.i)
        while len(toks) > 1 and toks[0].dep_ in ("det", "prep", "cc"):
            toks = toks[1:]
        return self.doc[toks[0].i : toks[-1].i + 1].text

    def _phrase_bounds(self, head: Token) -> tuple[int, int]:
        toks = [t for t in head.subtree if t.dep_ != "punct"] or [head]
        while len(toks) > 1 and toks[0].dep_ in ("det", "prep", "cc"):
            toks = toks[1:]
        return toks[0].idx, toks[-1].idx + len(toks[-1])

    def _mentioned_before(self, entity_id: str | None, pos: int) -> bool:
        return any(m.entity_id == entity_id and m.end <= pos for m in self.mentions)
