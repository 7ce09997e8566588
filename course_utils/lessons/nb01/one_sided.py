"""Limits from both sides: secant slopes with the second point to the right (h > 0) and to the left (h < 0).

A derivative exists only where both one-sided limits exist and agree. At a kink, such as |x| or
ReLU at 0, the right and left secant slopes settle on two different numbers, so there is no
derivative there (code that needs one, like ReLU's, picks a convention).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from course_utils.validation import as_finite_array, call_on, check_number, require_callable


class OneSidedSlopes(NamedTuple):
    """Secant slopes at x for each step h: the second point at x + h (right) and at x − h (left)."""

    h: np.ndarray
    right: np.ndarray
    left: np.ndarray


def secant_slope(f: Callable, x: float, step: float) -> float:
    """(f(x + step) − f(x)) / step for a step of either sign: the slope of the secant through x and x + step."""
    require_callable(f, "f")
    x = check_number(x, "x", example="0.0")
    step = check_number(step, "step", example="0.1")
    if step == 0:
        raise ValueError("step must not be 0: a secant needs two different points (try 0.1 or -0.1).")
    slope = float((call_on(f, np.float64(x + step)) - call_on(f, np.float64(x))) / step)
    return slope + 0.0  # turns −0.0 (0 divided by a negative step) into 0.0


def one_sided_slopes(f: Callable, x: float, steps) -> OneSidedSlopes:
    """Right (x + h) and left (x − h) secant slopes at x for each positive step h."""
    steps = np.atleast_1d(as_finite_array(steps, "steps"))
    if steps.ndim != 1 or np.any(steps <= 0):
        raise ValueError("steps must be positive numbers such as [0.1, 0.01, 0.001]; the left side uses −h itself.")
    right = np.array([secant_slope(f, x, float(h)) for h in steps])
    left = np.array([secant_slope(f, x, -float(h)) for h in steps])
    return OneSidedSlopes(steps, right, left)


def kink_table_rows(slopes: OneSidedSlopes) -> list[list[str]]:
    """Rows for format_table: h, the right slope, the left slope."""
    return [[f"{h:g}", f"{right:.6f}", f"{left:.6f}"] for h, right, left in zip(slopes.h, slopes.right, slopes.left)]
