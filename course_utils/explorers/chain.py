"""The chain explorer: a composed function, its tangent, and the local slopes whose product is the tangent's slope."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils.chains import (
    Link,
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_value,
    link_slopes,
)
from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.style import (
    COLORS,
    alt_number,
    fixed_ylim,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
)
from course_utils.validation import check_interval


class ChainExplorer(Explorer):
    """Left: y(x) of a chain and its tangent at x. Right: each link's local slope and their product."""

    def __init__(self, links: list[Link], x: float = 0.5, x_range: tuple[float, float] = (-3.0, 3.0)):
        self.x_range = check_interval(x_range, "x_range", example="(-3.0, 3.0)")
        x = slider_start(x, "x", *self.x_range, f"inside x_range = {self.x_range}")
        chain_steps(links, x)  # refuses anything that is not a list of links
        chain_value(links, np.linspace(*self.x_range, 3))  # and a link that does not work on arrays, before drawing
        self.links = list(links)
        self.title = f"Chain explorer: {len(self.links)} links"
        self.x_slider = float_slider("x", x, *self.x_range, 0.05)
        super().__init__([self.x_slider], figsize=(9.0, 3.8))

    @classmethod
    def example(cls) -> ChainExplorer:
        """Notebook 02's chain: an affine step, tanh, another affine step, sigmoid."""
        return cls([affine_link(1.5, -0.5), activation_link("tanh"), affine_link(2.0, 0.3), activation_link("sigmoid")])

    def y(self, x):
        """The composed function."""
        return chain_value(self.links, x)

    def slope(self, x):
        """Its slope by the chain rule."""
        return chain_derivative(self.links, x)

    def build(self, figure: Figure) -> None:
        curve_ax, bar_ax = figure.subplots(1, 2, width_ratios=(3, 2))
        xs = np.linspace(*self.x_range, 400)
        self.artists = plot_function_with_tangent(curve_ax, self.y, self.slope, self.x_slider.value, self.x_range,
                                                  name="y")
        fixed_ylim(curve_ax, np.concatenate([self.y(xs), self.slope(xs)]))
        label_axes(curve_ax, "The chain y(x) and its tangent", "x", "y")
        labels = [f"{k}: {link.name}" for k, link in enumerate(self.links, start=1)] + ["product"]
        colors = [COLORS["derivative"]] * len(self.links) + [COLORS["tangent"]]
        self.bars = bar_ax.bar(range(len(labels)), np.zeros(len(labels)), color=colors)
        bar_ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right", fontsize=8)
        bar_ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        fixed_ylim(bar_ax, np.concatenate([link_slopes(self.links, xs).ravel(), self.slope(xs), [0.0]]))
        label_axes(bar_ax, "Local slopes and their product", "link", "slope")
        self.moving = [self.artists["tangent"], self.artists["point"], *self.bars]

    def update(self) -> None:
        x = self.x_slider.value
        steps = chain_steps(self.links, x)
        move_tangent(self.artists, self.y, self.slope, x)
        heights = [step.local_grad for step in steps] + [steps[-1].grad_so_far]
        for bar, height in zip(self.bars, heights):
            bar.set_height(height)
        factors = " × ".join(format_number(step.local_grad) for step in steps)
        self.readout.value = (
            f"x = {format_number(x, 2)} &nbsp;|&nbsp; y = {format_number(steps[-1].output)}"
            f" &nbsp;|&nbsp; dy/dx = {factors} = {format_number(steps[-1].grad_so_far)}"
        )

    def alt_text(self) -> str:
        x = self.x_slider.value
        steps = chain_steps(self.links, x)
        return (f"Left: the chain y(x) of {len(self.links)} links ({', then '.join(link.name for link in self.links)}) "
                f"for x from {alt_number(self.x_range[0])} to {alt_number(self.x_range[1])}, with its tangent at "
                f"x = {format_number(x, 2)}. Right: a bar for each link's local slope there "
                f"({', '.join(alt_number(step.local_grad) for step in steps)}) and one for their product, "
                f"{alt_number(steps[-1].grad_so_far)}: the tangent's slope dy/dx.")
