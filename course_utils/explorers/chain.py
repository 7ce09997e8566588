"""The chain explorer: a composed function, its tangent, and the local slopes whose product is the tangent's slope.

With ``weight_sliders=True`` each affine link's weight gets a slider too, so a learner can watch a small factor
flatten the chain (vanishing) or large weights make the product grow (exploding). The axes then stay put for
every weight the sliders allow (the curve panel fits y over all of them and the slope at the starting weights;
a steeper slope curve runs off the panel, the bars show it whole), so a weight step only redraws the curves,
the tangent and the bars.
"""
from __future__ import annotations

import itertools

import numpy as np
from matplotlib.figure import Figure

from course_utils.chains import (
    AffineLink,
    Link,
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_value,
    link_slopes,
    with_parameter,
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

    def __init__(self, links: list[Link], x: float = 0.5, x_range: tuple[float, float] = (-3.0, 3.0),
                 weight_sliders: bool = False, weight_range: tuple[float, float] = (-4.0, 4.0)):
        self.x_range = check_interval(x_range, "x_range", example="(-3.0, 3.0)")
        x = slider_start(x, "x", *self.x_range, f"inside x_range = {self.x_range}")
        chain_steps(links, x)  # refuses anything that is not a list of links
        chain_value(links, np.linspace(*self.x_range, 3))  # and a link that does not work on arrays, before drawing
        if not isinstance(weight_sliders, bool):
            raise TypeError(f"weight_sliders is True or False, got {type(weight_sliders).__name__}.")
        self.links = list(links)
        self.title = f"Chain explorer: {len(self.links)} links"
        self.x_slider = float_slider("x", x, *self.x_range, 0.05, says="the input fed to the first link")
        #: The weights that have sliders, named w1, w2, … in the order of the affine links.
        self.weight_names: list[str] = []
        controls = [self.x_slider]
        if weight_sliders:
            self.weight_range = check_interval(weight_range, "weight_range", example="(-4.0, 4.0)")
            affine = [link for link in self.links if isinstance(link, AffineLink)]
            if not affine:
                raise ValueError("weight_sliders needs at least one affine link (affine_link(w, b)) to give a slider.")
            for layer, link in enumerate(affine, start=1):
                name = f"w{layer}"
                start = slider_start(link.w, name, *self.weight_range, f"inside weight_range = {self.weight_range}")
                slider = float_slider(name, start, *self.weight_range, 0.1,
                                      says=f"the weight of affine link {layer}, its local slope")
                setattr(self, f"{name}_slider", slider)
                self.weight_names.append(name)
                controls.append(slider)
        super().__init__(controls, figsize=(9.0, 3.8))

    @classmethod
    def example(cls) -> ChainExplorer:
        """Notebook 02's chain: an affine step, tanh, another affine step, sigmoid (x alone on a slider)."""
        return cls([affine_link(1.5, -0.5), activation_link("tanh"), affine_link(2.0, 0.3), activation_link("sigmoid")])

    def y(self, x):
        """The composed function."""
        return chain_value(self.links, x)

    def slope(self, x):
        """Its slope by the chain rule."""
        return chain_derivative(self.links, x)

    def build(self, figure: Figure) -> None:
        self.curve_ax, bar_ax = figure.subplots(1, 2, width_ratios=(3, 2))
        figure.subplots_adjust(bottom=0.3)  # room for the x label and the slanted link names
        self.artists = plot_function_with_tangent(self.curve_ax, self.y, self.slope, self.x_slider.value,
                                                  self.x_range, name="y")
        self._fit_curve_axis()
        label_axes(self.curve_ax, "The chain y(x) and its tangent", "x", "y(x) and y′(x)")
        colors = [COLORS["derivative"]] * len(self.links) + [COLORS["tangent"]]
        self.bars = bar_ax.bar(range(len(self.links) + 1), np.zeros(len(self.links) + 1), color=colors)
        self.bars[-1].set_hatch("//")  # the product differs from the factors by more than its colour
        self.bar_ax = bar_ax
        self._label_bars()
        bar_ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
        xs = np.linspace(*self.x_range, 400)
        heights = np.concatenate([link_slopes(self.links, xs).ravel(), self.slope(xs), [0.0]])
        if self.weight_names:  # fixed over every weight the sliders allow, so growth and shrinkage stay visible
            bound = self._largest_product()
            heights = np.concatenate([heights, [-bound, bound]])
        fixed_ylim(bar_ax, heights)
        label_axes(bar_ax, "Local slopes and their product", "link", "slope")
        self.moving = [self.artists["tangent"], self.artists["point"], *self.bars]
        if self.weight_names:
            self.moving += [self.artists["function"], self.artists["derivative"]]

    def update(self) -> None:
        if self.weight_names:
            self._follow_weights()
        x = self.x_slider.value
        steps = chain_steps(self.links, x)
        move_tangent(self.artists, self.y, self.slope, x)
        heights = [step.local_grad for step in steps] + [steps[-1].grad_so_far]
        for bar, height in zip(self.bars, heights):
            bar.set_height(height)
        factors = " × ".join(format_number(step.local_grad) for step in steps)
        weights = "".join(f"{name} = {format_number(getattr(self, f'{name}_slider').value, 2)} &nbsp;|&nbsp; "
                          for name in self.weight_names)
        self.readout.value = (
            f"x = {format_number(x, 2)} &nbsp;|&nbsp; {weights}y = {format_number(steps[-1].output)}"
            f" &nbsp;|&nbsp; dy/dx = {factors} = {format_number(steps[-1].grad_so_far)}"
        )

    def _follow_weights(self) -> None:
        """Rebuild the chain with the sliders' weights and give the curves its new values (the axes stay put)."""
        links = self.links
        for name in self.weight_names:
            links = with_parameter(links, name, getattr(self, f"{name}_slider").value)
        if [getattr(a, "w", None) for a in links] == [getattr(b, "w", None) for b in self.links]:
            return
        self.links = links
        xs = self.artists["function"].get_xdata()
        self.artists["function"].set_ydata(self.y(xs))
        self.artists["derivative"].set_ydata(self.slope(xs))

    def _label_bars(self) -> None:
        """One tick per link and one for the product; with weight sliders an affine link is named by its weight."""
        weights = dict(zip((id(link) for link in self.links if isinstance(link, AffineLink)), self.weight_names))
        labels = [f"{k}: {_weight_symbol(link, weights[id(link)]) if id(link) in weights else link.name}"
                  for k, link in enumerate(self.links, start=1)] + ["product"]
        self.bar_ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right", fontsize=8)

    def _fit_curve_axis(self) -> None:
        """y and its slope at the starting weights; with weight sliders, also y at every weight they allow."""
        xs = np.linspace(*self.x_range, 400)
        values = [self.y(xs), self.slope(xs)]
        if self.weight_names:
            per_weight = max(2, round(81 ** (1 / len(self.weight_names))))  # about 81 settings in all
            for weights in itertools.product(np.linspace(*self.weight_range, per_weight),
                                             repeat=len(self.weight_names)):
                links = self.links
                for name, w in zip(self.weight_names, weights, strict=True):
                    links = with_parameter(links, name, w)
                values.append(chain_value(links, xs))
        fixed_ylim(self.curve_ax, np.concatenate(values))

    def _largest_product(self) -> float:
        """The largest |dy/dx| any slider setting can give: the largest |w| per affine link, the steepest slope
        of every other link over a wide range of inputs, multiplied."""
        wide = np.linspace(-50.0, 50.0, 20001)
        largest = 1.0
        for link in self.links:
            if isinstance(link, AffineLink):
                largest *= max(abs(w) for w in self.weight_range)
            else:
                largest *= float(np.max(np.abs(link.grad(wide) + 0.0 * wide)))
        return largest

    def alt_text(self) -> str:
        x = self.x_slider.value
        steps = chain_steps(self.links, x)
        return (f"Left: the chain y(x) of {len(self.links)} links ({', then '.join(link.name for link in self.links)}) "
                f"for x from {alt_number(self.x_range[0])} to {alt_number(self.x_range[1])}, its slope y′(x) "
                f"dashed, and its tangent at "
                f"x = {format_number(x, 2)}{self._weights_said()}. Right: a bar for each link's local slope there "
                f"({', '.join(alt_number(step.local_grad) for step in steps)}) and one for their product, "
                f"{alt_number(steps[-1].grad_so_far)}: the tangent's slope dy/dx.")

    def _weights_said(self) -> str:
        """The weights the sliders set, for the alt text (empty without weight sliders)."""
        if not self.weight_names:
            return ""
        return " (weights " + ", ".join(f"{name} = {alt_number(getattr(self, f'{name}_slider').value)}"
                                        for name in self.weight_names) + ")"


def _weight_symbol(link: AffineLink, name: str) -> str:
    """An affine link named by its weight's symbol, so its label stays true while the slider moves: "w1·u − 0.5"."""
    return f"{name}·u" + (f" + {format_number(link.b, 2)}" if link.b >= 0 else f" − {format_number(-link.b, 2)}")
