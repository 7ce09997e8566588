"""Learners re-run cells: after Run All, running every code cell again, last first, must still work."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _complaints(cell, position: int) -> list[str]:
    """What a learner would see go wrong in one re-run cell: an error or anything on stderr."""
    found = []
    for output in cell.outputs:
        if output.output_type == "error":
            found.append(f"code cell at position {position} raised {output.ename}: {output.evalue}")
        elif output.get("name") == "stderr":
            found.append(f"code cell at position {position} wrote to stderr: {output.text[:300]!r}")
    return found


def rerun_last_first(path: Path) -> list[str]:
    """Run the notebook top to bottom, then every code cell again from the last to the first."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    code = [(index, cell) for index, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    problems = []
    with client.setup_kernel():
        for index, cell in code:
            client.execute_cell(cell, index)
        first_pass = [p for index, cell in code for p in _complaints(cell, index)]
        assert not first_pass, f"{path.name} fails before any re-run: {first_pass}"
        for index, cell in reversed(code):
            try:
                client.execute_cell(cell, index)
            except CellExecutionError as error:  # allow_errors keeps most errors in the outputs
                problems.append(f"code cell at position {index}: {error}")
            problems += _complaints(cell, index)
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_can_be_rerun_after_later_ones(path):
    problems = rerun_last_first(path)
    assert not problems, f"{path.name}: re-running cells last-first after Run All fails:\n" + "\n".join(problems)
