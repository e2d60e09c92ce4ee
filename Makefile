# Awaz: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every test,
# `make check` is exactly what CI (.ci/run) runs.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
# PostgreSQL for the second test run; CI insists on it, `make test` says loudly when it is absent.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install install-dev run serve test test-fast test-sqlite test-postgres browser-deps lint typecheck migrations-check security check fuzz bench lock messages loans screenshots clean

help:
	@echo "make run      install, migrate, load the demo and serve http://127.0.0.1:$(PORT)"
	@echo "make test     install and run every test (SQLite, then PostgreSQL when it is reachable)"
	@echo "make test-fast every test but the browser ones, on SQLite: the quick loop while working"
	@echo "make check    what CI runs: lint, types, migrations, every test on SQLite and PostgreSQL"
	@echo "make bench    the benchmarks in bench/"
	@echo "make messages after changing a translatable string: extract, generate, compile"
	@echo "make screenshots  the README's screenshots of the petition page, from a real browser"

$(VENV)/.installed-%: requirements/%.txt pyproject.toml
	@# WeasyPrint (the delivery PDF) draws text with Pango, a system library.
	@# It subsets fonts with HarfBuzz's subsetter (and warns, which our tests treat as an error, without it).
	@ldconfig -p 2>/dev/null | grep -q libpango-1.0 || bin/apt-install libpango-1.0-0 libpangoft2-1.0-0
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || bin/apt-install libharfbuzz-subset0
	@test -x $(PY) || "$$(bin/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/$*.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(VENV)/.installed-base
install-dev: $(VENV)/.installed-dev

run: install
	@mkdir -p var
	@# Catalogs first: every manage.py command checks them, and the first migration would warn.
	$(MANAGE) compile_catalogs --verbosity 0
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) seed_demo
	@echo
	@echo "Awaz is starting on http://127.0.0.1:$(PORT)/  (stop it with Ctrl+C)"
	@echo "First admin account: $(MANAGE) createsuperuser, then http://127.0.0.1:$(PORT)/admin/"
	@echo
	PORT=$(PORT) bin/serve

# Browser tests need Chromium (Debian's package), axe-core, the Nu HTML checker and Lighthouse (npm), Java,
# and a Chinese system font; the reverse-proxy test needs nginx.
browser-deps:
	@command -v chromium >/dev/null || bin/apt-install chromium
	@command -v npm >/dev/null || bin/apt-install npm
	@command -v java >/dev/null || bin/apt-install default-jre-headless
	@# pdftotext: the delivery PDF's text is checked as a reader would copy it.
	@command -v pdftotext >/dev/null || bin/apt-install poppler-utils
	@# Chinese pages use the reader's system font (awaz.css): without one, screenshots show boxes.
	@fc-list :lang=zh | grep -q . || bin/apt-install fonts-wqy-microhei
	@# The converter's loan table is checked against the Russian word list it was built from.
	@test -f /usr/share/hunspell/ru_RU.dic || bin/apt-install hunspell-ru
	@# nginx: tests/test_nginx.py starts Debian's nginx with deploy/nginx.conf in front of Awaz.
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null || bin/apt-install nginx
	@test -d node_modules/axe-core -a -d node_modules/vnu-jar -a -d node_modules/lighthouse -a node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund --loglevel=error

test: install-dev browser-deps
	$(MAKE) --no-print-directory test-sqlite
	@if $(PY) -m awaz.core.pgcheck $(if $(REQUIRE_POSTGRES),--require) "$(TEST_POSTGRES_URL)"; then \
		$(MAKE) --no-print-directory test-postgres; \
	elif [ -n "$(REQUIRE_POSTGRES)" ]; then \
		exit 1; \
	else \
		echo; echo "!! PostgreSQL is not reachable at $(TEST_POSTGRES_URL): the PostgreSQL run did NOT happen."; \
		echo "!! Start it (or set TEST_POSTGRES_URL) and run 'make test-postgres'. CI refuses to pass without it."; echo; \
	fi

