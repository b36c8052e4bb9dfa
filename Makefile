# The two commands of the README: `make run` and `make test`. Each creates .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DIR ?=

.PHONY: run test lint bench screenshot clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/evidence-desk --demo $(if $(DEMO_DIR),--library "$(DEMO_DIR)")

lint: $(STAMP)
	$(BIN)/ruff check kb ui tests bench
	$(BIN)/lint-imports

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/search_bench.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/evidence-desk --demo --screenshot docs/screenshot.png

clean:
	rm -rf $(VENV) build *.egg-info
