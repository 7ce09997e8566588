"""Checks at the doors of course_utils, so misuse gets a message that says what to pass instead.

One rule for which error to raise (as scikit-learn's ``check_scalar``): the wrong kind of
value (text, a list, True) is a TypeError; the right kind outside its allowed range, or
inf/NaN, is a ValueError. Both messages say what to pass.
"""
from __future__ import annotations

import math
import numbers

import numpy as np


def check_number(value, name: str, *, low=None, high=None, include_low: bool = True, include_high: bool = True,
                 integer: bool = False, finite: bool = True, example=None) -> float | int:
    """``value`` as a float (an int if ``integer``), or an error that names the allowed values and an example.

    ``low``/``high`` bound the range (inclusive unless ``include_low``/``include_high`` is
    False); ``example`` (a value or text such as "1e-5") is shown as something to pass. A bool is refused.
    """
    such_as = f" such as {example}" if example is not None else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral if integer else numbers.Real):
        kind = "a whole number" if integer else "a number"
        raise TypeError(f"{name} must be {kind}{such_as}, got {type(value).__name__}: {value!r}.")
    noun = "" if integer else ("a finite number" if finite else "a number")
    allowed = _allowed(noun, low, high, include_low, include_high) + ("," + such_as if such_as else "")
    if finite and not isinstance(value, numbers.Integral) and not math.isfinite(value):
        raise ValueError(f"{name} = {value} is not finite; it must be {allowed}.")
    if not _in_range(value, low, high, include_low, include_high):
        raise ValueError(f"{name} must be {allowed}; got {value!r}.")
    return int(value) if integer else float(value)


def _in_range(value, low, high, include_low: bool, include_high: bool) -> bool:
    """Whether low ≤ value ≤ high (or strictly, as asked); NaN is in no range."""
    above = low is None or (value >= low if include_low else value > low)
    below = high is None or (value <= high if include_high else value < high)
    return bool(above and below)


def _allowed(noun: str, low, high, include_low: bool, include_high: bool) -> str:
    """The allowed values in words: 'a finite number greater than 0', 'at least 1', 'in [0, 1)'."""
    if low is not None and high is not None:  # an interval says both bounds, and that the value is finite
        return f"in {'[' if include_low else '('}{low}, {high}{']' if include_high else ')'}"
    if low is not None:
        bounds = f"at least {low}" if include_low else f"greater than {low}"
    elif high is not None:
        bounds = f"at most {high}" if include_high else f"less than {high}"
    else:
        bounds = ""
    if noun and bounds.startswith("at "):
        return f"{noun} of {bounds}"
    return " ".join(part for part in (noun, bounds) if part)


def require_count(value, name: str, minimum: int = 1) -> int:
    """A whole number of at least ``minimum`` (a depth, a width, a number of steps), or a clear error."""
    return check_number(value, name, low=minimum, integer=True, example="10")


def require_positive(value, name: str, example: str = "0.1") -> float:
    """A finite number greater than zero (a learning rate, a step, a scale), or a clear error."""
    return check_number(value, name, low=0, include_low=False, example=example)


def require_callable(f, name: str) -> None:
    """Raise a TypeError unless f can be called like a function."""
    if not callable(f):
        raise TypeError(
            f"{name} must be a function (something you can call, like np.sin or lambda x: x**2), "
            f"got {type(f).__name__}: {f!r}."
        )


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


def choose(value, options, name: str) -> str:
    """The option a learner named, in any case ("He", "MSE", "ReLU"), or an error that lists the valid ones."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a name such as {options[0]!r}, got {type(value).__name__}.")
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in options:
        raise ValueError(f"unknown {name} {value!r}. Choose one of: {', '.join(options)}.")
    return key
