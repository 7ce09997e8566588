"""The gradient-flow explorer: per-layer gradient norms of a deep network,
live as depth, activation, init scale and architecture (plain, residual, normalised, both) change.
"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_exponential, format_number
from course_utils.lessons.nb06.remedies import FlowNetwork
from course_utils.lessons.nb06.vanishing import (
    HIDDEN_ACTIVATIONS,
    gradient_norms_by_layer,
    probe_batch,
)
from course_utils.style import COLORS, alt_number, label_axes
from course_utils.validation import choose, require_count

#: The deepest and widest networks the explorer builds: enough to show the effect, small enough to stay live.
MAX_DEPTH, MAX_WIDTH = 200, 256

#: The plot's fixed vertical range; norms outside it are drawn at its edge and reported in the readout.
NORM_LIMITS = (1e-35, 1e35)

#: The init-scale slider's range: a multiplier on Xavier's weights (1.41 ≈ He, 4 = naive N(0, 1) at width 16).
SCALE_RANGE = (0.25, 5.0)

#: The architecture menu: (skip connections?, layer normalisation?) in every hidden layer (notebook 06, section 6).
ARCHITECTURES = {"plain": (False, False), "residual": (True, False), "normalised": (False, True),
                 "residual + normalised": (True, True)}


class GradientFlowExplorer(Explorer):
    """A depth slider, an init-scale slider, an activation and an architecture menu driving a log plot of ‖∂L/∂W_l‖."""

    title = "Gradient-flow explorer: per-layer gradient norms"

    def __init__(self, depth: int = 20, activation: str = "sigmoid", init_scale: float = 1.0,
                 width: int = 16, max_depth: int = 50, seed: int = 0, architecture: str = "plain"):
        activation = choose(activation, HIDDEN_ACTIVATIONS, "activation")
        architecture = choose(architecture, tuple(ARCHITECTURES), "architecture")
        max_depth = require_count(max_depth, "max_depth", minimum=2, maximum=MAX_DEPTH)
        depth = slider_start(depth, "depth", 2, max_depth, f"between 2 and max_depth = {max_depth}", integer=True)
        init_scale = slider_start(init_scale, "init_scale", *SCALE_RANGE,
                                  f"between {SCALE_RANGE[0]} and {SCALE_RANGE[1]}, the slider's range")
        self.width = require_count(width, "width", maximum=MAX_WIDTH)
        self.max_depth, self.seed = max_depth, require_count(seed, "seed", minimum=0)
        self.depth_slider = widgets.IntSlider(
            value=depth, min=2, max=max_depth, step=1, description="depth", continuous_update=True,
            tooltip="the number of weight layers of the network",
        )
        self.scale_slider = float_slider("init scale", init_scale, *SCALE_RANGE, 0.01,
                                         says="the multiplier g on Xavier's starting weights")
        self.activation_menu = widgets.Dropdown(
            options=list(HIDDEN_ACTIVATIONS), value=activation, description="activation",
            tooltip="the activation function of every hidden layer",
        )
        self.architecture_menu = widgets.Dropdown(
            options=list(ARCHITECTURES), value=architecture, description="architecture",
            tooltip="skip connections and/or layer normalisation in every hidden layer",
        )
        super().__init__([self.depth_slider, self.scale_slider, self.activation_menu, self.architecture_menu],
                         figsize=(7.0, 3.8))

    def norms(self) -> np.ndarray:
        """The per-layer gradient norms for the current controls (Xavier init times the scale)."""
        depth, activation, scale = self.depth_slider.value, self.activation_menu.value, self.scale_slider.value
        residual, normalise = ARCHITECTURES[self.architecture_menu.value]
        if not (residual or normalise):
            return gradient_norms_by_layer(depth, self.width, activation, "xavier", self.seed, scale)
        net = FlowNetwork(depth, self.width, activation, "xavier", seed=self.seed, residual=residual,
                          normalise=normalise, init_scale=scale)
        with np.errstate(over="ignore", invalid="ignore"):
            return net.gradient_norms(*probe_batch(self.width, seed=self.seed))

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        ax.set_yscale("log")
        ax.set_xlim(0.5, self.max_depth + 0.5)
        ax.set_ylim(*NORM_LIMITS)
        ax.axhline(1.0, color=COLORS["reference"], linewidth=0.8)
        (self.line,) = ax.plot([], [], "o-", color=COLORS["function"], markersize=3, label="measured norm")
        (self.above,) = ax.plot([], [], "^", color=COLORS["tangent"], markersize=6,
                                label="above the plot (or overflow)")
        (self.below,) = ax.plot([], [], "v", color=COLORS["secant"], markersize=6, label="below the plot")
        ax.legend(loc="lower right")
        label_axes(ax, "Gradient norm of each layer's weights", "layer l (1 = next to the input)",
                   r"$\|\partial L / \partial W_l\|$")
        self.moving = [self.line, self.above, self.below]

    def update(self) -> None:
        norms = self.norms()
        layers = np.arange(1, norms.size + 1)
        shown = np.clip(np.nan_to_num(norms, nan=NORM_LIMITS[1]), *NORM_LIMITS)
        self.line.set_data(layers, shown)
        above = ~(norms < NORM_LIMITS[1])  # NaN (an overflow) counts as above
        below = norms <= NORM_LIMITS[0]
        self.above.set_data(layers[above], shown[above])
        self.below.set_data(layers[below], shown[below])
        first, last = norms[0], norms[-1]
        with np.errstate(all="ignore"):
            ratio = first / last
        self.readout.value = (
            f"{self.activation_menu.value}, depth {self.depth_slider.value}, "
            f"init scale {format_number(self.scale_slider.value, 2)} × Xavier, {self.architecture_menu.value}"
            " &nbsp;|&nbsp; "
            f"layer 1: {format_exponential(first, 2)} &nbsp;|&nbsp; layer {norms.size}: {format_exponential(last, 2)}"
            f" &nbsp;|&nbsp; first / last: {format_exponential(ratio, 2)}"
        )

    def alt_text(self) -> str:
        norms = self.norms()
        with np.errstate(all="ignore"):
            ratio = norms[0] / norms[-1]
        trend = ("cannot be compared end to end (a norm overflowed or is zero)" if not np.isfinite(ratio) or ratio == 0
                 else "vanishes toward the input" if ratio < 1e-2 else "explodes toward the input" if ratio > 1e2
                 else "keeps about the same size from the last layer to the first")
        return (f"Log plot of the gradient norm of each layer's weights against the layer, from 1 (next to the input) "
                f"to {norms.size}, for a {self.architecture_menu.value} {self.activation_menu.value} network of width "
                f"{self.width} initialized at {format_number(self.scale_slider.value, 2)} × Xavier: "
                f"{alt_number(norms[0], 2)} at layer 1 and "
                f"{alt_number(norms[-1], 2)} at layer {norms.size}, so the gradient {trend}.")
