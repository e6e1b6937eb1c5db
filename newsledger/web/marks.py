"""The article text with its records marked inline.

Records overlap (a mention inside a quote inside an event sentence), which
nested HTML elements cannot express, so the text is cut at every record
boundary and each piece becomes one <span> carrying the classes of all records
covering it and, as its hover title, what each of them is. One sweep over the
sorted boundaries: O(n log n) in the number of records, whatever the length.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newsledger.web.html import esc

# Drawing order of the hover text: the widest context first.
KINDS = ("excl", "quote", "event", "speaker", "cue", "timex", "mention")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str
    anchor: str | None = None  # id the record list links to


def _who(name) -> str:
    return name or "?"


def quote_marks(q: dict) -> list[Mark]:
    speaker = q.get("speaker_name") or "unknown speaker"
    co = q.get("co_speaker_names") or []
    if co:
        speaker += " with " + ", ".join(co)
    said = f"; said {q['date']}" if q.get("date") else ""
    cue = f"; cue “{q['cue']}”" if q.get("cue") else ""
    out = [
        Mark(
            q["start"],
            q["end"],
            "quote",
            f"{q.get('kind') or ''} quote — speaker: {speaker}{cue}{said} "
            f"(confidence {q.get('confidence') or 0:.2f})",
            f"quote-{q['id']}",
        )
    ]
    if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
        out.append(Mark(q["speaker_start"], q["speaker_end"], "speaker", f"speaker: {speaker}"))
    if q.get("cue_start") is not None and q.get("cue_end") is not None:
        out.append(Mark(q["cue_start"], q["cue_end"], "cue", f"quote cue ({q.get('kind')})"))
    return out


def event_mark(e: dict) -> Mark:
    flags = [f for f in ("negated", "hypothetical") if e.get(f)]
    code = f" CAMEO {e['cameo']}" if e.get("cameo") else ""
    when = f"; when {e['date']}" if e.get("date") else ""
    where = f"; where {e['location']}" if e.get("location") else ""
    return Mark(
        e["start"],
        e["end"],
        "event",
        f"event {e['type']}{code}: {_who(e.get('source_name'))} → "
        f"{_who(e.get('target_name'))}{when}{where}"
        f"{' (' + ', '.join(flags) + ')' if flags else ''}",
        f"event-{e['id']}",
    )


def timex_mark(t: dict) -> Mark:
    anchor = f" (anchor {t['anchor']})" if t.get("anchor") else ""
    return Mark(
        t["start"],
        t["end"],
        "timex",
        f"TIMEX3 {t.get('type')} value={t.get('value') or '?'}{anchor}",
        f"timex-{t['id']}",
    )


def mention_mark(m: dict) -> Mark:
    kind = "description of" if m.get("nominal") else "names"
    return Mark(
        m["start"],
        m["end"],
        "mention",
        f"{m.get('label')}: {kind} {m.get('entity_name')}",
        f"mention-{m['id']}",
    )


def excluded_mark(x: dict) -> Mark:
    return Mark(
        x["start"],
        x["end"],
        "excl",
        f"excluded ({x.get('reason') or 'boilerplate'}): no extractor read this",
        f"excluded-{x['id']}",
    )


def record_marks(records: dict[str, list[dict]]) -> list[Mark]:
    marks = [excluded_mark(x) for x in records.get("excluded_spans", [])]
    for q in records.get("quotes", []):
        marks.extend(quote_marks(q))
    marks += [event_mark(e) for e in records.get("events", [])]
    marks += [timex_mark(t) for t in records.get("timexes", [])]
    marks += [mention_mark(m) for m in records.get("mentions", [])]
    return marks


def render(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with every mark's piece wrapped; unmarked text stays plain."""
    n = len(text)
    opens, closes = defaultdict(list), defaultdict(list)
    for m in marks:
        s, e = max(0, m.start), min(n, m.end)
        if s < e:
            opens[s].append(m)
            closes[e].append(m)
    cuts = sorted({0, n, *opens, *closes})
    active: dict[int, Mark] = {}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for m in closes.get(a, ()):
            active.pop(id(m), None)
        for m in opens.get(a, ()):
            active[id(m)] = m
            if m.anchor:
                out.append(f'<a class="anchor" id="{esc(m.anchor)}"></a>')
        piece = esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        ms = sorted(active.values(), key=lambda m: (KINDS.index(m.kind), m.start))
        classes = " ".join(dict.fromkeys(f"k-{m.kind}" for m in ms))
        title = "\n".join(dict.fromkeys(m.title for m in ms))
        out.append(f'<span class="{classes}" title="{esc(title)}">{piece}</span>')
    return "".join(out)
