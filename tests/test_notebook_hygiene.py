"""The stored notebooks are what learners and nbval see: keep them executed, clean and portable."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
MACHINE_PATH = re.compile(r"(/home/|/root/|/Users/|/tmp/|/work/|site-packages|[A-Za-z]:\\\\)")
WARNING_TEXT = re.compile(r"\b\w*Warning\b:")


def _code_cells(path: Path):
    return [cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"]


def _output_texts(output) -> list[str]:
    """Every piece of text an output carries (streams, tracebacks, plain/HTML/LaTeX data)."""
    texts = [output.get("text", "")] + list(output.get("traceback", []))
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/"):
            texts.append(value if isinstance(value, str) else "".join(value))
    return texts


def test_there_are_notebooks_and_the_first_is_start_here():
    assert NOTEBOOKS, "no notebooks found in notebooks/"
    assert NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_python_kernelspec(path):
    kernelspec = nbformat.read(path, as_version=4).metadata.get("kernelspec", {})
    assert kernelspec.get("name") == "python3", f"{path.name}: kernelspec must be python3, got {kernelspec}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_was_executed_in_order(path):
    counts = [cell.execution_count for cell in _code_cells(path) if cell.source.strip()]
    assert None not in counts, f"{path.name}: unexecuted code cells; run `make notebooks`"
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: cells ran out of order: {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_errors_or_stderr_in_outputs(path):
    for index, cell in enumerate(_code_cells(path)):
        for output in cell.outputs:
            assert output.output_type != "error", f"{path.name} code cell {index}: {output.get('ename')}"
            assert output.get("name") != "stderr", f"{path.name} code cell {index}: stderr {output.get('text')!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_warnings_or_machine_paths_in_outputs(path):
    for index, cell in enumerate(_code_cells(path)):
        for output in cell.outputs:
            for text in _output_texts(output):
                assert not WARNING_TEXT.search(text), f"{path.name} code cell {index} shows a warning: {text[:200]!r}"
                assert not MACHINE_PATH.search(text), f"{path.name} code cell {index} shows a path: {text[:200]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_widget_output_carries_a_static_picture(path):
    for index, cell in enumerate(_code_cells(path)):
        for output in cell.outputs:
            data = output.get("data", {})
            if WIDGET_MIME in data:
                assert "image/png" in data, f"{path.name} code cell {index}: widget without a PNG fallback"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_widget_state(path):
    assert "widgets" not in nbformat.read(path, as_version=4).metadata, (
        f"{path.name}: stored widget state makes noisy diffs; re-execute with `make notebooks`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_opens_with_objectives_and_closes_with_takeaways(path):
    cells = nbformat.read(path, as_version=4).cells
    opening = cells[0].source.lower()
    closing = " ".join(cell.source.lower() for cell in cells[-2:])
    assert cells[0].cell_type == "markdown", f"{path.name}: open with a markdown cell"
    assert "objective" in opening or "you will" in opening, f"{path.name}: no learning objectives"
    assert "takeaway" in closing, f"{path.name}: the last cells should hold the key takeaways"


#: A number in e-notation (ASCII or typographic minus), and the words that make it a bound rather than digits.
E_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)e([+\-\u2212]?\d+)")
BOUND_WORDS = re.compile(r"(below|above|under|over|<|>|≤|≥)\s*$")
#: Seventeen digits print a float's last bits, which differ between CPUs; fifteen significant digits come close.
DECIMAL = re.compile(r"(?<![\w.])(\d*)\.(\d+)")
FULL_PRECISION_DIGITS = 15
STABLE_MARK = "# stable:"


def _printed_texts(cell):
    return [text for output in cell.outputs if output.output_type != "error" for text in _output_texts(output)]


def fragile_printouts(source: str, texts: list[str]) -> list[str]:
    """Round-off-level digits a stored output shows: tiny e-notation numbers not printed as bounds, full precision."""
    if STABLE_MARK in source:
        return []
    found = []
    for text in texts:
        for match in E_NUMBER.finditer(text):
            value = float(f"{match.group(1)}e{match.group(2).replace(chr(0x2212), '-')}")
            if 0 < value < 1e-5 and not BOUND_WORDS.search(text[: match.start()]):
                found.append(match.group(0))
        found += [match.group(0) for match in DECIMAL.finditer(text)
                  if len((match.group(1) + match.group(2)).lstrip("0")) >= FULL_PRECISION_DIGITS]
    return found


def test_the_fragile_printout_rule_catches_what_failed_on_other_cpus():
    assert fragile_printouts("", ["w5   0.071852088   2e-11\n"]) == ["2e-11"]
    assert fragile_printouts("", ["spread of outputs 5.7e-08"]) == ["5.7e-08"]
    assert fragile_printouts("", ["g·s = 0.12086626936899232"]) == ["0.12086626936899232"]
    assert fragile_printouts("", ["dE/dw1 0.00036774663701669033  0.000367746637017"]) == ["0.00036774663701669033"]
    assert fragile_printouts("", ["error below 1e\u22126, spread above 1e-7, loss 3.51e-05, norm 2.5e+01"]) == []
    assert fragile_printouts("# stable: products of slopes\nprint(x)", ["1.27e-13"]) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_round_off_level_numbers_print_as_bounds(path):
    """Digits below 1e-5 in e-notation, or at full precision, differ between CPUs:
    print a bound, or say why they hold.
    """
    for index, cell in enumerate(_code_cells(path)):
        fragile = fragile_printouts(cell.source, _printed_texts(cell))
        assert not fragile, (
            f"{path.name} code cell {index} prints {fragile[:3]}: round-off-level digits differ between CPUs. "
            "Print a bound with course_utils.formatting.format_below/format_above, "
            "or, if these digits hold on every CPU, say why in "
            f"a '{STABLE_MARK} ...' comment in the cell (README: Stored outputs that hold on every machine)."
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_stored_figure_says_what_it_shows(path):
    """Each stored PNG carries a real alt text in ``output.metadata["image/png"]["alt"]``, where the HTML export
    and screen readers find it: a figure cell ends in ``show_figure(fig, alt)``, an explorer gives its alt_text().
    """
    from course_utils.style import check_alt_text

    for index, cell in enumerate(_code_cells(path)):
        for output in cell.outputs:
            if "image/png" not in output.get("data", {}):
                continue
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            where = f"{path.name} code cell {index} (id {cell.get('id')})"
            assert alt, (f"{where} stores a figure without alt text: end the cell with "
                         "course_utils.style.show_figure(fig, alt) instead of plt.show(), and re-execute")
            try:
                check_alt_text(alt)
            except ValueError as error:
                pytest.fail(f"{where}: {error}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_figure_cells_show_figures_with_alt_text(path):
    """plt.show() stores a figure without alt text; show_figure(fig, alt) is the one way a notebook shows one."""
    for index, cell in enumerate(_code_cells(path)):
        assert not re.search(r"\bplt\.show\(", cell.source), (
            f"{path.name} code cell {index} ends in plt.show(): use course_utils.style.show_figure(fig, alt), "
            "with an alt text that says what the figure shows"
        )
