"""Name folding and matching for transliterated names.

``fold`` is the case-, accent-, mark- and article-insensitive form used for
display-level equality (the scorer's convention). ``key`` goes further with the
transliteration folds of ``data/folds.yaml`` (vowel variants, doubled letters,
digraphs, -i/-y) so "Hadi al-Ameri" and "Hadi al-Amiri" share a key.
``same_name`` adds rapidfuzz as a second test for plain misspellings and
guards persons that share only a surname.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from newsledger.datafile import load_yaml

# Apostrophes, ayn and hamza marks that transliterations add or drop.
_MARKS = "'’‘`ʼʿʾ\"“”"
_ARTICLES = {"al", "el", "the", "ul"}
FUZZY_MIN = 85  # rapidfuzz ratio: one slip in a 7-letter name passes, two do not


_MARK_TABLE = {ord(c): None for c in _MARKS}
# fold's one translate pass: marks dropped, separators made spaces (a regex per call
# cost most of fold's time when the 200k GeoNames names are folded at first geocode).
_FOLD_TABLE = {**_MARK_TABLE, **{ord(c): " " for c in "-_./,()"}}


@lru_cache(maxsize=1)
def _combining() -> dict[int, None]:
    """A translate table deleting combining marks (accents, Arabic vowel signs): one C
    pass over a text instead of a Python test per character. Built once."""
    # the basic and first supplementary planes hold every script news is written in
    return {cp: None for cp in range(0x20000) if unicodedata.combining(chr(cp))}


@lru_cache(maxsize=262144)
def fold(name: str | None) -> str:
    """Case-, accent-, mark-, hyphen- and article-insensitive key of a name."""
    if not name:
        return ""
    s = name
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).translate(_combining())
    # "the" is among _ARTICLES, so dropping article tokens also drops a leading "the ".
    words = s.lower().translate(_FOLD_TABLE).split()
    if _ARTICLES.isdisjoint(words):  # most names: one C test, no per-word Python loop
        return " ".join(words)
    return " ".join(t for t in words if t not in _ARTICLES)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_") or "x"


@lru_cache(maxsize=1)
def _rules() -> dict:
    text = resources.files("newsledger.kb").joinpath("data/folds.yaml").read_text("utf-8")
    data = load_yaml(text)
    data["compiled"] = [(re.compile(a), b) for a, b in data["rewrites"]]
    data["glued"] = re.compile(data["glued_article"])
    data["honorific_set"] = frozenset(data["honorifics"])
    data["generic_set"] = frozenset(data["generic_heads"])
    abbr = sorted(data["abbreviations"], key=len, reverse=True)
    data["abbr_re"] = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in abbr) + r")\b")
    return data


def honorifics() -> frozenset[str]:
    """Titles and honorifics written before names ("President", "Sheikh"), folded."""
    return _rules()["honorific_set"]


def generic_heads() -> frozenset[str]:
    return _rules()["generic_set"]


def core(name: str | None) -> str | None:
    """A group name without its trailing generic head ("Al-Nujaba Movement" -> "Al-Nujaba"),
    or None when it has none or nothing would be left."""
    words = (name or "").split()
    if len(words) < 2 or words[-1].lower() not in generic_heads():
        return None
    return " ".join(words[:-1])


def _expand(folded: str) -> str:
    """Abbreviations spelled out inside a longer name (see folds.yaml)."""
    r = _rules()
    if folded in r["abbreviations"] or " " not in folded:
        return folded
    return r["abbr_re"].sub(lambda m: r["abbreviations"][m.group(0)], folded)


@lru_cache(maxsize=65536)
def token_key(tok: str) -> str:
    """The transliteration key of one folded token."""
    r = _rules()
    t = re.sub(r"[^a-z0-9]", "", tok)
    if len(t) > 5:
        t = r["glued"].sub("", t)
    for pat, rep in r["compiled"]:
        t = pat.sub(rep, t)
    return re.sub(r"(.)\1+", r"\1", t)


def tokens(name: str | None, *, strip_honorifics: bool = False) -> list[str]:
    """Folded tokens of a name, optionally without leading titles (Mr, General)."""
    toks = fold(name).split()
    if strip_honorifics:
        hon = honorifics()
        while len(toks) > 1 and toks[0] in hon:
            toks = toks[1:]
    return toks


@lru_cache(maxsize=65536)
def key(name: str | None) -> str:
    """Transliteration-insensitive key: same key, same name."""
    return " ".join(k for k in (token_key(t) for t in _expand(" ".join(tokens(name))).split()) if k)


@lru_cache(maxsize=65536)
def person_key(name: str | None) -> str:
    """Key of a person's name without leading honorifics ("General Qassem Soleimani") or a
    generational suffix ("Jr" is nobody's surname)."""
    return " ".join(k for k in (token_key(t) for t in _unsuffixed(tokens(name, strip_honorifics=True))) if k)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "md", "phd"}


def _unsuffixed(toks: list[str]) -> list[str]:
    """A name's tokens without a generational suffix: "Jr" is nobody's surname."""
    while len(toks) > 1 and toks[-1] in _SUFFIXES:
        toks = toks[:-1]
    return toks


def person_id_key(name: str | None) -> str:
    """The key an unknown person's actor id is made of: given name and surname, without
    titles, initials, middle names or a generational suffix ("W. Mark Felt Sr." and
    "Mark Felt" are one id; "Frederick Cheney LaRue" is "Frederick LaRue"). Two full
    names with one key are compatible full names: the evidence for one actor."""
    toks = _unsuffixed(tokens(name, strip_honorifics=True))
    given = [t for t in toks[:-1] if len(t) > 1]
    toks = ([given[0]] if given else []) + toks[-1:]
    return " ".join(k for k in (token_key(t) for t in toks) if k)


