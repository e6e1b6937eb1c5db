"""A brief: a situation report assembled from the ledger, never free-written.

Every line is a record of the ledger (a merged event, a quote with its stance, a contradiction,
a framing count, a timeline row) and carries footnotes to the articles it was read from: outlet,
article, date and the sentence itself. Markdown and HTML are rendered here; PDF is the HTML
printed by Chromium (``to_pdf``).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import ExportError

MAX_LINES = 25  # per section: a brief is read in minutes; the ledger holds the rest


@dataclass(frozen=True)
class Note:
    outlet: str
    doc: str
    published: str
    sentence: str


@dataclass
class Brief:
    title: str
    scope: str
    sections: list[tuple[str, list[tuple[str, list[int]]]]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def cite(self, row: dict, sentence: str | None = None) -> int:
        """The footnote number of a source row (one number per distinct source sentence)."""
        note = Note(
            row.get("outlet") or "unknown outlet",
            row.get("doc_name") or row.get("doc_id") or "?",
            row.get("published") or "undated",
            (sentence or row.get("text") or row.get("sentence") or "").strip(),
        )
        if note not in self.notes:
            self.notes.append(note)
        return self.notes.index(note) + 1


def build(led, *, story: str | None = None, actor: str | None = None, since: str | None = None) -> Brief:
    """The brief of one story or one actor (records on or after ``since``)."""
    if bool(story) == bool(actor):
        raise ExportError("give either a story id or an actor name", code="NL-BRIEF-SCOPE")
    from newsledger.store.recent import mentioned_since, recent_since

    docs, ids, title = _scope(led, story, actor)
    b = Brief(title, f"story {story}" if story else f"actor {actor}")
    cut = recent_since(led.store, ids) if actor and not since else None
    if cut:  # a frequent actor: its latest stretch, said in the brief, never silent
        since, docs = cut, mentioned_since(led.store, ids, cut)
        b.scope += f", its latest stretch: from {cut} (an earlier start: --since)"
    elif docs is None:  # an actor's: the articles that mention it
        docs = _mentioning(led, ids)
    after = lambda d: not since or (d or "") >= since
    b.sections.append(("Key events", _events(b, led, docs, ids, after)))
    b.sections.append(("Statements", _statements(b, led, docs, ids, since)))
    b.sections.append(("Where sources disagree", _contradictions(b, led, docs)))
    b.sections.append(("How outlets put it", _framing(led, docs)))
    return b


def _scope(led, story, actor) -> tuple[set[str] | None, set[str], str]:
    """(doc ids, actor ids, title) of what the brief covers; an actor's articles (None) are
    read once ``build`` knows from when."""
    if story:
        found = [s for s in led.stories() if s["id"] == story]
        if not found:
            raise ExportError(f"no story {story!r}; `newsledger stories` lists them", code="NL-BRIEF-SCOPE")
        return {a["id"] for a in found[0]["articles"]}, set(), found[0].get("label") or story
    from newsledger.kb.actors import find

    profiles = find(led.store, actor)  # the rows: a profile's counts are not needed here
    if not profiles:
        raise ExportError(
            f"no actor is named or spelled {actor!r}; see `newsledger actors --search`", code="NL-BRIEF-SCOPE"
        )
    return None, {p["id"] for p in profiles}, profiles[0]["name"]


def _mentioning(led, ids) -> set[str]:
    rows = led.store.query(
        "SELECT DISTINCT doc_id FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?))",
        (_json(ids),),
    )
    return {r["doc_id"] for r in rows}


def sentence(led, table: str, row: dict) -> str | None:
    """The whole sentence a record sits in (its offsets index the stored text)."""
    doc = "d.id = ?" if row.get("doc_id") else "d.name = ?"
    got = led.store.db.execute(
        f"SELECT substr(d.text, r.sent_start + 1, r.sent_end - r.sent_start) FROM {table} r "
        f"JOIN documents d ON d.id = r.doc_id WHERE {doc} AND r.start = ? AND "
        "r.sent_start IS NOT NULL LIMIT 1",
        (row.get("doc_id") or row.get("doc_name"), row["start"]),
    ).fetchone()
    return got[0] if got and got[0] else None


def _json(ids) -> str:
    import json

    return json.dumps(sorted(ids))


def _events(b: Brief, led, docs, ids, after) -> list[tuple[str, list[int]]]:
    """The merged events with a report in scope (and a side among ``ids``), most reported
    first; read in SQL, so a frequent actor's brief does not read every merged event."""
    where = ["c.id IN (SELECT e.event_id FROM events e WHERE e.doc_id IN (SELECT value FROM json_each(?)))"]
    params = [_json(docs)]
    if ids:
        where.append(
            "(c.source_id IN (SELECT value FROM json_each(?)) "
            "OR c.target_id IN (SELECT value FROM json_each(?)))"
        )
        params += [_json(ids), _json(ids)]
    rows = led.store.query(
        f"SELECT c.* FROM event_clusters c WHERE {' AND '.join(where)} "
        "ORDER BY c.reports DESC, COALESCE(c.date, ''), c.id",
        params,
    )
    rows = [m for m in rows if after(m.get("date"))][:MAX_LINES]
    reports: dict[str, list[dict]] = {}
    for r in led.store.query(
        'SELECT e.event_id, e.text, e.start, e."end", e.doc_id, d.name AS doc_name, d.outlet, d.published '
        "FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE e.event_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY d.published, d.name, e.start",
        (_json(m["id"] for m in rows),),
    ):
        reports.setdefault(r["event_id"], []).append(r)
    out = []
    for m in rows:
        who = " → ".join(x for x in (m.get("source_name"), m.get("target_name")) if x)
        line = (
            f"{m.get('date') or 'undated'}: {m['type']} {who} "
            f"({m['reports']} report{'s' if m['reports'] != 1 else ''})"
        )
        cites = [b.cite(r, sentence(led, "events", r)) for r in reports.get(m["id"], [])]
        out.append((line, list(dict.fromkeys(cites))))
    return out


