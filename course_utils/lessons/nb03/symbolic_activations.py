"""Each activation's textbook formula in SymPy, so its coded derivative can be checked against symbolic calculus.

The formulas are typed in the activation registry (``Activation.sympy_form``), independently of
the numpy code beside them; this module differentiates them and compares.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import sympy

from course_utils import activations
from course_utils.calculus import central_difference, relative_error
from course_utils.validation import as_finite_array

#: The pre-activation: the variable of every formula.
x = sympy.Symbol("x", real=True)
#: Where the derivatives are compared: both sides of 0, away from the kinks, out into the tails.
CHECK_POINTS = np.array([-6.0, -3.5, -1.5, -0.7, -0.2, 0.2, 0.7, 1.5, 3.5, 6.0])


def sympy_formula(activation) -> sympy.Expr:
    """The SymPy expression of an activation, with its parameters (α, if any) filled in."""
    act = activations.get(activation)
    return act.sympy_form(sympy, x, **act.params)


def sympy_derivative(activation) -> sympy.Expr:
    """f′(x) by symbolic differentiation of the textbook formula."""
    return sympy.diff(sympy_formula(activation), x)


class DerivativeCheck(NamedTuple):
    """The worst relative disagreement of the coded f′ with SymPy's f′ and with central differences."""

    versus_sympy: float
    versus_central_difference: float


def check_derivative(activation, points=CHECK_POINTS) -> DerivativeCheck:
    """Compare act.grad with SymPy's derivative and with central differences at the given points."""
    act = activations.get(activation)
    points = as_finite_array(points, "points")
    if points.ndim != 1 or points.size == 0:
        raise ValueError(f"points must be a non-empty list of numbers such as CHECK_POINTS, got shape {points.shape}.")
    derivative = sympy.lambdify(x, sympy_derivative(act), modules="math")
    symbolic = np.array([float(derivative(p)) for p in points])
    numeric = np.array([central_difference(act.fn, p, h=1e-6) for p in points])
    coded = act.grad(points)
    return DerivativeCheck(relative_error(coded, symbolic), relative_error(coded, numeric))
