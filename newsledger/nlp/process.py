"""Run the spaCy pipeline and the extraction stages over articles, in one or more processes.

With one worker and ``overlap=True``, spaCy parses in a child process while
this one runs the stages on (and stores) the batch parsed before, so the
parse no longer waits for the rest nor the rest for it. The Doc comes back
as spaCy serialises it for its own multiprocessing (every token annotation,
entity kb ids and sentence starts included; not the tok2vec tensor, which
no stage reads), at ~2 ms per article each way. It pays only where a second
core is free: on a busy machine the two processes slow each other down, so
it is off by default (docs/performance.md). A single batch, or a platform
without fork, is parsed in-process.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain

from spacy.tokens import Doc

from newsledger.errors import Problem
from newsledger.extract import stage_modules
from newsledger.extract.base import Extraction, remember_text
from newsledger.ingest.boilerplate import mask
from newsledger.nlp.bounded import PARSE_TIMEOUT, defuse, parse, parse_one
from newsledger.nlp.pipeline import load
from newsledger.records import Article

BATCH_SIZE = 32
# Seconds of extraction per article after which the stages still to run are
# skipped: the article is stored with what finished and an NL-EXTRACT-TIMEOUT
# problem naming the stage (docs/performance.md). $NEWSLEDGER_TIME_BUDGET sets it.
DEFAULT_BUDGET = 10.0
BUDGET_ENV = "NEWSLEDGER_TIME_BUDGET"
TIMEOUT = "NL-EXTRACT-TIMEOUT"
_worker_model: str | None = None
_worker_budget: float | None = None
_deadline = threading.local()  # read by run_stages, whose signature Ray's fault hook keeps


def default_budget() -> float:
    try:
        return float(os.environ.get(BUDGET_ENV) or DEFAULT_BUDGET)
    except ValueError:
        return DEFAULT_BUDGET


def run_stages(doc, ex: Extraction) -> Extraction:
    """The extraction stages in order, stopping before a stage once the deadline
    has passed; the skipped stages are named in ``ex.doc_updates["problems"]``."""
    deadline = getattr(_deadline, "at", None)
    for mod in stage_modules():
        if deadline is not None and time.monotonic() > deadline:
            stage = "parse" if doc.user_data.get(PARSE_TIMEOUT) else mod.NAME
            problem = {
                "code": TIMEOUT,
                "stage": stage,
                "message": f"the time budget ran out before the {stage!r} stage; "
                "the stages before it were stored, it and those after it "
                f"were skipped (raise ${BUDGET_ENV} to allow more)",
            }
            ex.doc_updates.setdefault("problems", []).append(problem)
            break
        ex.add(mod.extract(doc, ex))
        ex.versions[mod.NAME] = mod.VERSION
    return ex


# The first article of a process loads what the stages load on first use (lexicons,
# the knowledge base, name tables: seconds); it is exempt from the budget, so that
# loading never counts against an article. A warm-up text instead would cost every
# process those seconds even where no article needs them.
_first_done = False


def _extract(article: Article, doc, text: str, budget: float | None = None) -> Extraction | Problem:
    """Run the stages on the Doc made from ``text`` (the article, boilerplate blanked)."""
    remember_text(doc, defuse(text))  # what the Doc was made from, offsets unchanged
    global _first_done
    budget = default_budget() if budget is None else budget
    _deadline.at = time.monotonic() + budget if budget > 0 and _first_done else None
    if doc.user_data.get(PARSE_TIMEOUT):
        _deadline.at = time.monotonic() - 1  # parsing used the budget: no stage runs
    try:
        ex = run_stages(doc, Extraction(article, doc)).detached()
        _first_done = True
        return ex
    except Exception as e:  # a bug in one stage must not stop the batch
        return Problem(
            article.source or article.name,
            article.source_line,
            "NL-EXTRACT-FAILED",
            f"extraction failed ({type(e).__name__}: {e}); the article was not stored, "
            "please report this with the article",
        )
    finally:
        _deadline.at = None


def timeouts(ex: Extraction) -> list[dict]:
    """The NL-EXTRACT-TIMEOUT problems of an extraction (empty when every stage ran)."""
    return [p for p in ex.doc_updates.get("problems", ()) if p.get("code") == TIMEOUT]


def _one(article: Article):
    nlp = load(_worker_model)
    text = mask(article.text, article.excluded)
    budget = default_budget() if _worker_budget is None else _worker_budget
    return article, _extract(article, parse_one(nlp, text, budget), text, budget)


def _init(model: str, budget: float | None = None) -> None:
    global _worker_model, _worker_budget
    _worker_model, _worker_budget = model, budget
    load(model)


def analyse(
    articles: Iterable[Article],
    model: str,
    *,
    workers: int = 1,
    overlap: bool = False,
    budget: float | None = None,
) -> Iterator[tuple[Article, Extraction | Problem]]:
    """(article, extraction) pairs in input order. Excluded spans are blanked, not cut.

    ``workers`` spaCy processes parse; with one, everything runs in this
    process unless ``overlap`` asks for a parsing child (see the module doc).
    ``budget``: seconds of extraction per article (default: ``default_budget()``)."""
    budget = default_budget() if budget is None else budget
    if workers <= 1:
        yield from (_overlapped(articles, model, budget) if overlap else _in_process(articles, model, budget))
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(model, budget)) as pool:
        # Batches are read in this thread: the input may read from the store,
        # whose connection belongs to this thread, not to the pool's feeder.
        for batch in _batches(articles, BATCH_SIZE * workers):
            yield from pool.imap(_one, batch, chunksize=2)


def _in_process(articles: Iterable[Article], model: str, budget: float | None = None):
    nlp = load(model)
    masked = ((mask(a.text, a.excluded), a) for a in articles)
    stream = ((text, (a, text)) for text, a in masked)
    for doc, (article, text) in parse(nlp, stream, batch_size=BATCH_SIZE, budget=budget):
        yield article, _extract(article, doc, text, budget)


def _overlapped(articles: Iterable[Article], model: str, budget: float | None = None):
    """One parsing child, one batch ahead of the stages run here (see the module doc)."""
    batches = _batches(articles, BATCH_SIZE)
    head = [b for b in (next(batches, None), next(batches, None)) if b is not None]
    if len(head) < 2 or "fork" not in mp.get_all_start_methods():
        yield from _in_process(chain.from_iterable(chain(head, batches)), model, budget)
        return
    nlp = load(model)
    with mp.get_context("fork").Pool(1, initializer=_init, initargs=(model, budget)) as pool:
        pending: deque = deque()
        for batch in chain(head, batches):
            texts = [mask(a.text, a.excluded) for a in batch]
            pending.append((batch, texts, pool.apply_async(_parse, (texts,))))
            if len(pending) > 1:  # the child parses this batch while the last is extracted
                yield from _extracted(nlp, *pending.popleft(), budget)
        while pending:
            yield from _extracted(nlp, *pending.popleft(), budget)


def _parse(texts: list[str]) -> list[tuple[bytes, bool]]:
    nlp = load(_worker_model)
    return [
        (doc.to_bytes(exclude=["tensor", "user_data"]), bool(doc.user_data.get(PARSE_TIMEOUT)))
        for doc, _ in parse(nlp, ((t, None) for t in texts), batch_size=BATCH_SIZE, budget=_worker_budget)
    ]


def _extracted(nlp, batch: list[Article], texts: list[str], parsed, budget=None):
    for article, text, (data, timed_out) in zip(batch, texts, parsed.get()):
        doc = Doc(nlp.vocab).from_bytes(data)
        if timed_out:
            doc.user_data[PARSE_TIMEOUT] = True
        yield article, _extract(article, doc, text, budget)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
