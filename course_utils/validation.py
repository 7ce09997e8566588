"""Checks at the doors of course_utils, so misuse gets a message that says what to pass instead.

One rule for which error to raise (as scikit-learn's ``check_scalar``): the wrong kind of
value (text, a list, True) is a TypeError; the right kind outside its allowed range, or
inf/NaN, is a ValueError. Both messages say what to pass.
"""
from __future__ import annotations

import math
import numbers
import re
import sys
from collections.abc import Callable

import numpy as np

#: The largest float; a whole number beyond it (10**400) has no float, so it counts as ±inf.
FLOAT_MAX = sys.float_info.max


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
    if not integer and isinstance(value, numbers.Integral) and abs(value) > FLOAT_MAX:
        if finite:
            raise ValueError(f"{name} = {_short(value)} is beyond the largest float (about 1.8e308); "
                             f"it must be {allowed}.")
        value = math.inf if value > 0 else -math.inf  # as float arithmetic rounds an overflow
    if finite and not isinstance(value, numbers.Integral) and not math.isfinite(value):
        raise ValueError(f"{name} = {value} is not finite; it must be {allowed}.")
    if not _in_range(value, low, high, include_low, include_high):
        raise ValueError(f"{name} must be {allowed}; got {_short(value)}.")
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


def _short(value) -> str:
    """A number for a message, short even when it has 400 digits."""
    text = repr(value)
    return text if len(text) <= 20 else f"{text[:6]}…({len(text)} digits)"


def require_count(value, name: str, minimum: int = 1, maximum: int | None = None) -> int:
    """A whole number of at least ``minimum`` (a depth, a width, a number of steps), or a clear error.

    ``maximum`` keeps a typo such as 10**400 steps from hanging the kernel or exhausting memory.
    """
    count = check_number(value, name, low=minimum, integer=True, example="10")
    return count if maximum is None else check_number(count, name, high=maximum, integer=True, example="10")


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


def as_float_array(x, name: str) -> np.ndarray:
    """x (a number, a list or an array of real numbers) as a float array; inf and NaN pass, as they are floats.

    None, text, complex numbers and other objects are a TypeError that says what to pass
    (None usually comes from a function without ``return``). A whole number beyond the float
    range (10**400) becomes ±inf, as a float overflow does.
    """
    if isinstance(x, np.ndarray) and x.dtype.kind in "fiub":
        return x.astype(float, copy=False)
    try:
        array = np.asarray(x)
    except Exception:  # ragged lists, objects that refuse conversion
        raise TypeError(f"{name} must be a number or a numeric array (a list of numbers with one length per "
                        f"row), got {type(x).__name__}: {_shown(x)}.") from None
    if array.dtype.kind in "fiub":
        return array.astype(float, copy=False)
    if array.dtype.kind == "O":
        return np.array([_element(item, name, x) for item in array.ravel()], dtype=float).reshape(array.shape)
    return _element(x if array.ndim == 0 else array.ravel()[0], name, x)  # text, complex, dates: refused


def _element(item, name: str, whole) -> float:
    """One entry of an array being built: a real number, or the TypeError that names what it is instead."""
    if isinstance(item, numbers.Integral) and not isinstance(item, bool | np.bool_) and abs(item) > FLOAT_MAX:
        return math.inf if item > 0 else -math.inf
    if isinstance(item, numbers.Real):
        return float(item)
    if item is None:
        raise TypeError(f"{name} is None{'' if whole is None else ' in places'}: if it came from a function, "
                        "did you forget `return`?")
    if isinstance(item, str | bytes | np.str_):
        raise TypeError(f"{name} must be a number or a numeric array, got the text {str(item)!r}: remove the quotes.")
    if isinstance(item, numbers.Complex):
        raise TypeError(f"{name} must be real, got the complex number {item!r}: the course works with real numbers.")
    raise TypeError(f"{name} must be a number or a numeric array, got {type(item).__name__}: {_shown(item)}.")


def _shown(x) -> str:
    text = repr(x)
    return text if len(text) <= 60 else text[:57] + "..."


def as_finite_array(x, name: str) -> np.ndarray:
    """A float array of x, or a clear error if x is not numeric or holds inf/NaN."""
    array = as_float_array(x, name)
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"{name} contains inf or NaN (or a number beyond the float range, ±1.8e308); derivatives are only "
            "defined at finite points. Check where the value came from (an overflow or a 0/0 earlier on?)."
        )
    return array


def check_interval(value, name: str, example: str = "(-6.0, 6.0)") -> tuple[float, float]:
    """A (low, high) pair of finite numbers with low < high (a plotting range), as floats, or a clear error."""
    if isinstance(value, str | bytes) or not hasattr(value, "__len__") or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high) such as {example}, got {_shown(value)}.")
    low, high = (check_number(end, f"{name}[{i}]") for i, end in enumerate(value))
    if not low < high:
        raise ValueError(f"{name} = ({low:g}, {high:g}) must go from low to high, with low < high, e.g. {example}.")
    if not math.isfinite(high - low):
        raise ValueError(f"{name} = ({low:g}, {high:g}) is wider than the float range can measure (its width "
                         f"overflows to inf); choose a narrower range such as {example}.")
    return low, high


def require_instance(value, kind: type, name: str, example: str):
    """value itself if it is a ``kind``, else a TypeError that names what to pass (``example``)."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be {example}, got {type(value).__name__}: {_shown(value)}.")
    return value


#: What numpy says when a function of one number (math.sin, float) is given a whole array.
_SCALAR_ONLY = re.compile(r"only (0-dimensional|length-1|size-1) arrays can be converted|must be real number, not")


def call_on(f: Callable, x, name: str = "f", *, same_shape: bool = False) -> np.ndarray:
    """f(x) as a float array, with a learner's usual slips named instead of a numpy traceback or a NaN.

    A forgotten ``return`` (None), text out, math.sin given an array, an ``if`` on an array, and
    (with ``same_shape``) one number out for a whole array in each get a message that says what to do.
    """
    try:
        out = f(x)
    except TypeError as error:
        if np.ndim(x) and _SCALAR_ONLY.search(str(error)):
            raise TypeError(f"{name} takes one number at a time (math.sin, math.exp or float do), but it is given "
                            "an array here: use numpy's functions, np.sin, np.exp, np.log, which work on arrays."
                            ) from None
        raise
    except ValueError as error:
        if "truth value of an array" in str(error):
            raise ValueError(f"{name} uses `if` (or and/or) on its input, which is an array here: choose "
                             "elementwise with np.where(condition, value_if_true, value_if_false).") from None
        raise
    if out is None:
        raise TypeError(f"{name} returned None: did you forget `return`? e.g. def f(x): return x**2")
    out = as_float_array(out, f"the output of {name}")
    if same_shape and out.shape != np.shape(x):
        raise ValueError(f"{name} returned shape {out.shape} for an input of shape {np.shape(x)}: make it work "
                         "elementwise on arrays, e.g. lambda x: 1.0 + 0 * x for a constant.")
    return out


def choose(value, options, name: str) -> str:
    """The option a learner named, in any case ("He", "MSE", "ReLU"), or an error that lists the valid ones."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a name such as {options[0]!r}, got {type(value).__name__}.")
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in options:
        raise ValueError(f"unknown {name} {value!r}. Choose one of: {', '.join(options)}.")
    return key
