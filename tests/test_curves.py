"""The hand-written derivatives of the example curves are right: checked against SymPy and finite differences."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from course_utils.calculus import central_difference
from course_utils.lessons.nb01.curves import PARABOLA, SINE

x = sp.symbols("x")
SYMBOLIC = {PARABOLA: 3 * x**2 + 4 * x + 6, SINE: sp.sin(x)}
POINTS = np.linspace(-3.0, 3.0, 13)


@pytest.mark.parametrize("curve", [PARABOLA, SINE], ids=lambda c: c.name)
@pytest.mark.parametrize("order", [0, 1, 2, 3])
def test_each_derivative_matches_sympy(curve, order):
    exact = sp.lambdify(x, sp.diff(SYMBOLIC[curve], x, order), "numpy")
    np.testing.assert_allclose(curve.derivative(order, POINTS), exact(POINTS) + 0 * POINTS, atol=1e-12)


@pytest.mark.parametrize("curve", [PARABOLA, SINE], ids=lambda c: c.name)
@pytest.mark.parametrize("order", [1, 2, 3])
def test_each_derivative_is_the_slope_of_the_one_before(curve, order):
    lower = lambda points: curve.derivative(order - 1, points)  # noqa: E731
    numeric = central_difference(lower, POINTS, 1e-5)
    np.testing.assert_allclose(curve.derivative(order, POINTS), numeric, atol=1e-6)


def test_the_parabola_has_slope_16_at_2():
    assert PARABOLA.fn(2.0) == 26.0
    assert PARABOLA.grad(2.0) == 16.0


def test_a_scalar_in_gives_a_float_out_and_an_array_keeps_its_shape():
    assert isinstance(SINE.grad(0.5), float)
    assert isinstance(PARABOLA.derivative(3, 1.0), float)
    assert PARABOLA.derivative(2, np.zeros((2, 3))).shape == (2, 3)


@pytest.mark.parametrize("order", [-1, 4])
def test_an_order_outside_0_to_3_is_refused(order):
    with pytest.raises(ValueError, match=r"order \(0 is f itself\) must be in \[0, 3\]"):
        SINE.derivative(order, 1.0)


@pytest.mark.parametrize("order", [1.0, True, "2"])
def test_an_order_that_is_not_a_whole_number_is_refused(order):
    with pytest.raises(TypeError, match="order .* must be a whole number"):
        SINE.derivative(order, 1.0)


def test_non_numeric_or_infinite_points_get_a_clear_message():
    with pytest.raises(TypeError, match="x must be a number"):
        SINE.fn("one")
    with pytest.raises(ValueError, match="inf or NaN"):
        SINE.grad(np.inf)
