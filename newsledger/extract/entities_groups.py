"""Mentions of groups and outlets that NER does not read as names.

* A group noun written as a name at a headline's or sentence's head ("Robbers crash
  4x4 into store", "Jury finds suspect guilty", "Police said ...") is the group the
  article's body describes by that noun ("the robbers", "police said"). The group is
  an actor of this article alone (``robbers~<article>``): one "police" of every
  article would merge all forces of the ledger; ``kb/links.py`` joins the groups of
  two articles that share other actors. Nouns of one kin ("Robbers", "Thieves",
  "Ram-raiders") are one group. "Police" where the article names one force
  is that force (``kb/described.police``), not such a group.
* An outlet named with its kind ("People magazine", "Us Weekly") is an organisation
  of that name; the name alone elsewhere in the article, as written or in capitals
  ("told People", "confirms to PEOPLE"), is that organisation too.

The nouns are general vocabulary (``group_nouns`` and ``police_words`` in
``kb/data/roles.yaml``).
"""

from __future__ import annotations

from newsledger.kb.described import described, owned, the_force
from newsledger.kb.nominal import Words, roles
from newsledger.kb.resolve import Cluster, Resolver

_MAGAZINE = {"magazine"}
_WEEKLY = {"weekly"}
_MAX_NAME = 3  # words of an outlet's name before "magazine"


def groups(doc, res: Resolver, found: list, taken: set[int], words: Words, doc_key: str):
    """(start, end, cluster, label, nominal) of group nouns written as names, and of the
    body's descriptions by the same noun ("the robbers") as nominal mentions. ``doc_key``
    is the article's key, as in the ids of persons named by one word (Resolver.finalize)."""
    data = roles()
    nouns = set(data["group_nouns"]) | set(data["police_words"])
    heads = [(_start(doc, t, taken), t) for t in words.tokens(nouns) if t.i not in taken]
    heads = [(s, t) for s, t in heads if s is not None]
    if not heads:
        return
    force = the_force(found)
    by_noun: dict[str, list] = {}
    for s, t in heads:
        by_noun.setdefault("".join(x.lower_ for x in doc[s : t.i + 1]), []).append((s, t))
    for noun, spans in sorted(by_noun.items()):
        if force is not None and noun in data["police_words"]:
            continue  # the one force the article names (described.police)
        # "the authorities" is the country's government (nominal.descriptions), not this group
        body = [] if noun in data["descriptions"] else words.at.get(noun, ())
        body = [t for t in (doc[i] for i in body) if _description(doc, t, taken)]
        c = res.synthetic(f"{_kin(noun, data)}~{doc_key}", noun.capitalize(), "ORG")
        for s, t in spans:
            taken.update(range(s, t.i + 1))
            yield s, t.i + 1, res.note(c, doc[s : t.i + 1].text, doc[s].idx), "ORG", False
        for t in body:
            taken.add(t.i)
            yield t.i, t.i + 1, res.note(c, t.text, t.idx, named=False), "ORG", True


def _kin(noun: str, data: dict) -> str:
    """One group's id for the nouns of one kin ("Thieves", "Ram-raiders" and "Robbers"
    of one article, or of two articles that share actors: ``group_kin``)."""
    last = noun.rsplit("-", 1)[-1]
    return next((kin[0] for kin in data.get("group_kin", ()) if last in kin), noun)


def _start(doc, tok, taken: set[int]) -> int | None:
    """Where a group noun written as a name starts: at the noun, or at the capitalised
    first part of a hyphened one ("Ram - raiders", "Co - workers"); None if it is none."""
    if tok.i > 1 and doc[tok.i - 1].text == "-" and tok.is_lower:
        first = doc[tok.i - 2]
        if first.i in taken or not first.is_title or not described(first, doc, plural=True):
            return None
        return first.i if _head_noun(doc, tok, taken, hyphened=True) else None
    return tok.i if _head_noun(doc, tok, taken) else None


def _head_noun(doc, tok, taken: set[int], hyphened: bool = False) -> bool:
    """A group noun written as a name at a head, the head of its phrase: not "Police
    officers", "Police Department" (another noun follows) nor "Chargers' Fans"."""
    if not hyphened and (not described(tok, doc, plural=True) or owned(tok)):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.i in taken or nxt.text == "-" or nxt.lower_ in ("of", "from")):
        return False  # "Officials from China": the body they serve (events/args.py)
    if tok.head.i > tok.i and tok.dep_ in ("compound", "amod", "nmod"):
        return False  # a modifier of the noun after it (the tag of a headline's verb is no help)
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return hyphened or prev is None or prev.text != "-"  # "Anti - Police" is no group


