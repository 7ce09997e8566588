"""The descent explorer answers its sliders and its button headlessly, with one neuron's true numbers."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers.descent import DescentExplorer
from course_utils.formatting import format_number
from course_utils.lessons.nb04 import single_neuron


@pytest.fixture
def explorer():
    return DescentExplorer(w=0.5, eta=0.5)


def test_the_readout_shows_both_slider_values_and_the_true_error_and_slope(explorer):
    text = explorer.readout.value
    assert "w = 0.500" in text and "η = 0.50" in text
    assert f"E(w) = {format_number(single_neuron.error(0.5))}" in text
    assert "dE/dw = \u22120.2115" in text  # the seed's −0.212, with a typeset minus


def test_moving_w_moves_the_point_and_the_tangent(explorer):
    explorer.w_slider.value = -1.25
    x, y = explorer.artists["point"].get_data()
    assert x[0] == -1.25 and y[0] == pytest.approx(single_neuron.error(-1.25))
    tangent_x, tangent_y = explorer.artists["tangent"].get_data()
    slope = (tangent_y[1] - tangent_y[0]) / (tangent_x[1] - tangent_x[0])
    assert slope == pytest.approx(single_neuron.error_slope(-1.25))
    assert "w = \u22121.250" in explorer.readout.value


def test_eta_moves_the_landing_point_and_the_readout(explorer):
    before = explorer.readout.value
    explorer.eta_slider.value = 2.0
    landing = 0.5 - 2.0 * single_neuron.error_slope(0.5)
    assert explorer.artists["next"].get_data()[0][0] == pytest.approx(landing)
    assert explorer.readout.value != before and "η = 2.00" in explorer.readout.value


def test_the_button_applies_one_gradient_step_and_extends_the_trail(explorer):
    explorer.take_step()
    expected = 0.5 - 0.5 * single_neuron.error_slope(0.5)
    assert explorer.w_slider.value == pytest.approx(expected)
    explorer.step_button.click()
    assert len(explorer.trail) == 3
    trail_x, _ = explorer.artists["trail"].get_data()
    np.testing.assert_allclose(trail_x, explorer.trail)
    assert "steps taken: 2" in explorer.readout.value


def test_steps_lower_the_error_here_because_the_slope_points_uphill(explorer):
    errors = []
    for _ in range(5):
        errors.append(single_neuron.error(explorer.w_slider.value))
        explorer.take_step()
    assert np.all(np.diff(errors) < 0)
    assert "a step moves right (w grows)" in explorer.readout.value


def test_dragging_w_by_hand_starts_a_new_trail(explorer):
    explorer.take_step()
    explorer.w_slider.value = 2.0
    assert explorer.trail == [2.0]


def test_a_step_stops_at_the_edge_of_the_slider():
    explorer = DescentExplorer(w=1.0, eta=5.0, w_range=(-3.0, 1.2))
    for _ in range(3):
        explorer.take_step()
    assert explorer.w_slider.value == 1.2
    assert explorer.trail == [1.0, 1.2]


def test_a_starting_w_outside_the_range_is_refused():
    with pytest.raises(ValueError, match="must lie inside w_range"):
        DescentExplorer(w=9.0)


def test_the_static_picture_is_a_png(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert bundle["image/png"] and "Descent explorer" in bundle["text/plain"]


def test_a_wider_eta_range_reaches_the_plateau_and_marks_the_minimum():
    explorer = DescentExplorer(w=-1.0, eta=20.0, t=0.8, w_range=(-3.0, 6.0), eta_range=(0.05, 20.0))
    assert explorer.eta_slider.max == 20.0
    assert explorer.best_w() == pytest.approx(np.log(4.0) / 2.0)
    assert "minimum" in explorer.artists
    explorer.take_step()
    assert explorer.w_slider.value > 4.5
    assert "dotted line marks the minimum at w = 0.693" in explorer.alt_text()


def test_an_unreachable_target_has_no_minimum_to_mark():
    explorer = DescentExplorer()
    assert explorer.best_w() is None and "minimum" not in explorer.artists
    assert "no minimum" in explorer.alt_text()


def test_the_default_eta_range_is_unchanged_and_a_bad_range_is_refused():
    with pytest.raises(ValueError, match="between 0.05 and 5.0"):
        DescentExplorer(eta=10)
    with pytest.raises(ValueError, match="positive learning rates"):
        DescentExplorer(eta_range=(0.0, 1.0))


def test_alt_text_says_the_error_barely_changes_when_it_rounds_to_the_same_number():
    explorer = DescentExplorer(w=4.7, eta=20.0, t=0.8, w_range=(-3.0, 6.0), eta_range=(0.05, 20.0))
    text = explorer.alt_text()
    assert "barely changes" in text and "goes from 0.04 to 0.04" not in text
