"""Checks at the doors of course_utils, so misuse gets a message that says what to pass instead."""
from __future__ import annotations

import numbers

import numpy as np


def require_callable(f, name: str) -> None:
    """Raise a TypeError unless f can be called like a function."""
    if not callable(f):
        raise TypeError(
            f"{name} must be a function (something you can call, like np.sin or lambda x: x**2), "
            f"got {type(f).__name__}: {f!r}."
        )


def require_positive_step(h) -> float:
    """Raise unless h is a finite number greater than zero."""
    if isinstance(h, bool) or not isinstance(h, numbers.Real):
        raise TypeError(f"the step h must be a number such as 1e-5, got {type(h).__name__}.")
    if not (np.isfinite(h) and h > 0):
        raise ValueError(f"the step h must be a finite number greater than 0, such as 1e-5; got {h}.")
    return float(h)


def as_finite_array(x, name: str) -> np.ndarray:
    """A float array of x, or a clear error if x is not numeric or holds inf/NaN."""
    try:
        array = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number or a numeric array, got {type(x).__name__}: {x!r}.") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{name} contains inf or NaN; derivatives are only defined at finite points. "
            "Check where the value came from (an overflow or a 0/0 earlier on?)."
        )
    return array


def require_count(value, name: str, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` (a depth, a width, a number of steps), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number such as 10, got {type(value).__name__}: {value!r}.")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}.")
    return int(value)


def require_positive(value, name: str) -> float:
    """A finite number greater than zero (a learning rate, a scale), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number such as 0.1, got {type(value).__name__}: {value!r}.")
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite number greater than 0, such as 0.1; got {value}.")
    return float(value)
