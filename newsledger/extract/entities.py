"""Entities: name mentions (KB ruler + NER), nominal mentions, one actor per real actor.

Names the knowledge base knows arrive from the entity ruler with their actor
id; other NER names are matched to the KB (transliteration-aware) or to the
actors already named in the article (surnames, acronyms, spelling slips), and
otherwise get a stable id of their own derived from the name's key, so later
articles reuse it. Role phrases and definite descriptions that stand for an
actor become nominal mentions of it (``Mention.nominal``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsledger.extract.base import Extraction, doc_text, sent_bounds
from newsledger.extract.entities_groups import groups, outlets
from newsledger.extract.entities_places import has_qualifier, qualified_places, qualifies_place
from newsledger.extract.entities_teams import (
    Labels,
    by_use,
    initial_before,
    initialled_surnames,
    institution_short_forms,
    person_recut,
    score_trimmed,
    surname_reads_person,
    team_cities,
)
from newsledger.extract.entities_teams import plural_proper as _plural_proper
from newsledger.extract.entities_teams import team_word as _team_word
from newsledger.kb import base
from newsledger.kb.base import PLACE_TYPES
from newsledger.kb.described import headline, person_nouns, police, protagonists, titled
from newsledger.kb.geo import geocode
from newsledger.kb.names import _rules, fold, key, repeated
from newsledger.kb.nominal import Words, descriptions, role_appositions, role_holders, role_of_group, roles
from newsledger.kb.resolve import Cluster, Resolver, is_place
from newsledger.kb.ruler import sited
from newsledger.records import Entity, Mention

NAME = "entities"
VERSION = "4"
ORDER = 10
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_TRIM_START = {"the", "a", "an"}
_JOIN = {"‘", "’", "'", "`"}  # marks NER splits a name at: "Omar ‘al-Hassan"
# A name's lowercase particle: a second part starting with one continues the name.
_PARTICLE = re.compile(r"(?:al|el|ul|bin|ibn|bint|abu)(?:-|\s)")
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def _trimmed(ent: Span) -> Span | None:
    """The entity span without a leading article, titles or a swallowed verb ("said
    Omar Nasser", for persons) or a trailing 's."""
    doc, start, end = ent.doc, ent.start, ent.end
    hon = _rules()["honorific_set"] if ent.label_ == "PERSON" else ()
    while start < end - 1:
        tok = doc[start]
        if tok.lower_ not in _TRIM_START and not (hon and _not_name(tok, hon)):
            break
        start += 1
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    if (end - start) % 2 == 0 and repeated(doc[start:end].text):
        end = start + (end - start) // 2  # "Esther Williams Esther Williams"
    span = Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)
    return span if span.text.strip() else None


def _not_name(tok, hon) -> bool:
    """A title ("General") or a lowercase verb NER took into a person's name."""
    return tok.lower_.strip(".") in hon or tok.is_lower and tok.pos_ in ("VERB", "AUX")


# A dateline opening a line: "ERBIL, Kurdistan Region -", "BAGHDAD (Reuters) —".
_DATELINE = re.compile(
    r"^([A-Z][A-Z'’. ]{2,}(?:,[^\n,\-–—(]{1,40}){0,2})\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]+\s", re.M
)


def _datelines(text: str) -> list[tuple[int, int]]:
    """Character ranges of datelines: a name written there says where the report
    was filed, not who acted, so it is a place or nothing, never an actor."""
    return [m.span(1) for m in _DATELINE.finditer(text)]


def _title_only(span: Span, hon) -> bool:
    """A span of titles and initials alone ("Dr", "Sen ."): no name to resolve."""
    words = [t.lower_.strip(".") for t in span if t.text.strip(".")]
    return not words or all(w in hon for w in words)


def _not_actor(span: Span) -> bool:
    """Debris NER labels: a prefix ("pro-"), no letters, lowercase words, words set apart
    by spaced dashes (a URL's slug: "Gary - Ross - Still")."""
    text = span.text.strip()
    return (
        len(text) < 2
        or text.endswith("-")
        or not any(ch.isalpha() for ch in text)
        or text.islower()
        and (len(span) == 1 or not span.kb_id_)  # a URL slug: "lindsay - lohan"
        or sum(
            t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
            for t in span
        )
        > 1
    )


