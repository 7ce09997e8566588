"""Notebook 02's three-way checks: a slope by the chain rule, by SymPy and by a central difference, side by side."""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from course_utils.calculus import relative_error
from course_utils.formatting import format_below, format_table
from course_utils.validation import check_number

#: Rule and SymPy evaluate the same slope in floats, in different orders: they agree to round-off, far below this.
EXACT_BOUND = 1e-12
#: A central difference with h = 1e-5 is good to about ten digits for these smooth functions (notebook 01).
DIFFERENCE_BOUND = 1e-8


def agreement_table(rows: Sequence[tuple[str, float, float, float]]) -> str:
    """One row per slope, (name, by the chain rule, by SymPy, by a central difference), with the errors as bounds.

    Prints ten decimals for the two exact methods and eight for the finite difference (what it is good to);
    the relative errors print as bounds, and the call fails if either is not well inside its bound.
    """
    if not isinstance(rows, (list, tuple)) or not rows:
        raise TypeError("rows must be a non-empty list of (name, by rule, by SymPy, by central difference).")
    table = []
    for row in rows:
        if not (isinstance(row, tuple) and len(row) == 4):
            raise TypeError(f"each row is (name, by rule, by SymPy, by central difference), got {row!r}.")
        name, *numbers = row
        by_rule, by_sympy, numeric = (check_number(value, str(name)) for value in numbers)
        table.append([str(name), f"{by_rule:.10f}", f"{by_sympy:.10f}", f"{numeric:.8f}",
                      format_below(relative_error(by_rule, by_sympy), EXACT_BOUND),
                      format_below(relative_error(by_rule, numeric), DIFFERENCE_BOUND)])
    return format_table(["slope", "chain rule", "SymPy", "central difference", "rule vs SymPy",
                         "rule vs difference"], table)


def digits_lost(value: float) -> float:
    """How many decimal digits 1 − value loses to cancellation: log10 of 1 / |1 − value| (0 when value is 0)."""
    value = check_number(value, "value", example="0.99")
    gap = abs(1.0 - value)
    if gap == 0:
        raise ValueError("1 − value is exactly 0: every digit cancels.")
    return max(0.0, -math.log10(gap))


def central_roundoff_share(value: float, slope: float, h: float = 1e-5) -> float:
    """Notebook 01's round-off estimate for a central difference, ε|f|/(2h), as a fraction of the slope |f′|.

    It says when a central difference cannot reach ten digits: where the slope is much smaller than the value.
    """
    value = check_number(value, "value", example="0.99")
    slope = check_number(slope, "slope", example="2.5e-5")
    h = check_number(h, "h", example="1e-5")
    if slope == 0 or h <= 0:
        raise ValueError(f"the slope must be nonzero and h positive, got slope = {slope:g}, h = {h:g}.")
    return float(np.finfo(float).eps) * abs(value) / (2 * h) / abs(slope)
