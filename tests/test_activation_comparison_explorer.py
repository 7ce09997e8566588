"""The comparison explorer switches activations, x and α by moving existing artists, and its readout says so."""
from __future__ import annotations

import base64

import numpy as np
import pytest

from course_utils import activations
from course_utils.explorers import ActivationComparisonExplorer
from course_utils.formatting import MINUS
from course_utils.lessons.nb03.activation_facts import saturation_mask
from course_utils.style import break_at_jumps

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The activations that take an α, read from the registry like the explorer reads them.
WITH_ALPHA = [name for name, act in activations.ACTIVATIONS.items() if "alpha" in act.parameters]


@pytest.fixture
def explorer():
    return ActivationComparisonExplorer("leaky_relu", x=1.0)


def _artist_ids(explorer):
    ax = explorer.figure.axes[0]
    return [id(a) for a in (*ax.lines, *ax.collections, *ax.texts)], len(explorer.figure.axes)


def test_sliders_and_menu_follow_the_naming_convention(explorer):
    assert explorer.x_slider.continuous_update and explorer.alpha_slider.continuous_update
    assert "gelu" in dict(explorer.activation_menu.options).values()
    assert isinstance(explorer, ActivationComparisonExplorer)


def test_readout_shows_every_control_value_and_f_and_slope(explorer):
    explorer.x_slider.value = -2.0
    leaky = activations.get("leaky_relu", alpha=0.1)
    text = explorer.readout.value
    assert "activation: leaky ReLU" in text and f"x = {MINUS}2.00" in text and "α = 0.10" in text
    assert f"f(x) = {MINUS}0.2000" in text and f"f′(x) = {leaky.grad(-2.0):.4f}" in text


def test_moving_x_moves_point_and_tangent_only(explorer):
    ids_before = _artist_ids(explorer)
    curve_before = explorer.artists["function"].get_ydata().copy()
    explorer.activation_menu.value = "sigmoid"
    explorer.x_slider.value = 0.5
    sigmoid = activations.get("sigmoid")
    (px,), (py,) = explorer.artists["point"].get_data()
    assert (px, py) == (0.5, pytest.approx(sigmoid.fn(0.5)))
    xs, ys = explorer.artists["tangent"].get_data()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(sigmoid.grad(0.5))
    assert _artist_ids(explorer) == ids_before
    assert not np.allclose(explorer.artists["function"].get_ydata(), curve_before)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_switching_activation_sets_new_data_on_the_same_artists(explorer, name):
    ids_before = _artist_ids(explorer)
    explorer.activation_menu.value = name
    act = explorer.activation()
    xs = explorer.artists["function"].get_xdata()
    np.testing.assert_allclose(explorer.artists["function"].get_ydata(), act.fn(xs))
    np.testing.assert_allclose(explorer.artists["derivative"].get_ydata(), break_at_jumps(act.grad(xs)))
    assert _artist_ids(explorer) == ids_before
    low, high = explorer.figure.axes[0].get_ylim()
    assert low <= min(act.fn(xs).min(), act.grad(xs).min()) and high >= act.fn(xs).max()
    assert explorer.figure.axes[0].get_title().startswith(explorer.activation_menu.label)


def test_switching_to_sigmoid_shrinks_the_y_range(explorer):
    explorer.activation_menu.value = "sigmoid"
    assert explorer.figure.axes[0].get_ylim()[1] < 1.5


def test_shading_follows_the_activation(explorer):
    explorer.activation_menu.value = "relu"
    paths = explorer.artists["saturated"].get_paths()
    assert len(paths) == 1 and paths[0].vertices[:, 0].max() == pytest.approx(0.0, abs=0.01)
    explorer.activation_menu.value = "linear"
    assert explorer.artists["saturated"].get_paths() == [] or all(
        len(p.vertices) == 0 for p in explorer.artists["saturated"].get_paths())


@pytest.mark.parametrize("name", [name for name in activations.ACTIVATIONS if name not in WITH_ALPHA])
def test_alpha_slider_is_disabled_where_alpha_does_not_apply(explorer, name):
    explorer.activation_menu.value = name
    assert explorer.alpha_slider.disabled
    assert f"(unused by {explorer.activation_menu.label})" in explorer.readout.value


