"""The descent explorer: one neuron's error E(w), its tangent at w, and a button that takes a gradient step."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from course_utils.explorers.base import Explorer, float_slider
from course_utils.formatting import format_number
from course_utils.lessons.nb04 import single_neuron
from course_utils.style import (
    COLORS,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
)

#: The learning-rate slider's range.
ETA_RANGE = (0.05, 5.0)


class DescentExplorer(Explorer):
    """Slide w to see E(w) and its slope; press the button to apply w ← w − η·dE/dw."""

    title = "Descent explorer: one neuron, E(w) = (σ(w·x) − t)²"

    def __init__(self, w: float = 0.5, eta: float = 0.5, x: float = 2.0, t: float = 1.0,
                 w_range: tuple[float, float] = (-2.5, 3.0)):
        self.x, self.t = float(x), float(t)
        self.w_range = (float(w_range[0]), float(w_range[1]))
        if not self.w_range[0] <= w <= self.w_range[1]:
            raise ValueError(f"w = {w} must lie inside w_range = {w_range}; pick a starting w within it.")
        if not ETA_RANGE[0] <= eta <= ETA_RANGE[1]:
            raise ValueError(f"eta = {eta} must lie between {ETA_RANGE[0]} and {ETA_RANGE[1]}, the slider's range.")
        self.w_slider = float_slider("w", w, *self.w_range, 0.001, readout_format=".3f")
        self.eta_slider = float_slider("η", eta, *ETA_RANGE, 0.05)
        self.step_button = widgets.Button(description="take a step", tooltip="w ← w − η·dE/dw")
        self.trail = [float(w)]
        super().__init__([self.w_slider, self.eta_slider])
        self.children = (widgets.HBox([*self.controls, self.step_button]), *self.children[1:])
        self.step_button.on_click(self.take_step)

    def error(self, w):
        return single_neuron.error(w, self.x, self.t)

    def slope(self, w):
        return single_neuron.error_slope(w, self.x, self.t)

    def next_w(self) -> float:
        """Where one step of gradient descent lands, kept inside the slider's range."""
        w = self.w_slider.value
        return float(np.clip(w - self.eta_slider.value * self.slope(w), *self.w_range))

    def take_step(self, _button=None) -> None:
        """Apply w ← w − η·dE/dw by moving the w slider (which redraws everything)."""
        target = self.next_w()
        if target != self.w_slider.value:
            self.trail.append(target)
            self.w_slider.value = target

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        w = self.w_slider.value
        self.artists = plot_function_with_tangent(ax, self.error, self.slope, w, self.w_range, name="E",
                                                  show_derivative=False, half_width=0.8)
        ws = np.linspace(*self.w_range, 400)
        fixed_ylim(ax, self.error(ws))
        self.artists["trail"] = ax.plot([w], [self.error(w)], "o-", color=COLORS["secant"], markersize=4,
                                        linewidth=1, label="steps taken", zorder=4)[0]
        self.artists["next"] = ax.plot([w], [self.error(w)], "o", markerfacecolor="none",
                                       color=COLORS["tangent"], label="after one step", zorder=5)[0]
        self.artists["arrow"] = ax.annotate("", xy=(w, 0.0), xytext=(w, 0.0),
                                            arrowprops={"arrowstyle": "->", "color": COLORS["tangent"], "lw": 2})
        self.artists["function"].set_label("$E(w)$")
        self.artists["tangent"].set_label("tangent at $w$")
        ax.legend(loc="upper right")
        label_axes(ax, "One neuron's error: step against the slope", "weight w", "error E(w)")
        self.moving = [self.artists[name] for name in ("tangent", "point", "trail", "next", "arrow")]

    def update(self) -> None:
        w, eta = self.w_slider.value, self.eta_slider.value
        if w != self.trail[-1]:  # moved by hand, not by the button: start a new trail
            self.trail = [w]
        move_tangent(self.artists, self.error, self.slope, w, half_width=0.8)
        trail = np.array(self.trail)
        self.artists["trail"].set_data(trail, self.error(trail))
        landing = self.next_w()
        self.artists["next"].set_data([landing], [self.error(landing)])
        self.artists["arrow"].xy = (landing, self.error(w))
        self.artists["arrow"].set_position((w, self.error(w)))
        slope = self.slope(w)
        direction = "right (w grows)" if slope < 0 else "left (w shrinks)" if slope > 0 else "nowhere"
        self.readout.value = (
            f"w = {format_number(w, 3)} &nbsp;|&nbsp; η = {format_number(eta, 2)}"
            f" &nbsp;|&nbsp; E(w) = {format_number(self.error(w))}"
            f" &nbsp;|&nbsp; dE/dw = {format_number(slope)}"
            f" &nbsp;|&nbsp; a step moves {direction} to w = {format_number(landing, 3)}"
            f" &nbsp;|&nbsp; steps taken: {len(self.trail) - 1}"
        )
