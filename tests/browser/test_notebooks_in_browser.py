"""Every notebook, opened in real JupyterLab in Chromium: it runs, and every explorer's sliders answer.

nbval proves that cells run; this proves what a learner sees. For each notebook in notebooks/
(discovered, no list to maintain) the test runs all cells, then moves every slider of every
explorer by keyboard and by mouse, and checks that the slider's new value appears in the
explorer's readout and that its figure redraws (a menu's new entry must change one of them);
in Chromium's accessibility tree every slider and menu must be named for what it moves and every
readout must be a live region, so a screen reader announces it;
no widget may fail to display and the page may log no error. Screenshots of the explorers
go to tests/browser/screenshots/<notebook>/, the folder a failure names.
"""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from notebook_page import NotebookPage, expected_explorer_count

pytestmark = pytest.mark.browser

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
#: Git ignores this folder; CI keeps it as an artifact when the browser test fails.
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@contextmanager
def evidence_on_failure(notebook: NotebookPage, folder: Path):
    """On failure, add a screenshot of the whole page and name the screenshot folder in the message."""
    try:
        yield
    except Exception as error:
        notebook.page.screenshot(path=str(folder / "page.png"), full_page=True)
        raise AssertionError(f"{error}\nScreenshots: {folder}") from error


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_and_every_slider_moves_its_explorer(path, lab, page):
    folder = SCREENSHOTS / path.stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    notebook = NotebookPage(page, folder)
    with evidence_on_failure(notebook, folder):
        notebook.open(lab.notebook_url(f"notebooks/{path.name}"))
        notebook.run_all()
        failed_cells = notebook.output_texts('[data-mime-type="application/vnd.jupyter.stderr"]')
        assert not failed_cells, f"{path.name}: a cell wrote to stderr or raised:\n" + "\n".join(failed_cells)
        assert not notebook.widget_errors(), f"{path.name}: {notebook.widget_errors()}"

        explorers = notebook.explorers()
        expected = expected_explorer_count(path)
        assert len(explorers) == expected, (
            f"{path.name} stores {expected} explorer output(s) but JupyterLab shows {len(explorers)} live: "
            "more live than stored means the stored notebook is stale (re-execute it: make notebooks); "
            "fewer means an explorer failed to display (is a widget extension, ipywidgets or anywidget, missing?)"
        )
        assert notebook.sliders_outside_explorers() == 0, "a slider is not inside an explorer with readout and figure"
        notebook.wait_for_first_drawings()
        for number, root in enumerate(explorers):
            heard = notebook.screen_reader_view(root, number)
            assert heard["live_readout"], (
                f"{path.name}, explorer {number}: its readout is not a polite live region in the accessibility tree, "
                "so a screen reader would not announce its changes"
            )
            [(role, name)] = heard["figures"]
            assert role == "image" and "figure" in name, (
                f"{path.name}, explorer {number}: its canvas is {role!r} named {name!r} in the accessibility tree; "
                "a screen reader must meet it as an image that says what it is (FigureView's label, role=img)"
            )
            for label, name in zip(heard["labels"], heard["names"], strict=True):
                assert name.startswith(label) and len(name) > len(label) + 2, (
                    f"{path.name}, explorer {number}: a control labelled {label!r} is named {name!r} in the "
                    "accessibility tree: its name must start with the visible label and say what it moves "
                    "(float_slider's says=, a widget's tooltip)"
                )
        for number, root in enumerate(explorers):
            switched_off = [index for index in range(notebook.slider_count(root))
                            if notebook.slider_disabled(root, index)]
            for index in range(notebook.slider_count(root)):
                if index not in switched_off:
                    notebook.press_arrow(root, index, number)
                    notebook.drag(root, index, number)
            for index in range(notebook.menu_count(root)):
                notebook.choose_another_entry(root, index, number)
            for index in switched_off:  # e.g. α, once the menu picks an activation that takes one
                notebook.enable_slider(root, index, number)
                notebook.press_arrow(root, index, number)
                notebook.drag(root, index, number)
            notebook.screenshot(root, f"explorer-{number}")

        assert not notebook.widget_errors(), f"{path.name}: {notebook.widget_errors()}"
        assert not notebook.errors, f"{path.name}: the page logged errors:\n" + "\n".join(notebook.errors)
