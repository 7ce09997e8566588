"""How numbers are printed across the course: fixed digits, a true minus sign."""
from __future__ import annotations

import math

MINUS = "\u2212"


def format_number(value: float, digits: int = 4) -> str:
    """A float with a fixed number of decimals and a typographic minus (U+2212), as readouts show it."""
    value = float(value)
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
    value = float(value)
    if not math.isfinite(value):
        return format_number(value)
    mantissa, exponent = f"{value:.{digits}e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", MINUS)


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """Text cells in aligned, right-justified columns under a header line, for printing in a notebook."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError(f"every row needs {len(headers)} cells, one per header {headers}.")
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    lines = [headers, ["-" * width for width in widths], *rows]
    return "\n".join("  ".join(str(cell).rjust(width) for cell, width in zip(line, widths)) for line in lines)


def format_loss(value: float) -> str:
    """A loss with four decimals, switching to 3.51e-05 style below 0.001 so a small loss never reads as 0.0000."""
    value = float(value)
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
    size = abs(float(value))
    if not size * BOUND_MARGIN <= bound:
        raise _bound_error(size, "below", bound)
    return f"below {format_exponential(bound, 0)}"


def format_above(value: float, bound: float) -> str:
    """A round-off-dominated size as 'above 1e−7', the same on every CPU because it sits 10× above the bound."""
    size = abs(float(value))
    if not size >= bound * BOUND_MARGIN:
        raise _bound_error(size, "above", bound)
    return f"above {format_exponential(bound, 0)}"
