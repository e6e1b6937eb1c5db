"""The install is reproducible: every distribution in the venv is pinned, and pins are closed.

A requirement reached through a dependency's extra (justext asks for lxml[html_clean]) once let
an old pip pick the newest release from the index instead of the pin. These tests fail when the
venv holds anything the requirement files do not pin at that exact version, or when a pinned
distribution asks (with the extras requested of it) for something the files do not pin.
"""

from __future__ import annotations

import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REQS = Path(__file__).resolve().parents[1] / "requirements"
# What `make install-dev` installs, in order; distributed.txt and tools.txt are separate venvs.
INSTALLED_FILES = ("pip.txt", "build.txt", "runtime.txt", "models.txt", "dev.txt")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?==([^\s\\;]+)")


def parse_pins(text: str) -> dict[str, tuple[str, frozenset[str]]]:
    """name -> (version, extras) for each `name[extras]==version` line of a requirement file."""
    pins: dict[str, tuple[str, frozenset[str]]] = {}
    for line in text.splitlines():
        m = PIN.match(line.strip())
        if m:
            extras = frozenset(canonicalize_name(e) for e in (m.group(2) or "").split(",") if e)
            pins[canonicalize_name(m.group(1))] = (m.group(3), extras)
    return pins


def unpinned_lines(text: str) -> list[str]:
    """Requirement lines that are not `==` pins with a hash (options and comments excepted)."""
    bad, joined = [], re.sub(r"\\\n\s*", " ", text)
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-")):
            continue
        if not PIN.match(line) or "--hash=sha256:" not in line:
            bad.append(line.split()[0])
    return bad


def missing_requirements(pins, requires_of) -> list[str]:
    """Requirements of pinned distributions (with their requested extras) not met by the pins."""
    env = default_environment()
    problems = []
    for name, (version, extras) in sorted(pins.items()):
        for spec in requires_of(name) or []:
            req = Requirement(spec)
            if req.marker and not any(req.marker.evaluate({**env, "extra": e}) for e in (extras or {""})):
                continue
            dep = canonicalize_name(req.name)
            if dep not in pins:
                problems.append(f"{name} needs {spec}: not pinned")
            elif not req.specifier.contains(pins[dep][0], prereleases=True):
                problems.append(f"{name} needs {spec}: pinned {pins[dep][0]}")
            elif set(map(canonicalize_name, req.extras)) - pins[dep][1]:
                problems.append(f"{name} needs {spec}: extras not pinned on {dep}")
    return problems


def test_parse_pins_reads_extras_and_versions():
    text = "lxml[html-clean]==6.1.3 \\\n    --hash=sha256:ab\nfoo==1.0 \\\n    --hash=sha256:cd\n"
    assert parse_pins(text) == {"lxml": ("6.1.3", frozenset({"html-clean"})), "foo": ("1.0", frozenset())}


def test_unpinned_lines_catch_ranges_and_missing_hashes():
    text = "a==1 \\\n    --hash=sha256:x\nb>=2\nc==3\n# comment\n--find-links x\n"
    assert unpinned_lines(text) == ["b>=2", "c==3"]


def test_missing_requirements_sees_an_extra_that_is_not_pinned():
    requires = {"justext": ["lxml[html_clean]>=4.4.2"], "lxml": ["lxml_html_clean; extra == 'html-clean'"]}
    pins = {"justext": ("3.0.2", frozenset()), "lxml": ("6.1.3", frozenset())}
    assert missing_requirements(pins, requires.get) == [
        "justext needs lxml[html_clean]>=4.4.2: extras not pinned on lxml"
    ]
    pins["lxml"] = ("6.1.3", frozenset({"html-clean"}))
    assert missing_requirements(pins, requires.get) == [
        "lxml needs lxml_html_clean; extra == 'html-clean': not pinned"
    ]
    pins["lxml-html-clean"] = ("0.4.6", frozenset())
    assert missing_requirements(pins, requires.get) == []


@pytest.mark.parametrize("name", sorted(p.name for p in REQS.glob("*.txt")))
def test_every_requirement_is_pinned_with_a_hash(name):
    assert unpinned_lines((REQS / name).read_text()) == []


def test_compiled_files_have_their_inputs():
    for txt in REQS.glob("*.txt"):
        if txt.name != "models.txt":  # hand-written: model wheels are installed with --no-deps
            assert txt.with_suffix(".in").exists(), txt.name


def _installed_pins():
    pins = {}
    for name in INSTALLED_FILES:
        pins.update(parse_pins((REQS / name).read_text()))
    return pins


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="checks the project venv only")
def test_every_installed_distribution_is_pinned_at_its_version():
    pins = _installed_pins()
    stray = []
    # Only what pip installed into the venv: Ray puts its own vendored copies (psutil,
    # setproctitle) on sys.path once imported, and those are Ray's, not the install's.
    site = {Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")}
    for dist in metadata.distributions(path=[str(p) for p in site]):
        name = canonicalize_name(dist.metadata["Name"])
        if name == "newsledger":
            continue
        if name not in pins or pins[name][0] != dist.version:
            stray.append(f"{name}=={dist.version} (pinned: {pins.get(name, ('none',))[0]})")
    assert stray == []


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="checks the project venv only")
def test_runtime_pins_are_closed_under_their_requirements_and_extras():
    pins = {}
    for name in ("pip.txt", "build.txt", "runtime.txt"):
        pins.update(parse_pins((REQS / name).read_text()))
    assert missing_requirements(pins, metadata.requires) == []
