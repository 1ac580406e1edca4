# The two commands a newcomer needs: `make run` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# make test-postgres: CLAIMTRACK_TEST_DATABASE_URL when it is set, else the local `test` database;
# PG_TEST_URL=... on the command line overrides both.
PG_TEST_URL ?= $(or $(CLAIMTRACK_TEST_DATABASE_URL),postgresql://postgres@127.0.0.1:5432/test)

.PHONY: run test test-postgres test-semantic test-browser openapi bench install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Serve the API on http://127.0.0.1:8000 (SQLite under instance/, seed articles loaded).
run: $(STAMP)
	$(BIN)/claimtrack db upgrade
	$(BIN)/claimtrack seed
	$(BIN)/claimtrack serve --dev-key

## Run the whole test suite (SQLite; also PostgreSQL when CLAIMTRACK_TEST_DATABASE_URL is set).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## The same suite against the local PostgreSQL.
test-postgres: $(STAMP)
	CLAIMTRACK_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -q

## The semantic extra: its own venv (CPU torch from the local wheel) and its tests.
SEM := .venv-semantic
test-semantic:
	test -x $(SEM)/bin/python || $(PYTHON) -m venv $(SEM)
	$(SEM)/bin/python -m pip install --quiet --upgrade pip
	$(SEM)/bin/python -m pip install --quiet torch==2.13.0
	$(SEM)/bin/python -m pip install --quiet -e '.[test,semantic]'
	CLAIMTRACK_REQUIRE_SEMANTIC=1 HF_HUB_OFFLINE=1 $(SEM)/bin/python -m pytest -q -m semantic tests

## The headless-browser test (marked `browser`, left out of `make test`): /docs "Try it out" and
## cross-origin fetches in Debian's Chromium. Installs chromium and chromium-driver with apt-get
## when absent (needs root, as on CI) and selenium into .venv; fails, never skips, without them.
test-browser: $(STAMP)
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		chromium chromium-driver; }
	$(BIN)/python -m pip install --quiet -e '.[test,browser]'
	$(BIN)/python -m pytest -q -m browser tests/browser

## Regenerate openapi.yaml from the schemas.
openapi: $(STAMP)
	$(BIN)/claimtrack openapi

## Print the benchmark figures.
bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_disagree.py
	$(BIN)/python bench/bench_ingest.py

clean:
	rm -rf $(VENV) $(SEM) instance .pytest_cache