# Labels NER gives a name it reads as a title or a thing ("Colts" as WORK_OF_ART).
_OTHER = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}


def _doc_labels(doc, kb=None) -> dict[str, str]:
    """One label per name in an article (one sense per discourse): the label NER gave
    the name most often; ties, and a plural name alone ("Colts"), go to ORG, and so
    does a name that ends an organisation's longer name in the article or a plural
    written after "the" ("the Jaguars": no person's surname takes the article). A tie
    between a person and an organisation goes to the person where the name is the
    surname of one person of the knowledge base and no organisation's ("Obama"). The
    surname of a full person name of the article is that person's whatever NER read it
    as ("Gupta" after "Sanjay Gupta", "Chohan" read as a place), and so is a two-word
    name that ends with it ("Mo Cheeks" read as a facility beside "Maurice Cheeks")."""
    votes: dict[str, dict[str, int]] = {}
    ends: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in LABELS:
            v = votes.setdefault(ent.text, {})
            v[ent.label_] = v.get(ent.label_, 0) + 1
            if ent.label_ == "ORG" and len(ent) > 1 and not ent[-1].is_punct:
                ends.add(ent[-1].text)
            if (
                ent.label_ == "PERSON"
                and len(ent) == 1
                and ent.start > 0
                and doc[ent.start - 1].lower_ == "the"
                and ent.text[-1:] == "s"
            ):
                ends.add(ent.text)  # "the Colts": a plural after "the" is a team or a group
    out = Labels()
    # "Bettie Page" read as a group where "Page" alone is read as a person: a person
    read = {t for t, v in votes.items() if max(v, key=v.get) == "ORG" and surname_reads_person(t, votes)}
    ends -= {t.split()[-1] for t in read}
    out.persons = read
    full, surnames = _person_names(doc)
    out.full_names = full
    surnames = surnames | initialled_surnames(doc)  # "Chohan" after "Raj K . Chohan"
    for text, v in votes.items():
        if _surname_form(text, surnames) and not (kb is not None and _kb_region(kb, text)):
            out[text] = "PERSON"
            continue
        best = max(v.values())
        tied = [lab for lab, n in v.items() if n == best]
        if " " in text:
            # a longer name keeps NER's label where it gave one of ours ("Peyton
            # Manning" is no team for being read as one); only a title or thing moves
            out[text] = "PERSON" if text in read else tied[0] if len(tied) == 1 else None
            continue
        plural = text.endswith("s") and "PERSON" in tied
        if len(tied) > 1 and "PERSON" in tied and kb is not None and _kb_surname(kb, text):
            out[text] = "PERSON"
            continue
        out[text] = (
            "ORG" if text in ends or plural and "ORG" in v or len(tied) > 1 and "ORG" in tied else tied[0]
        )
        if out[text] == "PERSON" and _acronym(text) and text.title() not in votes:
            out[text] = "ORG"  # "IBF": initials are no person's name (a capitals "OBAMA" has its "Obama")
    out.short_forms = institution_short_forms(doc, full)  # "into Betty Ford": the Center
    out.teams = team_cities(doc, kb)
    return out


def _surname_form(text: str, surnames: set[str]) -> bool:
    """A surname of the article's full person names, alone or after one given name."""
    words = text.split()
    last = words[-1].title() if words[-1].isupper() and len(words[-1]) > 3 else words[-1]
    if len(words) > 2 or last not in surnames or not last[:1].isupper():
        return False  # (a capitals "TEIXEIRA" is the surname of "Mark Teixeira")
    caps = words[0].isupper() and words[-1].isupper()  # "MARK TEIXEIRA"
    return len(words) == 1 or (words[0].istitle() or caps) and words[0].isalpha()


def _kb_region(kb, text: str) -> bool:
    hit = kb.lookup(text, "GPE")
    return hit is not None and hit.type in ("country", "province", "region")


