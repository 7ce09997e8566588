"""The course's one drawing style, and the few drawing pieces every figure and explorer shares."""
from __future__ import annotations

from collections.abc import Callable

import matplotlib as mpl
import numpy as np

from course_utils.validation import require_callable

#: The colour of each role a curve plays, the same in every notebook.
COLORS = {
    "function": "#1f5fa8",
    "derivative": "#d9731a",
    "tangent": "#c0392b",
    "secant": "#7b4ea3",
    "point": "#111111",
    "saturated": "#bbbbbb",
    "reference": "#777777",
}


#: Matplotlib settings for every course figure (sizes in inches and points).
STYLE = {
    "figure.figsize": (6.4, 3.8),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=["#1f5fa8", "#d9731a", "#2e8b57", "#c0392b", "#7b4ea3", "#777777"]),
    "lines.linewidth": 2.0,
    "figure.autolayout": True,
    "svg.hashsalt": "course",
}


def use_house_style() -> None:
    """Apply the course style to every figure drawn from now on."""
    mpl.rcParams.update(STYLE)


def label_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Every course figure has a title and labelled axes; this is the one way to set them."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def tangent_points(f: Callable, slope: float, x0: float, xs: np.ndarray) -> np.ndarray:
    """y values of the tangent line to f at x0 with the given slope, over xs."""
    return float(f(x0)) + slope * (np.asarray(xs, dtype=float) - x0)


def break_at_jumps(ys, fraction: float = 0.1) -> np.ndarray:
    """A copy of sampled ys with a gap (NaN) where it jumps, so a step in f' is not drawn as a vertical line."""
    ys = np.array(ys, dtype=float)
    finite = ys[np.isfinite(ys)]
    if finite.size < 2:
        return ys
    jump = np.abs(np.diff(ys)) > fraction * max(float(np.ptp(finite)), 1e-12)
    ys[1:][jump] = np.nan
    return ys


def plot_function_with_tangent(
    ax,
    f: Callable,
    grad: Callable,
    x0: float,
    x_range: tuple[float, float] = (-5.0, 5.0),
    name: str = "f",
    show_derivative: bool = True,
    half_width: float = 1.5,
) -> dict:
    """Draw f (and f'), the point (x0, f(x0)) and the tangent there; return the artists to move later."""
    require_callable(f, "f")
    require_callable(grad, "grad")
    xs = np.linspace(*x_range, 400)
    artists = {"function": ax.plot(xs, f(xs), color=COLORS["function"], label=f"${name}(x)$")[0]}
    if show_derivative:
        artists["derivative"] = ax.plot(
            xs, break_at_jumps(grad(xs)), color=COLORS["derivative"], linestyle="--", label=f"${name}'(x)$"
        )[0]
    tangent_xs = np.array([x0 - half_width, x0 + half_width])
    artists["tangent"] = ax.plot(
        tangent_xs, tangent_points(f, float(grad(x0)), x0, tangent_xs),
        color=COLORS["tangent"], linewidth=1.5, label="tangent at $x_0$",
    )[0]
    artists["point"] = ax.plot([x0], [float(f(x0))], "o", color=COLORS["point"], zorder=5)[0]
    ax.set_xlim(*x_range)
    ax.legend(loc="upper left")
    return artists


def move_tangent(artists: dict, f: Callable, grad: Callable, x0: float, half_width: float = 1.5) -> None:
    """Move the point and tangent drawn by plot_function_with_tangent to a new x0 (no re-plot)."""
    tangent_xs = np.array([x0 - half_width, x0 + half_width])
    artists["tangent"].set_data(tangent_xs, tangent_points(f, float(grad(x0)), x0, tangent_xs))
    artists["point"].set_data([x0], [float(f(x0))])


def shade_where(ax, xs, mask, label: str | None = None):
    """Grey bands the full height of the axes over the x where mask is True; returns them so they can be moved."""
    return ax.fill_between(np.asarray(xs, dtype=float), 0.0, 1.0, where=np.asarray(mask, dtype=bool),
                           transform=ax.get_xaxis_transform(), color=COLORS["saturated"], alpha=0.35,
                           linewidth=0, label=label)


def move_shading(bands, xs, mask) -> None:
    """Move the bands drawn by shade_where to a new mask, without drawing anything new."""
    bands.set_data(np.asarray(xs, dtype=float), 0.0, 1.0, where=np.asarray(mask, dtype=bool))


def fixed_ylim(ax, values: np.ndarray) -> None:
    """Fix the y-range once so the picture does not jump while the learner drags."""
    finite = values[np.isfinite(values)]
    low, high = float(finite.min()), float(finite.max())
    margin = 0.12 * max(high - low, 1e-9)
    ax.set_ylim(low - margin, high + margin)
