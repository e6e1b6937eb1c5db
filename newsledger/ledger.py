"""The Python API: ``Ledger`` is what the CLI, the REST API and the web UI call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsledger.errors import Problem, StoreError
from newsledger.extract import pipeline_version
from newsledger.ingest.readers import DEFAULT_MAX_BYTES, read_paths
from newsledger.nlp import DEFAULT_MODEL
from newsledger.nlp.process import analyse
from newsledger.records import Article, ExcludedSpan
from newsledger.store import Store

BATCH = 64  # articles read ahead and written per batch


@dataclass
class IngestReport:
    stored: int = 0  # new articles
    reprocessed: int = 0  # stored articles whose extractions were redone
    unchanged: int = 0  # already in the ledger (same text), left as they were
    stale: int = 0  # unchanged, but made by an older pipeline version
    problems: list[Problem] = field(default_factory=list)
    # stored, but some stages were skipped (NL-EXTRACT-TIMEOUT): never dropped, said so
    partial: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Ledger:
    """A ledger in one SQLite file: ``Ledger("news.db").ingest(["articles/"])``."""

    def __init__(self, path=None, *, model: str = DEFAULT_MODEL, read_only: bool = False):
        self.store = Store(path, read_only=read_only)
        self.model = model
        self._version: str | None = None

    @property
    def path(self) -> str:
        return self.store.path

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = pipeline_version(self.model)
        return self._version

    # ------------------------------------------------------------ ingest
    def ingest(
        self,
        paths: Iterable[str],
        *,
        reprocess: bool = False,
        workers: int | None = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        analyze: bool = True,
        overlap: bool = False,
        on_item: Callable[[Article | Problem], None] | None = None,
        ray: str | None = None,
    ) -> IngestReport:
        """Read, analyse and store articles; problems are reported, never raised.

        ``analyze=False`` leaves the cross-report tables (merged events,
        contradictions, stories) as they were: for a corpus loaded in many
        batches, call ``analyze()`` once after the last one. ``overlap=True``
        with one worker parses in a child process while this one extracts and
        stores: faster where a second core is free (docs/performance.md).
        ``ray`` ("local", "auto" or "ray://host:port") runs the NLP on Ray
        actors (``workers`` of them; None: every CPU of the cluster), see
        docs/distributed.md."""
        return self.ingest_items(
            read_paths(paths, max_bytes),
            reprocess=reprocess,
            workers=workers,
            analyze=analyze,
            overlap=overlap,
            on_item=on_item,
            ray=ray,
        )

    def ingest_items(
        self,
        items: Iterable[Article | Problem],
        *,
        reprocess: bool = False,
        workers: int | None = 1,
        analyze: bool = True,
        overlap: bool = False,
        on_item: Callable[[Article | Problem], None] | None = None,
        ray: str | None = None,
    ) -> IngestReport:
        """``ingest`` for articles already read (the paths' readers, or the REST API's
        POSTed list read with ``ingest.readers.read_jsonl``): selection, analysis, storage."""
        report = IngestReport()
        # Copies met while their first is still being parsed (the input is read
        # a batch or two ahead): their names are recorded once it is stored.
        late: dict[str, list[Article]] = {}
        todo = self._select(iter(items), reprocess, report, on_item, late)
        for article, result in self._analyse(todo, workers, ray, overlap):
            if isinstance(result, Problem):
                report.problems.append(result)
            else:
                fresh = not self.store.has(article.id)
                self._write(article, result)
                report.partial.extend(_timeouts(article, result))
                for copy in late.pop(article.id, []):
                    self.store.add_source(copy)
                report.stored += fresh
                report.reprocessed += not fresh
            if on_item:
                on_item(result if isinstance(result, Problem) else article)
        if analyze and (report.stored or report.reprocessed or self.analysis_stale()):
            self.analyze()  # cross-report tables follow the articles they derive from
        return report

    def reprocess(
        self,
        *,
        only_stale: bool = True,
        workers: int | None = 1,
        analyze: bool = True,
        overlap: bool = False,
        on_item=None,
        ray: str | None = None,
    ) -> IngestReport:
        """Re-run the extractors on stored articles (those of older versions by default)."""
        report = IngestReport()
        sql = "SELECT * FROM documents" + (" WHERE pipeline_version IS NOT ?" if only_stale else "")
        rows = self.store.query(sql, (self.version,) if only_stale else ())
        arts = (self._stored_article(r) for r in rows)
        for article, result in self._analyse(arts, workers, ray, overlap):
            if isinstance(result, Problem):
                report.problems.append(result)
            else:
                self._write(article, result)
                report.partial.extend(_timeouts(article, result))
                report.reprocessed += 1
            if on_item:
                on_item(article)
        if analyze and (report.reprocessed or self.analysis_stale()):
            self.analyze()
        return report

    def _write(self, article: Article, result) -> None:
        """Store one article, then apply the analysts' actor decisions to it and note
        the actors it possibly shares with the ledger (kb/decisions.py, kb/links.py)."""
        from newsledger.kb import decisions, links

        self.store.write(article, result, model=self.model, pipeline_version=self.version)
        decisions.apply_to_doc(self.store, article.id)
        links.link(self.store, article.id)

    def _select(self, items, reprocess, report, on_item, late=None) -> Iterator[Article]:
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Problem):
                report.problems.append(item)
                if on_item:
                    on_item(item)
                continue
            stored = self.store.pipeline_version(item.id)
            self.store.add_source(item)
            if item.id in seen or (stored is not None and not reprocess):
                if stored is None and late is not None:
                    late.setdefault(item.id, []).append(item)
                report.unchanged += 1
                report.stale += stored is not None and stored != self.version
                if on_item:
                    on_item(item)
                continue
            seen.add(item.id)
            yield item

    def _stored_article(self, row: dict) -> Article:
        excl = tuple(
            ExcludedSpan(**{k: r[k] for k in ("doc_id", "start", "end", "text", "reason")})
            for r in self.store.records("excluded_spans", row["id"])
        )
        keys = Article.__dataclass_fields__.keys()
        return replace(
            Article(id=row["id"], text=row["text"], name=row["name"]),
            **{k: row[k] for k in keys if k in row and k not in ("id", "text", "name")},
            excluded=excl,
        )

    def _analyse(self, articles, workers: int | None, ray: str | None, overlap: bool = False):
        """In this machine's processes, or on Ray actors when ``ray`` names a cluster."""
        if ray is None:
            return analyse(articles, self.model, workers=workers or 1, overlap=overlap)
        from newsledger.nlp.distributed import analyse_ray

        return analyse_ray(articles, self.model, address=ray, actors=workers)

    # ------------------------------------------------------------ reading
    def stats(self) -> dict:
        c = self.store.counts()
        c["stale"] = self.store.db.execute(
            "SELECT count(*) FROM documents WHERE pipeline_version IS NOT ?", (self.version,)
        ).fetchone()[0]
        return c

    def document(self, key: str) -> dict | None:
        return self.store.document(key)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        from newsledger.store.queries import quotes

        return quotes(self.store, speaker=speaker, search=search, since=since, until=until, limit=limit)

    def close(self) -> None:
        self.store.close()

    # --- issue 5: actors ---
    def actors(
        self,
        *,
        type: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        total: list | None = None,
        marked: bool = False,
    ) -> list[dict]:
        """Actors in the ledger (type: PERSON ORG GPE ... or a KB type), most mentioned first;
        a page of them with ``limit``/``offset`` (``total`` receives how many match); those
        an analyst marked wrong only with ``marked``."""
        from newsledger.kb.actors import list_actors

        return list_actors(
            self.store, type=type, search=search, limit=limit, offset=offset, total=total, marked=marked
        )

    def actor(self, name: str, budget: float | None = None) -> list[dict]:
        """Profiles of the actors a name stands for (any spelling, alias or id); with
        ``budget`` (seconds), counts that run past it are None (``kb.actors.profile``)."""
        from newsledger.kb.actors import find, profile

        return [profile(self.store, row, budget) for row in find(self.store, name)]

    # --- issue 6: events ---
    def events(self, *, include_unreal: bool = False, **filters) -> list[dict]:
        """Coded event mentions with their sentence and article; negated and
        hypothetical acts only with ``include_unreal``. ``filters`` are those of
        ``store.events_query.event_rows``: actor, type_, since, until, limit, offset,
        modes (factuality values), min_confidence, marked (include events an analyst
        marked wrong)."""
        from newsledger.store.events_query import event_rows

        return event_rows(self.store, include_unreal=include_unreal, **filters)

    def event_count(self, *, include_unreal: bool = False, **filters) -> int:
        """How many event mentions ``events`` would list (the same filters, no page)."""
        from newsledger.store.events_query import count_events

        return count_events(self.store, include_unreal=include_unreal, **filters)

    # --- issue 7: across reports ---
    def analysis_stale(self) -> bool:
        """Articles were written since the last finished cross-report pass (killed, or
        ``analyze=False`` batches): the next ingest, even of nothing new, runs it again."""
        from newsledger.analyze import stale

        return stale(self.store)

    def analyze(self, *, full: bool = False, blocks: str | None = None, progress=None) -> dict:
        """Bring stories, merged events, contradictions, stances and framing counts up to
        date: the blocks of the pending articles (``full``: every block, from scratch;
        ``blocks``: cut the ledger by "ledger", "year" or "month" from now on, redoing all)."""
        from newsledger.analyze import refresh

        return refresh(self.store, full=full, blocks=blocks, progress=progress)

    def stories(self) -> list[dict]:
        """Stories, largest first, each with its articles (and near-duplicates marked)."""
        out = self.store.query("SELECT * FROM stories ORDER BY size DESC, first_date, id")
        docs = self.store.query(
            "SELECT s.story_id, s.duplicate_of, s.similarity, d.id, d.name, "
            "d.outlet, d.published, d.title FROM story_docs s "
            "JOIN documents d ON d.id = s.doc_id ORDER BY d.published, d.name"
        )
        return _attach(out, docs, "story_id", "articles")

    def merged_events(self, *, min_reports: int = 1) -> list[dict]:
        """Merged real-world events with their number of reports and the reports."""
        out = self.store.query(
            "SELECT * FROM event_clusters WHERE reports >= ? ORDER BY COALESCE(date, '9999'), id",
            (min_reports,),
        )
        reps = self.store.query(
            'SELECT e.event_id, e.text, e.start, e."end", d.name AS doc_name, '
            "d.outlet, d.published FROM events e JOIN documents d "
            "ON d.id = e.doc_id ORDER BY d.published, d.name, e.start"
        )
        return _attach(out, reps, "event_id", "report_list")

    def contradictions(self) -> list[dict]:
        from newsledger.analyze.contradictions import stored

        return stored(self.store)

    def stance(self, actor: str, issue: str | None = None) -> list[dict]:
        from newsledger.analyze.stance import series

        return series(self.store, actor, issue)

    def framing(self) -> list[dict]:
        from newsledger.analyze.framing import by_outlet

        return by_outlet(self.store)

    def timeline(self, *, actor: str | None = None, story: str | None = None) -> list[dict]:
        from newsledger.analyze.timeline import build

        return build(self.store, actor=actor, story=story)

    # --- api ---
    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[int, list[dict]]:
        """(total, page) of articles without their text, newest first, with record counts."""
        from newsledger.api.queries import documents

        return documents(
            self.store, outlet=outlet, since=since, until=until, search=search, limit=limit, offset=offset
        )

    def article(self, key: str) -> dict | None:
        """One article (id, name or id prefix) with every record of it, by table."""
        from newsledger.api.queries import article

        return article(self.store, key)

    def actor_records(self, actor_id: str, *, limit: int | None = None) -> dict:
        """The quotes, events and stances of one actor id."""
        from newsledger.api.queries import actor_records

        return actor_records(self.store, actor_id, limit=limit)


