# Two commands for a fresh machine with Python 3.11+ and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: install run test lint format migrate demo clean bench loadtest e2e backup restore messages

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# One worker per CPU; TEST_ARGS to choose (e.g. TEST_ARGS="-n 0 tests/awards" for one process).
TEST_ARGS ?= -n auto --dist loadfile
test: install
	$(PY) -m pytest $(TEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

# The project's Vietnamese catalogues (locale/): the .mo files are committed, so a fresh machine
# needs no GNU gettext; after editing a .po, run this (pure Python, polib) and commit both.
messages: install
	$(PY) -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in sorted(pathlib.Path('locale').rglob('*.po'))]"

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# --- Benchmarks and load test (docs/benchmarks.md) -------------------------------------------------
# Production-like settings on the configured DATABASE_URL; never on a database with real data.
SCALE ?= 1000000
GENERATE_ARGS ?=
BENCH_ARGS ?=
BENCH_IMPORTS_ARGS ?=
LOADTEST_ARGS ?=
PERF_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-bench-only-secret-key-never-used-in-production-0123456789}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" DJANGO_LOG_LEVEL=ERROR

perf-data: install
	$(PERF_ENV) $(PY) manage.py migrate --noinput
	$(PERF_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(PERF_ENV) $(PY) manage.py load_demo > /dev/null
	$(PERF_ENV) $(PY) manage.py generate_data --scale $(SCALE) $(GENERATE_ARGS)

bench: perf-data
	$(PERF_ENV) $(PY) manage.py bench --scale $(SCALE) $(BENCH_ARGS)
	$(PERF_ENV) $(PY) manage.py bench_imports $(BENCH_IMPORTS_ARGS)
	$(PERF_ENV) $(PY) manage.py bench_documents
	$(PERF_ENV) $(PY) manage.py bench_open_data
	$(PERF_ENV) $(PY) manage.py bench_assessment

loadtest: perf-data
	$(PERF_ENV) $(PY) manage.py loadtest $(LOADTEST_ARGS)

# --- Browser tests: Debian's chromium driven by Playwright (tests/e2e) --------------------------
e2e: install
	$(PY) -m pip install --quiet -e '.[dev,e2e]'
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(PY) -m pytest -m e2e

# --- Backups (docs/backups.md) ------------------------------------------------------------------
BACKUP_DIR ?= var/backups
backup: install
	mkdir -p $(BACKUP_DIR)
	$(PY) manage.py backup --output-dir $(BACKUP_DIR)

restore: install
	test -n "$(FILE)" || (echo "usage: make restore FILE=var/backups/<file>" && exit 2)
	$(PY) manage.py restore "$(FILE)"

clean:
	rm -rf $(VENV) var *.egg-info
