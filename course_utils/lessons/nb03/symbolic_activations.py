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


def gelu_tanh_formula() -> sympy.Expr:
    """GELU's tanh form ½x(1 + tanh(√(2/π)(x + 0.044715x³))) in SymPy, typed apart from numerics.gelu_tanh."""
    k = sympy.Rational(44715, 1000000)
    return x * (1 + sympy.tanh(sympy.sqrt(2 / sympy.pi) * (x + k * x**3))) / 2


def check_gelu_tanh_derivative(points=CHECK_POINTS) -> DerivativeCheck:
    """Compare numerics.gelu_tanh_grad with SymPy's derivative of the tanh form and with central differences."""
    import mpmath

    from course_utils.lessons.nb03.numerics import gelu_tanh, gelu_tanh_grad

    points = as_finite_array(points, "points")
    derivative = sympy.lambdify(x, sympy.diff(gelu_tanh_formula(), x), modules="mpmath")
    with mpmath.workdps(40):  # 1 − tanh²u cancels in the tails: evaluate SymPy's formula with 40 digits
        symbolic = np.array([float(derivative(mpmath.mpf(float(p)))) for p in points])
    numeric = np.array([central_difference(gelu_tanh, p, h=1e-6) for p in points])
    coded = np.asarray(gelu_tanh_grad(points), dtype=float)
    return DerivativeCheck(relative_error(coded, symbolic), relative_error(coded, numeric))


def normal_mean_closed_forms() -> dict[str, sympy.Expr]:
    """E[f(Z)], Z ~ N(0, 1), integrated exactly by SymPy for the activations where it has a closed form."""
    density = sympy.exp(-x**2 / 2) / sympy.sqrt(2 * sympy.pi)
    forms = {
        "relu": sympy.integrate(x * density, (x, 0, sympy.oo)),
        "elu": sympy.integrate(x * density, (x, 0, sympy.oo))
        + sympy.integrate((sympy.exp(x) - 1) * density, (x, -sympy.oo, 0)),
        "gelu": sympy.integrate(x * (1 + sympy.erf(x / sympy.sqrt(2))) / 2 * density, (x, -sympy.oo, sympy.oo)),
    }
    return {name: sympy.simplify(value) for name, value in forms.items()}


def neat_mean_forms() -> dict[str, tuple[str, sympy.Expr]]:
    """The normal means of ReLU, ELU, GELU and sigmoid as a reader writes them, each with its SymPy expression."""
    half, root_2pi = sympy.Rational(1, 2), sympy.sqrt(2 * sympy.pi)
    phi_minus_1 = (1 - sympy.erf(1 / sympy.sqrt(2))) / 2  # Φ(−1), the chance that a standard normal is below −1
    return {
        "relu": ("1/√(2π)", 1 / root_2pi),
        "elu": ("e^(1/2)·Φ(−1) + 1/√(2π) − 1/2", sympy.exp(half) * phi_minus_1 + 1 / root_2pi - half),
        "gelu": ("1/(2√π)", 1 / (2 * sympy.sqrt(sympy.pi))),
        "sigmoid": ("1/2", half),
    }
