"""Notebook 03's numerics: log-sum-exp, a cross-entropy that never overflows, GELU's tanh form, one-sign gradients."""
from __future__ import annotations

import math

import numpy as np
import pytest
import sympy

from course_utils import activations
from course_utils.calculus import numerical_gradient
from course_utils.lessons.nb03 import numerics
from course_utils.lessons.nb03.symbolic_activations import (
    check_gelu_tanh_derivative,
    gelu_tanh_formula,
    normal_mean_closed_forms,
)
from course_utils.lessons.nb03.symbolic_activations import x as x_sym


@pytest.mark.parametrize("x", [[1.0, 2.0, 3.0], [1000.0, 1001.0, 1002.0], [-1000.0, -1000.0], [0.0, -800.0],
                               [7.5], [1e308, 1e308]])
def test_logsumexp_matches_the_textbook_value_without_warnings(x):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = numerics.logsumexp(x)
    m = max(x)
    expected = m + math.log(sum(math.exp(v - m) for v in x))
    assert value == pytest.approx(expected, rel=1e-15)


def test_logsumexp_of_scores_spanning_more_than_the_largest_float_is_quiet():
    with np.errstate(all="raise"):
        assert numerics.logsumexp([1e308, -1e308]) == 1e308
        assert numerics.logsumexp([-1e308, 1e308]) == 1e308
        np.testing.assert_array_equal(numerics.log_softmax([1e308, -1e308]), [0.0, -np.inf])
        assert numerics.cross_entropy_from_scores([1e308, -1e308], [1.0, 0.0]) == 0.0


def test_the_gelu_value_gap_exceeds_a_ten_thousandth_only_on_two_stretches():
    stretches = numerics.gelu_value_gap_above(1e-4)
    assert np.allclose(stretches, [(0.85, 1.75), (2.0, 3.8)], atol=0.01)
    assert numerics.gelu_value_gap_above(1e-3) == []


def test_logsumexp_of_infinities():
    assert numerics.logsumexp([0.0, np.inf]) == np.inf
    assert numerics.logsumexp([-np.inf, -np.inf]) == -np.inf


@pytest.mark.parametrize("bad, words", [([], "non-empty"), ([[1.0, 2.0]], "vector"), ([1.0, np.nan], "NaN")])
def test_logsumexp_refuses_what_is_not_a_score_vector(bad, words):
    with pytest.raises(ValueError, match=words):
        numerics.logsumexp(bad)


def test_the_gradient_of_logsumexp_is_softmax():
    x = np.array([0.3, -1.2, 2.0])
    np.testing.assert_allclose(numerical_gradient(numerics.logsumexp, x), activations.softmax(x), atol=1e-8)


def test_log_softmax_is_the_log_of_softmax_where_both_are_finite_and_finite_where_softmax_underflows():
    x = np.array([0.5, -1.0, 2.0])
    np.testing.assert_allclose(numerics.log_softmax(x), np.log(activations.softmax(x)), rtol=1e-14)
    assert numerics.log_softmax([0.0, -800.0])[1] == pytest.approx(-800.0, rel=1e-15)


@pytest.mark.parametrize("x, t, expected", [
    ([0.0, -800.0], [0.0, 1.0], 800.0), ([1000.0, 0.0], [0.0, 1.0], 1000.0), ([1000.0, 0.0], [1.0, 0.0], 0.0),
    ([3.0, 3.0, 3.0], [1.0, 0.0, 0.0], math.log(3.0)),
])
def test_cross_entropy_from_scores_on_extreme_logits(x, t, expected):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        value = numerics.cross_entropy_from_scores(x, t)
    assert value == pytest.approx(expected, rel=1e-15, abs=0)
    assert math.copysign(1.0, value) == 1.0, "never −0.0"


def test_the_naive_cross_entropy_fails_where_the_stable_one_does_not():
    assert numerics.naive_cross_entropy([0.0, -800.0], [0.0, 1.0]) == np.inf
    assert math.isnan(numerics.naive_cross_entropy([1000.0, 0.0], [1.0, 0.0]))
    x, t = [0.5, -1.0, 2.0], [0.2, 0.3, 0.5]
    assert numerics.naive_cross_entropy(x, t) == pytest.approx(numerics.cross_entropy_from_scores(x, t), rel=1e-13)


