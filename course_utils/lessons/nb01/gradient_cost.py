"""What a numerical gradient costs: evaluations of f, counted, for forward and central differences.

A gradient of a function of n parameters needs one slope per parameter. Forward differences
share the one value f(x) and add one evaluation per parameter (n + 1 in all); central
differences need two fresh evaluations per parameter (2n). A network has millions of
parameters, which is why training uses backpropagation and numerical gradients only check it.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from course_utils.validation import as_finite_array, call_on, require_callable, require_positive


class CountingFunction:
    """A wrapper around f that counts how often it is called, so the cost of a method can be read off."""

    def __init__(self, f: Callable):
        require_callable(f, "f")
        self.f = f
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return self.f(x)


def forward_gradient(f: Callable, x, h: float = 1e-8) -> np.ndarray:
    """The gradient of a scalar f at x by forward differences: f(x) once, then f(x + h·e_i) for each entry i."""
    require_callable(f, "f")
    h = require_positive(h, "the step h", example="1e-8")
    x = as_finite_array(x, "x").copy()
    base = float(call_on(f, x).reshape(()))
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        grad[index] = (float(call_on(f, x).reshape(())) - base) / h
        x[index] = original
    return grad


def evaluations(method: Callable, f: Callable, x, **kwargs) -> int:
    """How many times method(f, x) calls f: the cost of one numerical gradient, counted."""
    counted = CountingFunction(f)
    method(counted, x, **kwargs)
    return counted.calls
