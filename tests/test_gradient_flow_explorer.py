"""The gradient-flow explorer answers every control, headlessly, with the numbers vanishing.py measures."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers.gradient_flow import (
    NORM_LIMITS,
    GradientFlowExplorer,
)
from course_utils.formatting import format_exponential
from course_utils.lessons.nb06 import vanishing


@pytest.fixture
def explorer():
    return GradientFlowExplorer(depth=20, activation="sigmoid", init_scale=1.0)


def test_the_plotted_line_is_the_measured_norm_of_every_layer(explorer):
    layers, norms = explorer.line.get_data()
    expected = vanishing.gradient_norms_by_layer(20, explorer.width, "sigmoid", "xavier", explorer.seed, 1.0)
    np.testing.assert_array_equal(layers, np.arange(1, 21))
    np.testing.assert_allclose(norms, np.clip(expected, *NORM_LIMITS))


@pytest.mark.parametrize("control, value", [
    ("depth_slider", 35), ("scale_slider", 2.0), ("activation_menu", "relu"), ("architecture_menu", "residual"),
])
def test_every_control_changes_the_readout_and_the_line(explorer, control, value):
    readout_before = explorer.readout.value
    norms_before = np.array(explorer.line.get_data()[1])
    getattr(explorer, control).value = value
    norms_after = np.array(explorer.line.get_data()[1])
    assert explorer.readout.value != readout_before
    assert norms_after.shape != norms_before.shape or not np.allclose(norms_after, norms_before)


def test_the_depth_slider_sets_the_number_of_points(explorer):
    explorer.depth_slider.value = 7
    assert len(explorer.line.get_data()[0]) == 7
    assert "layer 7:" in explorer.readout.value


def test_the_readout_reports_first_last_and_ratio_with_a_true_minus(explorer):
    norms = explorer.norms()
    text = explorer.readout.value
    assert format_exponential(norms[0], 2) in text
    assert format_exponential(norms[-1], 2) in text
    assert format_exponential(norms[0] / norms[-1], 2) in text
    assert "\u2212" in text and "e-" not in text  # sigmoid norms are tiny: negative exponents, typeset minus


def test_norms_beyond_the_plot_are_drawn_at_its_edge_and_marked():
    explorer = GradientFlowExplorer(depth=50, activation="relu", init_scale=5.0)
    norms = explorer.line.get_data()[1]
    assert np.all(np.isfinite(norms)) and np.all(norms <= NORM_LIMITS[1])
    assert len(explorer.above.get_data()[0]) == 50 and len(explorer.below.get_data()[0]) == 0
    assert format_exponential(explorer.norms()[0], 2) in explorer.readout.value  # the readout gives the true size


def test_vanishing_norms_below_the_plot_are_marked_below():
    explorer = GradientFlowExplorer(depth=50, activation="relu", init_scale=0.25)
    expected_below = explorer.norms() <= NORM_LIMITS[0]
    assert expected_below.any()
    np.testing.assert_array_equal(explorer.below.get_data()[0], np.arange(1, 51)[expected_below])
    assert len(explorer.above.get_data()[0]) == 0


def test_within_range_nothing_is_marked(explorer):
    assert len(explorer.above.get_data()[0]) == 0 and len(explorer.below.get_data()[0]) == 0


@pytest.mark.parametrize("kwargs, words", [
    ({"activation": "softmax"}, "unknown activation .softmax.. Choose one of: sigmoid, tanh, relu, leaky_relu"),
    ({"depth": 1}, "must lie between 2 and max_depth = 50"),
    ({"depth": 51}, "must lie between 2 and max_depth = 50"),
    ({"init_scale": 20.0}, "between 0.25 and 5.0"),
])
def test_bad_settings_are_refused_with_a_clear_message(kwargs, words):
    with pytest.raises(ValueError, match=words):
        GradientFlowExplorer(**kwargs)


def test_the_static_fallback_is_a_png_and_fixed_text(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Gradient-flow explorer")
    assert len(bundle["image/png"]) > 1000


def test_the_readout_shows_every_control_as_the_control_shows_it(explorer):
    explorer.depth_slider.value = 35
    explorer.scale_slider.value = 1.41
    explorer.activation_menu.value = "leaky_relu"
    text = explorer.readout.value
    assert "leaky_relu, depth 35, init scale 1.41 × Xavier" in text


def test_names_are_read_in_any_case_as_everywhere_in_the_course():
    assert GradientFlowExplorer(activation="ReLU").activation_menu.value == "relu"


@pytest.mark.parametrize("architecture, residual, normalise", [
    ("residual", True, False), ("normalised", False, True), ("residual + normalised", True, True),
])
def test_the_architecture_menu_plots_the_remedied_networks_norms(explorer, architecture, residual, normalise):
    from course_utils.lessons.nb06.remedies import FlowNetwork

    explorer.architecture_menu.value = architecture
    net = FlowNetwork(20, explorer.width, "sigmoid", "xavier", seed=explorer.seed, residual=residual,
                      normalise=normalise)
    expected = net.gradient_norms(*vanishing.probe_batch(explorer.width, seed=explorer.seed))
    np.testing.assert_allclose(explorer.line.get_data()[1], np.clip(expected, *NORM_LIMITS))
    assert f"Xavier, {architecture} " in explorer.readout.value
    assert architecture in explorer.alt_text()


def test_a_skip_connection_lifts_the_sigmoids_first_layer_gradient_in_the_explorer(explorer):
    plain_first = explorer.norms()[0]
    explorer.architecture_menu.value = "residual"
    assert explorer.norms()[0] > 1e6 * plain_first


def test_an_unknown_architecture_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="residual"):
        GradientFlowExplorer(architecture="skip")