@pytest.mark.parametrize("name", WITH_ALPHA)
def test_alpha_slider_takes_the_range_of_the_activation_it_applies_to(explorer, name):
    explorer.activation_menu.value = name
    low, high, start = activations.get(name).parameters["alpha"].slider
    slider = explorer.alpha_slider
    assert not slider.disabled and (slider.min, slider.max, slider.value) == (low, high, start)


def test_alpha_changes_the_curve_and_the_readout(explorer):
    explorer.x_slider.value = -2.0
    explorer.alpha_slider.value = 0.3
    assert "α = 0.30" in explorer.readout.value and "f′(x) = 0.3000" in explorer.readout.value
    xs = explorer.artists["function"].get_xdata()
    np.testing.assert_allclose(explorer.artists["function"].get_ydata(), np.where(xs > 0, xs, 0.3 * xs))


def test_each_activation_remembers_its_own_alpha(explorer):
    explorer.alpha_slider.value = 0.25
    explorer.activation_menu.value = "elu"
    explorer.alpha_slider.value = 1.5
    explorer.activation_menu.value = "tanh"
    explorer.activation_menu.value = "leaky_relu"
    assert explorer.alpha_slider.value == 0.25
    explorer.activation_menu.value = "elu"
    assert explorer.alpha_slider.value == 1.5
    assert explorer.activation().params == {"alpha": 1.5}


def test_elu_alpha_moves_the_saturated_tail(explorer):
    explorer.activation_menu.value = "elu"
    explorer.alpha_slider.value = 2.0
    xs = explorer.xs
    expected_edge = xs[saturation_mask(activations.get("elu", alpha=2.0), xs)].max()
    assert explorer.artists["saturated"].get_paths()[0].vertices[:, 0].max() == pytest.approx(expected_edge)


def test_the_kink_is_named_at_zero_for_relu_but_not_for_smooth_functions(explorer):
    explorer.x_slider.value = 0.0
    assert "a kink: no derivative here; the code uses 0.1000" in explorer.readout.value
    explorer.activation_menu.value = "relu"
    assert "the code uses 0.0000, as PyTorch does" in explorer.readout.value
    explorer.activation_menu.value = "tanh"
    assert "kink" not in explorer.readout.value


def test_the_figure_has_a_title_labelled_axes_and_a_png_fallback(explorer):
    ax = explorer.figure.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    bundle, _ = explorer._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(PNG_SIGNATURE)
    assert "interactive" in bundle["text/plain"]


def test_a_start_without_alpha_disables_the_alpha_slider():
    explorer = ActivationComparisonExplorer("tanh", x=-1.0)
    assert explorer.alpha_slider.disabled and "activation: tanh" in explorer.readout.value


def test_a_starting_x_outside_the_range_is_refused():
    with pytest.raises(ValueError, match="must lie inside x_range"):
        ActivationComparisonExplorer("relu", x=9.0)


def test_an_unknown_activation_names_the_valid_ones():
    with pytest.raises(ValueError, match="Choose one of"):
        ActivationComparisonExplorer("sigmod")


@pytest.mark.parametrize("name", ["leaky_relu", "elu"])
def test_moving_alpha_keeps_the_axes_and_blits_instead_of_redrawing_everything(name):
    explorer = ActivationComparisonExplorer(name, x=-1.0)
    explorer.canvas.draw()
    full_draws = []
    explorer.canvas.mpl_connect("draw_event", full_draws.append)
    ylim = explorer.figure.axes[0].get_ylim()
    for alpha in (explorer.alpha_slider.min, explorer.alpha_slider.max):
        explorer.alpha_slider.value = alpha
        explorer._render()
        act = explorer.activation()
        xs = explorer.artists["function"].get_xdata()
        np.testing.assert_allclose(explorer.artists["function"].get_ydata(), act.fn(xs))
        low, high = explorer.figure.axes[0].get_ylim()
        assert low <= min(act.fn(xs).min(), act.grad(xs).min()) and high >= max(act.fn(xs).max(), act.grad(xs).max())
    assert explorer.figure.axes[0].get_ylim() == ylim
    assert not full_draws, "an α step redrew the whole figure"


def test_a_slider_value_a_round_off_away_from_the_kink_reads_as_the_kink():
    explorer = ActivationComparisonExplorer("relu", x=0.0)
    explorer.x_slider.value = 1e-16  # what min + k·step can give in the browser instead of 0
    assert "f′(x) = 0.0000 (a kink" in explorer.readout.value
