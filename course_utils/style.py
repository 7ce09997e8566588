"""The course's one drawing style, and the few drawing pieces every figure and explorer shares."""
from __future__ import annotations

from collections.abc import Callable

import matplotlib as mpl
import numpy as np

from course_utils.validation import call_on, check_interval, check_number, require_callable

#: The colour of each role a curve plays, the same in every notebook: Okabe–Ito's colour-blind-safe palette, the
#: four of its colours with at least 3:1 contrast on white. Each role has its own line style too (the function solid,
#: f′ dashed, the tangent dash-dotted), so no figure tells its curves apart by colour alone.
COLORS = {
    "function": "#0072B2",  # blue
    "derivative": "#D55E00",  # vermillion (orange)
    "tangent": "#009E73",  # bluish green
    "secant": "#CC79A7",  # reddish purple (pink)
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
    # Okabe–Ito again (blue, vermillion, bluish green, reddish purple), then black and grey: no red beside green.
    "axes.prop_cycle": mpl.cycler(color=["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#777777"]),
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
    return float(call_on(f, x0)) + slope * (np.asarray(xs, dtype=float) - x0)


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
    """Draw f (and f'), the point (x0, f(x0)) and the tangent there; return the artists to move later.

    f and grad are called on an array of 400 points, so they must work elementwise (np.sin, not math.sin).
    """
    require_callable(f, "f")
    require_callable(grad, "grad")
    x0 = check_number(x0, "x0", example="1.0")
    x_range = check_interval(x_range, "x_range", example="(-5.0, 5.0)")
    xs = np.linspace(*x_range, 400)
    ys = call_on(f, xs, "f", same_shape=True)
    artists = {"function": ax.plot(xs, ys, color=COLORS["function"], label=f"${name}(x)$")[0]}
    if show_derivative:
        slopes = call_on(grad, xs, "grad", same_shape=True)
        artists["derivative"] = ax.plot(
            xs, break_at_jumps(slopes), color=COLORS["derivative"], linestyle="--", label=f"${name}'(x)$"
        )[0]
    tangent_xs = np.array([x0 - half_width, x0 + half_width])
    artists["tangent"] = ax.plot(
        tangent_xs, tangent_points(f, float(call_on(grad, x0, "grad")), x0, tangent_xs),
        color=COLORS["tangent"], linestyle="-.", linewidth=1.5, label="tangent at the point",
    )[0]
    artists["point"] = ax.plot([x0], [float(call_on(f, x0))], "o", color=COLORS["point"], zorder=5)[0]
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
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        raise ValueError("no finite value to fit the y axis to: the function is inf or NaN over the whole range "
                         "(a NaN input, or an overflow?). Check its inputs or choose another range.")
    low, high = float(finite.min()), float(finite.max())
    margin = 0.12 * max(high - low, 1e-9)
    ax.set_ylim(low - margin, high + margin)


#: Alt texts that say nothing about a figure (nbconvert's placeholder among them): show_figure refuses them.
PLACEHOLDER_ALTS = frozenset({
    "", "alt", "alt text", "chart", "description", "figure", "fixme", "graph", "image", "no description",
    "no description has been provided for this image", "none", "picture", "placeholder", "plot", "tbd", "todo",
})
#: The fewest words an alt text can say what a figure shows in (its axes, its curves, the point it makes).
ALT_MIN_WORDS = 4


def check_alt_text(alt) -> str:
    """The alt text, stripped, if it can describe a figure; otherwise an error that says what to write."""
    if not isinstance(alt, str):
        raise TypeError(f"alt must be a str that says what the figure shows, got {type(alt).__name__}.")
    alt = " ".join(alt.split())
    if alt.lower().strip(" .…") in PLACEHOLDER_ALTS or len(alt.split()) < ALT_MIN_WORDS:
        raise ValueError(
            f"alt = {alt!r} does not say what the figure shows. Write a sentence or two for a reader who cannot "
            "see it: the axes, the curves, and the point the lesson makes, e.g. 'sin x and its tangent at x = 1 "
            "(slope 0.540): near x = 1 the line and the curve almost coincide.'"
        )
    if "{" in alt or "}" in alt:
        raise ValueError(f"alt = {alt!r} holds braces: did you forget the f in front of an f-string?")
    return alt


def show_figure(fig, alt: str) -> None:
    """Display a figure once, as the notebook's inline backend renders it, with alt text, then close it.

    The alt goes into the output's metadata (``{"image/png": {"alt": ...}}``), where the HTML export and
    screen readers find it. Closing the figure keeps the inline backend from showing it a second time
    at the end of the cell. Build the alt from the same variables as the figure, so it stays true.
    """
    import matplotlib.pyplot as plt
    from IPython import get_ipython
    from IPython.display import display

    shell = get_ipython()
    try:
        alt = check_alt_text(alt)  # a refused alt closes the figure too: no picture without alt text slips out
        if shell is None:  # a plain Python session: nothing renders the figure, say what it is
            display(fig)
            return
        data, metadata = shell.display_formatter.format(fig)
        images = [mime for mime in data if mime.startswith("image/")]
        if not images:  # no inline backend (a terminal IPython): let pyplot's own window show it
            plt.show()
            return
        for mime in images:
            metadata[mime] = {**metadata.get(mime, {}), "alt": alt}
        display(data, raw=True, metadata=metadata)
    finally:
        plt.close(fig)


def alt_number(value, digits: int = 3) -> str:
    """A number as an alt text says it: a few significant digits, a true minus (16, 0.197, −0.0236, 1.92e−12).

    Round-off never reaches these digits, so an alt built from computed values stays the same on every machine.
    """
    value = float(value)
    if not np.isfinite(value):
        return "not a number" if np.isnan(value) else "infinity" if value > 0 else "minus infinity"
    mantissa, _, exponent = f"{value + 0.0:.{digits}g}".partition("e")  # + 0.0: never "−0"
    return (mantissa + (f"e{int(exponent)}" if exponent else "")).replace("-", "\N{MINUS SIGN}")
