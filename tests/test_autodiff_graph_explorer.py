"""The autodiff-graph explorer rewrites values and gradients in place when any input slider moves."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import topological_order
from course_utils.explorers import AutodiffGraphExplorer
from course_utils.formatting import MINUS, format_number
from course_utils.lessons.nb05.autodiff_examples import routing_example


@pytest.fixture
def explorer():
    return AutodiffGraphExplorer(x=1.0, y=-0.5, z=0.3)


def _expected_gradients(x, y, z):
    slope = 1 - math.tanh(x * y + max(y, z)) ** 2
    return slope * y, slope * (x + (1.0 if y >= z else 0.0)), slope * (1.0 if z > y else 0.0)


@pytest.mark.parametrize("slider, value", [("x_slider", -1.25), ("y_slider", 0.75), ("z_slider", -2.0)])
def test_each_slider_updates_the_readout_with_its_value_and_the_gradients(explorer, slider, value):
    getattr(explorer, slider).value = value
    x, y, z = explorer.x_slider.value, explorer.y_slider.value, explorer.z_slider.value
    text = explorer.readout.value
    assert f"x = {format_number(x, 2)}" in text and f"y = {format_number(y, 2)}" in text
    assert f"z = {format_number(z, 2)}" in text
    assert f"L = {format_number(math.tanh(x * y + max(y, z)))}" in text
    for name, grad in zip("xyz", _expected_gradients(x, y, z)):
        assert f"∂L/∂{name} = {format_number(grad)}" in text


def test_the_readout_uses_a_true_minus(explorer):
    assert f"y = {MINUS}0.50" in explorer.readout.value


def test_a_slider_move_rewrites_node_texts_without_new_artists(explorer):
    ax = explorer.figure.axes[0]
    texts_before, patches_before = list(ax.texts), list(ax.patches)
    explorer.y_slider.value = 1.5
    expected = routing_example(1.0, 1.5, 0.3)
    expected.backward()
    shown = [(v.get_text(), g.get_text()) for v, g in zip(explorer.artists["values"], explorer.artists["grads"])]
    assert shown == [(f"value {format_number(n.data)}", f"grad {format_number(n.grad)}")
                     for n in topological_order(expected)]
    assert list(ax.texts) == texts_before and list(ax.patches) == patches_before


def test_the_max_edge_that_loses_fades_when_the_winner_changes(explorer):
    def faint():
        return [slot for node, slot, arrow in explorer.artists["edges"] if node.op == "max" and arrow.get_alpha() < 1]

    assert faint() == [0]  # y = −0.5 < z = 0.3: y's edge into max carries no gradient
    explorer.y_slider.value = 1.0
    assert faint() == [1]


def test_a_start_outside_the_slider_range_is_refused():
    with pytest.raises(ValueError, match="must lie in"):
        AutodiffGraphExplorer(x=5.0)


def test_the_widget_carries_a_png_for_readers_without_a_kernel(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert "image/png" in bundle and "interactive" in bundle["text/plain"]


def test_redrawing_only_the_changed_texts_gives_the_picture_of_a_full_redraw():
    blitted, redrawn = AutodiffGraphExplorer(), AutodiffGraphExplorer()
    for explorer in (blitted, redrawn):
        explorer.canvas.draw()
    rng = np.random.default_rng(7)
    for _ in range(15):  # many steps in a row, each redrawing only what changed since the last
        index, value = int(rng.integers(3)), float(np.round(rng.uniform(-2.0, 2.0), 2))
        for explorer in (blitted, redrawn):
            explorer.controls[index].value = value
        blitted._render()
        redrawn.redraw_everything()
        redrawn._render()
        np.testing.assert_array_equal(np.asarray(blitted.canvas.get_renderer().buffer_rgba()),
                                      np.asarray(redrawn.canvas.get_renderer().buffer_rgba()))
