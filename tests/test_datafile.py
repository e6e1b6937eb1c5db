"""load_yaml: the fast loader reads the package's rule files as yaml.safe_load does."""

from pathlib import Path

import yaml

from newsledger.datafile import load_yaml

PACKAGE = Path(__file__).resolve().parents[1] / "newsledger"


def test_same_data_as_safe_load_on_every_package_yaml():
    files = sorted(PACKAGE.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text("utf-8")
        assert repr(load_yaml(text)) == repr(yaml.safe_load(text)), path


def test_scalars_resolve_as_yaml_1_1():
    text = "a: 1\nb: 1.5\nc: yes\nd: null\ne: 2021-04-24\nf: 'x'\n"
    assert load_yaml(text) == yaml.safe_load(text)
    assert load_yaml(text)["c"] is True and load_yaml(text)["d"] is None