def test_cross_entropy_from_scores_refuses_bad_targets():
    with pytest.raises(ValueError, match="shape"):
        numerics.cross_entropy_from_scores([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="not negative"):
        numerics.cross_entropy_from_scores([1.0, 2.0], [-1.0, 2.0])


def test_gelu_tanh_is_the_formula_gpt2_uses():
    xs = np.linspace(-5.0, 5.0, 1001)
    written = 0.5 * xs * (1 + np.tanh(np.sqrt(2 / np.pi) * (xs + 0.044715 * np.power(xs, 3))))
    np.testing.assert_allclose(numerics.gelu_tanh(xs), written, rtol=1e-12, atol=1e-14)


def test_gelu_tanh_is_accurate_in_the_left_tail_where_the_written_formula_cancels():
    exact = sympy.lambdify(x_sym, gelu_tanh_formula(), modules="mpmath")
    import mpmath

    with mpmath.workdps(40):
        for point in (-6.0, -8.0, -10.0):
            assert numerics.gelu_tanh(point) == pytest.approx(float(exact(mpmath.mpf(point))), rel=1e-12)


def test_gelu_tanh_is_quiet_and_right_at_extreme_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = numerics.gelu_tanh(np.array([-np.inf, -1e308, 1e308, np.inf]))
        slopes = numerics.gelu_tanh_grad(np.array([-np.inf, -1e308, 1e308, np.inf]))
    np.testing.assert_array_equal(values, [0.0, 0.0, 1e308, np.inf])
    np.testing.assert_array_equal(slopes, [0.0, 0.0, 1.0, 1.0])
    assert np.isnan(numerics.gelu_tanh(np.nan)) and np.isnan(numerics.gelu_tanh_grad(np.nan))


def test_the_tanh_forms_slope_agrees_with_sympy_and_central_differences():
    check = check_gelu_tanh_derivative()
    assert check.versus_sympy < 1e-12 and check.versus_central_difference < 1e-6


def test_the_largest_gap_between_the_gelu_forms():
    value_gap, slope_gap = numerics.gelu_forms_gap()
    assert value_gap.gap == pytest.approx(4.732e-4, rel=1e-3) and value_gap.where == pytest.approx(2.699, abs=2e-3)
    assert slope_gap.gap == pytest.approx(8.685e-4, rel=1e-3) and slope_gap.where == pytest.approx(2.019, abs=2e-3)


def test_the_gelu_forms_differ_symmetrically_so_each_extreme_has_a_twin_at_minus_x():
    xs = np.linspace(0.0, 6.0, 601)
    gelu = activations.get("gelu")
    value_gap = numerics.gelu_tanh(xs) - gelu.fn(xs)
    slope_gap = numerics.gelu_tanh_grad(xs) - gelu.grad(xs)
    np.testing.assert_allclose(numerics.gelu_tanh(-xs) - gelu.fn(-xs), value_gap, atol=1e-15)
    np.testing.assert_allclose(numerics.gelu_tanh_grad(-xs) - gelu.grad(-xs), -slope_gap, atol=1e-15)


def test_closed_form_means_of_sympy_match_the_known_values():
    forms = normal_mean_closed_forms()
    assert sympy.simplify(forms["relu"] - 1 / sympy.sqrt(2 * sympy.pi)) == 0
    assert sympy.simplify(forms["gelu"] - 1 / (2 * sympy.sqrt(sympy.pi))) == 0
    assert float(forms["elu"]) == pytest.approx(0.160520, abs=1e-6)


def test_inputs_of_one_sign_give_weight_gradients_of_one_sign():
    rng = np.random.default_rng(0)
    inputs = activations.get("sigmoid").fn(rng.normal(size=(50, 4)))
    delta = rng.normal(size=50)
    assert numerics.one_sign_rows(numerics.weight_gradients(inputs, delta)).all()
    centred = numerics.weight_gradients(inputs - 0.5, delta)
    assert not numerics.one_sign_rows(centred).all()


def test_weight_gradients_refuse_mismatched_shapes():
    with pytest.raises(ValueError, match="one number per example"):
        numerics.weight_gradients(np.ones((3, 2)), np.ones(2))


def test_per_example_descent_moves_every_weight_the_same_way_with_positive_inputs():
    inputs = activations.get("sigmoid").fn(np.random.default_rng(4).normal(size=(30, 2)))
    path = numerics.per_example_descent(inputs, inputs @ np.array([1.0, -1.0]), np.zeros(2), lr=2.0)
    steps = np.diff(path, axis=0)
    assert path.shape == (31, 2) and np.all(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))
    centred = numerics.per_example_descent(inputs - 0.5, (inputs - 0.5) @ np.array([1.0, -1.0]), np.zeros(2), 2.0)
    assert np.any(np.sign(np.diff(centred, axis=0)[:, 0]) != np.sign(np.diff(centred, axis=0)[:, 1]))


def test_exact_zeros_appear_in_float16_and_not_in_float64():
    counts = numerics.exact_zero_counts(n_samples=200_000, seed=0)
    assert counts["float16"] > 0 and counts["float64"] == 0
    assert numerics.exact_zero_counts(n_samples=200_000, seed=0) == counts, "deterministic"


def test_the_three_levers_of_a_unit_match_central_differences():
    w, a, b, y = np.array([0.4, -1.2, 0.7]), np.array([0.9, 0.2, 0.6]), 0.1, 1.0
    levers = numerics.unit_levers(w, a, b, y)
    assert levers["delta"] == pytest.approx(-0.36, abs=1e-15)

    def loss(w=w, a=a, b=b):
        return 0.5 * (w @ a + b - y) ** 2

    np.testing.assert_allclose(levers["w"], numerical_gradient(lambda v: loss(w=v), w), atol=1e-9)
    np.testing.assert_allclose(levers["a"], numerical_gradient(lambda v: loss(a=v), a), atol=1e-9)
    assert levers["b"] == levers["delta"]
    with pytest.raises(ValueError, match="one weight per input"):
        numerics.unit_levers(w, a[:2], b, y)


def test_the_written_normal_means_equal_sympys_integrals():
    from course_utils.lessons.nb03.symbolic_activations import neat_mean_forms

    closed = normal_mean_closed_forms()
    forms = neat_mean_forms()
    assert set(closed) <= set(forms) and float(forms["sigmoid"][1]) == 0.5
    for name, expr in closed.items():
        assert sympy.simplify(expr - forms[name][1]) == 0, name