def _description(doc, tok, taken: set[int]) -> bool:
    """A lowercase use of the noun as the head of a plain phrase ("the robbers", "police
    said"), not a modifier ("police officers") nor a modified one ("French police")."""
    if not tok.is_lower or tok.i in taken or tok.dep_ == "compound":
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return (
        prev is None
        or prev.lower_ == "the"
        or prev.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "DET", "PRON")
    )


def outlets(doc, res: Resolver, found: list, taken: set[int], words: Words) -> list:
    """``found`` with outlets named with their kind ("People magazine", "Us Weekly"),
    NER's or not, as organisations of that name, and the name alone elsewhere."""
    named: list[tuple[tuple[str, ...], Cluster]] = []
    out = []
    for s, e, cluster, label, nominal in found:
        if not nominal and e - s > 1 and _kind_word(doc[e - 1]):
            if doc[e - 1].lower_ in _MAGAZINE:
                # NER's "People magazine": the magazine named People, as where NER misses it
                cluster.starts.remove(doc[s].idx)
                cluster, label = res.resolve(doc[s : e - 1].text, "ORG", doc[s].idx)
            named.append((_name_words(doc, s, e), cluster))
        out.append((s, e, cluster, label, nominal))
    for tok in words.tokens(_MAGAZINE | _WEEKLY):
        if tok.i in taken or tok.i == 0 or not _kind_word(tok):
            continue
        start = tok.i
        while (
            start > 0
            and tok.i - start < _MAX_NAME
            and start - 1 not in taken
            and doc[start - 1].is_title
            and doc[start - 1].is_alpha
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        if start == tok.i:
            continue
        toks = _name_words(doc, start, tok.i + 1)
        cluster, label = res.resolve(" ".join(toks), "ORG", doc[start].idx)
        taken.update(range(start, tok.i + 1))
        named.append((toks, cluster))
        out.append((start, tok.i + 1, cluster, label, False))
    for toks, cluster in named:
        # the name alone, or a weekly's first word ("told Us")
        for form in {toks, toks[:1]} if len(toks) > 1 and toks[-1].lower() in _WEEKLY else {toks}:
            out += _again(doc, res, form, cluster, taken, words)
    return out


def _kind_word(tok) -> bool:
    """ "Weekly" ending a name ("Us Weekly"), "magazine" after one ("People magazine"),
    not a headline's "Magazine"."""
    return tok.is_title if tok.lower_ in _WEEKLY else tok.lower_ in _MAGAZINE and tok.is_lower


def _name_words(doc, start: int, end: int) -> tuple[str, ...]:
    """The outlet's name: "Us Weekly" whole, "People" of "People magazine"."""
    if doc[end - 1].lower_ in _MAGAZINE:
        end -= 1
    return tuple(t.text for t in doc[start:end])


def _again(
    doc, res: Resolver, toks: tuple[str, ...], cluster: Cluster, taken: set[int], words: Words
) -> list:
    """The outlet's name elsewhere in prose: as written mid-sentence, or in capitals
    among words that are not ("confirms to PEOPLE ."), never a head of a sentence
    or a title-case line where any word is capitalised ("Three People Shot")."""
    n, out = len(toks), []
    for i in words.at.get(toks[0].lower(), ()):
        span = doc[i : i + n]
        if len(span) < n or any(j in taken for j in range(i, i + n)):
            continue
        got = [t.text for t in span]
        caps = got == [t.upper() for t in toks] and got != list(toks)
        if got != list(toks) and not caps:
            continue
        near = [t for t in doc[max(0, i - 3) : i + n + 3] if t.is_alpha and t.i not in range(i, i + n)]
        if caps and (not near or any(t.is_upper for t in near)):
            continue  # a capitals line writes every word so
        if not caps and described(doc[i], doc, plural=True):
            continue
        taken.update(range(i, i + n))
        out.append((i, i + n, res.note(cluster, span.text, span.start_char), "ORG", False))
    return out
