"""kb/cache.py: the built knowledge base kept on disk, keyed by what it is built from."""

import pickle

from newsledger.kb import cache


def test_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"actors": ["a"]}

    assert cache.cached("kb", "k1", build) == {"actors": ["a"]}
    assert cache.cached("kb", "k1", build) == {"actors": ["a"]}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["kb-k1.pickle"]


def test_damaged_file_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, str(tmp_path))
    (tmp_path / "kb-k2.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cache.cached("kb", "k2", lambda: [1, 2]) == [1, 2]
    assert pickle.loads((tmp_path / "kb-k2.pickle").read_bytes()) == [1, 2]


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cached("kb", "k3", lambda: 3) == 3
    assert list(tmp_path.iterdir()) == []


def test_key_follows_user_file_contents_and_flags(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text("- id: X\n  name: Ex\n")
    first = cache.fingerprint(True, False, files=[str(user)])
    assert cache.fingerprint(True, False, files=[str(user)]) == first
    assert cache.fingerprint(True, True, files=[str(user)]) != first
    user.write_text("- id: X\n  name: Ex Two\n")
    assert cache.fingerprint(True, False, files=[str(user)]) != first


def test_old_variants_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, str(tmp_path))
    for i in range(cache.KEEP + 3):
        cache.cached("kb", f"v{i}", lambda: 0)
    assert len(list(tmp_path.glob("kb-*.pickle"))) == cache.KEEP
