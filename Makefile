# Two commands do all set-up on a fresh machine with Python 3.11 and make:
#   make run   - install, migrate, load the shipped content, serve on 127.0.0.1:$(PORT)
#                with the worker that sends notification e-mails
#   make test  - install everything the tests need and run the whole suite

PYTHON ?= python3.11
VENV ?= .venv
PORT ?= 8000
# Test processes per suite (pytest-xdist); each has its own test database.
TEST_WORKERS ?= 2
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-sqlite test-postgres test-browser install install-test test-deps services check-migrations bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --no-input -v 0
	SITE_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py load_content
	@# The worker sends notification e-mails (printed here) while the site runs.
	SITE_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py db_worker --backend notifications --no-reload & \
	worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	SITE_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The whole suite: SQLite, then PostgreSQL, then the browser tests.
test: install test-deps services check-migrations test-sqlite test-postgres test-browser

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=cms.settings.test

test-sqlite: install
	$(BIN)/pytest -m "not browser" -p no:cacheprovider -n $(TEST_WORKERS)

test-postgres: install services
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/test $(BIN)/pytest -m "not browser" -p no:cacheprovider -n $(TEST_WORKERS)

test-browser: install test-deps
	$(BIN)/pytest -m browser -p no:cacheprovider

test-deps:
	./scripts/install-test-deps

services:
	./scripts/start-services

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var node_modules
