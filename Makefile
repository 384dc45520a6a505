# fakeinvest developer tasks. Needs only python3 (3.11+) on PATH.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DATA   ?= ../shared/data/pages.jsonl.gz ../shared/data/supplement/supplement.jsonl.gz
LISTS  ?= ../shared/data/lists

.PHONY: help venv install dev browser demo test lint train clean

help:
	@echo "make demo   - create $(VENV), install fakeinvest, scan the example sites offline"
	@echo "make test   - create/update $(VENV) with the dev extra, install Chromium when root,"
	@echo "              run lint and the test suite"
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

# Rendered scanning needs a Chromium executable; Playwright (dev extra) drives it. As root
# with apt-get (CI), install Debian's package; elsewhere the browser tests skip, saying why.
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	    || [ -n "$$FAKEINVEST_CHROMIUM" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium (apt-get)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	    || echo "chromium could not be installed: the browser tests will skip"; \
	else echo "no chromium and no root apt-get: the browser tests will skip"; fi

test: dev lint browser
	$(PY) -m pytest -q

train: dev
	$(VENV)/bin/fakeinvest train $(addprefix --data ,$(DATA)) --lists $(LISTS) --out models $(TRAIN_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
