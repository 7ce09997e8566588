"""The facts learners compare activations by (range, oddness, mean output, steepest slope, saturation), computed
from the code.

Every fact is read off the activation itself on a fine grid over [−10, 10] plus its limits
at ±∞, so the summary table cannot drift from the functions it summarises.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from course_utils import activations
from course_utils.calculus import forward_difference
from course_utils.formatting import MINUS, format_number
from course_utils.validation import check_number, require_positive

#: A slope with |f′| below this counts as saturated: a gradient passing through shrinks at least 100-fold.
SATURATION_THRESHOLD = 0.01
#: Where facts are read: wide enough for every tail to settle, with steps of 0.001 for 2-decimal locations.
GRID = np.linspace(-10.0, 10.0, 20001)
_INFINITIES = np.array([-np.inf, np.inf])


def display_name(activation) -> str:
    """The name of an activation as the course writes it, with its parameter if it has one."""
    act = activations.get(activation)
    params = ", ".join(f"{act.parameters[key].symbol} = {format_number(value, 2)}" for key, value in act.params.items())
    return act.display_name + (f" ({params})" if params else "")


def significant(value: float, digits: int = 3) -> str:
    """A number with a few significant digits (0.00665, 1.13, −7.15e−06), minus as U+2212."""
    value = float(value)
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "∞"
    text = f"{value:.{digits}g}"
    return "0" if float(text) == 0 else text.replace("-", MINUS)


def _short(value: float) -> str:
    """A location on the x axis with at most two decimals: 0, −4.6, 1.41."""
    text = format_number(value, 2).rstrip("0").rstrip(".")
    return "0" if text in ("", MINUS + "0") else text


def saturation_mask(activation, xs, threshold: float = SATURATION_THRESHOLD) -> np.ndarray:
    """True where the slope is so small (|f′(x)| < threshold) that the unit is saturated."""
    threshold = require_positive(threshold, "threshold", example="0.01")
    return np.abs(activations.get(activation).grad(np.asarray(xs, dtype=float))) < threshold


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) indices of each stretch of consecutive True values."""
    edges = np.diff(np.concatenate([[0], mask.astype(int), [0]]))
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1))


def _describe_run(first: int, last: int, peak: int | None = None) -> str:
    """Say which x a stretch of GRID covers; edges sit halfway to the neighbouring grid point."""
    left_open, right_open = first == 0, last == GRID.size - 1
    low = _short((GRID[first - 1] + GRID[first]) / 2) if not left_open else ""
    high = _short((GRID[last] + GRID[last + 1]) / 2) if not right_open else ""
    if left_open and right_open:
        return "every x"
    if right_open:
        return f"x > {low}"
    if left_open:
        return f"x < {high}"
    if peak is not None and last - first <= 2:
        return f"x = {_short(GRID[peak])}"
    return f"{low} < x < {high}"


@dataclass(frozen=True)
class Bound:
    """One end of an output range: its value and whether some finite input reaches it."""

    value: float
    attained: bool


def output_bounds(activation) -> tuple[Bound, Bound]:
    """The lowest and highest outputs, from the grid and the limits at ±∞; a bound met on the grid is attained."""
    act = activations.get(activation)
    values, limits = act.fn(GRID), act.fn(_INFINITIES)
    low = min(values.min(), limits.min())
    high = max(values.max(), limits.max())
    return Bound(float(low), bool(values.min() == low)), Bound(float(high), bool(values.max() == high))


def range_text(activation) -> str:
    """The output range in interval notation, e.g. (0, 1), [0, ∞), (−∞, ∞)."""
    low, high = output_bounds(activation)
    opening = "[" if low.attained else "("
    closing = "]" if high.attained else ")"
    return f"{opening}{significant(low.value)}, {significant(high.value)}{closing}"


def is_odd(activation) -> bool:
    """True if f is odd, f(−x) = −f(x): the strict kind of zero-centring, where inputs symmetric about 0 give
    outputs that average to exactly 0.
    """
    act = activations.get(activation)
    return bool(np.allclose(act.fn(-GRID), -act.fn(GRID), rtol=1e-12, atol=1e-12))


