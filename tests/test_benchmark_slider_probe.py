"""The slider benchmark finds explorers generically and moves each slider by one step inside its range."""
import ipywidgets as widgets
import nbformat
import pytest

from benchmarks import slider_updates
from benchmarks.slider_probe import (
    explorers_in_memory,
    measure_explorer,
    neighbour_value,
    sliders_of,
)
from course_utils.explorers import TangentExplorer


@pytest.mark.parametrize(
    "slider, expected",
    [
        (widgets.FloatSlider(value=1.0, min=0.0, max=2.0, step=0.5), 1.5),
        (widgets.FloatSlider(value=2.0, min=0.0, max=2.0, step=0.5), 1.5),
        (widgets.IntSlider(value=50, min=2, max=50, step=1), 49),
        (widgets.FloatLogSlider(value=10.0, base=10, min=-1, max=1, step=0.5), 10 ** 0.5),
        (widgets.SelectionSlider(options=["a", "b", "c"], value="c"), "b"),
    ],
)
def test_neighbour_value_is_one_step_away_and_inside_the_range(slider, expected):
    assert neighbour_value(slider) == pytest.approx(expected)


def test_explorers_are_found_in_memory_with_their_sliders():
    explorer = TangentExplorer("tanh", x=0.5)
    assert explorer in explorers_in_memory()
    assert list(sliders_of(explorer)) == ["x_slider"]


def test_measuring_an_explorer_reports_every_cost_and_leaves_the_slider_in_range():
    explorer = TangentExplorer("sigmoid", x=6.0)
    row = measure_explorer(explorer, repeats=3)
    assert row["explorer"] == "TangentExplorer" and row["sliders"] == ["x_slider"]
    assert {"callback_ms", "step_ms", "replot_ms"} <= set(row) and len(row["step_ms"]) == 1
    assert explorer.x_slider.value in (6.0, 5.95)


def test_a_notebook_is_measured_in_its_own_kernel(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from course_utils.explorers import TangentExplorer\nTangentExplorer('tanh')"),
    ])
    path = tmp_path / "one_explorer.ipynb"
    nbformat.write(notebook, path)
    (cost,) = slider_updates.measure_notebook(path, repeats=3)
    assert cost.notebook == "one_explorer" and cost.sliders == ["x_slider"]
    assert cost.explorer.startswith("TangentExplorer")
