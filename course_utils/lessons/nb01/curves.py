"""Smooth example functions with their first three derivatives, for studying finite differences.

A finite difference's error depends on higher derivatives (f'' for the forward
difference, f''' for the central one), so each curve carries them, written by hand
and checked against SymPy and finite differences in the tests.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from course_utils.calculus import as_plain
from course_utils.validation import as_finite_array, check_number


@dataclass(frozen=True)
class Curve:
    """A function f with its derivatives f', f'', f''' (each vectorized) and how to write it.

    A ``calculus.Differentiable``: ``fn`` and ``grad``, named as for an activation.
    """

    name: str
    latex: str
    derivatives: tuple[Callable, Callable, Callable, Callable]

    def fn(self, x):
        """The value f(x)."""
        return self.derivative(0, x)

    def grad(self, x):
        """The exact slope f'(x)."""
        return self.derivative(1, x)

    def derivative(self, order: int, x):
        """The derivative of the given order (0 = f itself, up to 3) at x."""
        order = check_number(order, "order (0 is f itself)", low=0, high=len(self.derivatives) - 1, integer=True,
                             example="1")
        return as_plain(self.derivatives[order](as_finite_array(x, "x")))


#: The worked example of notebook 01: f(x) = 3x² + 4x + 6, so f'(x) = 6x + 4 and f'(2) = 16.
PARABOLA = Curve(
    name="parabola",
    latex=r"3x^2 + 4x + 6",
    derivatives=(
        lambda x: 3 * x**2 + 4 * x + 6,
        lambda x: 6 * x + 4,
        lambda x: 6.0 + 0 * x,
        lambda x: 0.0 * x,
    ),
)

#: sin x: every derivative is nonzero somewhere, so both truncation errors show.
SINE = Curve(
    name="sine",
    latex=r"\sin x",
    derivatives=(np.sin, np.cos, lambda x: -np.sin(x), lambda x: -np.cos(x)),
)
