# intake: two commands on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# Test processes for `make test` (pytest-xdist): one per CPU; `make test TEST_WORKERS=0` runs
# the suite in this one process (easier to debug).
TEST_WORKERS ?= auto
export FLASK_APP := wsgi
# The triage package's sources: tools/build_native.py compiles part of it with mypyc, and the
# build depends on all of it (the compiled modules build in what they import, such as model.py).
NATIVE_SOURCES := $(wildcard intake/triage/*.py)

.PHONY: install install-dev native triage-model run test test-slow bench check audit screenshots clean-venv

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "intake needs Python 3.11 or newer (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-native.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-native.txt
	@touch $@

# The compiled triage engine; rebuilt whenever its source changes. Without gcc the stamp says
# "not built" (`make native` tries again) and the pure Python engine runs
# (intake/triage/native.py decides at import).
intake/triage/_build/native.sha256: $(NATIVE_SOURCES) tools/build_native.py $(VENV)/.installed
	$(BIN)/python tools/build_native.py

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## install: virtualenv, runtime dependencies, the compiled triage engine, and the database schema
## (SQLite by default)
install: $(VENV)/.installed intake/triage/_build/native.sha256
	@mkdir -p instance
	$(BIN)/flask db upgrade

install-dev: $(VENV)/.installed-dev install

## native: compile the triage engine again (tools/build_native.py --strict fails loudly)
native: $(VENV)/.installed
	$(BIN)/python tools/build_native.py --strict

## triage-model: train the triage emergency backstop again from tests/data (after adding a
## labelled set or changing a label; tests/test_triage_backstop.py fails until it is done)
triage-model: $(VENV)/.installed-dev
	$(BIN)/python tools/train_emergency_model.py

## run: serve on http://$(HOST):$(PORT) with the mail worker beside it (mail printed to the console)
run: install
	@echo
	@echo "  intake is starting on http://$(HOST):$(PORT)  (Ctrl+C stops the web app and the mail worker)"
	@echo
	@echo "  Staff sign-in: http://$(HOST):$(PORT)/staff/login  (there are no default accounts)."
	@echo "  Create the first admin in another terminal (the password is asked twice):"
	@echo "    $(BIN)/flask staff create you@clinic.example --name \"Your Name\" --role admin"
	@echo
	@trap 'kill 0' INT TERM EXIT; \
	  $(BIN)/flask outbox send & \
	  $(BIN)/flask run --host $(HOST) --port $(PORT)

## test: the whole fast suite (SQLite, PostgreSQL, Redis, SMTP, the browser), in parallel: each
## test makes its own databases, and each process flushes its own Redis database
## (tests/conftest.py, worker_redis_url)
test: install-dev
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --maxprocesses 16

## test-slow: long fault and scale suites (real gunicorn, PostgreSQL, Redis; a few minutes), the
## thorough forms of some fast tests, then the triage tests on the engine's pure Python source
test-slow: install-dev
	$(BIN)/python -m pytest -m slow -p no:cacheprovider -s --durations=10
	@echo "The triage tests once more on the engine's pure Python source (what runs without a compiler):"
	INTAKE_TRIAGE_PURE=1 $(BIN)/python -m pytest -n $(TEST_WORKERS) -p no:cacheprovider tests/test_triage*.py

## bench: benchmarks, printing their figures beside a baseline
bench: install-dev
	$(BIN)/python bench/triage.py
	$(BIN)/python bench/outbox.py
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/submit.py

## screenshots: a PNG of every page and state (tests/browser/states.py), phone and desktop, in
## docs/screenshots/ (needs Chromium and the PostgreSQL at TEST_DATABASE_URL)
screenshots: install-dev
	$(BIN)/python -m pytest tests/browser/screenshots.py -p no:cacheprovider

## check: lint (with bandit's S rules), bandit, mypy, and the escaping/CSRF guard
check: install-dev
	$(BIN)/ruff check .
	$(BIN)/bandit -q -r intake config.py wsgi.py --severity-level medium
	$(BIN)/mypy intake config.py
	$(BIN)/python tools/check_guards.py

## audit: known vulnerabilities in the pinned requirements (needs network; fails without it)
audit: install-dev
	$(BIN)/pip install --quiet --disable-pip-version-check pip-audit==2.10.1
	$(BIN)/python tools/audit.py

clean-venv:
	rm -rf $(VENV)
