"""Notebook 06's figures: per-layer gradient norms as lines and as a heatmap."""
from __future__ import annotations

import numpy as np

from course_utils.style import label_axes


def plot_gradient_norms(ax, norms_by_label: dict, title: str) -> None:
    """One log-scale line per setting of ‖∂L/∂W_l‖ against the layer index l (1 = next to the input)."""
    for label, norms in norms_by_label.items():
        norms = np.asarray(norms, dtype=float)
        ax.plot(np.arange(1, norms.size + 1), norms, marker="o", markersize=2.5, label=label)
    ax.set_yscale("log")
    ax.legend(loc="best")
    label_axes(ax, title, "layer l (1 = next to the input)", r"$\|\partial L / \partial W_l\|$")


def plot_norm_heatmap(ax, table: np.ndarray, row_labels: list[str], title: str):
    """A settings × layers heatmap of log10 gradient norms (blue vanishing, red exploding);
    returns the image for a colorbar.
    """
    with np.errstate(divide="ignore"):
        logs = np.log10(np.asarray(table, dtype=float))
    reach = float(np.max(np.abs(logs[np.isfinite(logs)])))
    image = ax.imshow(logs, aspect="auto", cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest",
                      extent=(0.5, logs.shape[1] + 0.5, logs.shape[0] - 0.5, -0.5))
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.grid(False)
    label_axes(ax, title, "layer l (1 = next to the input)", "activation, init")
    return image