def _post_nominal(ent: Span, posts) -> bool:
    """A degree or honour after a person's name and a comma ("Regina Benjamin, MD",
    "M.D.", "PhD"): no place or organisation."""
    i = ent.start
    return (
        ent.text.replace(".", "").replace(" ", "").lower() in posts
        and i >= 2
        and ent.doc[i - 1].text == ","
        and ent.doc[i - 2].ent_type_ == "PERSON"
    )


def _kb_surname(kb, text: str) -> bool:
    hit = kb.surname(text)
    return hit is not None and hit.type == "person" and kb.lookup(text, "ORG") is None


def _acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 5


def _relabelled(ent: Span, labels: dict[str, str], surnames: set[str]) -> Span | None:
    """The entity with its article-wide label; a title or thing NER labelled elsewhere
    as a name of ours is that name; else None when it is no name of ours."""
    cut = score_trimmed(ent) or person_recut(ent, getattr(labels, "full_names", set()))
    if cut is not None:  # "Evansville 51 - 50": the name without the score
        return _relabelled(cut, labels, surnames)  # also "godfather Gigante", "GARY ROSS REMAINS IN"
    used = by_use(ent, labels)
    if used is not None:
        return used  # a city as its team, a team's name read as a place, an institution's short form
    label = labels.get(ent.text)
    if label is None:
        return ent if ent.label_ in LABELS else None
    if label == ent.label_ or ent.kb_id_:
        return ent
    surname = label == "PERSON" and _surname_form(ent.text, surnames)
    if " " in ent.text and ent.label_ in LABELS and not surname:
        return ent
    return Span(ent.doc, ent.start, ent.end, label=label)


# A person's name with a quoted nickname inside: Wissam Mohammed "Abu Bakr" al-Saadi.
_NICKNAMED = re.compile(
    r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* [\"“‘'][A-Z][^\"”’\n]{1,30}[\"”’'] "
    r"(?:(?:al|el|bin|ibn)[- ])?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*"
)


def _nicknamed(doc) -> list[Span]:
    """Name-with-nickname stretches: NER cuts them at the quotes into several names."""
    out = []
    for m in _NICKNAMED.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="PERSON", alignment_mode="contract")
        if span is not None and any(e.label_ == "PERSON" for e in span.ents):
            out.append(span)
    return out


def _joined(ents, whole: list[Span]) -> list[Span]:
    """The entities, with those inside a name-with-nickname replaced by the whole name."""
    out, done = [], set()
    for ent in ents:
        host = next((w for w in whole if w.start <= ent.start and ent.end <= w.end), None)
        if host is None:
            out.append(ent)
        elif host.start not in done:
            done.add(host.start)
            out.append(host)
    return out


def _headline_word(tok) -> bool:
    """A capitalised word of a title-case line (a headline: "Gary Ross Still In Talks")."""
    if not tok.is_title:
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)


def _person_names(doc) -> tuple[set[str], set[str]]:
    """The article's full person names (two words or more) as NER wrote them, and their
    last words; a one-word "person" ("Colts") is too often a team or a headline word."""
    full = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    return full, {n.split()[-1] for n in full}


def _headline_cut(span: Span, persons: tuple[set[str], set[str]]) -> Span:
    """A person's name with the next words of a title-case headline ("Obama Announces",
    "Gary Ross Still"): the longest start of the span that names a person of the
    article (the whole name or its surname) when the rest are headline words."""
    full, last = persons
    for n in range(len(span) - 1, 0, -1):
        head = span[:n]
        if head.text in full or n == 1 and head.text in last:
            if all(_headline_word(t) for t in span[n:]):
                return Span(span.doc, span.start, span.start + n, label="PERSON")
            return span
    return span


