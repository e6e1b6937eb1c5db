"""A headline's description of the person a report is about ("Man charged with
murdering mother and sister", "Woman Killed In Queens Hit-And-Run", "Lawyer: Lindsay
Lohan checks into rehab"): a nominal mention of that person of the article.

Headlines and capitals leads name their protagonist by a common noun written as a
name. The noun (``person_nouns`` in ``kb/data/roles.yaml``, general vocabulary) joins
a person of the article only on evidence, and only when exactly one person fits:

1. the body writes the noun beside that person's name ("lawyer Mark Heller", "the
   driver, Vishwanand Subryan");
2. a noun with a gender (man, woman, son, grandmother) goes to the article's clearly
   most mentioned person of that gender (he/she after the person's mentions, Mr/Ms);
3. a noun without one (teen, climber, suspect) to the clearly most mentioned person,
   when the headline describes nobody else.

A description after a possessive ("Trump's Daughter", "his wife") is someone else.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from newsledger.kb.nominal import Nominal, Words, roles
from newsledger.kb.resolve import Cluster

_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_MR = {"mr", "mr.", "sir"}
_MS = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame"}
_DETS = {"a", "an", "the"}


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """Noun -> gender ("m", "f" or "" for either)."""
    data = roles()["person_nouns"]
    out = {w: "" for w in data["any"]}
    out.update({w: "m" for w in data["male"]})
    out.update({w: "f" for w in data["female"]})
    return out


def headline(text: str) -> tuple[int, int]:
    """Character range of the article's first line of three words or more that is not a
    web address (a date line is not the headline)."""
    pos = 0
    for line in text[:2000].split("\n"):
        end = pos + len(line)
        words = [w for w in line.split() if w.isalpha() and len(w) > 1]
        if len(words) >= 3 and "://" not in line.replace(" ", "") and "www ." not in line:
            return pos, end
        pos = end + 1
    return 0, 0


def protagonists(doc: Doc, text: str, found: list, taken: set[int], words: Words) -> list[Nominal]:
    """Nominal mentions of persons for capitalised person nouns of the headline (and of
    a sentence's start), each to the one person of the article the evidence allows."""
    nouns = person_nouns()
    cands = [t for t in words.tokens(nouns) if t.i not in taken and _described(t, doc)]
    if not cands:
        return []
    persons = _persons(doc, found, words)
    if not persons:
        return []
    head = headline(text)
    in_head = [t for t in cands if head[0] <= t.idx < head[1]]
    head_named = any(head[0] <= doc[s].idx < head[1] for p in persons.values() for s, _ in p["spans"])
    out = []
    for tok in cands:
        others = [o for o in in_head if o is not tok] if tok in in_head else []
        c = _apposed(doc, tok.lower_, nouns[tok.lower_], persons) or _dominant(
            tok.lower_, nouns[tok.lower_], persons, others, head_named
        )
        if c is not None:
            out.append(Nominal(tok.i, tok.i + 1, c, "PERSON"))
    return out


def _described(tok, doc: Doc) -> bool:
    """A noun written as a name, at a headline's or sentence's head, nobody's relative."""
    if not (tok.is_title or tok.is_upper) or tok.tag_ in ("NNS", "NNPS"):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and (prev.tag_ in ("POS", "PRP$") or prev.lower_ in ("'s", "’s")):
        return False  # "Trump's Daughter", "his wife": another person
    if prev is not None and prev.lower_ in _DETS:
        prev = doc[prev.i - 1] if prev.i > 0 else None
    sent = tok.sent
    if tok.i == sent.start or prev is None or prev.i < sent.start:
        return True
    # A title-case or capitals line (a headline) writes every word as a name.
    alpha = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(alpha) >= 3 and sum(t.is_title or t.is_upper for t in alpha) >= 0.8 * len(alpha)


def _persons(doc: Doc, found: list, words: Words) -> dict[str, dict]:
    """The article's persons with a full name: mentions (token spans), count, gender."""
    out: dict[str, dict] = {}
    for s, e, c, label, nominal in found:
        if label != "PERSON" or nominal or not isinstance(c, Cluster) or not c.person_names():
            continue
        p = out.setdefault(c.id, {"cluster": c, "spans": [], "he": 0, "she": 0})
        p["spans"].append((s, e))
    _gender_votes(doc, out, words)
    return out


def _gender_votes(doc: Doc, persons: dict, words: Words) -> None:
    """He/she counted for the person named in full last before the pronoun (in its
    sentence or the one before), Mr/Ms before a full name; the mentions counted, except
    a surname several persons of the article share."""
    last = {}
    for cid, p in persons.items():
        for s, e in p["spans"]:
            last[e] = (cid, s)
    surnames: dict[str, set[str]] = {}
    for cid, p in persons.items():
        for n in p["cluster"].person_names():
            surnames.setdefault(n.split()[-1], set()).add(cid)
    clear = {}
    for e, (cid, s) in last.items():
        text = doc[s:e].text
        bare = text.removesuffix("'s").removesuffix("’s")
        # its chain may be the wrong one when several persons have the surname
        persons[cid]["count"] = persons[cid].get("count", 0) + (len(surnames.get(bare, ())) <= 1)
        clear[e] = " " in text  # pronouns and honorifics are counted after full names only
        before = doc[s - 1].lower_ if s > 0 else ""
        if clear[e] and before in _MR | _MS:
            persons[cid]["he" if before in _MR else "she"] += 2
    ends = sorted(last)
    pronouns = sorted((i, w in _HE) for w in _HE | _SHE for i in words.at.get(w, ()))
    k, prev = 0, None
    for i, male in pronouns:
        while k < len(ends) and ends[k] <= i:
            prev = ends[k]
            k += 1
        if prev is None or not clear[prev]:
            continue
        said, here = doc[prev - 1].sent, doc[i].sent
        if here.start in (said.start, said.end):  # its sentence or the next
            persons[last[prev][0]]["he" if male else "she"] += 1


def _gender(p: dict) -> str:
    if p["he"] >= 2 * p["she"] + 1:
        return "m"
    if p["she"] >= 2 * p["he"] + 1:
        return "f"
    return ""


def _apposed(doc: Doc, noun: str, gender: str, persons: dict) -> Cluster | None:
    """The one person the body writes the noun right beside: "lawyer Mark Heller", "the
    driver, Vishwanand Subryan", "Yvonne Hiller, a former employee" (not "the brother
    of Kathryn Jenkin"); a person of the other gender is not one."""
    hits = set()
    for cid, p in persons.items():
        if gender and _gender(p) not in ("", gender):
            continue
        for s, e in p["spans"]:
            left = [t.text for t in doc[max(0, s - 2) : s]]
            right = doc[e : e + 6]
            if (
                left[-1:] == [noun]
                or left == [noun, ","]
                or (len(right) > 1 and right[0].text == "," and noun in _until_punct(right[1:]))
            ):
                hits.add(cid)
    return persons[hits.pop()]["cluster"] if len(hits) == 1 else None


def _until_punct(span) -> list[str]:
    out = []
    for t in span:
        if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX"):
            break  # "Mahnefah Gray, sister of the teen": the teen is another
        out.append(t.text)
    return out


def _dominant(noun: str, gender: str, persons: dict, others: list, head_named: bool) -> Cluster | None:
    """The clearly most mentioned person of the noun's gender; for a noun without one,
    the clearly most mentioned person when the headline names and describes nobody else
    ("Lawyer: Lindsay Lohan checks into rehab" is not Lohan)."""
    if not gender and (others or head_named):
        return None
    fit = [p for p in persons.values() if not gender or _gender(p) == gender]
    fit.sort(key=lambda p: -p["count"])
    if not fit or len(fit) > 1 and fit[0]["count"] < 2 * fit[1]["count"]:
        return None
    if fit[0]["count"] < (2 if gender else 3):
        if not (gender and len(fit) == 1 and len(persons) == 1):
            return None  # one mention: only the article's one person, of that gender
    return fit[0]["cluster"]
