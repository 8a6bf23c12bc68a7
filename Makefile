# The two commands a new machine needs: `make run` (demo) and `make test` (whole suite).
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
# The demo's public address (certificate PDFs, e-mails): where `make run` serves, unless SITE_URL
# is given. Served on every interface (0.0.0.0 or [::]) it stays empty: links follow each request.
SITE_URL ?= $(if $(filter 0.0.0.0:% [::]:%,$(HOST)),,http://$(HOST))
PYTEST_ARGS ?=
# BROWSER=0 skips the browser tests, on purpose; without it they run, or the suite fails.
BROWSER ?= 1

.PHONY: run run-preflight system-test test test-postgres install install-dev install-ralph install-bench bench bench-cluster cluster demo lint messages messages-check clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.12 or newer is needed") if sys.version_info < (3, 12) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## Ralph, the Learning Record Store of the xAPI tests (tests/xapi/), in .venv-ralph of its own.
install-ralph: | $(BIN)/python
	scripts/install-ralph $(PYTHON)

## Set up and serve the demo on http://$(HOST) (Wagtail admin at /admin/).
## Before anything is set up: the system packages the demo needs, and a free address.
run-preflight:
	scripts/system-packages run
	$(PYTHON) scripts/port-free $(HOST)

run: run-preflight install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	SITE_URL='$(SITE_URL)' $(BIN)/python manage.py runserver $(HOST)

## Load (or refresh) the demo content without serving.
demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

## What the suite needs from the system (Chromium, Pango, fonts, gettext): installed when
## missing and we may, else one message naming the command. BROWSER=0 leaves Chromium out.
system-test:
	scripts/system-packages $(if $(filter 0,$(BROWSER)),nobrowser,test)

## The whole test suite, browser tests included.
test: system-test install-dev install-ralph
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=cms.settings.test
	BROWSER=$(BROWSER) $(BIN)/python -m pytest $(PYTEST_ARGS)

## The same suite against the local PostgreSQL.
test-postgres: system-test install-dev install-ralph
	BROWSER=$(BROWSER) DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest $(PYTEST_ARGS)

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[bench]"
	touch $@

install-bench: $(VENV)/.installed-bench

## Benchmarks (not part of `make test`; under 20 minutes): makes or reuses the province-scale
## data set in bench/*.sqlite3 (or DATABASE_URL), prints the table, writes its database's part of bench/results.json.
## BENCH_ARGS="--scale 0.01" for a quick run while developing.
BENCH_ARGS ?=
bench: install-bench
	scripts/system-packages bench
	$(BIN)/python -m bench.run $(BENCH_ARGS)
	$(MAKE) bench-cluster

## The cluster under load and losing parts of it under load (bench/cluster_bench.py, about 8
## minutes): throughput through HAProxy with one app server vs two, then an app server killed,
## PostgreSQL restarted and Redis stopped mid-load, every acknowledged answer checked in the
## database. On a PostgreSQL cluster (port 5440) and a Redis (port 6390) of its own, so the
## machine's shared servers are never restarted. Section "cluster" of bench/results.json.
BENCH_CLUSTER_ARGS ?=
bench-cluster: install-bench
	scripts/system-packages cluster
	$(BIN)/python -m bench.cluster_bench $(BENCH_CLUSTER_ARGS)

## Several app servers on this machine: HAProxy in front of two gunicorn instances on PostgreSQL
## (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/bench_cluster, created when missing,
## with the bench data set) and Redis (REDIS_URL), two task workers, one shared media folder.
## Prints the address (CLUSTER_PORT, default 8080); Ctrl-C stops it all. docs/deployment.md.
CLUSTER_ARGS ?=
cluster: install-bench
	scripts/system-packages cluster
	$(BIN)/python -m bench.cluster $(CLUSTER_ARGS)

## Lint: ruff (rules and formatting), and the layers of docs/architecture.md (import-linter).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

## Regenerate the Dutch catalogue after changing strings, then translate and run this again.
messages: install-dev
	$(BIN)/python manage.py makemessages -l nl --no-obsolete --no-location --ignore=.venv --ignore=.venv-ralph --ignore=static --ignore=media --ignore=tests
	$(BIN)/python manage.py compilemessages -l nl --ignore=.venv --ignore=.venv-ralph

## Fails when a translatable string was added or changed without updating locale/nl.
messages-check: install-dev
	$(BIN)/python manage.py makemessages -l nl --no-obsolete --no-location --ignore=.venv --ignore=.venv-ralph --ignore=static --ignore=media --ignore=tests
	git diff --exit-code -I '^"POT-Creation-Date' -- locale/ || { echo "Run 'make messages' and translate the new strings."; exit 1; }

clean:
	rm -rf $(VENV) .venv-ralph static media db.sqlite3
