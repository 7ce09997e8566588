"""Numerical derivatives, the tools to compare them with analytic ones, and what a function with its derivative is."""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol, runtime_checkable

import numpy as np

from course_utils.validation import (
    as_finite_array,
    call_on,
    require_callable,
    require_positive,
)


@runtime_checkable
class Differentiable(Protocol):
    """A named function with its derivative, both elementwise: an activation, an example curve, a chain link.

    One protocol, one set of names (as in activations): ``fn(x)`` is the value, ``grad(x)`` the derivative.
    """

    name: str

    def fn(self, x):
        """f(x)."""

    def grad(self, x):
        """f'(x), the slope of f at x."""


def forward_difference(f: Callable, x, h: float = 1e-8, *, scale_with_x: bool = False):
    """(f(x + h) - f(x)) / h: the slope of a secant; its error shrinks like h.

    ``scale_with_x=True`` takes the step h·max(1, |x|) and divides by the step the floats really took,
    (x + step) − x: right for a function that changes on the scale of x, far from 0 (see ``scaled_step``).
    The default (a fixed h, divided by h) keeps every stored result of the course as it is.
    """
    require_callable(f, "f")
    require_positive(h, "the step h", example="1e-5")
    x = as_finite_array(x, "x")
    if not scale_with_x:
        return as_plain((call_on(f, x + h) - call_on(f, x)) / h)
    ahead = x + scaled_step(x, h)
    return as_plain((call_on(f, ahead) - call_on(f, x)) / (ahead - x))


def central_difference(f: Callable, x, h: float = 1e-5, *, scale_with_x: bool = False):
    """(f(x + h) - f(x - h)) / 2h: symmetric, so its error shrinks like h squared.

    ``scale_with_x=True``: the step h·max(1, |x|), divided by the distance the floats really span,
    (x + step) − (x − step), as in ``forward_difference``.
    """
    require_callable(f, "f")
    require_positive(h, "the step h", example="1e-5")
    x = as_finite_array(x, "x")
    if not scale_with_x:
        return as_plain((call_on(f, x + h) - call_on(f, x - h)) / (2 * h))
    step = scaled_step(x, h)
    ahead, behind = x + step, x - step
    return as_plain((call_on(f, ahead) - call_on(f, behind)) / (ahead - behind))


def scaled_step(x, h: float):
    """h·max(1, |x|), elementwise: a step that stays well above the spacing of the floats near x.

    Near x the floats are about ε·|x| apart, so a fixed h = 1e-8 at x = 1e8 is smaller than one
    spacing and x + h is rounded to a neighbour; h·|x| with h well above ε stays many spacings wide.
    """
    h = require_positive(h, "the step h", example="1e-5")
    return as_plain(h * np.maximum(1.0, np.abs(as_finite_array(x, "x"))))


def numerical_gradient(f: Callable, x, h: float = 1e-5) -> np.ndarray:
    """The gradient of a scalar function f at x (any shape), by central differences, one entry at a time."""
    require_callable(f, "f")
    require_positive(h, "the step h", example="1e-5")
    x = as_finite_array(x, "x").copy()
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = _scalar_output(f, x)
        x[index] = original - h
        f_minus = _scalar_output(f, x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b, floor: float = 1e-8) -> float:
    """The worst |a - b| / max(|a|, |b|, floor): scale-free, and calm where both are ~0.

    Both must be finite: an inf or NaN (an overflowed gradient, say) is an error, not a NaN result.
    """
    a, b = as_finite_array(a, "a"), as_finite_array(b, "b")  # inf or NaN has no relative error: say so
    floor = require_positive(floor, "floor", example="1e-8")
    if a.shape != b.shape:
        raise ValueError(
            f"relative_error compares arrays of the same shape, got {a.shape} and {b.shape}. "
            "Compare a gradient with a numerical gradient of the same parameter."
        )
    if a.size == 0:
        return 0.0
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), floor)
    return float(np.max(np.abs(a - b) / scale))


class GradcheckResult(NamedTuple):
    """What a gradient check found: the worst relative error and whether it is below tol."""

    max_relative_error: float
    passed: bool


def gradcheck(f: Callable, grad_f: Callable, x, h: float = 1e-6, tol: float = 1e-6) -> GradcheckResult:
    """Compare an analytic gradient grad_f(x) with central differences of the scalar function f."""
    require_callable(grad_f, "grad_f")
    tol = require_positive(tol, "tol", example="1e-6")
    x = as_finite_array(x, "x")
    analytic = call_on(grad_f, x.copy(), "grad_f")
    if analytic.shape != x.shape:
        raise ValueError(
            f"grad_f(x) has shape {analytic.shape} but x has shape {x.shape}: "
            "a gradient has one entry per input, in the input's shape."
        )
    numeric = numerical_gradient(f, x, h)
    worst = relative_error(analytic, numeric)
    return GradcheckResult(worst, bool(worst < tol))


def _scalar_output(f: Callable, x: np.ndarray) -> float:
    """f(x), insisting that the function being differentiated returns one number."""
    array = call_on(f, x)
    if array.size != 1:
        raise ValueError(
            f"numerical_gradient needs f to return a single number (a loss), got shape {array.shape}. "
            "Sum or average the outputs first, e.g. lambda x: np.sum(g(x))."
        )
    return float(array.reshape(()))


def as_plain(value):
    """A 0-d result as a float, anything else as it is: a scalar in gives a readable number out."""
    return float(value) if np.ndim(value) == 0 else value
