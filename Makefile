# Two commands on a fresh machine with only Python 3.11+ and make:
#   make run        set up, run the pipeline on the bundled sample, show what it made, write the report
#   make test       set up, run the tests
# and, while working:
#   make test-fast  the tests without the slow marker (the longer flow runs, the browser tests), on
#                   every core (pytest-xdist): 2,601 tests in ~110 s on 2 cores, ~170 s on one
#   make bench      the benchmark (scripts/bench.py); BENCH_DIR keeps its growth warehouses (1M articles)
#   make bench-warehouses   build those warehouses once (the 1M one takes a while)
#   make clean      remove data/ and the test caches
# Set-up bootstraps a pinned uv into .tools/ and installs the locked dependencies into .venv/;
# `make test` also installs Chromium (Debian package, for the report's browser tests) when missing.

PYTHON     ?= python3
UV_VERSION := 0.13.9
TOOLS      := .tools
UV         := $(TOOLS)/bin/uv
VENV       := .venv
RUAZ       := $(VENV)/bin/ruaz
DB         ?= data/ruaz.duckdb
EXPORT     ?= data/export
BENCH_DIR  ?= data/bench
REPORT     ?= data/report
CHROMIUM   ?= /usr/bin/chromium
export CHROMIUM

.PHONY: setup browser run test test-fast bench bench-warehouses clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Bytecode is compiled once here (~8 s): where PYTHONDONTWRITEBYTECODE is set, every command would
# otherwise recompile prefect, GX and the rest on import (~6 s each time).
$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

setup: $(VENV)/.synced

# Chromium for tests/test_report_browser.py; when it cannot be installed those tests fail saying why.
browser:
	@sh scripts/ensure_chromium.sh $(CHROMIUM)

run: setup
	$(RUAZ) run --input samples --db $(DB) --export $(EXPORT)
	$(RUAZ) sql "SELECT mention_kind AS kind, text, value, detail FROM mentions WHERE article_id = 'seed' ORDER BY start_char" --db $(DB) --max-rows 40 --max-width 60
	$(RUAZ) report --db $(DB) --out $(REPORT)

test: setup browser
	$(VENV)/bin/python -m pytest -q

test-fast: setup
	$(VENV)/bin/python -m pytest -q -m "not slow" -n auto

bench: setup
	$(VENV)/bin/python scripts/bench.py --bench-dir $(BENCH_DIR)

bench-warehouses: setup
	$(VENV)/bin/python scripts/bench.py build-warehouses --bench-dir $(BENCH_DIR)

clean:
	rm -rf data .pytest_cache .hypothesis