def _headline_parts(span: Span, known: dict[str, str]) -> list[Span]:
    """The names of the article inside a headline span NER ran together ("Colts Beat
    Chiefs"), longest first, left to right; the words between are the headline's. A
    last word that is a plural proper noun after a name and a headline word is a name
    too, where the article never names it apart ("Colts Beat Chiefs")."""
    out, i = [], span.start
    while i < span.end:
        for j in range(span.end, i, -1):
            text = span.doc[i:j].text
            if text != span.text and text in known:
                out.append(Span(span.doc, i, j, label=known[text]))
                i = j
                break
        else:
            tok = span.doc[i]
            if i == span.end - 1 and out and out[-1].end < i and tok.tag_ == "NNPS" and _plural_proper(tok):
                out.append(Span(span.doc, i, i + 1, label="ORG"))
                break
            if not _headline_word(tok):
                return []
            i += 1
    return out


def _name_spans(doc, kb) -> list[Span]:
    spans = []
    hon = _rules()["honorific_set"]
    labels = _doc_labels(doc, kb)
    persons = _person_names(doc)
    known = {e.text: e.label_ for e in doc.ents if e.label_ in LABELS}
    bodies = set(roles()["person_bodies"])
    posts = set(roles()["post_nominals"])
    nouns = person_nouns()
    nick = _nicknamed(doc) if '"' in doc_text(doc) or "“" in doc_text(doc) else []
    for ent in _joined(doc.ents, nick) if nick else doc.ents:
        if ent.label_ not in LABELS and ent.label_ not in _OTHER:
            continue
        ent = _relabelled(ent, labels, persons[1])
        if ent is None or _title_only(ent, hon) or _not_actor(ent) or _post_nominal(ent, posts):
            continue
        if len(ent) == 1 and ent.text.lower() in nouns and not ent.kb_id_ and ent.text not in persons[1]:
            continue  # "Driver", "Teen": a headline's description (kb/described.py), no name
        if not ent.kb_id_ and fold(ent.text) in kb.demonyms:
            continue  # "Iraqi" alone is an adjective, not a mention of Iraq
        # A demonym modifying a noun ("Iraqi soil") is not a mention of an actor.
        if ent.label_ == "NORP" and ent[-1].tag_ not in ("NNS", "NNPS"):
            continue
        s = _trimmed(ent)
        if s is None:
            continue
        if len(s) > 1 and not s.kb_id_ and s.label_ in ("PERSON", "ORG") and _headline_word(s[-1]):
            parts = _headline_parts(s, known) if len(s) > 2 else []
            if len(parts) > 1:
                spans += parts  # "Colts Beat Chiefs": two names of the article and a verb
                continue
            s = _headline_cut(s, persons)
        if s.label_ == "GPE" and s.end < len(doc) and _team_word(doc[s.end]):
            s = Span(doc, s.start, s.end + 1, label="ORG")  # "Philadelphia 76ers": a team
        if s.label_ == "PERSON" and s.end < len(doc) and doc[s.end].lower_ in bodies:
            s = Span(doc, s.start, s.end + 1, label="ORG")  # "Bush administration": not Bush
        if spans and _split_name(doc, spans[-1], s):
            spans[-1] = Span(doc, spans[-1].start, s.end, label="PERSON")
            continue
        spans.append(s)
    return spans


def _split_name(doc, prev: Span, s: Span) -> bool:
    """An unknown person's name NER split at a mark before its particle ("Omar
    ‘al-Hassan", the second part often labelled ORG): the second part must start
    with a lowercase particle, so two names side by side ("Omar ‘Hassan") stay apart."""
    if initial_before(doc, prev, s):
        return True  # "Raj K" "." "Chohan": a spaced initial NER cut the name at
    return (
        prev.label_ == "PERSON"
        and not prev.kb_id_
        and not s.kb_id_
        and s.start - prev.end <= 1
        and all(t.text in _JOIN for t in doc[prev.end : s.start])
        and doc_text(doc)[prev.end_char : s.start_char].strip(" ‘’'`") == ""
        and _PARTICLE.match(s.text.lstrip("‘’'`")) is not None
    )


