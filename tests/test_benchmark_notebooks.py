"""The benchmarks' own notebooks (the floor and the interact reference) still run against today's course_utils."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("path", sorted(BENCHMARKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_a_benchmark_notebook_runs_without_error(path):
    notebook = nbformat.read(path, as_version=4)
    resources = {"metadata": {"path": str(BENCHMARKS)}}
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources=resources).execute()
