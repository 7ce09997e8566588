"""Why the chain rule holds, in numbers: nudge x, watch u and y move, and see the ratios multiply.

For a finite nudge, Δy/Δx = (Δy/Δu)·(Δu/Δx) is plain fraction arithmetic; as the nudge shrinks, each
ratio tends to a slope, so the product tends to f′(u)·g′(x). The table shows both facts at once.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from course_utils.formatting import format_table
from course_utils.validation import check_number, require_callable


def nudge_table(inner: Callable, outer: Callable, x: float, nudges: Sequence[float],
                slopes: tuple[float, float]) -> str:
    """Rows of Δx, Δu/Δx, Δy/Δu, their product and Δy/Δx for y = outer(inner(x)); a last row with the slopes."""
    require_callable(inner, "inner")
    require_callable(outer, "outer")
    x = check_number(x, "x", example="1.0")
    inner_slope, outer_slope = (check_number(s, "slope") for s in slopes)
    rows = []
    for dx in nudges:
        dx = check_number(dx, "nudge", example="1e-3")
        if dx <= 0:
            raise ValueError(f"a nudge must be positive, got {dx:g}.")
        u0, u1 = inner(x), inner(x + dx)
        du, dy = u1 - u0, outer(u1) - outer(u0)
        if du == 0:
            raise ValueError(f"u did not move for the nudge {dx:g}, so Δy/Δu is undefined; take a larger nudge.")
        ratios = (du / dx, dy / du, (dy / du) * (du / dx), dy / dx)
        rows.append([f"{dx:g}", *(f"{ratio:#.6g}" for ratio in ratios)])
    rows.append(["slopes", f"{inner_slope:#.6g}", f"{outer_slope:#.6g}", f"{inner_slope * outer_slope:#.6g}", ""])
    return format_table(["Δx", "Δu/Δx", "Δy/Δu", "product", "Δy/Δx"], rows)
