"""Why a finite difference has a best step h: truncation error shrinks with h, round-off error grows.

For a step h the forward difference (f(x+h) − f(x))/h is off by about |f''(x)|·h/2
(truncation, from the Taylor series) and the central difference by about
|f'''(x)|·h²/6. Both also suffer round-off: the two values of f are each stored with a
relative error of at most about ε/2, so their difference is off by up to about ε·|f(x)|.
Dividing by the run turns that into ε·|f(x)|/h for the forward difference and
ε·|f(x)|/(2h) for the central one, whose run is 2h. These round-off terms are upper
estimates: the rounding errors are usually smaller and partly cancel, so measured errors
sit below them. Adding the two terms and minimizing over h gives the best step of each
method. The model takes x and x ± h as exact, which holds for |x| near 1; far from 0,
see calculus.scaled_step.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from course_utils.calculus import central_difference, forward_difference
from course_utils.lessons.nb01.curves import Curve
from course_utils.validation import as_finite_array, check_number, choose, require_positive

#: Machine epsilon of float64: the gap between 1.0 and the next float.
EPS = float(np.finfo(float).eps)

METHODS = ("forward", "central")


class StepSizeStudy(NamedTuple):
    """Measured and modelled errors of both differences over a grid of steps h, and the best h of each."""

    h: np.ndarray
    forward_error: np.ndarray
    central_error: np.ndarray
    forward_model: np.ndarray
    central_model: np.ndarray
    best_h_model: dict
    best_h_measured: dict


def step_grid(smallest: float = 1e-15, largest: float = 1e-1, per_decade: int = 4) -> np.ndarray:
    """Steps h evenly spaced on a log scale, from smallest to largest, per_decade of them per factor of 10."""
    smallest = require_positive(smallest, "smallest", example="1e-15")
    largest = require_positive(largest, "largest", example="1e-1")
    if not smallest < largest:
        raise ValueError(f"smallest ({smallest}) must be below largest ({largest}), e.g. 1e-15 and 1e-1.")
    per_decade = check_number(per_decade, "per_decade (steps per factor of 10)", low=1, integer=True, example="4")
    low, high = math.log10(smallest), math.log10(largest)
    count = round((high - low) * per_decade) + 1
    return 10.0 ** np.linspace(low, high, count)


def measured_errors(curve: Curve, x: float, h) -> tuple:
    """|forward − f'(x)| and |central − f'(x)| at each step in h (a number or an array)."""
    _require_curve(curve)
    x = _require_point(x)
    steps = np.atleast_1d(as_finite_array(h, "h"))
    exact = curve.grad(x)
    forward = np.array([abs(forward_difference(curve.fn, x, float(s)) - exact) for s in steps])
    central = np.array([abs(central_difference(curve.fn, x, float(s)) - exact) for s in steps])
    return (_like(h, forward), _like(h, central))


def error_terms(curve: Curve, x: float, h, method: str) -> tuple:
    """The model's (truncation, round-off) error of one method at step(s) h."""
    _require_curve(curve)
    x = _require_point(x)
    steps = as_finite_array(h, "h")
    truncation_coefficient, power = _truncation(curve, x, method)
    truncation = truncation_coefficient * steps**power
    round_off = EPS * abs(curve.fn(x)) / (_run(method) * steps)
    return _like(h, truncation), _like(h, round_off)


def modelled_error(curve: Curve, x: float, h, method: str):
    """Truncation plus round-off: the error the model predicts at step(s) h."""
    truncation, round_off = error_terms(curve, x, h, method)
    return truncation + round_off


def best_step(curve: Curve, x: float, method: str) -> float:
    """The h that minimizes the modelled error: √(2ε|f|/|f''|) forward, ∛(3ε|f|/(2|f'''|)) central.

    inf where the truncation term vanishes (nothing to balance the round-off against), NaN where the
    round-off term does (f(x) = 0): the model has no best step there rather than a best step of 0.
    """
    _require_curve(curve)
    x = _require_point(x)
    coefficient, power = _truncation(curve, x, method)
    if coefficient == 0:
        return math.inf  # no truncation error at all: nothing to balance the round-off against
    round_off_scale = EPS * abs(curve.fn(x)) / _run(method)
    if round_off_scale == 0:
        return math.nan  # f(x) = 0: the model's round-off term vanishes, so it cannot place a best step
    # d/dh (c·h^p + r/h) = 0  gives  h^(p+1) = r / (p·c)
    return (round_off_scale / (power * coefficient)) ** (1.0 / (power + 1))


def dominant_error(curve: Curve, x: float, h: float, method: str) -> str:
    """Which term of the model is larger at step h: "truncation" or "round-off"."""
    truncation, round_off = error_terms(curve, x, h, method)
    return "truncation" if truncation >= round_off else "round-off"


def study_step_sizes(curve: Curve, x: float, h=None) -> StepSizeStudy:
    """Errors of both methods over a grid of steps, measured and modelled, with the best h of each."""
    steps = step_grid() if h is None else as_finite_array(h, "h")
    if steps.ndim != 1 or steps.size < 2 or np.any(steps <= 0):
        raise ValueError("h must be a 1-D array of at least two positive steps, e.g. step_grid().")
    forward, central = measured_errors(curve, x, steps)
    measured = {"forward": forward, "central": central}
    return StepSizeStudy(
        h=steps,
        forward_error=forward,
        central_error=central,
        forward_model=modelled_error(curve, x, steps, "forward"),
        central_model=modelled_error(curve, x, steps, "central"),
        best_h_model={method: best_step(curve, x, method) for method in METHODS},
        best_h_measured={method: float(steps[np.argmin(measured[method])]) for method in METHODS},
    )


def _run(method: str) -> int:
    """How many steps h apart the two points are: 1 forward (x, x + h), 2 central (x − h, x + h)."""
    return 1 if _method(method) == "forward" else 2


def _method(method: str) -> str:
    """The method's name in lower case, or a clear error."""
    try:
        return choose(method, METHODS, "method")  # any case, as every name the course takes
    except ValueError:
        raise ValueError(f"method must be one of {METHODS} (in any case), got {method!r}.") from None


def _truncation(curve: Curve, x: float, method: str) -> tuple[float, int]:
    """The truncation error's coefficient and power of h: |f''|/2 · h for forward, |f'''|/6 · h² for central."""
    if _method(method) == "forward":
        return abs(curve.derivative(2, x)) / 2, 1
    return abs(curve.derivative(3, x)) / 6, 2


def _require_curve(curve) -> None:
    if not isinstance(curve, Curve):
        raise TypeError(
            f"curve must be a course_utils.lessons.nb01.curves.Curve (such as curves.SINE), got {type(curve).__name__}."
        )


def _require_point(x) -> float:
    if np.ndim(x) == 0:  # one number: check_number's rules (no text, no True, finite)
        return check_number(x.item() if isinstance(x, np.ndarray) else x, "x", example="1.0")
    point = as_finite_array(x, "x")
    if point.ndim != 0:
        raise ValueError(f"x must be a single number (the point where we differentiate), got shape {point.shape}.")
    return float(point)


def _like(template, values: np.ndarray):
    """A float for a scalar input, the array otherwise."""
    return float(values.reshape(-1)[0]) if np.ndim(template) == 0 else values