def _drop_role_words(doc, found):
    """NER's one-word pieces of a role title ("State" in "Secretary of State",
    "Supreme" in "the Supreme Leader") are not actors of their own."""
    roles = [(s, e) for s, e, c, label, nominal in found if nominal and label == "PERSON"]
    keep = []
    for f in found:
        s, e, cluster, _, nominal = f
        if (
            not nominal
            and cluster.actor is None
            and e - s == 1
            and any(rs <= s and e <= re_ for rs, re_ in roles)
        ):
            cluster.starts.remove(doc[s].idx)
            continue
        keep.append(f)
    return keep


def _surnames(res: Resolver, taken: set[int], words: Words):
    """Surnames NER missed ("Amiri and Fayyad said") of persons named earlier in the
    article; where two persons share the surname, the one named last before it. A
    headline's surname ("Cheeks returns as Sixers' fixer") is the person the body names
    first with it."""
    last: dict[str, list[Cluster]] = {}
    for c in res.clusters.values():
        if c.type == "person":
            for n in c.person_names():
                group = last.setdefault(key(n).split()[-1], [])
                if c not in group:
                    group.append(c)
    if not last:
        return
    text = doc_text(words.doc)
    head = headline(text)
    for tok in words.tokens(lambda w: len(w) > 3 and key(w) in last):
        if tok.i not in taken and tok.pos_ == "PROPN" and _name_case(tok.text):
            before = [c for c in last[key(tok.text)] if c.last_before(tok.idx) >= 0]
            if before:
                yield tok, max(before, key=lambda c: c.last_before(tok.idx))
            elif head[0] <= tok.idx < head[1]:
                yield tok, min(last[key(tok.text)], key=lambda c: min(c.starts, default=len(text)))


def _name_case(text: str) -> bool:
    """Written as a name: a capital, then lowercase ("Cheeks"), also inside the name
    ("DeGeneres", "McMeekin", "O'Brien")."""
    return text[:1].isupper() and (text[1:2].islower() or text[1:2] in ("'", "’") and text[2:3].isupper())


def _short_forms(res: Resolver, taken: set[int], words: Words):
    """An organisation's last word NER missed ("the Saints" after "New Orleans
    Saints"): a capitalised token equal to the end of one named organisation."""
    last: dict[str, list[Cluster]] = {}
    for c in res.clusters.values():
        if c.type != "person" and not is_place(c) and not c.fixed_name:
            for n in c.names:
                toks = n.split()
                if len(toks) > 1 and len(toks[-1]) > 3 and toks[-1][:1].isupper():
                    last.setdefault(toks[-1].lower(), [])
                    if c not in last[toks[-1].lower()]:
                        last[toks[-1].lower()].append(c)
    for tok in words.tokens(lambda w: w in last and len(last[w]) == 1):
        if tok.i not in taken and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            yield tok, last[tok.lower_][0]


def _plural_names(doc, kb, taken: set[int], words: Words):
    """A plural proper noun after "the" that NER missed ("the Tar Heels", "the top-seeded
    Bluejays"): the name of a team or a group; no person's name takes the article.
    Demonyms ("the Iraqis") and the words of a title-case headline are left out."""
    for det in words.tokens(("the",)):
        head = det.head
        if det.dep_ != "det" or head.i in taken or not _plural_proper(head):
            continue
        if head.ent_type_ in LABELS or _headline_word(head) or fold(head.text[:-1]) in kb.demonyms:
            continue
        start = head.i
        while (
            start - 1 > det.i
            and doc[start - 1].tag_ == "NNP"
            and doc[start - 1].is_title
            and start - 1 not in taken
            and doc[start - 1].ent_type_ not in LABELS
        ):
            start -= 1
        yield start, head.i + 1


def _latest_year(doc) -> str | None:
    """Where the article's date is not known yet: the latest year its dates name.

    Enough to tell who held a role (a prime minister's term is years long);
    the time stage finds the exact date later.
    """
    years = [
        int(t.text)
        for e in doc.ents
        if e.label_ == "DATE"
        for t in e
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < 2100
    ]
    return str(max(years)) if years else None


