# From Slopes to Backprop: `make lab` to learn, `make test` to verify.
# Choose the Python with `make test PYTHON=python3.13`; the venv follows it (VENV= keeps several).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The chosen Python's X.Y, or nothing if it is older than 3.11 or does not run.
PY_VERSION := $(shell $(PYTHON) -c 'import sys; sys.version_info >= (3, 11) and print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
PY_STAMP := $(VENV)/.python-$(PY_VERSION)
INSTALLED := $(VENV)/.installed
BROWSER_INSTALLED := $(VENV)/.browser-installed
LINT_INSTALLED := $(VENV)/.lint-installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# pytest exits 5 when it collected nothing: say so plainly, and fail, since nothing was verified.
NO_TESTS_IS_FAILURE = { status=$$?; [ $$status -eq 5 ] && echo "pytest collected no tests: nothing was verified" >&2; exit $$status; }

# jupyter refuses to run as root (common in containers) unless told that it may.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test test-portable notebooks html bench bench-browser test-browser install clean

# The venv records which Python made it; a venv made by another X.Y is made again.
$(PY_STAMP):
	@test -n "$(PY_VERSION)" || { echo "The course needs Python 3.11, 3.12 or 3.13, and $(PYTHON) is not one ($$($(PYTHON) --version 2>&1 | head -n 1)): choose one with PYTHON=, e.g. make test PYTHON=python3.13" >&2; exit 1; }
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "$(PY_VERSION)" ]; then \
	    echo "$(VENV) was made by another Python: making it again with Python $(PY_VERSION) ($(PYTHON))"; rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	touch $@

$(INSTALLED): $(PY_STAMP) requirements.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(INSTALLED)

## Open the course in JupyterLab, starting at the first notebook (a busy port: it takes the next free one).
lab: $(INSTALLED)
	$(BIN)/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

$(LINT_INSTALLED): $(INSTALLED) requirements-lint.txt
	$(BIN)/python -m pip install --quiet -r requirements-lint.txt
	touch $@

## The linter, unit tests (including the CI workflow's schema check), notebook hygiene, then strict nbval over every notebook.
test: $(LINT_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not browser" tests || $(NO_TESTS_IS_FAILURE)
	$(BIN)/python -m pytest --nbval notebooks || $(NO_TESTS_IS_FAILURE)

## Strict nbval natively and with other CPUs simulated (AVX2, AVX-512, baseline SIMD; what this CPU can run).
test-portable: $(INSTALLED)
	$(BIN)/python tools/simulated_cpus.py

## Re-execute every notebook in place (after changing a lesson or course_utils).
notebooks: $(INSTALLED)
	$(BIN)/python tools/execute_notebooks.py $(NOTEBOOKS)

## Export the course to static HTML in html/ (stored outputs, nothing re-run), with an index page; it reads offline (MathJax from npm, tools/mathjax/).
html: $(INSTALLED)
	$(BIN)/python tools/export_html.py html $(NOTEBOOKS)

$(BROWSER_INSTALLED): $(INSTALLED) requirements-browser.txt
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	touch $@

## Drive every notebook in JupyterLab in Chromium (needs /usr/bin/chromium).
test-browser: $(BROWSER_INSTALLED)
	$(BIN)/python -m pytest -m browser -rs tests/browser || $(NO_TESTS_IS_FAILURE)

## Measure how long the course takes to run, what a slider update costs, and key press -> pixels in Chromium.
bench: $(BROWSER_INSTALLED)
	$(BIN)/python -m benchmarks.run

## Only key press -> pixels in Chromium (a few minutes); rewrites just its section of benchmarks/results.md.
bench-browser: $(BROWSER_INSTALLED)
	$(BIN)/python -m benchmarks.browser_latency --write

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
