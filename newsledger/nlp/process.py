"""Run the spaCy pipeline and the extraction stages over articles, in one or more processes."""
from __future__ import annotations

import multiprocessing as mp
from typing import Iterable, Iterator

from newsledger.errors import Problem
from newsledger.extract import run_stages
from newsledger.extract.base import Extraction
from newsledger.ingest.boilerplate import mask
from newsledger.nlp.pipeline import load
from newsledger.records import Article

BATCH_SIZE = 32
_worker_model: str | None = None


def _extract(article: Article, doc) -> Extraction | Problem:
    try:
        return run_stages(doc, Extraction(article, doc)).detached()
    except Exception as e:  # a bug in one stage must not stop the batch
        return Problem(article.source or article.name, article.source_line, "NL-EXTRACT-FAILED",
                       f"extraction failed ({type(e).__name__}: {e}); the article was not stored, "
                       "please report this with the article")


def _one(article: Article):
    nlp = load(_worker_model)
    return article, _extract(article, nlp(mask(article.text, article.excluded)))


def _init(model: str) -> None:
    global _worker_model
    _worker_model = model
    load(model)


def analyse(articles: Iterable[Article], model: str, *, workers: int = 1
            ) -> Iterator[tuple[Article, Extraction | Problem]]:
    """(article, extraction) pairs in input order. Excluded spans are blanked, not cut."""
    if workers <= 1:
        nlp = load(model)
        stream = ((mask(a.text, a.excluded), a) for a in articles)
        for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
            yield article, _extract(article, doc)
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init, initargs=(model,)) as pool:
        # Batches are read in this thread: the input may read from the store,
        # whose connection belongs to this thread, not to the pool's feeder.
        for batch in _batches(articles, BATCH_SIZE * workers):
            yield from pool.imap(_one, batch, chunksize=2)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
