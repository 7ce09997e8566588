"""The GitHub workflow is valid and runs what the README promises: `make test` on Linux and macOS with every
supported Python, the simulated-CPU matrix, and the browser test."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"
MISSING_LINTER = "check-jsonschema is missing: run `pip install -r requirements-lint.txt` (make test does this)"


def _require_linter() -> None:
    if importlib.util.find_spec("check_jsonschema") is None:
        pytest.fail(MISSING_LINTER)


def _schema_check(*paths: Path) -> subprocess.CompletedProcess:
    """Validate workflow files against the GitHub workflow schema vendored in check-jsonschema."""
    _require_linter()
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    command += [str(path) for path in paths]
    return subprocess.run(command, capture_output=True, text=True)


@pytest.fixture(scope="module")
def workflow() -> dict:
    """The workflow as YAML 1.2 reads it (as GitHub does: `on` stays a string, "3.11" stays text)."""
    _require_linter()
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(WORKFLOW.read_text())


def _run_lines(job: dict) -> list[str]:
    return [line.strip() for step in job["steps"] for line in step.get("run", "").splitlines()]


@pytest.mark.parametrize("path", sorted((ROOT / ".github" / "workflows").glob("*.yml")), ids=lambda p: p.name)
def test_every_workflow_passes_the_github_workflow_schema(path):
    result = _schema_check(path)
    assert result.returncode == 0, result.stdout + result.stderr


#: Small slips the linter must catch: a misspelt job key, trigger and step list.
BREAKAGES = {
    "misspelt-runs-on": ("    runs-on: ${{ matrix.os }}", "    run-on: ${{ matrix.os }}"),
    "misspelt-trigger": ("  pull_request:", "  pull-request:"),
    "misspelt-steps": ("    steps:", "    step:"),
}


def test_the_schema_check_rejects_every_broken_copy_of_the_workflow(tmp_path):
    text = WORKFLOW.read_text()
    copies = []
    for name, (good, broken) in BREAKAGES.items():
        assert good in text, f"the workflow no longer contains {good!r}; update BREAKAGES"
        copies.append(tmp_path / f"{name}.yml")
        copies[-1].write_text(text.replace(good, broken, 1))
    result = _schema_check(*copies)
    assert result.returncode != 0
    assert [copy.name for copy in copies if f"{copy}::" not in result.stdout] == []


def test_the_workflow_runs_on_every_push_and_pull_request(workflow):
    assert {"push", "pull_request"} <= set(workflow["on"])


def test_make_test_runs_on_linux_and_macos_with_every_supported_python_quoted(workflow):
    matrix = workflow["jobs"]["test"]["strategy"]["matrix"]
    assert any(os.startswith("ubuntu-") for os in matrix["os"])
    assert any(os.startswith("macos-") for os in matrix["os"])
    assert matrix["python-version"] == ["3.11", "3.12", "3.13"], "quote the versions: YAML reads 3.10 as 3.1"
    assert "make test" in _run_lines(workflow["jobs"]["test"])


def test_the_matrix_includes_the_python_that_made_the_stored_outputs(workflow):
    conda_python = re.search(r"-\s*python=([\d.]+)", (ROOT / "environment.yml").read_text()).group(1)
    assert conda_python in workflow["jobs"]["test"]["strategy"]["matrix"]["python-version"]


def test_a_linux_job_runs_the_browser_test_in_debians_chromium(workflow):
    browser_jobs = [job for job in workflow["jobs"].values() if "make test-browser" in _run_lines(job)]
    assert browser_jobs, "no job runs `make test-browser`"
    job = browser_jobs[0]
    assert job["runs-on"].startswith("ubuntu-")
    assert "bookworm" in job["container"]["image"], (
        "Debian's chromium package is a real browser; Ubuntu's is a snap stub"
    )
    assert any(re.search(r"apt-get install .*\bchromium\b", line) for line in _run_lines(job))


def test_a_linux_job_runs_strict_nbval_with_other_cpus_simulated(workflow):
    portable_jobs = [job for job in workflow["jobs"].values() if "make test-portable" in _run_lines(job)]
    assert portable_jobs, "no job runs `make test-portable`"
    assert portable_jobs[0]["runs-on"].startswith("ubuntu-"), (
        "the simulated CPUs are x86-64 ones, with Linux's OpenBLAS"
    )
