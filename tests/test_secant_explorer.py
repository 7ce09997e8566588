"""The secant explorer moves its lines with x and h and reads out both slopes, headlessly."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers.secant import SecantExplorer
from course_utils.lessons.nb01.curves import PARABOLA, SINE


@pytest.fixture
def explorer():
    return SecantExplorer(x=2.0, h=1.0)


def _slope(line):
    xs, ys = (np.asarray(data, dtype=float) for data in line.get_data())
    return (ys[1] - ys[0]) / (xs[1] - xs[0])


def test_the_readout_shows_both_sliders_and_both_slopes(explorer):
    explorer.h_slider.value = 0.5
    text = explorer.readout.value
    assert "x = 2.00" in text and "h = 0.50" in text
    assert "secant slope = 17.5000" in text  # (f(2.5) − f(2)) / 0.5 = 16 + 3·0.5
    assert "f′(x) = 16.0000" in text and "gap = 1.5000" in text


def test_the_secant_passes_through_both_points_and_the_tangent_has_slope_f_prime(explorer):
    explorer.x_slider.value = -1.0
    explorer.h_slider.value = 0.3
    xs, ys = explorer.points.get_data()
    np.testing.assert_allclose(xs, [-1.0, -0.7])
    np.testing.assert_allclose(ys, PARABOLA.fn(np.array([-1.0, -0.7])))
    assert _slope(explorer.secant) == pytest.approx((PARABOLA.fn(-0.7) - PARABOLA.fn(-1.0)) / 0.3)
    assert _slope(explorer.tangent) == pytest.approx(PARABOLA.grad(-1.0))


def test_the_secant_slope_approaches_the_tangent_slope_as_h_shrinks(explorer):
    gaps = []
    for h in (1.0, 0.1, 0.01):
        explorer.h_slider.value = h
        gaps.append(abs(_slope(explorer.secant) - _slope(explorer.tangent)))
    np.testing.assert_allclose(gaps, [3.0, 0.3, 0.03], rtol=1e-6)


def test_negative_values_use_a_true_minus(explorer):
    explorer.x_slider.value = -1.5
    assert "x = \u22121.50" in explorer.readout.value
    assert "f′(x) = \u22125.0000" in explorer.readout.value


def test_another_curve_can_be_explored():
    explorer = SecantExplorer(SINE, x=0.0, h=0.01, x_range=(-3.0, 3.0))
    assert "f′(x) = 1.0000" in explorer.readout.value


@pytest.mark.parametrize("kwargs, error, message", [
    ({"x": 5.0}, ValueError, "inside x_range"),
    ({"h": 0.0}, ValueError, "between 0.01"),
    ({"h": 3.0}, ValueError, "between 0.01"),
    ({"curve": np.sin}, TypeError, "Curve"),
])
def test_bad_settings_are_refused_with_a_clear_message(kwargs, error, message):
    with pytest.raises(error, match=message):
        SecantExplorer(**kwargs)


def test_the_static_fallback_is_a_png_and_fixed_text(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Secant explorer")
    assert len(bundle["image/png"]) > 1000


def test_the_curve_the_secant_and_the_tangent_differ_by_line_style_not_only_colour(explorer):
    patterns = [line._unscaled_dash_pattern for line in explorer.figure.axes[0].lines[:4]]
    assert len(set(patterns)) == 4, patterns  # curve, tangent, secant, left secant


def test_both_sides_adds_the_left_secant_and_reads_out_both_slopes():
    explorer = SecantExplorer(x=2.0, h=1.0, both_sides=True)
    explorer.h_slider.value = 0.5
    text = explorer.readout.value
    assert "right secant slope = 17.5000" in text and "left secant slope = 14.5000" in text  # 16 ± 3h
    assert _slope(explorer.left_secant) == pytest.approx(16 - 3 * 0.5)
    np.testing.assert_allclose(explorer.points.get_data()[0], [1.5, 2.0, 2.5])
    assert explorer.left_secant in explorer.moving
    assert "left secant" in explorer.alt_text()
    # the left secant has its own dash pattern (dashed), so no two lines differ by colour alone
    patterns = {line._unscaled_dash_pattern for line in (explorer.secant, explorer.left_secant, explorer.tangent)}
    assert len(patterns) == 3


def test_one_side_by_default_leaves_the_left_secant_empty(explorer):
    assert len(explorer.left_secant.get_xdata()) == 0
    assert "left" not in explorer.readout.value


def test_both_sides_must_be_a_bool():
    with pytest.raises(TypeError, match="both_sides"):
        SecantExplorer(both_sides="yes")


def test_the_tangent_is_dash_dotted_as_in_every_other_figure_of_the_course():
    from matplotlib.figure import Figure

    from course_utils.style import plot_function_with_tangent

    explorer = SecantExplorer(x=2.0, h=1.0, both_sides=True)
    ax = Figure().add_subplot()
    house = plot_function_with_tangent(ax, PARABOLA.fn, PARABOLA.grad, 2.0, name="f")["tangent"]
    assert explorer.tangent.get_linestyle() == house.get_linestyle() == "-."
    assert explorer.tangent.get_color() == house.get_color()
    assert explorer.secant.get_linestyle() not in {"-.", "--"}  # no style means two things
