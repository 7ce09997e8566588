"""Numerical derivatives: they converge at the rates the lesson claims, and misuse gets a clear message."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.calculus import (
    central_difference,
    forward_difference,
    gradcheck,
    numerical_gradient,
    relative_error,
)


def parabola(x):
    return 3 * x**2 + 4 * x + 6


def test_difference_quotients_of_the_lesson_parabola_approach_16():
    assert forward_difference(parabola, 2.0, h=1e-6) == pytest.approx(16.0, abs=1e-4)
    assert central_difference(parabola, 2.0, h=1e-4) == pytest.approx(16.0, abs=1e-8)


def test_forward_difference_error_shrinks_like_h():
    errors = [abs(forward_difference(np.sin, 1.0, h) - math.cos(1.0)) for h in (1e-2, 1e-3)]
    assert errors[0] / errors[1] == pytest.approx(10.0, rel=0.05)


def test_central_difference_error_shrinks_like_h_squared():
    errors = [abs(central_difference(np.sin, 1.0, h) - math.cos(1.0)) for h in (1e-2, 1e-3)]
    assert errors[0] / errors[1] == pytest.approx(100.0, rel=0.05)


def test_too_small_a_step_is_ruined_by_round_off():
    assert abs(forward_difference(np.sin, 1.0, 1e-15) - math.cos(1.0)) > 1e-3


def test_differences_work_elementwise_on_arrays():
    xs = np.array([0.0, 1.0, 2.0])
    np.testing.assert_allclose(central_difference(np.exp, xs), np.exp(xs), rtol=1e-9)


def test_numerical_gradient_of_a_matrix_has_the_matrix_shape():
    w = np.arange(6.0).reshape(2, 3)
    grad = numerical_gradient(lambda m: np.sum(m**2), w)
    assert grad.shape == (2, 3)
    np.testing.assert_allclose(grad, 2 * w, atol=1e-8)


def test_numerical_gradient_leaves_its_input_untouched():
    w = np.array([1.0, 2.0])
    numerical_gradient(lambda v: float(v @ v), w)
    np.testing.assert_array_equal(w, [1.0, 2.0])


def test_relative_error_is_scale_free_and_calm_near_zero():
    assert relative_error(1.0, 1.01) == pytest.approx(0.01 / 1.01)
    assert relative_error(1e6, 1.01e6) == pytest.approx(0.01 / 1.01)
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(1e-12, 2e-12) < 1e-3


def test_relative_error_reports_the_worst_entry():
    assert relative_error([1.0, 2.0], [1.0, 4.0]) == pytest.approx(0.5)


def test_gradcheck_passes_a_right_gradient_and_fails_a_planted_bug():
    x = np.array([0.5, -1.5, 2.0])
    loss = lambda v: float(np.sum(np.sin(v) * v))
    right = lambda v: np.cos(v) * v + np.sin(v)
    buggy = lambda v: np.cos(v) * v  # forgot the product rule's second term
    good = gradcheck(loss, right, x)
    assert good.passed and good.max_relative_error < 1e-8
    bad = gradcheck(loss, buggy, x)
    assert not bad.passed and bad.max_relative_error > 0.1


def test_gradcheck_explains_a_gradient_of_the_wrong_shape():
    with pytest.raises(ValueError, match=r"grad_f\(x\) has shape \(2,\) but x has shape \(3,\)"):
        gradcheck(lambda v: float(np.sum(v)), lambda v: np.ones(2), np.zeros(3))


@pytest.mark.parametrize("h", [0, -1e-5, float("nan"), float("inf")])
def test_a_step_that_is_not_positive_and_finite_is_refused(h):
    with pytest.raises(ValueError, match="finite number greater than 0"):
        central_difference(np.sin, 1.0, h)


def test_a_step_that_is_not_a_number_is_a_type_error():
    with pytest.raises(TypeError, match="must be a number such as 1e-5"):
        forward_difference(np.sin, 1.0, "small")


def test_a_non_callable_function_says_what_to_pass():
    with pytest.raises(TypeError, match=r"f must be a function.*lambda x: x\*\*2"):
        central_difference(3.0, 1.0)


@pytest.mark.parametrize("x", [float("nan"), [1.0, float("inf")]])
def test_non_finite_points_are_refused(x):
    with pytest.raises(ValueError, match="contains inf or NaN"):
        forward_difference(np.sin, x)


def test_non_numeric_points_are_a_type_error():
    with pytest.raises(TypeError, match="x must be a number or a numeric array"):
        central_difference(np.sin, "one")


def test_numerical_gradient_needs_a_scalar_function():
    with pytest.raises(ValueError, match="single number.*np.sum"):
        numerical_gradient(lambda v: v * 2, np.ones(3))


def test_relative_error_of_different_shapes_is_refused():
    with pytest.raises(ValueError, match=r"same shape, got \(2,\) and \(3,\)"):
        relative_error(np.ones(2), np.ones(3))


def test_at_1e8_the_fixed_default_step_is_below_the_float_spacing_and_the_slope_of_sin_is_off():
    x = 1e8
    assert np.spacing(x) > 1e-8  # so x + 1e-8 is rounded to the next float
    assert forward_difference(np.sin, x) == pytest.approx(-0.5415, abs=1e-4)
    assert math.cos(x) == pytest.approx(-0.3634, abs=1e-4)
    assert forward_difference(np.sin, x) / math.cos(x) == pytest.approx(((x + 1e-8) - x) / 1e-8, rel=1e-6)


def test_scale_with_x_fixes_the_slope_of_log_far_from_zero():
    x = 1e8
    assert relative_error(forward_difference(np.log, x), 1 / x) > 0.1
    assert relative_error(central_difference(np.log, x), 1 / x) > 1e-3
    assert relative_error(forward_difference(np.log, x, scale_with_x=True), 1 / x) < 1e-5
    assert relative_error(central_difference(np.log, x, scale_with_x=True), 1 / x) < 1e-9


def test_scale_with_x_leaves_points_near_zero_almost_unchanged_and_works_on_arrays():
    from course_utils.calculus import scaled_step

    assert scaled_step(0.5, 1e-5) == 1e-5 and scaled_step(-3.0, 1e-5) == pytest.approx(3e-5)
    np.testing.assert_allclose(scaled_step(np.array([0.0, 10.0]), 1e-5), [1e-5, 1e-4])
    xs = np.array([-2.0, 0.0, 0.5, 40.0])
    np.testing.assert_allclose(central_difference(np.sin, xs, scale_with_x=True), np.cos(xs), atol=1e-8)
    np.testing.assert_allclose(forward_difference(np.sin, xs, scale_with_x=True), np.cos(xs), atol=1e-6)


def test_the_defaults_are_unchanged_for_the_notebooks_that_rely_on_them():
    import inspect

    assert inspect.signature(forward_difference).parameters["h"].default == 1e-8
    assert inspect.signature(central_difference).parameters["h"].default == 1e-5
    assert central_difference(np.sin, 2.0) == (np.sin(2.0 + 1e-5) - np.sin(2.0 - 1e-5)) / 2e-5
