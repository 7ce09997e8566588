"""The tangent explorer: an activation, its slope, and the tangent line that follows x."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.lessons.nb03.activation_facts import SATURATION_THRESHOLD, display_name
from course_utils.style import (
    COLORS,
    alt_number,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
)
from course_utils.validation import check_interval


class TangentExplorer(Explorer):
    """An activation f, its derivative f', and the tangent at x, which follows the x slider."""

    def __init__(self, activation="sigmoid", x: float = 1.0, x_range: tuple[float, float] = (-6.0, 6.0), **params):
        self.activation = activations.get(activation, **params)
        self.x_range = check_interval(x_range, "x_range", example="(-6.0, 6.0)")
        x = slider_start(x, "x", *self.x_range, f"inside x_range = {self.x_range}")
        self.title = f"Tangent explorer: {self.activation.display_name}"
        self.x_slider = float_slider("x", x, *self.x_range, 0.05)
        super().__init__([self.x_slider])

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        act = self.activation
        self.artists = plot_function_with_tangent(
            ax, act.fn, act.grad, self.x_slider.value, self.x_range, name=act.tex_name
        )
        xs = np.linspace(*self.x_range, 400)
        fixed_ylim(ax, np.concatenate([act.fn(xs), act.grad(xs)]))
        ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        label_axes(ax, f"{act.display_name}: value and slope at x", "x (pre-activation)", "output")
        self.moving = [self.artists["tangent"], self.artists["point"]]

    def update(self) -> None:
        act = self.activation
        x = self.x_slider.value
        move_tangent(self.artists, act.fn, act.grad, x)
        self.readout.value = (
            f"x = {format_number(x, 2)} &nbsp;|&nbsp; f(x) = {format_number(act.fn(x))}"
            f" &nbsp;|&nbsp; f′(x) = {format_number(act.grad(x))}"
        )

    def alt_text(self) -> str:
        act, x = self.activation, self.x_slider.value
        slope = float(act.grad(x))
        saturated = abs(slope) < SATURATION_THRESHOLD
        flat = f"; |f′| < {SATURATION_THRESHOLD:g} there, so the unit counts as saturated" if saturated else ""
        return (f"{display_name(act)} and its slope f′ for x from {alt_number(self.x_range[0])} to "
                f"{alt_number(self.x_range[1])}, with the tangent at x = {format_number(x, 2)}: f(x) = "
                f"{alt_number(act.fn(x))}, and the tangent's slope is f′(x) = {alt_number(slope)}{flat}.")
