# Two commands do all the set-up: `make run` and `make test` create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run claims test bench gold clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The reader on the bundled Bamako story.
run: $(STAMP)
	$(BIN)/sahel-reader

claims: $(STAMP)
	$(BIN)/sahel-reader claims

test: $(STAMP)
	$(BIN)/python -m pytest -q

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