def repeated(name: str) -> str | None:
    """The name once when NER took it twice in a row ("Esther Williams Esther Williams")."""
    words = name.split()
    half = len(words) // 2
    if len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return None


def similar(a: str, b: str, minimum: float = FUZZY_MIN) -> bool:
    """Second test for single-token spellings that differ by a slip ("Kashimi"/"Kadhimi").

    Compared both as folded text and as keys; the first letter must agree and
    short tokens never pass (too many real names are one letter apart).
    """
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < 5:
        return False
    if fuzz.ratio(a, b) >= minimum:
        return True
    ka, kb = token_key(a), token_key(b)
    return len(ka) >= 5 and len(kb) >= 5 and fuzz.ratio(ka, kb) >= minimum


def looks_alike(a: str, b: str, minimum: float = 70) -> bool:
    """Loose spelling check for one-word names whose keys collide ("Kedah"/"Qaida" do not)."""
    return fuzz.ratio(a, b) >= minimum


# Lowercase particles that begin a surname of two words ("Le Pen", "Lo Presti", "De Niro").
SURNAME_PARTICLES = frozenset("de di da del della der den van von le la lo du dos".split())
_SURNAME_PARTICLES = SURNAME_PARTICLES


def full_name(name: str | None) -> bool:
    """Whether a person's name holds a given name: more than one word, not a surname of
    a particle and one word ("Lo Presti", "Le Pen" are surnames alone)."""
    toks = tokens(name, strip_honorifics=True)
    return len(toks) > 2 or len(toks) == 2 and toks[0] not in _SURNAME_PARTICLES


def same_person(full: str, other: str, nicknames: bool = False) -> bool:
    """Whether two person names can be the same person.

    Same key, or the shorter is the surname (last token) of the longer, or
    the keys are similar token by token. Different first names never match,
    which keeps "Ali al-Sadr" apart from "Muqtada al-Sadr".
    """
    ta, tb = tokens(full, strip_honorifics=True), tokens(other, strip_honorifics=True)
    a, b = _unsuffixed(ta), _unsuffixed(tb)
    if ta[len(a) :] and tb[len(b) :] and ta[len(a) :] != tb[len(b) :]:
        return False  # "Jr" and "Sr": a son and his father
    if not a or not b:
        return False
    if a == b:
        return True
    if len(b) == 1 or len(a) == 1:
        short, long_ = (b, a) if len(b) <= len(a) else (a, b)
        return _tok_eq(short[0], long_[-1])
    if len(a) != len(b) and not (full_name(" ".join(a)) and full_name(" ".join(b))):
        short, long_ = (b, a) if len(b) < len(a) else (a, b)  # "Lo Presti", "Gaetano Lo Presti"
        return long_[-len(short) :] == short
    if not _given_eq(a[0], b[0], nicknames):
        return False  # first names differ: different people sharing a surname
    return _tok_eq(a[-1], b[-1])


def _given_eq(x: str, y: str, nicknames: bool = False) -> bool:
    """Given names of one person: one transliteration key, or (within one article) a
    nickname of the table. No fuzzy score: a letter apart is often another name (Ivana /
    Ivanka, Marian / Marion). Nicknames are no evidence against the KB: the table holds
    "Reggie" for Regina too."""
    return x == y or token_key(x) == token_key(y) or nicknames and given_variants(x, y)


@lru_cache(maxsize=1)
def nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=65536)
def given_variants(a: str, b: str) -> bool:
    """Folded given names that are one name: a name and its nickname in the maintained
    table of the `nicknames` package (Bill / William, Joe / Joseph). Not a prefix:
    Ivana and Ivanka, Ivan and Ivana are different people."""
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or not a.isalpha() or not b.isalpha():
        return False
    nick = nicknamer()
    return b in nick.nicknames_of(a) or a in nick.nicknames_of(b)


def _tok_eq(x: str, y: str) -> bool:
    """Folded tokens that are the same name: same key, or a slip apart."""
    return x == y or token_key(x) == token_key(y) or similar(x, y)


_SHORT_WORDS = {
    "abu",
    "bin",
    "ibn",
    "new",
    "red",
    "air",
    "sea",
    "war",
    "god",
    "ali",
    "law",
    "day",
    "one",
    "two",
    "top",
    "bay",
    "gas",
    "oil",
    "end",
    "aid",
    "way",
    "all",
    "ahl",
    "haq",
    "din",
    "dar",
    "bab",
    "ain",
    "umm",
    "abd",
    "san",
    "saint",
}


def display(raw: str) -> str:
    """A readable name from an upper-case dictionary entry: NURI_AL_MALIKI -> Nuri al-Maliki."""
    raw = re.sub(r"\([^)]*\)", " ", raw)  # parenthesised acronyms become aliases
    raw = re.sub(r"^(?i:the)[_\s]+", "", raw.strip("_ "))
    words = [w for w in re.split(r"[_\s]+", raw.strip("_ ")) if w]
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in ("al", "el") and i + 1 < len(words) and i > 0:
            out.append(low + "-")
            continue
        if low in ("of", "and", "for", "the", "in", "on", "de", "bin", "ibn") and i > 0:
            out.append(low)
        elif len(w) <= 3 and w.isalpha() and low not in _SHORT_WORDS:
            out.append(w)  # an acronym: UN, PKK, UAE
        else:
            out.append("-".join(p.capitalize() for p in low.split("-")))
        out.append(" ")
    return "".join(out).strip().replace("- ", "-")
