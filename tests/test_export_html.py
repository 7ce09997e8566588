"""`make html` gives a browsable course: every explorer shows its picture, pages link in order."""
from __future__ import annotations

import base64
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load_tool():
    spec = importlib.util.spec_from_file_location("export_html", ROOT / "tools" / "export_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


export_html = _load_tool()


def explorer_cell_ids(notebook) -> list[str]:
    """Ids of code cells whose stored output is a widget (an explorer), which need a static picture."""
    return [
        cell.id for cell in notebook.cells
        if cell.cell_type == "code"
        and any(WIDGET_VIEW in output.get("data", {}) for output in cell.get("outputs", []))
    ]


def cell_html(page: str, cell_id: str) -> str:
    """The part of an exported page that belongs to one cell (from its anchor to the next cell's)."""
    start = page.find(f'id="cell-id={cell_id}"')
    assert start >= 0, f"cell {cell_id} has no anchor in the exported page"
    end = page.find('id="cell-id=', start + 1)
    return page[start:end if end >= 0 else len(page)]


def shows_a_png(cell_page: str) -> bool:
    """True when the cell's HTML embeds an image whose bytes really are a PNG."""
    match = re.search(r'src="data:image/png;base64,([^"]+)"', cell_page)
    return bool(match) and base64.b64decode(match.group(1)).startswith(PNG_SIGNATURE)


def widget_notebook(with_saved_state: bool):
    """A one-cell notebook whose output is a widget view with a PNG beside it, as explorers store it."""
    output = new_output("execute_result", execution_count=1, data={
        WIDGET_VIEW: {"model_id": "model-1", "version_major": 2, "version_minor": 0},
        "image/png": "iVBORw0KGgo=",  # base64 of the 8-byte PNG signature
        "text/plain": "explorer (interactive: drag the sliders in JupyterLab)",
    })
    notebook = new_notebook(cells=[new_code_cell("explorer", execution_count=1, outputs=[output])])
    if with_saved_state:
        notebook.metadata["widgets"] = {
            WIDGET_STATE: {"state": {"model-1": {}}, "version_major": 2, "version_minor": 0},
        }
    return notebook


def write_notebook(path: Path, heading: str) -> Path:
    nbformat.write(new_notebook(cells=[new_markdown_cell(f"# {heading}\n\nSome text.")]), path)
    return path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_explorer_cell_of_the_exported_course_shows_its_picture(path, tmp_path):
    ids = explorer_cell_ids(nbformat.read(path, as_version=4))
    page = export_html.export_course([path], tmp_path)[0].read_text(encoding="utf-8")
    without_picture = [cell_id for cell_id in ids if not shows_a_png(cell_html(page, cell_id))]
    assert without_picture == [], f"explorer cells exported without their PNG: {without_picture}"
    assert WIDGET_VIEW not in page, "a widget view was exported; it renders as nothing without a kernel"


def test_the_course_has_explorer_cells_for_the_export_check_to_cover():
    assert sum(len(explorer_cell_ids(nbformat.read(path, as_version=4))) for path in NOTEBOOKS) > 0


@pytest.mark.parametrize("with_saved_state", [False, True])
def test_an_explorer_exports_as_its_png_even_if_widget_state_was_saved(with_saved_state):
    page = export_html.export_page(widget_notebook(with_saved_state), "one explorer")
    assert shows_a_png(page)
    assert WIDGET_VIEW not in page


def test_exporting_leaves_the_notebook_it_was_given_unchanged():
    notebook = widget_notebook(with_saved_state=True)
    export_html.export_page(notebook, "one explorer")
    assert "widgets" in notebook.metadata


def test_links_between_notebooks_point_to_the_exported_pages():
    page = ('<a href="01_limits.ipynb">next</a> <a href="01_limits.ipynb#Key-takeaways">end</a> '
            '<a href="02_not_exported.ipynb">later</a> <a href="https://example.org/x.ipynb">web</a>')
    linked = export_html.link_notebooks_to_pages(page, {"01_limits"})
    assert linked == ('<a href="01_limits.html">next</a> <a href="01_limits.html#Key-takeaways">end</a> '
                      '<a href="02_not_exported.ipynb">later</a> <a href="https://example.org/x.ipynb">web</a>')


def test_the_index_links_every_page_in_course_order_with_its_title(tmp_path):
    later = write_notebook(tmp_path / "01_later.ipynb", "01 · Slopes & limits")
    first = write_notebook(tmp_path / "00_first.ipynb", "00 · Start")
    out_dir = tmp_path / "html"
    pages = export_html.export_course([later, first], out_dir)
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert [page.name for page in pages] == ["00_first.html", "01_later.html"]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', index) == [
        ("00_first.html", "00 · Start"), ("01_later.html", "01 · Slopes &amp; limits"),
    ]
    assert "<title>00 · Start</title>" in pages[0].read_text(encoding="utf-8")


def test_a_notebook_without_a_heading_is_named_by_its_file():
    notebook = new_notebook(cells=[new_markdown_cell("no heading here"), new_code_cell("# a comment")])
    assert export_html.notebook_title(notebook, fallback="03_untitled") == "03_untitled"


@pytest.mark.parametrize("paths, message", [
    ([], "no notebooks to export"),
    ([ROOT / "README.md"], "expected existing .ipynb notebooks"),
    ([ROOT / "notebooks" / "99_missing.ipynb"], "expected existing .ipynb notebooks"),
])
def test_bad_paths_are_refused_with_a_clear_message(tmp_path, paths, message):
    with pytest.raises(ValueError, match=message):
        export_html.export_course(paths, tmp_path)


def test_the_command_without_arguments_prints_its_usage(capsys):
    assert export_html.main([]) == 2
    assert "usage: python tools/export_html.py OUT_DIR" in capsys.readouterr().err
