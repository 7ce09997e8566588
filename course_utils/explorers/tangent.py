"""The tangent explorer: an activation, its slope, and the tangent line that follows x."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.explorers.base import Explorer, float_slider
from course_utils.formatting import format_number
from course_utils.style import (
    COLORS,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
)


class TangentExplorer(Explorer):
    """An activation f, its derivative f', and the tangent at x, which follows the x slider."""

    def __init__(self, activation="sigmoid", x: float = 1.0, x_range: tuple[float, float] = (-6.0, 6.0), **params):
        self.activation = activations.get(activation, **params)
        self.x_range = (float(x_range[0]), float(x_range[1]))
        if not self.x_range[0] <= x <= self.x_range[1]:
            raise ValueError(f"x = {x} must lie inside x_range = {x_range}; pick a starting x within it.")
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
