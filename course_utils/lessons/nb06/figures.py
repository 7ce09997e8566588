"""Notebook 06's figures: per-layer gradient norms as lines and as a heatmap."""
from __future__ import annotations

import numpy as np

from course_utils.style import label_axes
from course_utils.validation import as_float_array


def plot_gradient_norms(ax, norms_by_label: dict, title: str) -> None:
    """One log-scale line per setting of ‖∂L/∂W_l‖ against the layer index l (1 = next to the input).

    A norm that overflowed (inf or NaN) leaves a gap; a plot with no positive norm at all is refused.
    """
    if not isinstance(norms_by_label, dict) or not norms_by_label:
        raise TypeError("norms_by_label must be a dict {label: norms by layer}, e.g. {'sigmoid': norms}.")
    series = {label: _norms(norms, f"the norms of {label!r}", ndim=1) for label, norms in norms_by_label.items()}
    if not any(np.any(_positive(norms)) for norms in series.values()):
        raise ValueError("no norm is positive and finite, so nothing can be drawn on a log scale; a norm of 0 means "
                         "no gradient reaches that layer: check how the norms were computed.")
    for label, norms in series.items():
        ax.plot(np.arange(1, norms.size + 1), norms, marker="o", markersize=2.5, label=label)
    ax.set_yscale("log")
    ax.legend(loc="best")
    label_axes(ax, title, "layer l (1 = next to the input)", r"$\|\partial L / \partial W_l\|$")


def plot_norm_heatmap(ax, table: np.ndarray, row_labels: list[str], title: str):
    """A settings × layers heatmap of log10 gradient norms (blue vanishing, red exploding);
    returns the image for a colorbar. A norm of 0 (log −∞) or an overflowed one is left blank.
    """
    table = _norms(table, "table", ndim=2)
    if not isinstance(row_labels, list | tuple) or len(row_labels) != table.shape[0]:
        raise ValueError(f"row_labels needs one label per row of the table: {table.shape[0]}, got {row_labels!r}.")
    if not np.any(_positive(table)):
        raise ValueError("the table has no positive finite norm, so log10 has nothing to show (log10 0 = −∞); "
                         "a norm of 0 means no gradient reaches that layer: check how the table was computed.")
    with np.errstate(divide="ignore"):
        logs = np.log10(table)
    reach = float(np.max(np.abs(logs[np.isfinite(logs)])))
    image = ax.imshow(logs, aspect="auto", cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest",
                      extent=(0.5, logs.shape[1] + 0.5, logs.shape[0] - 0.5, -0.5))
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.grid(False)
    label_axes(ax, title, "layer l (1 = next to the input)", "activation, init")
    return image


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
