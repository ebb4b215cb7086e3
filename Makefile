# Two commands do all the set-up: `make run` and `make test` create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run claims test bench gold clean

# What running needs, and no more: `make run` on a fresh clone does not wait for the test extras.
# An install with the test extras (`make test`) already holds it.
$(RUN_STAMP): pyproject.toml
	@if [ -f $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ]; then touch $@; else \
	  echo "Installing sahel-reader and what it needs to run into $(VENV) (once; pip is quiet, this takes a little while)…" \
	  && $(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet --disable-pip-version-check -e . \
	  && touch $@; fi

# Everything the tests need as well.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP) $(RUN_STAMP)

# The reader on the bundled Bamako story.
run: $(RUN_STAMP)
	@$(BIN)/sahel-reader

claims: $(RUN_STAMP)
	$(BIN)/sahel-reader claims

# In parallel (pytest-xdist), a worker more than the cores, the slowest tests first (tests/conftest.py).
# With bytecode written even where PYTHONDONTWRITEBYTECODE is set (as on this project's machines): otherwise
# every worker and every Python the tests start compiles the package again, and pytest rewrites its plugins.
test: $(STAMP)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -q -n auto

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

# Speed and memory against references measured in the same run; writes benchmarks/RESULTS.md.
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py

# The engine on the five hand-checked dev stories beside the checkout (../shared), ecb-24 held out.
gold: $(STAMP)
	$(BIN)/python scripts/dev_gold.py

clean:
	rm -rf $(VENV) build dist *.egg-info
