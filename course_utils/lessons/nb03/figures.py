"""Notebook 03's figures: an activation and its slope with its saturated region shaded; GELU beside its tanh form."""
from __future__ import annotations

import numpy as np

from course_utils import activations
from course_utils.lessons.nb03.activation_facts import (
    SATURATION_THRESHOLD,
    display_name,
    saturation_mask,
)
from course_utils.style import COLORS, break_at_jumps, label_axes, shade_where
from course_utils.validation import check_interval


def plot_activation_and_slope(ax, activation, x_range: tuple[float, float] = (-6.0, 6.0)) -> dict:
    """An activation f and its slope f′ on one axis, with the saturated region (|f′| < 0.01) shaded grey."""
    act = activations.get(activation)
    x_range = check_interval(x_range, "x_range", example="(-6.0, 6.0)")
    xs = np.linspace(*x_range, 1201)
    mask = saturation_mask(act, xs)
    label = f"saturated: |f′| < {SATURATION_THRESHOLD:g}" if mask.any() else None  # no legend entry for nothing
    artists = {
        "saturated": shade_where(ax, xs, mask, label=label),
        "function": ax.plot(xs, act.fn(xs), color=COLORS["function"], label="f(x)")[0],
        "derivative": ax.plot(xs, break_at_jumps(act.grad(xs)), color=COLORS["derivative"], linestyle="--",
                              label="f′(x)")[0],
    }
    ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
    ax.set_xlim(*x_range)
    ax.legend(loc="upper left")
    label_axes(ax, f"{display_name(act)}: value and slope", "x (pre-activation)", "f(x) and f′(x)")
    return artists


def plot_gelu_forms(ax_values, ax_gap, x_range: tuple[float, float] = (-6.0, 6.0)) -> dict:
    """Exact GELU xΦ(x) and its tanh form on one axis (they overlap), and their difference on a second."""
    from course_utils.lessons.nb03.numerics import gelu_tanh, gelu_tanh_grad

    x_range = check_interval(x_range, "x_range", example="(-6.0, 6.0)")
    xs = np.linspace(*x_range, 1201)
    exact = activations.get("gelu")
    artists = {
        "exact": ax_values.plot(xs, exact.fn(xs), color=COLORS["function"], label="exact: x Φ(x)")[0],
        "tanh": ax_values.plot(xs, gelu_tanh(xs), color=COLORS["derivative"], linestyle="--",
                               label="tanh form")[0],
        "value_gap": ax_gap.plot(xs, gelu_tanh(xs) - exact.fn(xs), color=COLORS["function"],
                                 label="value: tanh form − exact")[0],
        "slope_gap": ax_gap.plot(xs, gelu_tanh_grad(xs) - exact.grad(xs), color=COLORS["derivative"],
                                 linestyle="--", label="slope: tanh form − exact")[0],
    }
    for ax in (ax_values, ax_gap):
        ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        ax.set_xlim(*x_range)
        ax.legend(loc="upper left")
    label_axes(ax_values, "GELU: exact and tanh form", "x (pre-activation)", "GELU(x)")
    label_axes(ax_gap, "Their difference", "x (pre-activation)", "tanh form − exact")
    return artists


def plot_descent_paths(ax, paths: dict, best) -> dict:
    """Weight paths of per-example gradient descent in the (w1, w2) plane, one per kind of input, and the best w."""
    styles = [(COLORS["function"], "-", "o"), (COLORS["derivative"], "--", "s")]
    artists = {}
    for (label, path), (color, linestyle, marker) in zip(paths.items(), styles):
        path = np.asarray(path, dtype=float)
        artists[label] = ax.plot(path[:, 0], path[:, 1], color=color, linestyle=linestyle, marker=marker,
                                 markersize=3, label=label)[0]
    artists["best"] = ax.plot([best[0]], [best[1]], "*", color=COLORS["point"], markersize=12, label="best w")[0]
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0))
    ax.set_aspect("equal")
    label_axes(ax, "Per-example descent towards w = (1, −1)", "w1", "w2")
    return artists
