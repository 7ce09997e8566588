"""The tangent explorer: an activation, its slope, and the tangent line that follows x.

Like the comparison explorer, it shades where the unit is saturated (|f′| < 0.01) and marks a kink,
where f′ does not exist, with a dotted vertical line and a note in the readout. Both are drawn once:
a slider step moves only the point and the tangent.
"""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.lessons.nb03.activation_facts import (
    SATURATION_THRESHOLD,
    display_name,
    kink_note,
    saturated_stretches,
    saturation_mask,
    slope_as_coded,
    true_kinks,
)
from course_utils.style import (
    COLORS,
    alt_number,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
    shade_where,
)
from course_utils.validation import check_interval


class TangentExplorer(Explorer):
    """An activation f, its derivative f', and the tangent at x, which follows the x slider."""

    def __init__(self, activation="sigmoid", x: float = 1.0, x_range: tuple[float, float] = (-6.0, 6.0), **params):
        self.activation = activations.get(activation, **params)
        self.x_range = check_interval(x_range, "x_range", example="(-6.0, 6.0)")
        x = slider_start(x, "x", *self.x_range, f"inside x_range = {self.x_range}")
        self.title = f"Tangent explorer: {display_name(self.activation)}"
        self.x_slider = float_slider("x", x, *self.x_range, 0.05, says="the input where the tangent touches the curve")
        super().__init__([self.x_slider])

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        act = self.activation
        self.xs = np.linspace(*self.x_range, 1201)
        mask = saturation_mask(act, self.xs)
        self.saturated = shade_where(ax, self.xs, mask,
                                     label=f"saturated: |f′| < {SATURATION_THRESHOLD:g}" if mask.any() else None)
        self.artists = plot_function_with_tangent(
            ax, act.fn, act.grad, self.x_slider.value, self.x_range, name=act.tex_name
        )
        low, high = self.x_range
        self.kinks = [k for k in true_kinks(act) if low <= k <= high]
        self.kink_lines = [ax.axvline(k, color=COLORS["reference"], linestyle=":", linewidth=1.2,
                                      label="kink: no derivative" if i == 0 else None)
                           for i, k in enumerate(self.kinks)]
        xs = np.linspace(*self.x_range, 400)
        fixed_ylim(ax, np.concatenate([act.fn(xs), act.grad(xs)]))
        ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        ax.legend(loc="upper left")
        label_axes(ax, f"{display_name(act)}: value and slope at x", "x (pre-activation)", "f(x) and f′(x)")
        self.moving = [self.artists["tangent"], self.artists["point"]]

    def update(self) -> None:
        act = self.activation
        x = self.x_slider.value
        move_tangent(self.artists, act.fn, lambda at: slope_as_coded(act, at), x)
        self.readout.value = (
            f"x = {format_number(x, 2)} &nbsp;|&nbsp; f(x) = {format_number(act.fn(x))}"
            f" &nbsp;|&nbsp; f′(x) = {format_number(slope_as_coded(act, x))}{kink_note(act, x)}"
        )

    def alt_text(self) -> str:
        act, x = self.activation, self.x_slider.value
        slope = slope_as_coded(act, x)
        saturated = abs(slope) < SATURATION_THRESHOLD
        flat = f"; |f′| < {SATURATION_THRESHOLD:g} there, so the unit counts as saturated" if saturated else ""
        runs = saturated_stretches(act, self.x_range)
        shaded = (f", shaded grey where it saturates (|f′| < {SATURATION_THRESHOLD:g}), x from "
                  f"{' and from '.join(runs[:3])}" if runs else "")
        kinks = (", a dotted line at the kink x = " + ", ".join(format_number(k, 2) for k in self.kinks)
                 + ", where f′ does not exist" if self.kinks else "")
        return (f"{display_name(act)} and its slope f′ for x from {alt_number(self.x_range[0])} to "
                f"{alt_number(self.x_range[1])}{shaded}{kinks}, with the tangent at x = {format_number(x, 2)}: "
                f"f(x) = {alt_number(act.fn(x))}, and the tangent's slope is f′(x) = {alt_number(slope)}"
                f"{kink_note(act, x)}{flat}.")
