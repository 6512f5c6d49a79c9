# The interface to the project: `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL the suite runs on a second time when it is reachable.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
# bench-load-pg creates (and drops) a database of its own on this server, connected through this database.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres

# Find Python 3.12+ even where the default python3 is older (pyenv installs count too).
define find_python
for candidate in python3.14 python3.13 python3.12 python3 \
    $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  if command -v "$$candidate" >/dev/null 2>&1 && \
     "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
    echo "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help install install-test install-semantic run migrate load-bank demo test test-sqlite test-postgres lint fmt bench bench-scoring bench-semantic bench-load bench-load-pg bench-faults browser clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-15s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	@python=$$($(find_python)) || { echo "Python 3.12 or newer is needed (tried python3.14, python3.13, python3.12, python3 and pyenv). Install it and run make again." >&2; exit 1; }; \
	echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-base: requirements/base.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: requirements/test.txt requirements/base.txt requirements/redis.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements/test.txt
	@touch $@

install: $(VENV)/.installed-base ## Create .venv and install the pinned runtime dependencies

$(VENV)/.installed-semantic: requirements/semantic.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --no-deps -r requirements/semantic.txt
	@touch $@

install-semantic: install $(VENV)/.installed-semantic ## Add the optional semantic scoring extra (numpy encoder, no PyTorch)

install-test: install install-semantic $(VENV)/.installed-test browser ## Install what the tests need (pinned tools, the semantic extra, Debian's chromium)

browser: ## Install Debian's chromium for the browser tests when it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

.secret_key: | $(VENV)/bin/python
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

migrate: install .secret_key ## Apply database migrations
	DJANGO_SECRET_KEY=$$(cat .secret_key) $(PY) manage.py migrate --noinput

load-bank: migrate ## Import the bundled question bank when the database has none
	DJANGO_SECRET_KEY=$$(cat .secret_key) $(PY) manage.py import_questions --if-empty content/sources/*.txt

demo: load-bank ## Create a demo interviewer and candidate (printing passwords) and a sample session
	DJANGO_SECRET_KEY=$$(cat .secret_key) $(PY) manage.py seed_demo

run: load-bank ## Install, migrate, load the bundled bank and serve on http://127.0.0.1:8000
	DJANGO_SECRET_KEY=$$(cat .secret_key) $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SECRET_KEY=$$(cat .secret_key) $(VENV)/bin/gunicorn -c config/gunicorn.conf.py --bind $(HOST):$(PORT) config.wsgi

lint: install-test ## Check lint and formatting with ruff, and the import layers with import-linter
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

fmt: install-test ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test-sqlite: install-test ## Run every test on SQLite
	$(VENV)/bin/pytest

test-postgres: install-test ## Run every test on PostgreSQL (TEST_DATABASE_URL)
	DATABASE_URL=$(TEST_DATABASE_URL) $(VENV)/bin/pytest

test: lint test-sqlite ## Lint, then run every test on SQLite and, when reachable, on PostgreSQL
	@if $(PY) -c 'import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()' '$(TEST_DATABASE_URL)' 2>/dev/null; then \
	  $(MAKE) --no-print-directory test-postgres; \
	else \
	  echo "PostgreSQL at $(TEST_DATABASE_URL) is not reachable: the PostgreSQL run is left out."; \
	fi

bench: bench-scoring bench-semantic bench-load bench-faults ## Run every benchmark

bench-scoring: install-semantic ## Measure scoring quality (Mohler, SemEval-2013, the Docker ordering, held-out graded Docker answers), the calibration fit (numpy) and speed
	$(PY) benchmarks/scoring_quality.py --cv --sensitivity
	$(PY) benchmarks/scoring_fit.py --dry-run
	$(PY) benchmarks/scoring_semeval.py
	$(PY) benchmarks/docker_ordering.py
	$(PY) benchmarks/docker_graded.py
	$(PY) benchmarks/scoring_speed.py --seconds 5

bench-semantic: install-semantic ## Measure the optional semantic layer on Mohler (r, RMSE, encoder speed)
	$(PY) benchmarks/scoring_semantic.py

bench-load: install ## Load test: candidates doing whole interviews against gunicorn on loopback (SQLite)
	$(PY) benchmarks/load/run.py --clients 10,50 --seconds 90

bench-load-pg: install ## Load test on PostgreSQL: 2 gunicorn servers share a throwaway database, each request to the next server (not in bench)
	$(PY) benchmarks/load/run.py --database postgres --postgres-url $(BENCH_POSTGRES_URL) --servers 2 --clients 10,50 --seconds 90

bench-faults: install ## Fault scripts: kill -9 workers and restart the server during autosaves
	$(PY) benchmarks/faults/run.py

clean: ## Remove the virtual environment, collected static files and caches
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
