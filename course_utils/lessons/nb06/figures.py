"""Notebook 06's figures: per-layer gradient norms as lines (with seed bands) and as a heatmap, loss bands."""
from __future__ import annotations

import itertools

import numpy as np
from matplotlib.ticker import MaxNLocator

from course_utils.style import COLORS, label_axes
from course_utils.validation import as_float_array, check_number

#: Line styles and markers in turn, so lines are told apart without colour (with the Okabe-Ito colours).
LINE_STYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "x")
LINE_COLORS = (COLORS["function"], COLORS["derivative"], COLORS["tangent"], COLORS["secant"], COLORS["point"])


def line_looks():
    """An endless supply of (colour, line style, marker), every one different from its neighbours in all three."""
    return zip(itertools.cycle(LINE_COLORS), itertools.cycle(LINE_STYLES), itertools.cycle(MARKERS))


def plot_gradient_norms(ax, norms_by_label: dict, title: str, bands: dict | None = None,
                        ylabel: str = r"$\|\partial L / \partial W_l\|$") -> None:
    """One log-scale line per setting of ‖∂L/∂W_l‖ against the layer index l (1 = next to the input).

    Each line has its own colour, line style and marker. ``bands`` maps a label to (low, high)
    per layer, shaded behind its line (e.g. the min and max over seeds). A norm that overflowed
    (inf or NaN) leaves a gap; a plot with no positive norm at all is refused.
    """
    if not isinstance(norms_by_label, dict) or not norms_by_label:
        raise TypeError("norms_by_label must be a dict {label: norms by layer}, e.g. {'sigmoid': norms}.")
    series = {label: _norms(norms, f"the norms of {label!r}", ndim=1) for label, norms in norms_by_label.items()}
    bands = {} if bands is None else bands
    if not isinstance(bands, dict) or not set(bands) <= set(series):
        raise ValueError("bands must be a dict whose keys are labels of norms_by_label, each (low, high) per layer.")
    if not any(np.any(_positive(norms)) for norms in series.values()):
        raise ValueError("no norm is positive and finite, so nothing can be drawn on a log scale; a norm of 0 means "
                         "no gradient reaches that layer: check how the norms were computed.")
    for (label, norms), (color, line, marker) in zip(series.items(), line_looks()):
        layers = np.arange(1, norms.size + 1)
        if label in bands:
            low, high = (_norms(edge, f"the band of {label!r}", ndim=1) for edge in bands[label])
            if low.shape != norms.shape or high.shape != norms.shape:
                raise ValueError(f"the band of {label!r} needs one low and one high value per layer ({norms.size}).")
            ax.fill_between(layers, low, high, color=color, alpha=0.18, linewidth=0)
        ax.plot(layers, norms, color=color, linestyle=line, marker=marker, markersize=3, markevery=_every(norms.size),
                label=label)
    ax.set_yscale("log")
    ax.legend(loc="best")
    label_axes(ax, title, "layer l (1 = next to the input)", ylabel)


def plot_loss_bands(ax, runs: dict, title: str, baseline: float | None = None) -> None:
    """Median training loss over seeds (a line) with the min–max band, one run per entry of runs.

    ``runs`` maps a label to an array of shape (n_seeds, steps + 1); ``baseline`` draws a dashed
    reference line (the loss of always predicting the mean target).
    """
    if not isinstance(runs, dict) or not runs:
        raise TypeError("runs must be a dict {label: losses}, losses of shape (n_seeds, steps + 1).")
    if baseline is not None:
        ax.axhline(baseline, color=COLORS["reference"], linestyle=(0, (1, 1)), linewidth=1,
                   label="always the mean target")
    for (label, losses), (color, line, marker) in zip(runs.items(), line_looks()):
        losses = _norms(losses, f"the losses of {label!r}", ndim=2)
        steps = np.arange(losses.shape[1])
        ax.fill_between(steps, losses.min(axis=0), losses.max(axis=0), color=color, alpha=0.18, linewidth=0)
        ax.plot(steps, np.median(losses, axis=0), color=color, linestyle=line, marker=marker, markersize=4,
                markevery=_every(steps.size), label=f"{label} (median, band: min to max)")
    ax.set_yscale("log")
    ax.legend(loc="best", fontsize="small")
    label_axes(ax, title, "step", "SSE loss")


