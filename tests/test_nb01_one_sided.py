"""One-sided secant slopes in notebook 01: both sides agree on a parabola and disagree at a kink."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.lessons.nb01.curves import PARABOLA
from course_utils.lessons.nb01.figures import plot_kink_secants
from course_utils.lessons.nb01.one_sided import kink_table_rows, one_sided_slopes, secant_slope

RELU = activations.get("relu").fn


def test_on_the_parabola_right_slopes_are_16_plus_3h_and_left_ones_16_minus_3h():
    h = np.array([0.1, 0.01, 0.001])
    sides = one_sided_slopes(PARABOLA.fn, 2.0, h)
    np.testing.assert_allclose(sides.right, 16 + 3 * h, rtol=1e-9)
    np.testing.assert_allclose(sides.left, 16 - 3 * h, rtol=1e-9)


@pytest.mark.parametrize("f, right, left", [(np.abs, 1.0, -1.0), (RELU, 1.0, 0.0)])
def test_at_a_kink_the_two_sides_stay_apart_however_small_h(f, right, left):
    sides = one_sided_slopes(f, 0.0, [0.1, 1e-3, 1e-5, 1e-9])
    assert np.all(sides.right == right) and np.all(sides.left == left)


def test_a_zero_slope_to_the_left_prints_without_a_minus_sign():
    assert str(secant_slope(RELU, 0.0, -0.1)) == "0.0"
    assert kink_table_rows(one_sided_slopes(RELU, 0.0, [0.1]))[0] == ["0.1", "1.000000", "0.000000"]


def test_the_kink_figure_draws_both_secants_with_different_line_styles():
    fig = Figure()
    axes = fig.subplots(1, 2)
    slopes = plot_kink_secants(axes, {"|x|": np.abs, "ReLU": RELU}, 0.5)
    assert slopes == {"|x|": (1.0, -1.0), "ReLU": (1.0, 0.0)}
    for ax in axes:
        styles = {line.get_label(): line.get_linestyle() for line in ax.lines}
        right = next(style for label, style in styles.items() if label.startswith("right"))
        left = next(style for label, style in styles.items() if label.startswith("left"))
        assert right != left
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="must not be 0"):
        secant_slope(np.abs, 0.0, 0.0)
    with pytest.raises(ValueError, match="positive"):
        one_sided_slopes(np.abs, 0.0, [-0.1])
    with pytest.raises(TypeError):
        secant_slope("abs", 0.0, 0.1)