def mean_output_normal(activation) -> float:
    """E[f(Z)] for Z ~ N(0, 1), by the trapezoid rule on GRID (steps 0.001 over [−10, 10]; the normal weight
    beyond holds less than 1e−22): the average output of a unit whose inputs are standard normal.
    """
    act = activations.get(activation)
    weighted = act.fn(GRID) * np.exp(-0.5 * GRID**2) / math.sqrt(2.0 * math.pi)
    return float((GRID[1] - GRID[0]) * (weighted.sum() - 0.5 * (weighted[0] + weighted[-1])))


def mean_text(value: float, odd: bool = False) -> str:
    """A mean output to three decimals, minus as U+2212 and never −0.000; an odd function's mean is exactly 0, so
    its round-off-level grid value is asserted and shown as "0 (odd)" rather than rounded.
    """
    if odd:
        if abs(value) >= 1e-12:
            raise ValueError(f"an odd function's mean over N(0, 1) is 0, but the grid gave {value:g}.")
        return "0 (odd)"
    return format_number(value, 3)


def steepest_slope(activation) -> tuple[float, str]:
    """The largest slope f′ takes and where: at a point, on a half-line, or only approached as x → ±∞."""
    act = activations.get(activation)
    slopes, limits = act.grad(GRID), act.grad(_INFINITIES)
    best = float(max(slopes.max(), limits.max()))
    near_best = slopes >= best - 1e-9 * max(1.0, abs(best))
    if not near_best.any():
        return best, "approached as x → " + ("+∞" if limits[1] == best else MINUS + "∞")
    peak = int(np.argmax(slopes))
    return best, " and ".join(_describe_run(first, last, peak) for first, last in _runs(near_best))


def saturated_tails(activation, threshold: float = SATURATION_THRESHOLD) -> str:
    """Where the tails are flat (|f′| < threshold out to ±∞), e.g. 'x < −4.6, x > 4.6', or 'no'."""
    act = activations.get(activation)
    mask = saturation_mask(act, GRID, threshold)
    tails = [(first, last) for first, last in _runs(mask) if first == 0 or last == GRID.size - 1]
    if not tails:
        return "no"
    parts = []
    for first, last in tails:
        exactly_flat = np.all(act.grad(GRID[first:last + 1]) == 0.0)
        parts.append(_describe_run(first, last) + (" (f′ = 0 exactly)" if exactly_flat else ""))
    return ", ".join(parts)


def saturated_stretches(activation, x_range: tuple[float, float],
                        threshold: float = SATURATION_THRESHOLD) -> list[str]:
    """The stretches of x_range where the unit saturates, read on GRID as the table reads them: ["−6 to −2.99"]."""
    act = activations.get(activation)
    low, high = float(x_range[0]), float(x_range[1])
    xs = GRID[(GRID >= low) & (GRID <= high)]
    edges = np.flatnonzero(np.diff(np.concatenate([[0], saturation_mask(act, xs, threshold).astype(int), [0]])))
    stretches = []
    for first, stop in zip(edges[::2], edges[1::2]):
        start = low if first == 0 else (xs[first - 1] + xs[first]) / 2
        end = high if stop == xs.size else (xs[stop - 1] + xs[stop]) / 2
        stretches.append(f"{_short(start)} to {_short(end)}")
    return stretches


def has_kink(activation, x: float, h: float = 1e-7) -> bool:
    """True if the slopes from the left and from the right differ at x, so f′(x) does not exist there."""
    f = activations.get(activation).fn
    x = check_number(x, "x", example="0.0")
    left, right = forward_difference(f, x - h, h), forward_difference(f, x, h)
    return bool(abs(left - right) > 1e-4)


def true_kinks(activation) -> list[float]:
    """The listed kinks where the slope really jumps (ELU's 0 is one only for α ≠ 1): where f′ does not exist."""
    act = activations.get(activation)
    return [float(k) for k in act.kinks if has_kink(act, k)]


