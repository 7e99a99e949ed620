# Tasks for developers (see CONTRIBUTING.md). Every target runs from the project root.
PYTHON ?= python3

.PHONY: help install test test-fast e2e lint format typecheck check i18n validate eval bench wheel

help:  ## this list
	@grep -E '^[a-z0-9-]+:.*## ' Makefile | sed 's/:.*## /\t/'

install:  ## the package, editable, with the test and developer tools (needs node/npm for the emulator)
	pip install -e ".[test,dev]" && npm ci --no-audit --no-fund

test:  ## the whole suite, as CI runs it (about 7 minutes)
	$(PYTHON) -m pytest

test-fast:  ## unit tests only, no emulator, no wheel build (about 1.5 minutes)
	$(PYTHON) -m pytest -m "not e2e and not slow"

e2e:  ## the end-to-end tests against the Telegram emulator
	$(PYTHON) -m pytest -m e2e

lint:  ## ruff: lint and formatting check
	ruff check . && ruff format --check .

format:  ## ruff: fix what can be fixed and format
	ruff check --fix . && ruff format .

typecheck:  ## mypy: strict for bot/core, checked for the rest
	mypy

check: lint typecheck test-fast  ## before a commit

i18n:  ## extract the interface strings and merge them into every catalog
	scripts/i18n.sh extract && scripts/i18n.sh update

validate:  ## the knowledge gate, strict (warnings fail too)
	equality-bot validate --strict

eval:  ## the project's question set and the CI gate
	equality-bot eval

bench:  ## the benchmarks (figures printed, not asserted)
	$(PYTHON) bench/bench_matching.py && $(PYTHON) bench/bench_crisis.py && $(PYTHON) bench/bench_storage.py && $(PYTHON) bench/bench_startup.py

wheel:  ## a wheel with the knowledge, catalogs and question set inside (dist/)
	pip wheel --no-deps --wheel-dir dist .
