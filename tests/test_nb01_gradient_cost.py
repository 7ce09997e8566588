"""The cost of a numerical gradient: n + 1 evaluations forward, 2n central, and both give the gradient."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.calculus import numerical_gradient
from course_utils.lessons.nb01.gradient_cost import CountingFunction, evaluations, forward_gradient


def sum_of_squares(w):
    return float(np.sum(w**2))


@pytest.mark.parametrize("n", [1, 3, 50])
def test_forward_costs_n_plus_1_and_central_2n(n):
    w = np.linspace(-1.0, 1.0, n)
    assert evaluations(forward_gradient, sum_of_squares, w) == n + 1
    assert evaluations(numerical_gradient, sum_of_squares, w) == 2 * n


def test_forward_gradient_is_the_gradient_and_leaves_its_input_alone():
    w = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = w.copy()
    np.testing.assert_allclose(forward_gradient(sum_of_squares, w), 2 * w, atol=1e-6)
    np.testing.assert_array_equal(w, before)


def test_the_counter_counts_and_passes_values_through():
    counted = CountingFunction(np.sin)
    assert counted(0.0) == 0.0 and counted(1.0) == np.sin(1.0)
    assert counted.calls == 2


def test_bad_input_gets_a_clear_message():
    with pytest.raises(TypeError):
        CountingFunction(3.0)
    with pytest.raises(ValueError, match="single number|greater than 0"):
        forward_gradient(sum_of_squares, np.ones(2), h=0.0)
