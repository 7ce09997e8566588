"""Re-execute notebooks in place the way the course stores them (used by `make notebooks`).

Each notebook runs top to bottom in a fresh kernel from this environment, without
per-cell timing metadata, its saved widget state is dropped and consecutive printed
chunks (a progress bar's ticks) are merged into one output, so that diffs show only
what a lesson changed.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor


def execute_in_place(path: Path) -> None:
    """Run one notebook from the notebooks folder and write it back with clean metadata."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook, _ = CoalesceStreamsPreprocessor().preprocess(notebook, {})
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: python tools/execute_notebooks.py notebooks/NN_name.ipynb ...", file=sys.stderr)
        return 2
    for name in paths:
        print(f"executing {name}", flush=True)
        execute_in_place(Path(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
