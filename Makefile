# From Slopes to Backprop: `make lab` to learn, `make test` to verify.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BROWSER_INSTALLED := $(VENV)/.browser-installed
LINT_INSTALLED := $(VENV)/.lint-installed
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# pytest exits 5 when it collected nothing: say so plainly, and fail, since nothing was verified.
NO_TESTS_IS_FAILURE = { status=$$?; [ $$status -eq 5 ] && echo "pytest collected no tests: nothing was verified" >&2; exit $$status; }

.PHONY: lab test notebooks html bench test-browser install clean

$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(INSTALLED)

## Open the course in JupyterLab, starting at the first notebook.
lab: $(INSTALLED)
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb

$(LINT_INSTALLED): $(INSTALLED) requirements-lint.txt
	$(BIN)/python -m pip install --quiet -r requirements-lint.txt
	touch $@

## Unit tests (including the CI workflow's schema check), notebook hygiene, then strict nbval over every notebook.
test: $(LINT_INSTALLED)
	$(BIN)/python -m pytest -m "not browser" tests || $(NO_TESTS_IS_FAILURE)
	$(BIN)/python -m pytest --nbval notebooks || $(NO_TESTS_IS_FAILURE)

## Re-execute every notebook in place (after changing a lesson or course_utils).
notebooks: $(INSTALLED)
	$(BIN)/python tools/execute_notebooks.py $(NOTEBOOKS)

## Export the course to static HTML in html/ (stored outputs, nothing re-run), with an index page.
html: $(INSTALLED)
	$(BIN)/python tools/export_html.py html $(NOTEBOOKS)

$(BROWSER_INSTALLED): $(INSTALLED) requirements-browser.txt
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	touch $@

## Drive every notebook in JupyterLab in Chromium (needs /usr/bin/chromium).
test-browser: $(BROWSER_INSTALLED)
	$(BIN)/python -m pytest -m browser -rs tests/browser || $(NO_TESTS_IS_FAILURE)

## Measure how long the course takes to run and what a slider update costs.
bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
