"""Hypothesis settings for the property tests: seeded and derandomized, so a run is
repeatable; a few hundred cases each in `make test`, many more with
$NEWSLEDGER_FUZZ_EXAMPLES (`make fuzz`)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("NEWSLEDGER_FUZZ_EXAMPLES", "0") or 0)
settings.register_profile(
    "newsledger",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    max_examples=EXAMPLES or 300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("newsledger")


def examples(default: int) -> int:
    """A test's own number of cases (slow ones run fewer), raised by $NEWSLEDGER_FUZZ_EXAMPLES."""
    return EXAMPLES or default