def _demonyms(kb, words: Words) -> dict[str, int]:
    """Countries whose demonym modifies a noun ("Iraqi soil"): a sign of the article's subject."""
    out: dict[str, int] = {}
    for t in words.tokens(kb.demonyms):
        if t.dep_ in ("amod", "compound") and t.text[:1].isupper():
            aid = kb.demonyms[t.lower_]
            out[aid] = out.get(aid, 0) + 1
    return out


def _acts(span: Span) -> bool:
    """Whether a place name is used as an actor: subject, possessor, agent, or one side
    of a relation ("talks between Baghdad and Washington")."""
    root = span.root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        span.text.isupper()
        and span[0].is_sent_start
        and nxt is not None
        and nxt.text in ("(", "-", "–", "—", ",")
    ):
        return False  # a dateline: "BAGHDAD (Reuters) -"
    if root.dep_ == "conj":
        root = root.head
    if root.dep_ in _AGENT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("between", "with")


_PLACE_PREPS = {
    "in",
    "into",
    "from",
    "to",
    "inside",
    "across",
    "throughout",
    "within",
    "out",
    "at",
    "near",
    "over",
    "around",
    "toward",
    "towards",
    "through",
}


def _locative(span: Span) -> bool:
    """Whether a place name is the scene ("troops in Iraq", "left for Washington")."""
    if qualifies_place(span):
        return True  # "in Mosul, Iraq": the country says where the city is
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _metonym(span: Span, cluster: Cluster, res: Resolver) -> Cluster:
    """A capital acting ("Washington agreed") stands for its government, and so does
    a foreign country named as an actor ("the U.S. insists"); the article's own
    country and any place used as the scene ("troops in Iraq") stay places."""
    if cluster.type == "city" and _acts(span) and not has_qualifier(span):
        country = res.kb.get(res.kb.capitals.get(cluster.id))
    elif cluster.type == "country" and not _locative(span) and cluster is not res.main_country():
        country = cluster.actor
    else:
        return cluster
    if country is None or not country.attrs.get("government"):
        return cluster
    return res.synthetic(country.attrs["government"], f"Government of {country.name}")


def _site(span: Span, cluster: Cluster, res: Resolver, named) -> Cluster:
    """A bare "US embassy": the KB's embassy of that country in a place named in the
    same sentence ("the US embassy in the Green Zone"); otherwise the country's
    embassy in general, not one picked at random."""
    owner = sited(res.kb, cluster.id) if cluster.actor is None else None
    if owner is None:
        return cluster
    sent = span.sent
    places = [
        c.actor
        for sp, c, _ in named
        if sent.start <= sp.start < sent.end and c.actor is not None and is_place(c)
    ]
    hits = [f for f in res.kb.sites(*owner) if any(_located(f, p) for p in places)]
    return res._cluster_for_actor(hits[0]) if len(hits) == 1 else cluster


def _located(facility, place) -> bool:
    """Whether a named place locates a facility: its city, or a site of its province."""
    if place.id == facility.attrs.get("city"):
        return True
    prov = fold(facility.attrs.get("province"))
    return (
        bool(prov)
        and place.type != "country"
        and prov in (fold(place.attrs.get("province")), fold(place.name))
    )


def extract(doc, ex: Extraction):
    kb = base.default()
    res = Resolver(kb, ex.article.published or _latest_year(doc))
    words = Words(doc)
    res.demonym_counts = _demonyms(kb, words)
    doc_key = ex.article.id[:8]
    found, persons = _names(doc, res, words, doc_key)
    taken = {i for s, e, *_ in found for i in range(s, e)}
    for n in _nominals(doc, res, found, persons, taken, words):
        res.note(n.cluster, "", doc[n.start].idx, named=False)
        found.append((n.start, n.end, n.cluster, n.label, True))
    found = _drop_role_words(doc, found)
    res.finalize(doc_key)
    return _records(doc, ex, res, found)


