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


def _shaded_x_extent(bands) -> list[tuple[float, float]]:
    return [(float(p.vertices[:, 0].min()), float(p.vertices[:, 0].max())) for p in bands.get_paths()]


def test_the_saturated_region_is_shaded_as_in_the_comparison_explorer():
    extents = _shaded_x_extent(TangentExplorer("relu", x=1.0).saturated)
    assert extents == [(-6.0, 0.0)]
    tails = _shaded_x_extent(TangentExplorer("tanh", x=1.0).saturated)
    assert len(tails) == 2 and tails[0][1] < -2.9 and tails[1][0] > 2.9
    assert _shaded_x_extent(TangentExplorer("linear").saturated) == []


def test_only_a_shaded_explorer_has_a_saturated_legend_entry():
    def legend(explorer):
        return [t.get_text() for t in explorer.figure.axes[0].get_legend().get_texts()]

    assert "saturated: |f′| < 0.01" in legend(TangentExplorer("sigmoid"))
    assert not any("saturated" in text for text in legend(TangentExplorer("linear")))


def test_a_kink_is_marked_and_named_in_the_readout():
    explorer = TangentExplorer("relu", x=0.0)
    assert explorer.kinks == [0.0] and len(explorer.kink_lines) == 1
    assert "no derivative here; the code uses 0.0000" in explorer.readout.value
    explorer.x_slider.value = 0.5
    assert "kink" not in explorer.readout.value
    explorer.x_slider.value = 1e-17  # a slider step that lands on 0 only up to round-off
    assert "f′(x) = 0.0000 (a kink" in explorer.readout.value


def test_smooth_activations_and_elu_with_alpha_one_have_no_kink_mark():
    for name in ("sigmoid", "gelu", "elu"):
        assert TangentExplorer(name).kink_lines == []
    assert TangentExplorer("elu", alpha=2.0).kinks == [0.0]


def test_shading_and_kink_lines_are_static_only_the_tangent_and_point_move():
    explorer = TangentExplorer("leaky_relu", x=-1.0, alpha=0.1)
    assert explorer.moving == [explorer.artists["tangent"], explorer.artists["point"]]
    assert explorer.saturated not in explorer.moving and not set(explorer.kink_lines) & set(explorer.moving)


def test_the_alt_text_names_the_shading_and_the_kink():
    alt = TangentExplorer("relu", x=0.0).alt_text()
    assert "shaded grey where it saturates" in alt and "dotted line at the kink x = 0.00" in alt
    assert "shaded" not in TangentExplorer("linear").alt_text()


def test_the_title_uses_the_prose_name_with_its_parameter():
    explorer = TangentExplorer("leaky_relu", x=1.0, alpha=0.1)
    assert explorer.figure.axes[0].get_title() == "leaky ReLU (α = 0.10): value and slope at x"
    assert explorer.title == "Tangent explorer: leaky ReLU (α = 0.10)"
