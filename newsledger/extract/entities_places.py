"""Entities: a place written with the larger place it lies in ("Santa Rosa, Calif.",
"Mannheim, Germany").

The qualifier after the comma says which Santa Rosa is meant: the city is looked up
among the knowledge base's places of the qualifier's country, and its actor records
the qualifier as the place it is ``located_in`` (geocoding then keeps to that
country or state). An abbreviated qualifier ("Calif.", "N.C.") is part of the city's
mention, one span for both; one written in full ("Mobile, Alabama") names the state
too and stays a mention of it (as MEANTIME annotates it). Lists are left alone
("Iraq, Syria", "California, Nevada", "Basra, Anbar and ..."), and so is a qualifier
that acts ("In Baghdad, Iraq's prime minister said ...": Iraq is the possessor, not
Baghdad's country).
"""

from __future__ import annotations

from spacy.tokens import Span

from newsledger.kb.base import PLACE_TYPES
from newsledger.kb.geo import abbreviated_province
from newsledger.kb.names import fold
from newsledger.kb.resolve import Cluster, Resolver, is_place

_REGION_TYPES = {"province", "country", "region"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


def _qualifier(doc, cluster: Cluster, start: int, end: int) -> bool:
    """Whether a place name can qualify the one before it ("Santa Rosa, California",
    "Mannheim, Germany", "Rancho Mirage, Calif."): a province, country or region of
    the KB, or an unknown place abbreviated (a state's "Calif", "N.C", "Mo.")."""
    if cluster.actor is not None:
        return cluster.actor.type in _REGION_TYPES
    letters = [t.text for t in doc[start:end] if t.text != "."]
    return cluster.label == "GPE" and len(letters) <= 2 and len("".join(letters).replace(".", "")) <= 5


def qualified_places(doc, found: list, res: Resolver) -> list:
    """The mentions with each qualified place resolved by its qualifier, and made one
    mention with an abbreviated one (module docstring). Other mentions of the place's
    spelling in the article follow it to the place the qualifier pointed to."""
    out: list = []
    moved: dict[str, Cluster] = {}  # spelling -> the place its qualified mention became
    for f in found:
        s, e, cluster, label, nominal = f
        prev = out[-1] if out and not nominal and s == out[-1][1] + 1 and _between(doc, s, e) else None
        if prev is None or prev[4]:
            out.append(f)
            continue
        ps, pe, pc, plabel, pnom = prev
        short = _short_form(doc, prev, cluster, s, e, res)
        if short is None and not _qualifies(doc, pc, cluster, s, e):
            out.append(f)
            continue
        qual = short or cluster.actor or abbreviated_province(doc[ps:pe].text, doc[s:e].text, res.kb)
        place = _within(doc[ps:pe].text, pc, qual, res)
        if place is not pc:
            _unnote(pc, doc[ps:pe].text, doc[ps].idx)
            res.note(place, doc[ps:pe].text, doc[ps].idx)
            moved[doc[ps:pe].text] = place
        if qual is not None and place.actor is None:
            place.located_in = qual.id
        plabel = place.actor.label if place.actor is not None else plabel
        if cluster.actor is None or _abbreviated(doc[s:e]):
            _unnote(cluster, doc[s:e].text, doc[s].idx)
            out[-1] = (ps, e, place, plabel, pnom)
        else:
            out[-1] = (ps, pe, place, plabel, pnom)
            out.append(f)
    out = [_unread(doc, f, res, moved) for f in out]
    return [_follow(doc, f, moved, res) for f in out] if moved else out


def _short_form(doc, prev: tuple, cluster: Cluster, s: int, e: int, res: Resolver):
    """The province a one-word name after a place stands for when it is a state's
    abbreviation NER read as another kind ("Biloxi, Miss." with "Miss" a person)."""
    ps, pe, place = prev[0], prev[1], prev[2]
    if cluster.actor is not None or is_place(cluster) or e - s != 1 or not is_place(place):
        return None
    if place.type in ("country", "province") or not _dotted(doc, s):
        return None
    return abbreviated_province(doc[ps:pe].text, doc[s].text, res.kb)


def _dotted(doc, i: int) -> bool:
    """A short capitalised word written with a full stop ("Miss.", "Wash ."): an
    abbreviation."""
    tok = doc[i]
    return (
        tok.is_title
        and len(tok.text) <= 6
        and (tok.text.endswith(".") or i + 1 < len(doc) and doc[i + 1].text == ".")
    )


def _unread(doc, f: tuple, res: Resolver, moved: dict[str, Cluster]) -> tuple:
    """A place followed by a state's abbreviation NER did not read as a name ("Biloxi,
    Miss.", "Redmond, Wash."): the abbreviation is the city's qualifier when it
    shortens the province of a GeoNames city of that name (not "Saturday, Jan.")."""
    s, e, cluster, label, nominal = f
    if nominal or not is_place(cluster) or cluster.type in ("country", "province") or e + 1 >= len(doc):
        return f
    abbr = doc[e + 1]
    if doc[e].text != "," or abbr.ent_type_ or not _dotted(doc, e + 1):
        return f
    prov = abbreviated_province(doc[s:e].text, abbr.text, res.kb)
    if prov is None:
        return f
    text = doc[s:e].text
    place = _within(text, cluster, prov, res)
    if place is not cluster:
        _unnote(cluster, text, doc[s].idx)
        res.note(place, text, doc[s].idx)
        moved[text] = place
    if place.actor is None:
        place.located_in = prov.id
    return (s, e + 2, place, place.actor.label if place.actor is not None else label, nominal)


def _between(doc, s: int, e: int) -> bool:
    """A qualifier's punctuation: "Santa Rosa, Calif.", "Abu Talat (Egypt)"."""
    return doc[s - 1].text == "," or doc[s - 1].text == "(" and e < len(doc) and doc[e].text == ")"


def _abbreviated(span: Span) -> bool:
    """A KB place written short ("N.C.", "CA"; an unknown qualifier is short by
    ``_qualifier``: "Calif"): in news style a state's short form follows a city's name
    and does not name the state by itself there, so it is part of the city's mention. A
    qualifier written in full ("Mobile, Alabama") also names the larger place, and
    stays a mention of it."""
    text = span.text
    return "." in text or (len(text) == 2 and text.isupper())


def _follow(doc, f: tuple, moved: dict[str, Cluster], res: Resolver) -> tuple:
    """A mention of a spelling whose qualified mention went to another place, moved there
    too: "Santa Rosa, Calif." then "Santa Rosa" is one city in one article."""
    s, e, cluster, label, nominal = f
    text = doc[s:e].text
    place = moved.get(text)
    if nominal or place is None or place is cluster or not is_place(cluster):
        return f
    _unnote(cluster, text, doc[s].idx)
    res.note(place, text, doc[s].idx)
    return (s, e, place, place.actor.label if place.actor is not None else label, nominal)


def _within(text: str, place: Cluster, qualifier, res: Resolver) -> Cluster:
    """The place a qualified name stands for: its KB actor if that lies in the
    qualifier's country, else the one KB place of that name in it, else a place of its
    own (the KB's Santa Rosa is a department of Guatemala, not the Californian city)."""
    country = _country(qualifier)
    if country is None:
        # an abbreviation no province was found for ("Calif."): a state's, so the place
        # is no province or country of the KB
        return res._new(text, "GPE") if place.type in _REGION_TYPES else place
    if place.actor is not None and _country(place.actor) == country:
        return place
    hits = [
        a
        for a in (res.kb.actors[i] for i in res.kb.by_fold.get(fold(text), ()))
        if a.type in PLACE_TYPES and a.type != "country" and _country(a) == country
    ]
    if len(hits) == 1:
        return res._cluster_for_actor(hits[0])
    return place if place.actor is None else res._new(text, "GPE")


def _unnote(cluster: Cluster, text: str, start: int) -> None:
    """Take one mention back from a cluster (the reverse of ``Resolver.note``)."""
    if start in cluster.starts:
        cluster.starts.remove(start)
    n = cluster.counts.get(text, 0) - 1
    if n > 0:
        cluster.counts[text] = n
    elif text in cluster.counts:
        del cluster.counts[text]
        if text in cluster.names:
            cluster.names.remove(text)


def _qualifies(doc, first: Cluster, second: Cluster, s: int, e: int) -> bool:
    if first is second or not is_place(first) or not is_place(second) or first.type == "country":
        return False
    if not _qualifier(doc, second, s, e) or _acting(doc[s:e]):
        return False
    if (
        first.type in _REGION_TYPES
        and second.type != "country"
        and _country(first.actor) == _country(second.actor)
    ):
        return False  # "California, Nevada": two states of one country in a list
    return second.type == "country" or not (e < len(doc) and doc[e].lower_ in ("and", "or"))


def _acting(span: Span) -> bool:
    """A name after the comma that is a subject or a possessor starts a clause of its
    own ("In Baghdad, Iraq's prime minister said"): it qualifies nothing."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span.root.dep_ in _AGENT_DEPS or nxt is not None and nxt.text in ("'s", "’s")


def _country(actor) -> str | None:
    if actor is None:
        return None
    return actor.id if actor.type == "country" else actor.attrs.get("country")


def has_qualifier(span: Span) -> bool:
    """Whether a place name is followed by a comma and an abbreviated place ("Washington,
    D.C."): written as a place, not as the government of its country."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or not doc[span.end + 1].ent_type_:
        return False
    nxt = doc[span.end + 1]
    return nxt.ent_iob_ == "B" and ("." in nxt.text or len(nxt.text) == 2 and nxt.text.isupper())


def qualifies_place(span: Span) -> bool:
    """Whether a place name follows another place name and a comma or an opening
    bracket ("Mosul, Iraq", "Abu Talat (Egypt)"): a qualifier, so a country written so
    is a place, not its government."""
    doc = span.doc
    return (
        span.start >= 2
        and _between(doc, span.start, span.end)
        and doc[span.start - 2].ent_type_ in ("GPE", "LOC")
    )