def _names(doc, res: Resolver, words: Words, doc_key: str):
    """Name mentions as (token start, end, cluster, label, nominal=False), and the persons."""
    named = [
        (span, *res.resolve(span.text, span.label_, span.start_char, span.kb_id_))
        for span in _name_spans(doc, res.kb)
    ]
    res.main_country()  # settled on the names alone, before metonymy moves any
    found, persons = [], []
    dates = _datelines(doc_text(doc)[:4000])
    for span, cluster, label in named:
        if not is_place(cluster) and any(a <= span.start_char and span.end_char <= b for a, b in dates):
            cluster.starts.remove(span.start_char)
            continue  # a dateline names where the report was filed: a place or nothing
        moved = _metonym(span, cluster, res)
        if moved is cluster:
            moved = _site(span, cluster, res, named)
        if moved is not cluster:
            cluster.starts.remove(span.start_char)
            place = moved.actor is not None and moved.type in PLACE_TYPES
            label = moved.actor.label if place else "ORG"  # a facility, or a government
            cluster = res.note(moved, span.text, span.start_char)
        found.append((span.start, span.end, cluster, label, False))
        if label == "PERSON":
            persons.append((span, cluster))
    found = qualified_places(doc, found, res)
    taken = {i for s, e, *_ in found for i in range(s, e)}
    for tok, cluster in list(_surnames(res, taken, words)):
        found.append((tok.i, tok.i + 1, res.note(cluster, tok.text, tok.idx), "PERSON", False))
        taken.add(tok.i)
    for tok, cluster in list(_short_forms(res, taken, words)):
        found.append((tok.i, tok.i + 1, res.note(cluster, tok.text, tok.idx), cluster.label, False))
        taken.add(tok.i)
    for s, e in list(_plural_names(doc, res.kb, taken, words)):
        text = doc[s:e].text
        cluster, label = res.resolve(text, "ORG", doc[s].idx)
        found.append((s, e, cluster, label, False))
        taken.update(range(s, e))
    for s, e, cluster, label in _repeats(doc, found, taken, words):
        found.append((s, e, res.note(cluster, doc[s:e].text, doc[s].idx), label, False))
    found = outlets(doc, res, found, taken, words)
    found += list(groups(doc, res, found, taken, words, doc_key))
    return found, persons


def _spellings(doc, found) -> dict[tuple[str, ...], tuple]:
    """The names NER found in the article, as token texts, each with its one actor and
    label; a spelling of several actors, or a word also written in lowercase, is left out."""
    out: dict[tuple[str, ...], tuple] = {}
    for s, e, cluster, label, nominal in found:
        toks = tuple(t.text for t in doc[s:e])
        if "," in toks and is_place(cluster):
            toks = toks[: toks.index(",")]  # "Santa Rosa, Calif.": the city's spelling
        if nominal or not toks or not toks[0][:1].isupper() or len("".join(toks)) < 3:
            continue
        if len(toks) == 1 and doc[s].is_stop:
            continue
        prev = out.setdefault(toks, (cluster, label))
        if prev[0] is not cluster:
            out[toks] = (None, label)
    return {k: v for k, v in out.items() if v[0] is not None}


def _repeats(doc, found, taken: set[int], words: Words):
    """Other occurrences of a name NER found elsewhere in the article ("the Saints" where
    NER read "Saints" as a name once, "COLTS" in a capitals headline): one spelling, one
    actor in an article. A one-word name also written in lowercase ("will") is no name."""
    spell = _spellings(doc, found)
    urls = _url_lines(doc)
    by_first: dict[str, list] = {}
    for toks, v in spell.items():
        low = toks[0].lower()
        if len(toks) == 1 and low in words.at and _lowercase_use(doc, words.at[low], urls):
            continue
        by_first.setdefault(toks[0].lower(), []).append((toks, v))
    for low, cands in by_first.items():
        for i in words.at.get(low, ()):
            if i in taken or urls and any(a <= doc[i].idx < b for a, b in urls):
                continue
            for toks, (cluster, label) in sorted(cands, key=lambda c: -len(c[0])):
                end = i + len(toks)
                got = doc[i:end]
                if end <= len(doc) and not any(j in taken for j in range(i, end)) and _same_text(got, toks):
                    taken.update(range(i, end))
                    yield i, end, cluster, label
                    break


