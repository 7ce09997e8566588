"""The secant explorer moves its lines with x and h and reads out both slopes, headlessly."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers.secant import SecantExplorer
from course_utils.lessons.nb01.curves import PARABOLA, SINE

# ipympl's Toolbar passes an argument traitlets deprecates; that is ipympl's business, not ours.
pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")


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
