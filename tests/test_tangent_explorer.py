"""The tangent explorer follows its slider without re-plotting, and shows a picture where widgets cannot run."""
from __future__ import annotations

import base64

import matplotlib
import numpy as np
import pytest

from course_utils import activations
from course_utils.explorers import TangentExplorer, figure_png
from course_utils.formatting import MINUS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def explorer():
    return TangentExplorer("sigmoid", x=1.0)


def test_readout_shows_x_the_value_and_the_slope(explorer):
    sigmoid = activations.get("sigmoid")
    explorer.x_slider.value = -2.0
    assert f"x = {MINUS}2.00" in explorer.readout.value
    assert f"f(x) = {sigmoid.fn(-2.0):.4f}" in explorer.readout.value
    assert f"f′(x) = {sigmoid.grad(-2.0):.4f}" in explorer.readout.value


def test_moving_the_slider_moves_the_point_and_the_tangent(explorer):
    sigmoid = activations.get("sigmoid")
    lines_before = list(explorer.figure.axes[0].lines)
    explorer.x_slider.value = 0.5
    point_x, point_y = explorer.artists["point"].get_data()
    assert (point_x[0], point_y[0]) == (0.5, pytest.approx(sigmoid.fn(0.5)))
    xs, ys = explorer.artists["tangent"].get_data()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(sigmoid.grad(0.5))
    assert list(explorer.figure.axes[0].lines) == lines_before, "a slider move must not add artists"


def test_the_figure_has_a_title_and_labelled_axes(explorer):
    ax = explorer.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_the_mimebundle_carries_a_png_and_a_text_fallback(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(PNG_SIGNATURE)
    assert "interactive" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_parameters_reach_the_activation():
    explorer = TangentExplorer("leaky_relu", x=-1.0, alpha=0.2)
    assert "f′(x) = 0.2000" in explorer.readout.value


def test_creating_an_explorer_leaves_the_pyplot_backend_alone():
    backend = matplotlib.get_backend()
    TangentExplorer("tanh")
    assert matplotlib.get_backend() == backend


def test_a_starting_x_outside_the_range_is_refused():
    with pytest.raises(ValueError, match="must lie inside x_range"):
        TangentExplorer("relu", x=10.0)


def test_an_unknown_activation_names_the_valid_ones():
    with pytest.raises(ValueError, match="Choose one of"):
        TangentExplorer("sigmod")


def test_every_activation_gets_an_explorer_with_finite_axes():
    for name in activations.ACTIVATIONS:
        ax = TangentExplorer(name).figure.axes[0]
        assert np.all(np.isfinite(ax.get_ylim()))


def test_the_still_picture_carries_the_readout_as_a_caption():
    from course_utils.explorers.base import readout_text

    explorer = TangentExplorer("sigmoid", x=1.0)
    assert readout_text(explorer.readout.value) == "x = 1.00 \xa0|\xa0 f(x) = 0.7311 \xa0|\xa0 f′(x) = 0.1966"
    assert figure_png(explorer.figure, caption="x = 1.00") != figure_png(explorer.figure, caption="x = 2.00")
    assert explorer.figure.texts == [], "the caption is drawn for the picture only, not left on the figure"
