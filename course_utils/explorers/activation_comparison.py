"""The activation comparison explorer: pick an activation, move x (and α where it applies),
watch value, slope and tangent.
"""
from __future__ import annotations

import ipywidgets as widgets
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
)
from course_utils.style import (
    COLORS,
    alt_number,
    break_at_jumps,
    fixed_ylim,
    label_axes,
    move_shading,
    move_tangent,
    plot_function_with_tangent,
    shade_where,
)
from course_utils.validation import check_interval


class ActivationComparisonExplorer(Explorer):
    """A menu of every registered activation, an x slider and an α slider (enabled for those that take an α).

    Switching the activation gives the existing curves, shading and title new data and fits the
    y axis to every α the activation's slider offers, in one full redraw; moving α or x then
    only redraws the moving artists (curves, shading and title for α; point and tangent for x),
    since the axes stay put. Nothing is re-plotted.
    """

    title = "Activation comparison explorer"

    def __init__(self, activation: str = "leaky_relu", x: float = 1.0, x_range: tuple[float, float] = (-6.0, 6.0)):
        name = activations.get(activation).name
        self.x_range = check_interval(x_range, "x_range", example="(-6.0, 6.0)")
        x = slider_start(x, "x", *self.x_range, f"inside x_range = {self.x_range}")
        self.alphas = {key: alpha.slider[2] for key, alpha in _alpha_parameters().items()}
        self.activation_menu = widgets.Dropdown(
            options=[(act.display_name, key) for key, act in activations.ACTIVATIONS.items()], value=name,
            description="activation", tooltip="which activation function to show",
        )
        self.x_slider = float_slider("x", x, *self.x_range, 0.05,
                                     says="the input where value, slope and tangent are read")
        self.alpha_slider = float_slider("α", 0.1, 0.0, 2.0, 0.01,
                                         says="the parameter α of leaky ReLU and ELU (unused by the others)")
        self._configuring = False
        self._drawn = None
        self._configure_alpha_slider(name)
        super().__init__([self.activation_menu, self.x_slider, self.alpha_slider], figsize=(7.0, 4.0))

    def activation(self) -> activations.Activation:
        """The activation the controls currently select, with α where it takes one."""
        name = self.activation_menu.value
        return activations.get(name, alpha=self.alpha_slider.value) if name in self.alphas else activations.get(name)

    def _configure_alpha_slider(self, name: str) -> None:
        """Enable the α slider only for an activation that takes an α, with its slider range and last α."""
        self.alpha_slider.disabled = name not in self.alphas
        if name not in self.alphas:
            return
        low, high, _ = activations.get(name).parameters["alpha"].slider
        self._configuring = True
        try:
            slider = self.alpha_slider
            slider.min, slider.max = min(low, slider.min), max(high, slider.max)  # widen first: never min > max
            slider.value = self.alphas[name]
            slider.min, slider.max = low, high
        finally:
            self._configuring = False

    def _on_change(self, change) -> None:
        if self._configuring:
            return
        if change.owner is self.activation_menu:
            self._configure_alpha_slider(change.new)
        elif change.owner is self.alpha_slider and not self.alpha_slider.disabled:
            self.alphas[self.activation_menu.value] = change.new
        self.refresh()

    def build(self, figure: Figure) -> None:
        self.ax = figure.add_subplot()
        act = self.activation()
        self.xs = np.linspace(*self.x_range, 1201)
        self.artists = {"saturated": shade_where(
            self.ax, self.xs, saturation_mask(act, self.xs), label=f"|f′| < {SATURATION_THRESHOLD:g}")}
        self.artists.update(plot_function_with_tangent(
            self.ax, act.fn, act.grad, self.x_slider.value, self.x_range, name="f"))
        self.ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        label_axes(self.ax, "", "x (pre-activation)", "f(x) and f′(x)")
        self.moving = [self.artists["saturated"], self.artists["function"], self.artists["derivative"],
                       self.ax.title, self.artists["tangent"], self.artists["point"]]

    def _show_curves(self, act: activations.Activation, new_activation: bool) -> None:
        """Give the existing curves, shading and title the activation's data; a new activation also gets its y-range."""
        xs = self.artists["function"].get_xdata()
        self.artists["function"].set_ydata(act.fn(xs))
        self.artists["derivative"].set_ydata(break_at_jumps(act.grad(xs)))
        move_shading(self.artists["saturated"], self.xs, saturation_mask(act, self.xs))
        self.ax.set_title(f"{display_name(act)}: value, slope and tangent at x")
        if new_activation:
            fixed_ylim(self.ax, self._values_over_every_alpha(act.name, xs))
            self.redraw_everything()

    def _values_over_every_alpha(self, name: str, xs: np.ndarray) -> np.ndarray:
        """Values and slopes for every α the slider offers (one α when it takes none): the y-range that never moves."""
        if name not in self.alphas:
            variants = [activations.get(name)]
        else:
            low, high, _ = activations.get(name).parameters["alpha"].slider
            variants = [activations.get(name, alpha=alpha) for alpha in np.linspace(low, high, 9)]
        return np.concatenate([np.concatenate([act.fn(xs), act.grad(xs)]) for act in variants])

    def update(self) -> None:
        act = self.activation()
        if self._drawn != act:
            self._show_curves(act, new_activation=self._drawn is None or self._drawn.name != act.name)
            self._drawn = act
        x = self.x_slider.value
        move_tangent(self.artists, act.fn, lambda at: slope_as_coded(act, at), x)
        self.readout.value = (
            f"activation: {self.activation_menu.label} &nbsp;|&nbsp; x = {format_number(x, 2)}"
            f" &nbsp;|&nbsp; {self._alpha_text()} &nbsp;|&nbsp; f(x) = {format_number(act.fn(x))}"
            f" &nbsp;|&nbsp; f′(x) = {format_number(slope_as_coded(act, x))}{kink_note(act, x)}"
        )

    def alt_text(self) -> str:
        act, x = self.activation(), self.x_slider.value
        runs = saturated_stretches(act, self.x_range)
        shaded = (f"shaded where it saturates (|f′| < {SATURATION_THRESHOLD:g}), x from {' and from '.join(runs[:3])}"
                  if runs else f"nowhere saturated (|f′| < {SATURATION_THRESHOLD:g})")
        return (f"{display_name(act)} and its slope f′ for x from {alt_number(self.x_range[0])} to "
                f"{alt_number(self.x_range[1])}, {shaded}, with the tangent at x = {format_number(x, 2)}: f(x) = "
                f"{alt_number(act.fn(x))}, f′(x) = {alt_number(slope_as_coded(act, x))}{kink_note(act, x)}.")

    def _alpha_text(self) -> str:
        """α as the slider shows it, marked unused when the activation takes none."""
        alpha = f"α = {format_number(self.alpha_slider.value, 2)}"
        return alpha + (f" (unused by {self.activation_menu.label})" if self.alpha_slider.disabled else "")


def _alpha_parameters() -> dict[str, activations.Parameter]:
    """The α of every registered activation that takes one (leaky ReLU, ELU), by activation name."""
    return {key: act.parameters["alpha"] for key, act in activations.ACTIVATIONS.items() if "alpha" in act.parameters}