def _statements(b: Brief, led, docs, ids, since) -> list[tuple[str, list[int]]]:
    """The first statements in scope (said by one of ``ids`` for an actor), filtered in SQL."""
    where, params = ["q.doc_id IN (SELECT value FROM json_each(?))"], [_json(docs)]
    if ids:
        where.append("q.speaker_id IN (SELECT value FROM json_each(?))")
        params.append(_json(ids))
    if since:
        where.append("COALESCE(q.date, d.published, '') >= ?")
        params.append(since)
    rows = led.store.query(
        "SELECT q.id, q.doc_id, q.start, q.text, q.speaker_name, q.date, d.name AS doc_name, d.outlet, "
        f"d.published FROM quotes q JOIN documents d ON d.id = q.doc_id WHERE {' AND '.join(where)} "
        f"ORDER BY q.sort_date, d.name, q.start LIMIT {MAX_LINES}",
        params,
    )
    stance = {
        (s["doc_id"], s["start"]): s["stance"]
        for s in led.store.query(
            "SELECT doc_id, start, stance FROM stances WHERE record = 'quote' "
            "AND doc_id IN (SELECT value FROM json_each(?))",
            (_json({q["doc_id"] for q in rows}),),
        )
    }
    out = []
    for q in rows:
        side = stance.get((q["doc_id"], q["start"]))
        tag = f" [{side}]" if side else ""
        out.append(
            (
                f"{q.get('speaker_name') or 'unknown speaker'}{tag}: “{q['text']}”",
                [b.cite(q, sentence(led, "quotes", q))],
            )
        )
    return out


def _contradictions(b: Brief, led, docs) -> list[tuple[str, list[int]]]:
    out = []
    for c in led.contradictions():
        sides = c["sides"]
        if not docs & {s["doc_id"] for s in sides}:
            continue
        vals = " vs ".join(str(v) for v in c["values"])
        out.append(
            (
                f"{c.get('subject_name') or c['subject']}, {c['predicate']}: {vals}",
                list(dict.fromkeys(b.cite(s, s.get("sentence")) for s in sides)),
            )
        )
    return out[:MAX_LINES]


