"""What stages share: the per-article Extraction they read and add to."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsledger.records import Article, Claim, Entity, Event, Mention, Quote, Timex


@dataclass
class Extraction:
    """Everything found in one article so far; later stages read earlier ones."""

    article: Article
    doc: Doc | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    # Document fields a stage found in the text (e.g. the publication date and
    # how it was inferred); the store applies them to the documents row where
    # the input did not already give them.
    doc_updates: dict = field(default_factory=dict)

    _LISTS = {Mention: "mentions", Timex: "timexes", Quote: "quotes", Event: "events", Claim: "claims"}

    def add(self, records) -> None:
        for r in records:
            if isinstance(r, Entity):
                self.entities.setdefault(r.id, r)
            else:
                kind = next(c for c in type(r).__mro__ if c in self._LISTS)
                getattr(self, self._LISTS[kind]).append(r)

    def detached(self) -> Extraction:
        """A copy without the spaCy Doc, cheap to send between processes."""
        self.doc = None
        return self

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention that best overlaps a character span."""
        best, best_len = None, 0
        for m in self.mentions:
            inter = min(end, m.end) - max(start, m.start)
            if inter > best_len:
                best, best_len = m, inter
        return best


_TEXT = ("newsledger", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token on each access,
    and the stages read it many times per article (boilerplate blanked, same
    offsets as the stored text)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the string the Doc was made from (spaCy keeps it verbatim),
    so that no stage pays for joining the tokens again."""
    doc.user_data[_TEXT] = text


def sent_bounds(span: Span) -> tuple[int, int]:
    s = span.sent
    return s.start_char, s.end_char
