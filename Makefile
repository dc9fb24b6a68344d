# IP Service Network — every target assumes only python3 and make on the machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(UV) run --frozen python
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

help: ## List every target
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*?## "}{printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv>=0.8,<1"

install: $(UV) ## Create .venv from the lock file (uv, Python 3.11)
	$(UV) sync --frozen --python python3

db: install ## Apply migrations (reference data: regions, categories, the service catalogue)
	$(PY) manage.py migrate --noinput

demo: db ## Load the demo directory (idempotent: safe to run again)
	$(PY) manage.py load_demo

# The worker runs the background tasks (search-cluster index updates; later mail) beside the web
# server, and is stopped when the web server exits (Ctrl-C stops both).
run: demo ## Set everything up and serve the site with demo data at http://127.0.0.1:8000, with the background worker
	@$(PY) manage.py run_daily_jobs --enqueue
	@$(PY) manage.py db_worker --backend background & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: db ## Run only the background worker (what `make run` starts beside the web server); seeds the daily jobs' task
	$(PY) manage.py run_daily_jobs --enqueue
	$(PY) manage.py db_worker --backend background

chromium: ## Install Debian's chromium for the browser tests when it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

# The page cache's tests run against a real Redis too (tests/core/conftest.py starts it).
redis: ## Install Debian's redis-server for the tests when it is missing
	@if ! command -v redis-server >/dev/null && [ ! -x /usr/bin/redis-server ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server; \
	fi

test: install chromium redis ## Lint, checks, import layers, every test (browser journeys in real Chromium included), then test-postgres
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen djhtml --check templates
	$(PY) manage.py check --fail-level WARNING
	$(MAKE) --no-print-directory deploy-check
	$(PY) manage.py makemigrations --check --dry-run
	$(UV) run --frozen lint-imports
	$(UV) run --frozen pytest -q -rs
	$(MAKE) --no-print-directory test-postgres

# The cluster tests talk to osmem-server, not to the database: the SQLite pass runs them.
test-postgres: install redis ## The non-browser, non-cluster tests again, on a throw-away PostgreSQL server (installed when missing)
	bash scripts/with-postgres.sh $(UV) run --frozen pytest -q -rs -m "not browser and not cluster and not sqlite_pass"

lint: install ## ruff (lint + format check) and djhtml
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen djhtml --check templates

check: install ## Django system checks, migrations up to date, deploy checks, import layers
	$(PY) manage.py check --fail-level WARNING
	$(MAKE) --no-print-directory deploy-check
	$(PY) manage.py makemigrations --check --dry-run
	$(UV) run --frozen lint-imports

deploy-check: install ## check --deploy with the production settings
	DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=check-only-$$(date +%s)-a-long-random-looking-secret-value-for-checks \
		$(PY) manage.py check --deploy --fail-level WARNING

messages: install ## Extract and compile translations (needs gettext)
	$(PY) manage.py makemessages -l en -l zh_Hans --ignore=.venv --ignore=.tools
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.tools

bench: install ## Directory and profile benchmark on 10,000 points (prints figures)
	$(PY) benchmarks/directory_bench.py

bench-consult: install ## 200 concurrent consultation requests against gunicorn on loopback (prints figures)
	$(PY) benchmarks/consult_bench.py

bench-hsds: install ## The HSDS open-data export on 10,000 points: build time, memory, file sizes (prints figures)
	$(PY) benchmarks/hsds_bench.py

bench-serve: install ## Cached and uncached pages, queries and worker memory under gunicorn + wrk on loopback (installs Debian's wrk when missing)
	@command -v wrk >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk; }
	$(PY) benchmarks/serve_bench.py

search-eval: install ## Precision of directory keyword search on the public query set
	$(PY) manage.py search_precision

clean: ## Remove the virtualenvs, database and collected files
	rm -rf .venv $(TOOLS) db.sqlite3* static_collected private_media

.PHONY: help install db demo run worker chromium redis test test-postgres lint check deploy-check messages bench bench-consult bench-hsds bench-serve search-eval clean