def merge_ledgers(inputs: list[str], out: str, *, model: str = DEFAULT_MODEL) -> dict:
    """One ledger at ``out`` (new) from ``inputs`` (only read): articles deduplicated by
    content hash, actors unified, every analyst decision applied to every article,
    then the cross-report tables built. Returns counts."""
    from newsledger.kb.decisions import apply_to_doc, decisions
    from newsledger.store.merge import copy_ledgers

    if Path(out).exists():
        raise StoreError(f"{out} exists; give a new path for the merged ledger", code="NL-MERGE-EXISTS")
    led = Ledger(out, model=model)
    try:
        counts = copy_ledgers(inputs, led.store)
        # one ledger's corrections hold for the other's articles (applying twice changes nothing)
        if decisions(led.store):
            for (doc,) in led.store.db.execute("SELECT id FROM documents ORDER BY rowid").fetchall():
                apply_to_doc(led.store, doc)
        counts["analysis"] = led.analyze()
        return counts
    finally:
        led.close()


def _timeouts(article: Article, ex) -> list[Problem]:
    from newsledger.nlp.process import timeouts

    return [
        Problem(article.source or article.name, article.source_line, p["code"], p["message"])
        for p in timeouts(ex)
    ]


def _attach(parents: list[dict], children: list[dict], key: str, field: str) -> list[dict]:
    """Give each parent row the child rows whose `key` is its id, under `field`."""
    by_parent: dict[str, list[dict]] = {}
    for c in children:
        by_parent.setdefault(c[key], []).append(c)
    for p in parents:
        p[field] = by_parent.get(p["id"], [])
    return parents
