"""Reading the rule data files (yaml) that the stages load on first use."""

from __future__ import annotations

import yaml

# libyaml's parser builds the same data as PyYAML's pure-Python one (checked on every
# yaml file of the package) about nine times faster; the first article of an ingest
# pays for loading them. PyYAML built without libyaml falls back to the Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """``yaml.safe_load`` of ``text``, with libyaml when it is there."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
