"""The descent explorer: one neuron's error E(w), its tangent at w, and a button that takes a gradient step."""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.lessons.nb04 import single_neuron
from course_utils.style import (
    COLORS,
    alt_number,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
)
from course_utils.validation import check_interval, check_number

#: The learning-rate slider's default range (``eta_range`` widens it, e.g. to show a step that overshoots far).
ETA_RANGE = (0.05, 5.0)


class DescentExplorer(Explorer):
    """Slide w to see E(w) and its slope; press the button to apply w ← w − η·dE/dw."""

    title = "Descent explorer: one neuron, E(w) = (σ(w·x) − t)²"

    def __init__(self, w: float = 0.5, eta: float = 0.5, x: float = 2.0, t: float = 1.0,
                 w_range: tuple[float, float] = (-2.5, 3.0), eta_range: tuple[float, float] = ETA_RANGE):
        self.x, self.t = check_number(x, "x (the neuron's input)", example="2.0"), check_number(t, "t", example="1.0")
        self.w_range = check_interval(w_range, "w_range", example="(-2.5, 3.0)")
        self.eta_range = check_interval(eta_range, "eta_range", example="(0.05, 20.0)")
        if self.eta_range[0] <= 0:
            raise ValueError(f"eta_range = {self.eta_range} must hold positive learning rates only.")
        w = slider_start(w, "w", *self.w_range, f"inside w_range = {self.w_range}")
        eta = slider_start(eta, "eta", *self.eta_range,
                           f"between {self.eta_range[0]} and {self.eta_range[1]}, the slider's range")
        self.w_slider = float_slider("w", w, *self.w_range, 0.001, readout_format=".3f",
                                     says="the neuron's weight, where the tangent touches E(w)")
        self.eta_slider = float_slider("η", eta, *self.eta_range, 0.05, says="the learning rate, the size of each step")
        self.step_button = widgets.Button(description="take a step", tooltip="take a step: w ← w − η·dE/dw")
        self.trail = [float(w)]
        super().__init__([self.w_slider, self.eta_slider])
        self.children = (widgets.HBox([*self.controls, self.step_button]), *self.children[1:])
        self.step_button.on_click(self.take_step)

    def error(self, w):
        return single_neuron.error(w, self.x, self.t)

    def slope(self, w):
        return single_neuron.error_slope(w, self.x, self.t)

    def best_w(self) -> float | None:
        """Where E(w) is smallest, σ(w·x) = t, or None when the target lies outside (0, 1) and E has no minimum."""
        if not 0.0 < self.t < 1.0 or self.x == 0.0:
            return None
        return float(np.log(self.t / (1.0 - self.t)) / self.x)

    def full_step(self) -> float:
        """Where one step of gradient descent lands, w − η·dE/dw, even outside the slider's range."""
        w = self.w_slider.value
        return float(w - self.eta_slider.value * self.slope(w))

    def next_w(self) -> float:
        """Where the button moves w: the full step, stopped at the slider's edge (the readout says when)."""
        return float(np.clip(self.full_step(), *self.w_range))

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
        best = self.best_w()
        if best is not None and self.w_range[0] <= best <= self.w_range[1]:
            self.artists["minimum"] = ax.axvline(best, color=COLORS["reference"], linestyle=":", linewidth=1.2,
                                                 label=f"minimum, w = {best:.3f}".replace("-", "−"))
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
        full = self.full_step()
        stopped = "" if full == landing else f" (the slider's edge: the full step reaches w = {format_number(full, 3)})"
        self.readout.value = (
            f"w = {format_number(w, 3)} &nbsp;|&nbsp; η = {format_number(eta, 2)}"
            f" &nbsp;|&nbsp; E(w) = {format_number(self.error(w))}"
            f" &nbsp;|&nbsp; dE/dw = {format_number(slope)}"
            f" &nbsp;|&nbsp; a step moves {direction} to w = {format_number(landing, 3)}{stopped}"
            f" &nbsp;|&nbsp; steps taken: {len(self.trail) - 1}"
        )

    def alt_text(self) -> str:
        w, landing = self.w_slider.value, self.next_w()
        before, after = self.error(w), self.error(landing)
        way = "downhill" if after < before else "not downhill: the step overshoots" if after > before else "nowhere"
        if alt_number(before) == alt_number(after):
            change = f"the error barely changes, {alt_number(before)} before and after, {way}"
        else:
            change = f"the error goes from {alt_number(before)} to {alt_number(after)}, {way}"
        taken = f"; the {len(self.trail) - 1} steps taken so far are marked" if len(self.trail) > 1 else ""
        best = self.best_w()
        if best is not None and self.w_range[0] <= best <= self.w_range[1]:
            taken += f"; a dotted line marks the minimum at w = {format_number(best, 3)}"
        elif best is None:
            taken += f"; with target t = {format_number(self.t, 2)} the error has no minimum"
        return (f"One neuron's error E(w) against the weight w from {alt_number(self.w_range[0])} to "
                f"{alt_number(self.w_range[1])}, with the tangent at w = {format_number(w, 3)} (slope dE/dw = "
                f"{alt_number(self.slope(w))}) and an arrow to where one step with η = "
                f"{format_number(self.eta_slider.value, 2)} lands, w = {format_number(landing, 3)}: {change}{taken}.")
