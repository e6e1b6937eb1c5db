"""A headline's description of the person a report is about ("Man charged with
murdering mother and sister", "Woman Killed In Queens Hit-And-Run", "Lawyer: Lindsay
Lohan checks into rehab"): a nominal mention of that person of the article.

Headlines and capitals leads name their protagonist by a common noun written as a
name. The noun (``person_nouns`` in ``kb/data/roles.yaml``, general vocabulary) joins
a person of the article only on evidence, and only when exactly one person fits:

1. the body writes the noun beside that person's name ("lawyer Mark Heller", "the
   driver, Vishwanand Subryan");
2. a noun with a gender (man, woman, son, grandmother) goes to the article's clearly
   most mentioned person of that gender (he/she after the person's mentions, Mr/Ms;
   where neither tells, a given name that nearly always names a man or a woman:
   ``kb/data/given_names.tsv.gz``, built from the nomquamgender package);
3. a noun without one (teen, climber, suspect) to the clearly most mentioned person,
   when the headline describes nobody else.

A description after a possessive ("Trump's Daughter", "his wife") is someone else.
"Police" written as a name, alone, is the one police force the article names ("NYPD",
"Cumbria Police"), if it names exactly one.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from newsledger.kb.names import honorifics
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


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lowercase) -> "m" or "f", for names with a strong prior only; read on
    first use (a headline's gendered noun no pronoun decides), not at start-up."""
    raw = resources.files("newsledger.kb").joinpath("data/given_names.tsv.gz").read_bytes()
    out = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            out[name] = gender
    return out


def name_gender(names: list[str]) -> str:
    """The gender the given names of a person's full names agree on ("John Jenkin" ->
    "m"), else "": initials, titles and unknown or ambiguous names tell nothing."""
    table, titles = given_names(), honorifics()
    got = set()
    for n in names:
        words = [w for w in n.split() if len(w.strip(".")) > 1 and w.lower().strip(".") not in titles]
        if len(words) < 2:
            continue
        g = table.get(words[0].lower())
        got.add(g or "")
    return got.pop() if len(got) == 1 else ""


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
    cands = [t for t in words.tokens(nouns) if t.i not in taken and described(t, doc)]
    if not cands:
        return []
    persons = _persons(doc, found, words)
    if not persons:
        return []
    head = headline(text)
    in_head = [t for t in cands if head[0] <= t.idx < head[1]]
    head_named = any(head[0] <= doc[s].idx < head[1] for p in persons.values() for s, _ in p["spans"])
    got: dict[int, Cluster] = {}
    # nouns with a gender first: a headline's other noun is then somebody else
    # ("Woman Killed In Queens Hit-And-Run, Driver Charged")
    for tok in sorted(cands, key=lambda t: not nouns[t.lower_]):
        noun, gender = tok.lower_, nouns[tok.lower_]
        others = [o for o in in_head if o is not tok] if tok in in_head else []
        taken_by = {got[o.i].id for o in others if o.i in got}
        if len(taken_by) < len({o.lower_ for o in others}):
            taken_by = None  # a noun of the headline nobody was found for: no guess
        left = {cid: p for cid, p in persons.items() if cid not in (taken_by or ())}
        if owned(tok):
            # "Chargers' Receiver": somebody of the owner's, told only by the body
            # writing the noun beside a name ("wide receiver Vincent Jackson")
            if (c := _apposed(doc, noun, gender, persons)) is not None:
                got[tok.i] = c
            continue
        c = _apposed(doc, noun, gender, persons) or (
            _dominant(gender, left, others and taken_by is None, head_named) if left else None
        )
        if c is None and left:
            c = _same_fate(doc, tok, gender, left, words)
        if c is not None:
            got[tok.i] = c
    return [Nominal(i, i + 1, c, "PERSON") for i, c in sorted(got.items())]


def described(tok, doc: Doc, plural: bool = False) -> bool:
    """A noun written as a name, at a headline's or sentence's head, nobody's relative;
    singular (a person), unless ``plural`` ("Police")."""
    # (capitals hide the number from the tagger: "CHARGERS' RECEIVER ARRESTED")
    if not (tok.is_title or tok.is_upper) or not plural and tok.tag_ in ("NNS", "NNPS") and not tok.is_upper:
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if owned(tok) and (plural or tok.lower_ in roles()["relatives"]):
        return False  # "Trump's Daughter", "his wife": another person
    if prev is not None and prev.lower_ in _DETS:
        prev = doc[prev.i - 1] if prev.i > 0 else None
    sent = tok.sent
    if tok.i == sent.start or prev is None or prev.i < sent.start or prev.text == ":":
        return True  # also after a headline's colon: "Millom double murder: Man charged"
    # A title-case or capitals line (a headline) writes every word as a name.
    alpha = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(alpha) >= 3 and sum(t.is_title or t.is_upper for t in alpha) >= 0.8 * len(alpha)