#: How near a kink a slider value counts as on it (a slider's steps land on 0 only up to round-off).
KINK_TOLERANCE = 1e-9


def kink_at(activation, x: float) -> float | None:
    """The kink that x sits on (within KINK_TOLERANCE), or None."""
    return next((k for k in true_kinks(activation) if abs(x - k) <= KINK_TOLERANCE), None)


def slope_as_coded(activation, x: float) -> float:
    """f′(x); on a kink (up to a slider's round-off), the value the code uses at the kink itself."""
    act = activations.get(activation)
    kink = kink_at(act, x)
    return float(act.grad(x if kink is None else kink))


def kink_note(activation, x: float) -> str:
    """At a kink, say that f′ does not exist there and which value the code uses instead (else "")."""
    act = activations.get(activation)
    kink = kink_at(act, x)
    if kink is None:
        return ""
    return f" (a kink: no derivative here; the code uses {format_number(act.grad(kink))}, as PyTorch does)"


@dataclass(frozen=True)
class ActivationFacts:
    """One row of the summary table, every entry computed from the activation."""

    name: str
    output_range: str
    odd: bool
    mean_output: float
    max_slope: float
    max_slope_where: str
    slope_at_minus_5: float
    slope_at_plus_5: float
    saturates: str


def facts(activation, **params) -> ActivationFacts:
    """Compute the summary-table row of one activation (parameters as for activations.get)."""
    act = activations.get(activation, **params)
    max_slope, where = steepest_slope(act)
    return ActivationFacts(
        display_name(act), range_text(act), is_odd(act), mean_output_normal(act), max_slope, where,
        float(act.grad(-5.0)), float(act.grad(5.0)), saturated_tails(act),
    )


HEADERS = ("activation", "output range", "odd", "mean over N(0,1)", "max slope", "f′(−5)", "f′(5)",
           "saturates (|f′| < 0.01)")


class FactsTable:
    """The summary table: Markdown in JupyterLab, aligned plain text everywhere else (and for nbval)."""

    def __init__(self, rows: list[ActivationFacts]):
        self.rows = rows

    def cells(self) -> list[tuple[str, ...]]:
        """Every row as the strings the table shows."""
        return [
            (r.name, r.output_range, "yes" if r.odd else "no", mean_text(r.mean_output, r.odd),
             f"{significant(r.max_slope)} ({r.max_slope_where})",
             significant(r.slope_at_minus_5), significant(r.slope_at_plus_5), r.saturates)
            for r in self.rows
        ]

    def __repr__(self) -> str:
        table = [HEADERS, *self.cells()]
        widths = [max(len(row[i]) for row in table) for i in range(len(HEADERS))]
        lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        rows = [HEADERS, tuple("---" for _ in HEADERS), *self.cells()]
        return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def facts_table(names=None) -> FactsTable:
    """The summary table for the named activations (default: all of them, in the course's order)."""
    names = list(activations.ACTIVATIONS) if names is None else _name_list(names, "facts_table")
    if not names:
        raise ValueError("facts_table needs at least one activation name, e.g. ['sigmoid', 'relu'].")
    return FactsTable([facts(name) for name in names])


def formulas_latex(names) -> str:
    """Each activation's formula beside its derivative, one per line, as LaTeX for IPython.display.Math."""
    names = _name_list(names, "formulas_latex")
    rows = [activations.get(name).latex + r" \qquad " + activations.get(name).latex_grad for name in names]
    if not rows:
        raise ValueError("formulas_latex needs at least one activation name, e.g. ['sigmoid'].")
    return r"\begin{gathered}" + r" \\[8pt] ".join(rows) + r"\end{gathered}"


def _name_list(names, caller: str) -> list:
    """One activation name, or a list of them, as a list; anything else is a TypeError with an example."""
    if isinstance(names, str | activations.Activation):
        return [names]
    if not isinstance(names, list | tuple):
        raise TypeError(f"{caller} takes a list of activation names such as ['sigmoid', 'relu'], "
                        f"got {type(names).__name__}.")
    return list(names)
