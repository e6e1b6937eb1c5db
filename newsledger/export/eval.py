"""The evaluation record of SCHEMA.md (system output): one JSON object per document name."""

from __future__ import annotations

from collections.abc import Iterator

from newsledger.store.db import Store
from newsledger.store.events_query import with_implied

_SPAN = ("start", "end", "text")


def _span(r: dict) -> dict:
    return {k: r[k] for k in _SPAN}


def _entities(mentions: list[dict], store: Store) -> list[dict]:
    by_id: dict[str, dict] = {}
    for m in mentions:
        ent = by_id.get(m["entity_id"])
        if ent is None:
            row = store.query("SELECT name, type FROM entities WHERE id=?", (m["entity_id"],))
            name, typ = (row[0]["name"], row[0]["type"]) if row else (m["entity_name"], m["label"])
            ent = by_id[m["entity_id"]] = {"id": m["entity_id"], "type": typ, "name": name, "mentions": []}
        ent["mentions"].append(_span(m))
    return list(by_id.values())


def _quote(r: dict) -> dict:
    return {
        "speaker": r["speaker_id"],
        "speaker_name": r["speaker_name"],
        **_span(r),
        "co_speakers": r.get("co_speakers") or [],
        "kind": r["kind"],
        "cue": r["cue"],
        "medium": r["medium"],
        "date": r["date"],
        "confidence": r["confidence"],
    }


def _timex(r: dict) -> dict:
    return {**_span(r), "type": r["type"], "value": r["value"]}


def _event(r: dict) -> dict:
    """An event mention; a side its text leaves unsaid is filled from the other reports
    of the same event (``with_implied``), and says so in ``implied``."""
    return {
        "type": r["type"],
        "source": r["source_id"],
        "target": r["target_id"],
        "source_name": r["source_name"],
        "target_name": r["target_name"],
        "implied": sorted(r["implied"]),
        "date": r["date"],
        "location": r["location"],
        **_span(r),
        "event_id": r["event_id"],
        "negated": bool(r["negated"]),
        "confidence": r["confidence"],
    }


def _claim(r: dict) -> dict:
    return {"subject": r["subject"], "predicate": r["predicate"], "object": r["object"], **_span(r)}


def _contradictions(store: Store) -> dict[str, list[dict]]:
    """Each contradiction once, in the record of its first document (the scorer sums them)."""
    from newsledger.analyze.contradictions import stored

    names = {d["id"]: d["name"] for d in store.query("SELECT id, name FROM documents")}
    out: dict[str, list[dict]] = {}
    for c in stored(store):
        docs = [names.get(d, d) for d in c["docs"]]
        out.setdefault(c["docs"][0], []).append(
            {
                "subject": c["subject_name"] or c["subject"],
                "predicate": c["predicate"],
                "values": c["values"],
                "docs": docs,
            }
        )
    return out


def document_record(store: Store, doc: dict, name: str, contradictions: list[dict] | None = None) -> dict:
    rid = doc["id"]
    return {
        "doc_id": name,
        "published": doc["published"],
        "published_precision": doc["published_precision"],
        "published_method": doc["published_method"],
        "title": doc["title"],
        "outlet": doc["outlet"],
        "entities": _entities(store.records("mentions", rid), store),
        "quotes": [_quote(r) for r in store.records("quotes", rid)],
        "timexes": [_timex(r) for r in store.records("timexes", rid)],
        # Negated and hypothetical acts stay in the ledger but did not happen.
        "events": [
            _event(r)
            for r in with_implied(store, store.records("events", rid))
            if not (r["negated"] or r["hypothetical"])
        ],
        "claims": [_claim(r) for r in store.records("claims", rid)],
        "contradictions": contradictions or [],
    }


def records(store: Store) -> Iterator[dict]:
    """One record per name an article came under (its doc_id in the eval contract)."""
    docs = {d["id"]: d for d in store.query("SELECT * FROM documents")}
    names = store.query("SELECT doc_id, name FROM document_sources ORDER BY name")
    contra = _contradictions(store)
    for row in names:
        # Only the first name of an article carries its contradictions.
        yield document_record(store, docs[row["doc_id"]], row["name"], contra.pop(row["doc_id"], None))