def owned(tok) -> bool:
    """After a possessive: "Chargers' Receiver", "Sheriff's Deputy", "his wife"."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return (
        prev.tag_ in ("POS", "PRP$")
        or prev.lower_ in ("'s", "’s")
        or prev.text in ("'", "’")
        and tok.i > 1
        and tok.doc[tok.i - 2].lower_.endswith("s")
    )


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
            persons[cid]["hon"] = persons[cid].get("hon", 0) + 1
    ends = sorted(last)
    starts = [(s, cid) for cid, p in persons.items() for s, _ in p["spans"]]
    pronouns = sorted((i, w in _HE) for w in _HE | _SHE for i in words.at.get(w, ()))
    k, prev = 0, None
    for i, male in pronouns:
        while k < len(ends) and ends[k] <= i:
            prev = ends[k]
            k += 1
        if prev is None or not clear[prev]:
            continue
        said, here = doc[prev - 1].sent, doc[i].sent
        cid = last[prev][0]
        # its sentence or the next, with no other person named from there to the pronoun
        if here.start in (said.start, said.end) and not any(
            said.start <= s < i and c != cid for s, c in starts
        ):
            persons[cid]["he" if male else "she"] += 1


def _gender(p: dict) -> str:
    """Mr/Ms first, then a given name of a strong prior, then the pronouns: he/she are
    counted for the person named last before them, which is often somebody else ("John
    Jenkin ... his sister Kathryn Jenkin. Police charged him")."""
    if "given" not in p:
        p["given"] = "" if p.get("hon") else name_gender(p["cluster"].person_names())
    if p["given"]:
        return p["given"]
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
            left = [t.lower_ for t in doc[max(0, s - 2) : s]]  # "Musical Star Esther Williams"
            right = doc[e : e + 6]
            if (
                left[-1:] == [noun]
                or left == [noun, ","]
                or (
                    len(right) > 1
                    and right[0].text == ","
                    and noun in [w.lower() for w in _until_punct(right[1:])]
                )
            ):
                hits.add(cid)
    return persons[hits.pop()]["cluster"] if len(hits) == 1 else None


def _same_fate(doc: Doc, tok, gender: str, persons: dict, words: Words) -> Cluster | None:
    """The one person the article says the same thing happened to, in the same role, as
    to the noun: "Driver Charged" (the headline) or "the driver has been charged" (the
    body) and "Subryan was charged", not "Chohan was hit" where "the driver hit her"."""
    fate = _headline_acts(doc, tok, words)
    for i in words.at.get(tok.lower_, ()):
        if doc[i].is_lower:
            fate |= _acts(doc[i])
    light = set(roles()["light_verbs"])  # verbs that tell nothing of what happened to whom
    fate = {(lemma, role) for lemma, role in fate if lemma not in light}
    if not fate:
        return None
    hits = []
    most = max(p["count"] for p in persons.values())
    for p in persons.values():
        if gender and _gender(p) not in ("", gender) or 2 * p["count"] < most:
            continue  # one named in passing is no protagonist
        heads = (next((t for t in doc[s:e] if not s <= t.head.i < e), doc[e - 1]) for s, e in p["spans"])
        if any(_acts(h) & fate for h in heads):
            hits.append(p["cluster"])
    return hits[0] if len(hits) == 1 else None


def _acts(tok) -> set[tuple[str, str]]:
    """What a mention did or underwent: (verb lemma, "agent" or "patient"), also along
    the verbs joined to its verb ("fled the scene but was arrested") and in its relative
    clause ("the driver who hit her")."""
    out = set()
    head, dep = tok.head, tok.dep_
    if dep == "pobj" and head.dep_ == "agent":
        head, dep = head.head, "agent"
    if dep in ("nsubj", "nsubjpass", "dobj", "agent") and head.pos_ in ("VERB", "AUX"):
        out.add((head.lemma_, "patient" if dep in ("nsubjpass", "dobj") else "agent"))
        if dep != "dobj":
            for conj in head.conjuncts:
                if conj.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in conj.children):
                    passive = any(c.dep_ == "auxpass" for c in conj.children)
                    out.add((conj.lemma_, "patient" if passive else "agent"))
    for child in tok.children:
        if child.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in child.children):
            out.add((child.lemma_, "agent"))
    return out


