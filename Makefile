# Two commands for a fresh machine with Python 3.11: `make demo` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
NODE_STAMP := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install frontend browser java migrate demo-data serve lint format messages clean benchmark worker loadtest

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

install: $(STAMP)

## frontend: the npm packages of package.json (exact versions from package-lock.json; no install scripts run)
$(NODE_STAMP): package.json package-lock.json
	@bash scripts/ensure-node.sh
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(NODE_STAMP)

frontend: $(NODE_STAMP)

## java: the Nu HTML checker's runtime (installs Debian's JRE when missing)
java:
	@bash scripts/ensure-java.sh

## demo: set up a SQLite database with the demo data and serve it on http://127.0.0.1:8000
demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data
	@echo "Serving the demo on http://$(HOST):$(PORT)/ (accounts: see README.md, 'Demo accounts')"
	$(PY) manage.py runserver $(HOST):$(PORT)

## browser: make sure Debian's Chromium is there for the browser tests (installs it when missing)
browser:
	@bash scripts/ensure-chromium.sh

## test: the whole suite; uses DATABASE_URL when set, else SQLite
test: $(STAMP) frontend browser java
	@$(PY) -c "import os; url = os.environ.get('DATABASE_URL', ''); print('Testing against: ' + (url.split('@')[-1] if url else 'SQLite (set DATABASE_URL for PostgreSQL)'))"
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: refresh the translation files after changing UI strings, then fill in locale/*/LC_MESSAGES/django.po
messages: $(STAMP)
	$(PY) manage.py makemessages -l nl -l en --no-obsolete --ignore=.venv --ignore=var
	$(PY) manage.py compilemessages --ignore=.venv

benchmark: $(STAMP)
	$(PY) scripts/benchmark.py

## worker: deliver queued e-mail (workflow notifications); keep it running next to the web server
worker: $(STAMP)
	$(PY) manage.py db_worker --backend email

## loadtest: bounded load test on 127.0.0.1 (LOAD_USERS, LOAD_SECONDS; LOAD_DATABASE_URL: a scratch PostgreSQL database), see README
LOAD_USERS ?= 20
LOAD_SECONDS ?= 15
loadtest: $(STAMP)
	$(PY) scripts/loadtest.py --users $(LOAD_USERS) --seconds $(LOAD_SECONDS) $(if $(LOAD_DATABASE_URL),--database-url $(LOAD_DATABASE_URL))

clean:
	rm -rf var db.sqlite3 .pytest_cache node_modules
