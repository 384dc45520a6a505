# fakeinvest developer tasks. Needs only python3 (3.11+) on PATH.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DATA   ?= ../shared/data/pages.jsonl.gz ../shared/data/supplement/supplement.jsonl.gz
LISTS  ?= ../shared/data/lists

.PHONY: help venv install dev demo test lint train clean

help:
	@echo "make demo   - create $(VENV), install fakeinvest, scan the example sites offline"
	@echo "make test   - create/update $(VENV) with the dev extra, run lint and the test suite"
	@echo "make train  - retrain the shipped model on $(DATA), gated by models/gate.json"
	@echo "              (writes models/ only if it passes; TRAIN_ARGS=--allow-regression to force)"

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel

$(VENV)/.installed: $(VENV)/bin/python setup.cfg pyproject.toml
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/bin/python setup.cfg pyproject.toml
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.installed-dev

demo: $(VENV)/.installed
	$(VENV)/bin/fakeinvest demo

lint: dev
	$(VENV)/bin/ruff check fakeinvest tests benchmarks tools

test: dev lint
	$(PY) -m pytest -q

train: dev
	$(VENV)/bin/fakeinvest train $(addprefix --data ,$(DATA)) --lists $(LISTS) --out models $(TRAIN_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
