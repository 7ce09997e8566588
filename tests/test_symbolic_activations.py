"""The SymPy formulas are a real second opinion: they agree with the coded derivatives and catch a wrong one."""
from __future__ import annotations

from dataclasses import replace

import pytest
import sympy

from course_utils import activations
from course_utils.lessons.nb03.symbolic_activations import (
    check_derivative,
    sympy_derivative,
    sympy_formula,
    x,
)


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_every_activation_has_a_formula_in_x_alone(name):
    assert sympy_formula(name).free_symbols == {x}


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_coded_derivative_agrees_with_sympy_and_central_differences(name):
    check = check_derivative(name)
    assert check.versus_sympy < 1e-6 and check.versus_central_difference < 1e-5


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_sympy_formula_has_the_coded_values(name):
    act = activations.get(name)
    for point in (-2.0, 0.5, 3.0):
        assert float(sympy_formula(act).subs(x, point)) == pytest.approx(act.fn(point), rel=1e-12)


def test_alpha_is_filled_in_from_the_activation():
    leaky = activations.get("leaky_relu", alpha=0.2)
    assert sympy_formula(leaky).free_symbols == {x}  # no α left over
    assert sympy_derivative(leaky).subs(x, -1) == sympy.Float(0.2)


def test_a_wrong_coded_derivative_is_caught():
    sigmoid = activations.get("sigmoid")
    broken = replace(sigmoid, raw_grad=lambda v: 2 * sigmoid.raw_grad(v))  # a factor-of-2 slip
    check = check_derivative(broken)
    assert check.versus_sympy > 0.4 and check.versus_central_difference > 0.4


def test_the_sigmoid_derivative_simplifies_to_sigma_times_one_minus_sigma():
    sigma = sympy_formula("sigmoid")
    assert sympy.simplify(sympy_derivative("sigmoid") - sigma * (1 - sigma)) == 0
