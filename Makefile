# BinhDang — entry points. `make run` and `make test` do all their own setup.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate demo run serve test test-fast e2e bench lint format messages check clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "BinhDang: http://$(HOST):$(PORT)/  (Ctrl+C để dừng / to stop)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: install
	$(VENV)/bin/pytest -m "not e2e" $(PYTEST_ARGS)

e2e: install
	$(VENV)/bin/pytest -m e2e $(PYTEST_ARGS)

# Benchmarks run on PostgreSQL unless DATABASE_URL says otherwise; a fresh database is
# created beside the named one and dropped afterwards (bench/README.md).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/binhdang_bench
bench: install
	DATABASE_URL="$${DATABASE_URL:-$(BENCH_DATABASE_URL)}" $(PY) -m bench $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=var
	# msgmerge's fuzzy guesses for new strings are mostly wrong: leave them untranslated.
	msgattrib --clear-fuzzy --empty -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore=.venv

check: install
	DEBUG=0 SECRET_KEY=check-only-$$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz ALLOWED_HOSTS=binhdang.example \
		$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var/test-output .pytest_cache
