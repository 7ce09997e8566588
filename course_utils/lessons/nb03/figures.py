"""Notebook 03's figure: an activation and its slope, with its saturated region shaded."""
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
    artists = {
        "saturated": shade_where(ax, xs, saturation_mask(act, xs), label=f"saturated: |f′| < {SATURATION_THRESHOLD:g}"),
        "function": ax.plot(xs, act.fn(xs), color=COLORS["function"], label="f(x)")[0],
        "derivative": ax.plot(xs, break_at_jumps(act.grad(xs)), color=COLORS["derivative"], linestyle="--",
                              label="f′(x)")[0],
    }
    ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
    ax.set_xlim(*x_range)
    ax.legend(loc="upper left")
    label_axes(ax, f"{display_name(act)}: value and slope", "x (pre-activation)", "f(x) and f′(x)")
    return artists