def _framing(led, docs) -> list[tuple[str, list[int]]]:
    names = {
        r["outlet"] or r["name"]
        for r in led.store.query(
            "SELECT outlet, name FROM documents WHERE id IN (SELECT value FROM json_each(?))", (_json(docs),)
        )
    }
    return [
        (f"{r['outlet']}, {r['concept']}: {', '.join(r['terms'])}", [])
        for r in led.framing()
        if r["outlet"] in names
    ][:MAX_LINES]


# ------------------------------------------------------------------ rendering
def to_markdown(b: Brief) -> str:
    out = [
        f"# Brief: {b.title}",
        "",
        f"Assembled from the ledger ({b.scope}); every line cites its sources.",
        "",
    ]
    for heading, lines in b.sections:
        out += [f"## {heading}", ""]
        out += [f"- {text}{''.join(f'[^{n}]' for n in notes)}" for text, notes in lines] or [
            "- nothing in the ledger"
        ]
        out.append("")
    out += [f"[^{i}]: {n.outlet}, {n.doc}, {n.published}: “{n.sentence}”" for i, n in enumerate(b.notes, 1)]
    return "\n".join(out) + "\n"


def html_body(b: Brief, *, heading: bool = True) -> str:
    """The brief's sections and sources as HTML, without page or style (the web UI wraps it)."""
    e = html.escape
    parts = [
        f"<h1>Brief: {e(b.title)}</h1>" if heading else "",
        f"<p class='scope'>Assembled from the ledger ({e(b.scope)}); every line cites its sources.</p>",
    ]
    for heading, lines in b.sections:
        items = (
            "".join(
                f"<li>{e(text)}" + "".join(f"<sup><a href='#n{n}'>{n}</a></sup>" for n in notes) + "</li>"
                for text, notes in lines
            )
            or "<li class='none'>nothing in the ledger</li>"
        )
        parts.append(f"<h2>{e(heading)}</h2><ul>{items}</ul>")
    notes = "".join(
        f"<li id='n{i}'>{e(n.outlet)}, <i>{e(n.doc)}</i>, {e(n.published)}: “{e(n.sentence)}”</li>"
        for i, n in enumerate(b.notes, 1)
    )
    parts.append(f"<h2>Sources</h2><ol class='notes'>{notes}</ol>")
    return "".join(parts)


def to_html(b: Brief) -> str:
    """A standalone page (for a file or for printing to PDF)."""
    e = html.escape
    style = (
        "body{font:11pt/1.45 Georgia,serif;max-width:46em;margin:2em auto;color:#222}"
        "h1{font-size:18pt}h2{font-size:13pt;border-bottom:1px solid #ccc}"
        ".scope,.none{color:#666}ol.notes{font-size:9pt}sup a{text-decoration:none}"
    )
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Brief: "
        f"{e(b.title)}</title><style>{style}</style></head><body>{html_body(b)}"
        "</body></html>"
    )


def to_pdf(b: Brief, out: str | Path, *, chromium: str | None = None) -> Path:
    """The HTML brief printed to PDF by headless Chromium (a real layout engine)."""
    exe = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise ExportError(
            "PDF needs Chromium (apt-get install chromium); or use --format html and print it",
            code="NL-BRIEF-PDF",
        )
    out = Path(out).resolve()
    with tempfile.TemporaryDirectory() as d:
        page = Path(d) / "brief.html"
        page.write_text(to_html(b), encoding="utf-8")
        run = subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                f"--user-data-dir={d}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={out}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    if not out.exists() or out.stat().st_size == 0:
        raise ExportError(
            f"Chromium did not write the PDF ({run.stderr.strip()[-200:]})", code="NL-BRIEF-PDF"
        )
    return out