def _every(n: int) -> int:
    """Mark about ten points of a line, so markers name it without hiding it."""
    return max(1, n // 10)


def plot_norm_heatmap(ax, table: np.ndarray, row_labels: list[str], title: str, limit: float | None = None,
                      annotate: bool = False):
    """A settings × layers heatmap of log10 gradient norms (blue vanishing, red exploding);
    returns the image for a colorbar. A norm of 0 (log −∞) or an overflowed one is left blank.

    The colour range is symmetric: ±``limit`` if given (beyond it the colour saturates: draw the
    colorbar with extend="both"), else ±the largest |log10| in the table. ``annotate`` writes each row's
    first and last log10 in its end cells, so the sign (vanishing or exploding) does not rest on hue alone.
    """
    table = _norms(table, "table", ndim=2)
    if not isinstance(row_labels, list | tuple) or len(row_labels) != table.shape[0]:
        raise ValueError(f"row_labels needs one label per row of the table: {table.shape[0]}, got {row_labels!r}.")
    if not np.any(_positive(table)):
        raise ValueError("the table has no positive finite norm, so log10 has nothing to show (log10 0 = −∞); "
                         "a norm of 0 means no gradient reaches that layer: check how the table was computed.")
    with np.errstate(divide="ignore"):
        logs = np.log10(table)
    if limit is None:
        reach = float(np.max(np.abs(logs[np.isfinite(logs)])))
    else:
        reach = check_number(limit, "limit", low=0, include_low=False, example="15 (powers of ten)")
    image = ax.imshow(logs, aspect="auto", cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest",
                      extent=(0.5, logs.shape[1] + 0.5, logs.shape[0] - 0.5, -0.5))
    if annotate:
        _annotate_ends(ax, logs, reach)
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.grid(False)
    label_axes(ax, title, "layer l (1 = next to the input)", "activation, init")
    return image


def _annotate_ends(ax, logs: np.ndarray, reach: float) -> None:
    """Write the log10 of the first and last layer of every row into its end cells (dark text on light cells)."""
    for row, values in enumerate(logs):
        for column, align in ((0, "left"), (values.size - 1, "right")):
            value = values[column]
            text = f"{value:+.0f}" if np.isfinite(value) else "none"
            dark_cell = np.isfinite(value) and abs(value) > reach / 2
            ax.text(column + 1 + (-0.45 if align == "left" else 0.45), row, text, ha=align, va="center",
                    fontsize=7, color="white" if dark_cell else "black")


def plot_clipping(ax_unclipped, ax_clipped, unclipped: dict, clipped: np.ndarray, baseline: float,
                  title: str) -> None:
    """Two panels: the unclipped runs until they overflow (one marker shape per draw), and the clipped losses.

    Separate axes, because the unclipped losses span hundreds of powers of ten and would flatten the others.
    ``unclipped`` maps a draw's label to its loss curve (inf or NaN after the overflow).
    """
    if not isinstance(unclipped, dict) or not unclipped:
        raise TypeError("unclipped must be a dict {label: loss curve}, one per random draw.")
    for (label, curve), marker in zip(unclipped.items(), itertools.cycle(MARKERS)):
        curve = as_float_array(curve, f"the losses of {label!r}")
        finite = np.isfinite(curve)
        ax_unclipped.plot(np.flatnonzero(finite), curve[finite], linestyle="none", marker=marker, markersize=4,
                          color=COLORS["derivative"], label=label)
    ax_unclipped.set_yscale("log")
    ax_unclipped.xaxis.set_major_locator(MaxNLocator(integer=True))  # steps are whole numbers
    ax_unclipped.legend(loc="lower right", fontsize="small", title="not clipped, until overflow")
    label_axes(ax_unclipped, f"{title}: not clipped", "step", "SSE loss")
    plot_loss_bands(ax_clipped, {"clipped": clipped}, f"{title}: clipped", baseline=baseline)


def _norms(values, name: str, ndim: int) -> np.ndarray:
    """Gradient norms as a float array of the given number of dimensions, none of them negative."""
    array = as_float_array(values, name)
    if array.ndim != ndim or array.size == 0:
        shape = "one norm per layer, a list such as [0.3, 0.1, 0.02]" if ndim == 1 else \
            "one row per setting and one column per layer, e.g. np.array([norms_a, norms_b])"
        raise ValueError(f"{name} must hold {shape}; got shape {array.shape}.")
    if np.any(array < 0):
        raise ValueError(f"{name} holds a negative number, but a norm is never negative: check how it was computed.")
    return array


def _positive(array: np.ndarray) -> np.ndarray:
    return np.isfinite(array) & (array > 0)



def plot_seed_bands(ax, tables: dict, title: str, ylabel: str = r"$\|\partial L / \partial W_l\|$") -> None:
    """plot_gradient_norms of the median over seeds, with the min-to-max band, for per-layer measurements.

    ``tables`` maps a label to an array of shape (n_seeds, n_layers), one row per seed.
    """
    if not isinstance(tables, dict) or not tables:
        raise TypeError("tables must be a dict {label: array of shape (n_seeds, n_layers)}.")
    tables = {label: _norms(table, f"the table of {label!r}", ndim=2) for label, table in tables.items()}
    plot_gradient_norms(ax, {label: np.median(table, axis=0) for label, table in tables.items()}, title,
                        bands={label: (table.min(axis=0), table.max(axis=0)) for label, table in tables.items()},
                        ylabel=ylabel)
