"""The symbolic softmax derivatives are the closed forms the notebook claims, and agree with the numbers."""
from __future__ import annotations

import numpy as np
import pytest
import sympy

from course_utils.activations import softmax, softmax_jacobian
from course_utils.calculus import numerical_gradient
from course_utils.lessons.nb03.softmax_calculus import (
    cross_entropy,
    is_zero_matrix,
    numerical_jacobian,
    softmax_cross_entropy,
    symbolic_cross_entropy_gradient,
    symbolic_softmax,
    symbolic_softmax_jacobian,
)

X = np.array([1.0, 2.0, 0.5])


def test_symbolic_softmax_sums_to_one():
    x, s = symbolic_softmax(4)
    assert x.shape == (4, 1) and sympy.simplify(sum(s) - 1) == 0


def test_symbolic_jacobian_is_diag_s_minus_s_s_transpose():
    x, jacobian, closed_form = symbolic_softmax_jacobian(3)
    assert jacobian.shape == (3, 3)
    assert is_zero_matrix(jacobian - closed_form)


def test_symbolic_jacobian_has_the_numeric_jacobians_values():
    x, jacobian, _ = symbolic_softmax_jacobian(3)
    values = np.array(sympy.lambdify(list(x), jacobian)(*X), dtype=float)
    np.testing.assert_allclose(values, softmax_jacobian(X), atol=1e-15)


def test_symbolic_cross_entropy_gradient_is_s_minus_t():
    x, t, gradient, closed_form = symbolic_cross_entropy_gradient(3)
    assert sympy.simplify(sum(t) - 1) == 0
    assert is_zero_matrix(gradient - closed_form)


def test_is_zero_matrix_sees_a_nonzero_entry():
    a = sympy.Symbol("a")
    assert not is_zero_matrix(sympy.Matrix([0, a - 2 * a + a, a]))


@pytest.mark.parametrize("n", [1, 0])
def test_the_class_count_must_be_at_least_two(n):
    with pytest.raises(ValueError, match="at least 2"):
        symbolic_softmax(n)


@pytest.mark.parametrize("n", [2.0, True])
def test_the_class_count_must_be_a_whole_number(n):
    with pytest.raises(TypeError, match="must be a whole number"):
        symbolic_softmax(n)


def test_numerical_jacobian_matches_the_closed_form():
    np.testing.assert_allclose(numerical_jacobian(softmax, X), softmax_jacobian(X), atol=1e-9)


def test_numerical_jacobian_of_a_linear_map_is_its_matrix():
    W = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]])
    np.testing.assert_allclose(numerical_jacobian(lambda v: W @ v, X), W, atol=1e-8)


def test_numerical_jacobian_refuses_a_non_function():
    with pytest.raises(TypeError, match="f must be a function"):
        numerical_jacobian([1, 2], X)


def test_cross_entropy_gradient_is_s_minus_t_by_finite_differences_and_by_the_chain_rule():
    t = np.array([0.0, 1.0, 0.0])
    s = softmax(X)
    numeric = numerical_gradient(lambda v: softmax_cross_entropy(v, t), X)
    chain_rule = softmax_jacobian(X).T @ (-t / s)
    np.testing.assert_allclose(numeric, s - t, atol=1e-9)
    np.testing.assert_allclose(chain_rule, s - t, atol=1e-15)


def test_cross_entropy_of_a_one_hot_target_is_minus_log_of_its_probability():
    assert cross_entropy([0.2, 0.5, 0.3], [0, 1, 0]) == pytest.approx(-np.log(0.5))


def test_cross_entropy_refuses_mismatched_shapes_and_zero_probabilities():
    with pytest.raises(ValueError, match="same shape"):
        cross_entropy([0.5, 0.5], [1.0, 0.0, 0.0])
    with pytest.raises(ValueError, match="greater than 0 wherever t is"):
        cross_entropy([1.0, 0.0], [0.0, 1.0])


def test_cross_entropy_allows_a_zero_probability_where_the_target_is_zero():
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


@pytest.mark.parametrize("x, t, expected", [
    ([0.0, -800.0], [0.0, 1.0], 800.0), ([1000.0, 0.0], [0.0, 1.0], 1000.0), ([1000.0, 0.0], [1.0, 0.0], 0.0),
    ([5.0, 5.0, 5.0], [1.0, 0.0, 0.0], np.log(3.0)), ([-1000.0, -1000.0], [0.5, 0.5], np.log(2.0)),
])
def test_softmax_cross_entropy_never_overflows_on_extreme_scores(x, t, expected):
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert softmax_cross_entropy(x, t) == pytest.approx(expected, rel=1e-12, abs=0)  # x − LSE loses ~1e−13 at 1000
