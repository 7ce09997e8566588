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