# A line holding a web address: its slug writes names in lowercase ("colts - clinch").
_URL_LINE = re.compile(r"(?m)^[^\n]*(?:https?\s*:\s*/\s*/|\bwww\s*\.\s*\w)[^\n]*$")


def _url_lines(doc) -> list[tuple[int, int]]:
    text = doc_text(doc)
    return [m.span() for m in _URL_LINE.finditer(text)] if "http" in text or "www" in text else []


def _lowercase_use(doc, positions, urls=()) -> bool:
    """Whether a word is also written in lowercase in the article's prose (a web
    address's slug does not count: it writes every name in lowercase)."""
    return any(doc[i].is_lower and not any(a <= doc[i].idx < b for a, b in urls) for i in positions)


def _same_text(span: Span, toks: tuple[str, ...]) -> bool:
    """The spelling as written, or in the capitals of a headline ("COLTS")."""
    got = [t.text for t in span]
    return list(toks) == got or all(t.isupper() for t in got) and [t.upper() for t in toks] == got


def _nominals(doc, res: Resolver, found, persons, taken: set[int], words: Words) -> list:
    """Role phrases and descriptions, most specific first; each token is used once."""
    owner = {s: (e, c) for s, e, c, _, nom in found if not nom}
    finders = (
        lambda: role_appositions(doc, persons),
        lambda: role_of_group(doc, res, taken, owner, words),
        lambda: role_holders(doc, res, taken, words),
        lambda: descriptions(doc, res, taken, words),
        lambda: protagonists(doc, doc_text(doc), found, taken, words),
        lambda: titled(doc, found, taken, words),
        lambda: police(doc, found, taken, words),
    )
    out = []
    for find in finders:
        more = find()
        taken |= {i for n in more for i in range(n.start, n.end)}
        out += more
    return out


def _records(doc, ex: Extraction, res: Resolver, found) -> list:
    text = ex.article.text
    out: list = []
    used: dict[str, Cluster] = {}
    for _, _, c, _, _ in found:
        # Two chains that reached one name are one actor (resolve.finalize).
        first = used.setdefault(c.id, c)
        if first is not c:
            first.names += [n for n in c.names if n not in first.names]
    names = {cid: c.actor.name if c.actor else _display_name(c) for cid, c in used.items()}
    for s, e, cluster, label, nominal in sorted(found, key=lambda f: (f[0], f[1])):
        span = doc[s:e]
        ss, se = sent_bounds(span)
        out.append(
            Mention(
                ex.article.id,
                span.start_char,
                span.end_char,
                text[span.start_char : span.end_char],
                label,
                cluster.id,
                names[cluster.id],
                ss,
                se,
                nominal=nominal,
                extractor=NAME,
                confidence=0.9 if cluster.actor else 0.6 if not nominal else 0.5,
            )
        )
    for c in used.values():
        out.append(_entity(c, res))
    return out


def _entity(c: Cluster, res: Resolver) -> Entity:
    actor = c.actor
    name = actor.name if actor else _display_name(c)
    attrs: dict = {}
    if actor is not None:
        attrs["kb_type"] = actor.type
        for k in ("country", "demonym"):
            if actor.attrs.get(k):
                attrs[k] = actor.attrs[k]
        if actor.roles:
            attrs["roles"] = [r for r in actor.roles if r.get("role")] or actor.roles[:20]
        if actor.affiliations:
            attrs["affiliations"] = actor.affiliations
    if c.located_in:
        attrs["located_in"] = c.located_in
    if is_place(c):
        geo = geocode(name, actor, res.kb, within=res.kb.get(c.located_in) if c.located_in else None)
        if geo:
            attrs["geo"] = geo
    label = actor.label if actor else c.label
    return Entity(
        id=c.id, name=name, type=label, kb_id=actor.id if actor else None, aliases=tuple(c.names), attrs=attrs
    )


def _display_name(c: Cluster) -> str:
    """The most informative spelling seen: a full name for persons, else the longest."""
    if c.fixed_name:
        return c.name
    names = c.person_names() if c.type == "person" else []
    names = names or c.names or [c.name]
    return max(names, key=len)
