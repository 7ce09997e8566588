"""Per explorer: one slider update on the persistent figure against an interact-style full re-plot.

Each notebook runs top to bottom in a fresh kernel (as nbval runs it); then one more cell, appended
here and never saved, times every explorer the notebook created (see slider_probe.py). Explorers
are found generically, as the Explorer instances alive in the kernel: no list to maintain.
"""
from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class ExplorerCost:
    """The medians for one explorer of one notebook, in milliseconds per slider step."""

    notebook: str
    explorer: str
    sliders: list[str]
    callback_ms: float
    step_ms: list[float]
    replot_ms: float


def probe_cell(repeats: int) -> str:
    """The cell appended to a notebook: import the probe from this repository and print its JSON report."""
    return (
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        f"from benchmarks.slider_probe import report\nprint(report({repeats}))"
    )


def measure_notebook(path: Path, repeats: int) -> list[ExplorerCost]:
    """Run one notebook plus the probe cell in a fresh kernel and read the probe's report."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(probe_cell(repeats)))
    client = NotebookClient(
        notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(stderr=subprocess.DEVNULL)
    printed = "".join(output.get("text", "") for output in notebook.cells[-1].outputs if output.output_type == "stream")
    rows = json.loads(printed.strip().splitlines()[-1])
    return [
        ExplorerCost(path.stem, f"{row['explorer']} ({row['title']})", row["sliders"],
                     row["callback_ms"], row["step_ms"], row["replot_ms"])
        for row in rows
    ]


def measure(notebooks: list[Path], repeats: int) -> tuple[list[ExplorerCost], list[str]]:
    """The costs of every explorer in every notebook, and a note for each notebook that failed to run."""
    costs, failures = [], []
    for path in notebooks:
        try:
            costs += measure_notebook(path, repeats)
        except CellExecutionError as error:
            failures.append(f"{path.name} did not run to the end: {str(error).strip().splitlines()[-1]}")
        print(f"  explorers of {path.name} measured", flush=True)
    return costs, failures
