"""Run parsing and extraction on a Ray cluster, when a corpus outgrows one machine.

``analyse_ray`` has the contract of ``newsledger.nlp.process.analyse``: it yields
``(article, Extraction | Problem)`` in input order. A pool of Ray actors, each
loading the spaCy model once, receives batches of articles; the caller (the
ledger) still writes SQLite, so the store keeps its single writer.

The input is read lazily, at most ``max_in_flight`` batches ahead of what the
caller has consumed, so a corpus of any size streams through in bounded memory.
A batch lost to a Ray error (a worker that died, a node that left) is retried
article by article; an article that fails again becomes a Problem
(NL-RAY-FAILED), never a silent gap.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsledger.errors import NewsledgerError, Problem
from newsledger.extract.base import Extraction
from newsledger.ingest.boilerplate import mask
from newsledger.nlp import process
from newsledger.nlp.bounded import parse
from newsledger.nlp.pipeline import load
from newsledger.records import Article

LOCAL = "local"
# Test-only fault injection, read by the actors, comma-separated: "raise:MARKER"
# makes the extraction of an article whose text contains MARKER fail inside the
# stages (-> NL-EXTRACT-FAILED), "exit:MARKER" kills the worker process holding
# it (-> a Ray error, a retry, then NL-RAY-FAILED). The environment is the one
# channel that reaches Ray worker processes, which monkeypatching cannot.
FAULT_ENV = "NEWSLEDGER_RAY_FAULT"
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class DistributedError(NewsledgerError):
    code = "NL-RAY"


def _import_ray():
    try:
        import ray
    except ImportError:
        raise DistributedError(
            "Ray is not installed in this environment; install it with "
            "`pip install -r requirements/distributed.txt` (or run without --ray)",
            code="NL-RAY-MISSING",
        ) from None
    return ray


def analyse_ray(
    articles: Iterable[Article],
    model: str,
    *,
    address: str | None = None,
    actors: int | None = None,
    batch_size: int = 32,
    max_in_flight: int | None = None,
) -> Iterator[tuple[Article, Extraction | Problem]]:
    """(article, extraction) pairs in input order, computed by Ray actors.

    ``address``: None or "local" starts a local Ray (shut down at the end);
    "auto" or "ray://host:port" joins a running cluster. If this process has
    already called ``ray.init``, that connection is used and left open.
    ``actors``: pool size (default: every CPU of the cluster).
    ``max_in_flight``: batches submitted but not yet consumed (default 2 per actor).
    """
    ray = _import_ray()  # fail now, not at the first next()
    if (
        batch_size < 1
        or (actors is not None and actors < 1)
        or (max_in_flight is not None and max_in_flight < 1)
    ):
        raise DistributedError(
            "batch_size, actors and max_in_flight must be at least 1", code="NL-RAY-CONFIG"
        )
    return _stream(ray, articles, model, address, actors, batch_size, max_in_flight)


def _stream(ray, articles, model, address, actors, batch_size, max_in_flight):
    started = _connect(ray, address, actors)
    pool = None
    try:
        pool = _Pool(ray, model, actors or _cluster_cpus(ray))
        yield from _ordered(pool, articles, batch_size, max_in_flight or 2 * pool.size)
    finally:
        if pool is not None:
            pool.close()
        if started:
            ray.shutdown()


def _connect(ray, address: str | None, actors: int | None) -> bool:
    """Start or join Ray; True when this call started it (and must stop it)."""
    if ray.is_initialized():
        return False
    if address in (None, LOCAL):
        with _pythonpath(_PACKAGE_ROOT):
            # address="local": a new instance, even where `ray start` runs a cluster.
            ray.init(
                address="local",
                num_cpus=actors or os.cpu_count() or 1,
                include_dashboard=False,
                logging_level="WARNING",
            )
        return True
    try:
        ray.init(address=address, logging_level="WARNING")
    except (ConnectionError, RuntimeError, ValueError) as e:
        raise DistributedError(
            f"cannot join the Ray cluster at {address!r} ({e}); start one with "
            "`ray start --head`, or use --ray local",
            code="NL-RAY-CONNECT",
        ) from None
    return False


@contextmanager
def _pythonpath(root: str):
    """Workers of a local Ray import newsledger from the tree this driver runs.

    The raylet started by ray.init inherits this environment and passes it to
    its workers; a runtime_env would do the same but costs seconds per start."""
    old = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, old) if p)
    try:
        yield
    finally:
        if old is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = old


def _cluster_cpus(ray) -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


class _Analyser:
    """A Ray actor: one spaCy pipeline, loaded once, for every batch it is sent."""

    def __init__(self, model: str):
        self.nlp = load(model)
        faults = dict(f.partition(":")[::2] for f in os.environ.get(FAULT_ENV, "").split(",") if f)
        self.exit_on = faults.get("exit")
        if faults.get("raise"):
            process.run_stages = _failing_stages(process.run_stages, faults["raise"])

    def ready(self) -> bool:
        return True

    def analyse(self, batch: list[Article]) -> list[Extraction | Problem]:
        texts = [mask(a.text, a.excluded) for a in batch]
        out = []
        docs = (d for d, _ in parse(self.nlp, ((t, None) for t in texts), batch_size=len(batch)))
        for article, text, doc in zip(batch, texts, docs):
            if self.exit_on and self.exit_on in article.text:
                os._exit(1)
            result = process._extract(article, doc, text)
            if isinstance(result, Extraction):
                result.article = None  # the driver has it: don't ship the text back
            out.append(result)
        return out


def _failing_stages(run_stages, marker: str):
    def run(doc, ex):
        if marker in ex.article.text:
            raise RuntimeError(f"injected fault ({FAULT_ENV})")
        return run_stages(doc, ex)

    return run


class _Pool:
    """Actors and their queue lengths; a batch goes to the least busy actor."""

    def __init__(self, ray, model: str, size: int):
        cpus = _cluster_cpus(ray)
        if size > cpus:
            raise DistributedError(
                f"{size} actors asked for, but the Ray cluster has {cpus} CPUs; lower --workers or add nodes",
                code="NL-RAY-CONFIG",
            )
        self.ray, self.size, self.model = ray, size, model
        # No Ray restarts or task retries: a dead actor is replaced here and its
        # lost batches are retried by _ordered, article by article, so that a
        # poison article is isolated and tried exactly twice.
        self.cls = ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)(_Analyser)
        self.actors = [self.cls.remote(model) for _ in range(size)]
        self.load = [0] * size
        try:
            ray.get([a.ready.remote() for a in self.actors])
        except ray.exceptions.RayError as e:
            self.close()
            raise DistributedError(
                f"the Ray workers could not load model {model!r} ({_cause(e)}); install "
                "newsledger and its models on every node",
                code="NL-RAY-WORKER",
            ) from None

    def submit(self, batch: list[Article]):
        i = min(range(self.size), key=self.load.__getitem__)
        self.load[i] += 1
        actor = self.actors[i]
        return i, actor, actor.analyse.remote(batch)

    def result(self, ticket) -> list:
        i, actor, ref = ticket
        try:
            return self.ray.get(ref)
        except self.ray.exceptions.RayActorError:
            if self.actors[i] is actor:  # the first of its lost calls replaces it
                self.ray.kill(actor)
                self.actors[i] = self.cls.remote(self.model)
            raise
        finally:
            self.load[i] -= 1

    def close(self) -> None:
        for a in self.actors:
            self.ray.kill(a)
        self.actors = []


def _ordered(pool: _Pool, articles: Iterable[Article], batch_size: int, max_in_flight: int):
    """Submit batches ahead of the consumer (at most max_in_flight) and yield in order."""
    source = iter(articles)
    pending: deque = deque()
    while True:
        while len(pending) < max_in_flight:
            batch = _take(source, batch_size)
            if not batch:
                break
            pending.append((batch, pool.submit(batch)))
        if not pending:
            return
        batch, ticket = pending.popleft()
        try:
            results = pool.result(ticket)
        except pool.ray.exceptions.RayError as e:
            results = _retry(pool, batch, e)
        for article, result in zip(batch, results):
            if isinstance(result, Extraction):
                result.article = article
            yield article, result


def _retry(pool: _Pool, batch: list[Article], first: Exception) -> list:
    """Each article of a lost batch once more, alone and one after the other: a
    poison article that kills its worker again then costs only itself."""
    out = []
    for article in batch:
        try:
            out.extend(pool.result(pool.submit([article])))
        except pool.ray.exceptions.RayError as e:
            out.append(
                Problem(
                    article.source or article.name,
                    article.source_line,
                    "NL-RAY-FAILED",
                    f"the Ray worker failed twice on this article ({_cause(first)}; then "
                    f"{_cause(e)}); it was not stored: check the worker logs "
                    "(/tmp/ray/session_latest/logs), then ingest it again",
                )
            )
    return out


def _cause(e: Exception) -> str:
    """One line of a Ray error: the remote exception of a task error (its last
    traceback line), else the first sentence (why the worker went away)."""
    lines = [ln.strip() for ln in str(e).strip().splitlines() if ln.strip()] or [""]
    if type(e).__name__.startswith("RayTaskError"):
        return lines[-1][:200]
    return f"{type(e).__name__}: {lines[0].split('. ')[0]}"[:200]


def _take(source: Iterator, n: int) -> list:
    batch = []
    for item in source:
        batch.append(item)
        if len(batch) >= n:
            break
    return batch