def _headline_acts(doc: Doc, tok, words: Words) -> set[tuple[str, str]]:
    """A headline's verb for its noun, which headlines write as a name ("Driver
    Charged", "Teen Killed By Police", "Gunman Kills 2"): a participle after the noun
    says what it underwent, another verb what it did; its lemma is read off the body's
    own use of the word as a verb."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or not nxt.is_alpha:
        return set()
    for i in words.at.get(nxt.lower_, ()):
        if doc[i].pos_ == "VERB" and doc[i].is_lower:
            return {(doc[i].lemma_, "patient" if nxt.lower_.endswith("ed") else "agent")}
    return set()


def _until_punct(span) -> list[str]:
    out = []
    for t in span:
        if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX"):
            break  # "Mahnefah Gray, sister of the teen": the teen is another
        out.append(t.text)
    return out


def _dominant(gender: str, persons: dict, unknown_other: bool, head_named: bool) -> Cluster | None:
    """The clearly most mentioned person of the noun's gender (the article's one person,
    where nobody's gender is told); for a noun without one, the clearly most mentioned
    person when the headline names nobody and describes nobody unaccounted for
    ("Lawyer: Lindsay Lohan checks into rehab" is not Lohan)."""
    if not gender and (unknown_other or head_named):
        return None
    fit = [p for p in persons.values() if not gender or _gender(p) == gender]
    if gender and not fit:
        # the one person who may be of that gender, everybody else being of the other
        fit = [p for p in persons.values() if not _gender(p)]
        fit = fit if len(fit) == 1 else []
    fit.sort(key=lambda p: -p["count"])
    if not fit or len(fit) > 1 and fit[0]["count"] < 2 * fit[1]["count"]:
        return None
    top = fit[0]
    if top["count"] < (2 if gender or len(persons) == 1 else 3) and not (
        gender and len(fit) == 1 and _only(top, persons)
    ):
        return None  # one mention: only the one person of that gender
    return top["cluster"]


def _only(p: dict, persons: dict) -> bool:
    """Whether every other person is known to be of the other gender or named no more
    often (a person whose gender is known fits a gendered noun better than one unknown)."""
    return all(q is p or _gender(q) or q["count"] <= p["count"] for q in persons.values())


def police(doc: Doc, found: list, taken: set[int], words: Words) -> list[Nominal]:
    """ "Police" written as a name ("Police said ...", "Teen Killed By Police"): the one
    police force the article names, a name with the word or a force's initials (NYPD)."""
    force = roles()["police_words"]
    toks = [
        t
        for t in words.tokens(set(force))
        if t.i not in taken
        and described(t, doc, plural=True)
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN"))
    ]
    c = the_force(found) if toks else None
    return [Nominal(t.i, t.i + 1, c, "ORG") for t in toks] if c is not None else []


def the_force(found: list) -> Cluster | None:
    """The one police force the article names, if it names exactly one."""
    force = roles()["police_words"]
    forces = {
        c.id: c
        for s, e, c, label, nominal in found
        if label == "ORG"
        and not nominal
        and isinstance(c, Cluster)
        and any(_a_force(n, force) for n in c.names)
    }
    return next(iter(forces.values())) if len(forces) == 1 else None


def _a_force(name: str, force: list[str]) -> bool:
    words = name.split()
    if len(words) > 1 and any(w.lower() in force for w in words):
        return True  # "Cumbria Police", "New York Police Department"
    return len(words) == 1 and name.isupper() and 3 <= len(name) <= 5 and name.endswith("PD")


def titled(doc: Doc, found: list, taken: set[int], words: Words) -> list[Nominal]:
    """A title written alone as a name ("President Nominates Regina Benjamin", "The
    President announced"): the one person the article gives that title before a name
    ("President Obama"). A title before a name is part of that mention, not this one."""
    heads = {h for h in roles()["heads"] if " " not in h}
    cands = [
        t
        for t in words.tokens(heads)
        if t.i not in taken
        and described(t, doc)
        and not (t.i + 1 < len(doc) and (t.i + 1 in taken or doc[t.i + 1].ent_type_ == "PERSON"))
    ]
    if not cands:
        return []
    out = []
    for tok in cands:
        holders = {
            c.id: c
            for s, e, c, label, nominal in found
            if label == "PERSON" and not nominal and s > 0 and doc[s - 1].lower_ == tok.lower_
        }
        if len(holders) == 1:
            out.append(Nominal(tok.i, tok.i + 1, next(iter(holders.values())), "PERSON"))
    return out
