"""analyse_ray against the in-process analyse, on one local Ray started once for the module."""

from __future__ import annotations

import io
import sys

import pytest

from newsledger.errors import Problem
from newsledger.ingest import make_article
from newsledger.nlp import distributed
from newsledger.nlp.distributed import FAULT_ENV, DistributedError, analyse_ray
from newsledger.nlp.process import analyse
from tests.conftest import TEST_MODEL

RAISE, EXIT = "Zebulon-raise-marker", "Zebulon-exit-marker"

TEXTS = [
    "Ferry talks resume\n\nThe port authority said on Monday that ferries would sail again. "
    '"We will reopen the northern quay within a week," said Omar Nasser, the harbour master.\n',
    "Council vote delayed\n\nThe city council of Lyon postponed its budget vote until 3 March "
    "2025, a spokeswoman told reporters on Friday.\n",
    'Mine strike ends\n\nMiners in Potosi ended a two-week strike on Tuesday. "The deal is fair," '
    "union leader Ana Quispe said, adding that wages would rise by 8 percent.\n",
    "Bridge reopens\n\nThe Tamar bridge reopened to traffic yesterday after repairs, the "
    "highways agency said in a statement.\n",
]


def _articles(texts, prefix="art"):
    return [
        make_article(t, f"{prefix}{i}", fmt="txt", source=f"{prefix}{i}.txt") for i, t in enumerate(texts)
    ]


def _records(ex):
    return (
        sorted(ex.entities.items()),
        ex.mentions,
        ex.timexes,
        ex.quotes,
        ex.events,
        ex.claims,
        ex.versions,
        ex.doc_updates,
    )


@pytest.fixture(scope="module")
def ray_local():
    """One local Ray for the module; analyse_ray joins it (and leaves it running).

    The fault markers reach the worker processes through the environment the
    raylet inherits at start; the fixture texts never contain them."""
    ray = pytest.importorskip("ray")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(FAULT_ENV, f"raise:{RAISE},exit:{EXIT}")
        distributed._connect(ray, "local", 2)
    yield ray
    ray.shutdown()


def test_same_records_in_the_same_order_as_in_process(ray_local):
    arts = _articles(TEXTS)
    local = list(analyse(arts, TEST_MODEL))
    remote = list(analyse_ray(arts, TEST_MODEL, actors=2, batch_size=1))
    assert [a.name for a, _ in remote] == ["art0", "art1", "art2", "art3"]
    assert [a is b for (a, _), b in zip(remote, arts)] == [True] * 4
    assert all(ex.doc is None for _, ex in remote)  # detached: no spaCy Doc comes back
    assert all(ex.article is a for a, ex in remote)  # nor the text: the driver's article
    assert [_records(ex) for _, ex in remote] == [_records(ex) for _, ex in local]
    assert any(ex.quotes for _, ex in remote) and any(ex.timexes for _, ex in remote)


def test_failures_are_problems_in_place_and_the_batch_goes_on(ray_local):
    """A stage that raises costs its article (NL-EXTRACT-FAILED); a worker that dies
    loses the batch, which is retried article by article: the article that kills
    it again is reported (NL-RAY-FAILED), the others are stored, none is dropped."""
    texts = [TEXTS[0], TEXTS[1] + f"Filed as {RAISE}.\n", TEXTS[3] + f"Filed as {EXIT}.\n", TEXTS[2]]
    out = list(analyse_ray(_articles(texts), TEST_MODEL, actors=1, batch_size=4))
    assert [a.name for a, _ in out] == ["art0", "art1", "art2", "art3"]
    codes = [r.code if isinstance(r, Problem) else "ok" for _, r in out]
    assert codes == ["ok", "NL-EXTRACT-FAILED", "NL-RAY-FAILED", "ok"]
    assert out[1][1].path == "art1.txt" and "injected fault" in out[1][1].message
    assert "failed twice" in out[2][1].message and "ingest it again" in out[2][1].message
    assert out[3][1].quotes and out[3][1].article is out[3][0]


def test_input_is_read_at_most_max_in_flight_batches_ahead(ray_local):
    produced = 0

    def source():
        nonlocal produced
        for i in range(14):
            produced += 1
            yield make_article(f"Item {i}. Rain fell on Tuesday.", f"n{i}", fmt="txt", source="n")

    ahead = []
    for consumed, (article, _) in enumerate(
        analyse_ray(source(), TEST_MODEL, actors=1, batch_size=2, max_in_flight=2), 1
    ):
        ahead.append(produced - consumed)
    assert consumed == 14 and produced == 14
    assert max(ahead) <= 2 * 2  # never more than max_in_flight batches unread
    assert ahead[0] == 3  # but it does read ahead: 2 batches at the first result


def test_more_actors_than_cpus_is_an_error_with_a_code(ray_local):
    with pytest.raises(DistributedError) as e:
        list(analyse_ray(_articles(TEXTS[:1]), TEST_MODEL, actors=3))
    assert e.value.code == "NL-RAY-CONFIG" and "--workers" in e.value.message


def test_ledger_ingest_on_ray_stores_the_same(ray_local, tmp_path):
    from newsledger import Ledger
    from newsledger.export import export

    folder = tmp_path / "in"
    folder.mkdir()
    for i, t in enumerate(TEXTS[:3]):
        (folder / f"story{i}.txt").write_text(t, encoding="utf-8")

    def dump(led):
        out = io.StringIO()
        export(led.store, "eval", out)
        return out.getvalue()

    plain, on_ray = (Ledger(tmp_path / f"{n}.db", model=TEST_MODEL) for n in ("plain", "ray"))
    rep = plain.ingest([str(folder)])
    assert (rep.stored, rep.problems) == (3, [])
    rep = on_ray.ingest([str(folder)], ray="local", workers=1)
    assert (rep.stored, rep.problems) == (3, [])
    assert dump(on_ray) == dump(plain) and dump(plain).count("\n") == 3
    rep = plain.reprocess(only_stale=False, ray="local", workers=1)  # reads the store meanwhile
    assert (rep.reprocessed, rep.problems) == (3, [])
    assert dump(plain) == dump(on_ray)
    plain.close()
    on_ray.close()


def test_without_ray_installed_the_error_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    with pytest.raises(DistributedError) as e:
        analyse_ray([], TEST_MODEL)
    assert e.value.code == "NL-RAY-MISSING" and "requirements/distributed.txt" in e.value.message
    from newsledger.cli import main

    story = tmp_path / "s.txt"
    story.write_text(TEXTS[3], encoding="utf-8")
    assert (
        main(["--db", str(tmp_path / "l.db"), "ingest", "--model", TEST_MODEL, "--ray", "local", str(story)])
        == 2
    )
