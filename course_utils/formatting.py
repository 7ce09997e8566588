"""How numbers are printed across the course: fixed digits, a true minus sign."""
from __future__ import annotations

import math
import numbers

import numpy as np

from course_utils.validation import check_number

MINUS = "\u2212"


def _number(value, name: str = "the value to format") -> float:
    """One real number (a 0-d array or a one-element array too) as a float; inf and NaN pass, to be printed."""
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(()).item()
    elif not isinstance(value, numbers.Number | str | bytes) and hasattr(type(value), "__float__"):
        try:
            value = float(value)  # a number of another library that converts, such as SymPy's sqrt(2)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be a number such as 0.25, got {type(value).__name__}: {value!r}, "
                            "which has no numeric value.") from None
    return check_number(value, name, finite=False, example="0.25")


def _digits(digits) -> int:
    return check_number(digits, "digits", low=0, high=20, integer=True, example="4")


def format_number(value: float, digits: int = 4) -> str:
    """A float with a fixed number of decimals and a typographic minus (U+2212), as readouts show it."""
    value, digits = _number(value), _digits(digits)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "∞"
    text = f"{value:.{digits}f}"
    if set(text) <= set("-0."):
        text = text.lstrip("-")  # never print −0.0000
    return text.replace("-", MINUS)


def format_exponential(value: float, digits: int = 1) -> str:
    """A float as a log slider's ".{digits}e" readout shows it (1.8e−8: no exponent padding), true minus signs."""
    value, digits = _number(value), _digits(digits)
    if not math.isfinite(value):
        return format_number(value)
    mantissa, exponent = f"{value:.{digits}e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", MINUS)


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """Text cells in aligned, right-justified columns under a header line, for printing in a notebook."""
    if not _is_list(headers) or not _is_list(rows) or not all(_is_list(row) for row in rows):
        raise TypeError("format_table takes a list of headers and a list of rows, each row a list of cells, "
                        "e.g. format_table(['x', 'f(x)'], [['1', '2.0'], ['2', '4.0']]).")
    if any(len(row) != len(headers) for row in rows):
        raise ValueError(f"every row needs {len(headers)} cells, one per header {headers}.")
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    lines = [headers, ["-" * width for width in widths], *rows]
    return "\n".join("  ".join(str(cell).rjust(width) for cell, width in zip(line, widths)) for line in lines)


def _is_list(items) -> bool:
    return isinstance(items, list | tuple)


def format_loss(value: float) -> str:
    """A loss with four decimals, switching to 3.51e-05 style below 0.001 so a small loss never reads as 0.0000."""
    value = _number(value, "the loss")
    return f"{value:.4f}" if value == 0 or abs(value) >= 1e-3 or not math.isfinite(value) else f"{value:.2e}"


#: How far a round-off-level number must sit from the bound printed for it: CPUs differ by far less.
BOUND_MARGIN = 10.0


def _bound_error(value: float, relation: str, bound: float) -> AssertionError:
    return AssertionError(
        f"{value:.2e} is not {BOUND_MARGIN:g}× {relation} {bound:.0e}, "
        "so the printed bound could change on another CPU: "
        "if you edited the cells above, run them again from the top; otherwise choose a bound with a wider margin."
    )


def format_below(value: float, bound: float) -> str:
    """A round-off-level size as 'below 1e−6': its digits differ between CPUs, a bound 10× above it does not."""
    size, bound = abs(_number(value, "value")), check_number(bound, "bound", low=0, include_low=False, example="1e-6")
    if not size * BOUND_MARGIN <= bound:
        raise _bound_error(size, "below", bound)
    return f"below {format_exponential(bound, 0)}"


def format_above(value: float, bound: float) -> str:
    """A round-off-dominated size as 'above 1e−7', the same on every CPU because it sits 10× above the bound."""
    size, bound = abs(_number(value, "value")), check_number(bound, "bound", low=0, include_low=False, example="1e-7")
    if not size >= bound * BOUND_MARGIN:
        raise _bound_error(size, "above", bound)
    return f"above {format_exponential(bound, 0)}"