# Tests run in parallel, one pytest-xdist worker per core (PYTEST_WORKERS=0: all in one process);
# each worker takes browser tests too, starting its own Chromium and HTML checker. Property tests
# use Hypothesis' short profile here, its long one in `make fuzz`. PYTEST_ARGS adds options,
# e.g. PYTEST_ARGS="awaz/public -x" or PYTEST_ARGS='-m "not browser"'.
PYTEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadgroup

test-sqlite:
	@echo "== tests on SQLite"
	env -u DATABASE_URL $(PYTEST) $(PYTEST_ARGS)

test-postgres:
	@echo "== tests on PostgreSQL ($(TEST_POSTGRES_URL))"
	DATABASE_URL="$(TEST_POSTGRES_URL)" $(PYTEST) $(PYTEST_ARGS)

# The quick loop while working: no browser, SQLite only. `make test` before committing.
test-fast: install-dev
	@echo "== tests on SQLite, without the browser tests"
	env -u DATABASE_URL $(PYTEST) -m "not browser" $(PYTEST_ARGS)

# ruff, then the import graph's contracts (pyproject.toml, docs/architecture.md).
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache

typecheck: install-dev
	$(VENV)/bin/mypy .

migrations-check: install-dev
	$(MANAGE) makemigrations --check --dry-run

# Every finding left is justified in place with `# nosec <id> - reason`.
security: install-dev
	$(VENV)/bin/bandit -q -r awaz config -x '*/tests/*'

check:
	$(MAKE) --no-print-directory lint typecheck migrations-check security
	AWAZ_REQUIRE_REDIS=1 $(MAKE) --no-print-directory test REQUIRE_POSTGRES=1

# Longer than the test suite does: every property test with Hypothesis' long profile, then
# the fuzz targets of tests/fuzz/ under atheris for FUZZ_SECONDS each.
FUZZ_SECONDS ?= 600
fuzz: install-dev
	@echo "== property tests, long Hypothesis profile"
	env -u DATABASE_URL HYPOTHESIS_PROFILE=long $(PYTEST) -m hypothesis $(PYTEST_ARGS)
	@mkdir -p var/fuzz
	@for target in tests/fuzz/fuzz_*.py; do \
		echo "== $$target ($(FUZZ_SECONDS) s)"; \
		$(PY) $$target -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=var/fuzz/ || exit 1; \
	done

# The benchmarks of DESIGN §8 (see `bench/run.py --help`); BENCH_ARGS=--quick for a smoke test.
bench: install-dev
	@command -v wrk >/dev/null || bin/apt-install wrk
	$(PY) bench/run.py $(BENCH_ARGS)

# After adding or changing a translatable string: extract the strings of every hand-translated
# catalog, regenerate the Latin and Cyrillic Uyghur ones from `ug` (with Django's own), compile
# every catalog and list what is left to translate. Extraction needs GNU gettext; nothing else does.
MESSAGE_LOCALES := ug kk ru tr zh_Hans
messages: install-dev
	@command -v xgettext >/dev/null || bin/apt-install gettext
	$(MANAGE) makemessages $(addprefix --locale=,$(MESSAGE_LOCALES)) --add-location=file --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=var --ignore=tests
	$(MANAGE) generate_script_catalogs
	$(MANAGE) compile_catalogs --all --status

# Regenerate the converter's Russian-loan table (awaz/scripts/russian_loans.tsv, committed) from
# Debian's Russian hunspell word list; only needed after changing awaz/scripts/build_loans.py.
loans: install-dev
	@test -f /usr/share/hunspell/ru_RU.dic || bin/apt-install hunspell-ru
	$(PY) -m awaz.scripts.build_loans

# The README's screenshots of the petition page (docs/petition-page*.png), from a real browser
# run against a throwaway database with the demo content, in English and in Uyghur.
screenshots: install-dev browser-deps
	$(PY) bin/screenshots

# Re-pin the dependency tree after editing pyproject.toml.
lock: install-dev
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-find-links --no-emit-index-url -o requirements/base.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-find-links --no-emit-index-url --extra dev -c requirements/base.txt -o requirements/dev.txt pyproject.toml

clean:
	rm -rf $(VENV) var/static node_modules
