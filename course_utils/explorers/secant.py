"""The secant explorer: the line through (x, f(x)) and (x+h, f(x+h)) turns into the tangent as h shrinks."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils.calculus import forward_difference
from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.lessons.nb01.curves import PARABOLA, Curve
from course_utils.style import COLORS, alt_number, fixed_ylim, label_axes, tangent_points
from course_utils.validation import check_interval, check_number


class SecantExplorer(Explorer):
    """A curve, the secant through x and x + h, and the tangent at x; sliders move x and h.

    ``both_sides=True`` adds the left secant, through x − h and x, so both one-sided slopes close in on f′(x).
    """

    def __init__(self, curve: Curve = PARABOLA, x: float = 2.0, h: float = 1.0,
                 x_range: tuple[float, float] = (-2.0, 2.5), h_max: float = 1.5, both_sides: bool = False):
        if not isinstance(curve, Curve):
            raise TypeError(
                "curve must be a course_utils.lessons.nb01.curves.Curve such as curves.PARABOLA, "
                f"got {type(curve).__name__}."
            )
        x_range = check_interval(x_range, "x_range", example="(-2.0, 2.5)")
        x = slider_start(x, "x", *x_range, f"inside x_range = {x_range}")
        h_max = check_number(h_max, "h_max", low=0.01, example="1.5")
        h = slider_start(h, "h", 0.01, h_max, f"between 0.01 and h_max = {h_max:g} (the secant needs two distinct "
                         "points)")
        if not isinstance(both_sides, bool):
            raise TypeError(f"both_sides must be True or False, got {type(both_sides).__name__}.")
        self.curve, self.both_sides = curve, both_sides
        self.title = f"Secant explorer: f(x) = {curve.name}"
        self.view = (float(x_range[0]) - 0.5, float(x_range[1]) + h_max + 0.5)
        self.x_slider = float_slider("x", x, x_range[0], x_range[1], 0.05,
                                     says="the point x where the secant starts and the tangent touches the curve")
        self.h_slider = float_slider("h", h, 0.01, h_max, 0.01, says="the step h from x to the secant's other point")
        super().__init__([self.x_slider, self.h_slider])

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        xs = np.linspace(*self.view, 400)
        ys = self.curve.fn(xs)
        ax.plot(xs, ys, color=COLORS["function"], label=f"$f(x) = {self.curve.latex}$")
        # The course's line styles: the tangent dash-dotted (as in style.plot_function_with_tangent), the right
        # secant dotted and the left one dashed (as in the kink figure), the run and rise thin and solid.
        self.tangent = ax.plot([], [], "-.", color=COLORS["tangent"], linewidth=1.5, label="tangent at $x$")[0]
        self.secant = ax.plot([], [], ":", color=COLORS["secant"], linewidth=2.2,
                              label="secant through $x$, $x+h$")[0]
        self.left_secant = ax.plot([], [], "--", color=COLORS["derivative"], linewidth=1.6,
                                   label="secant through $x-h$, $x$" if self.both_sides else None)[0]
        self.run_rise = ax.plot([], [], "-", color=COLORS["reference"], linewidth=0.9, label="run $h$, rise")[0]
        self.points = ax.plot([], [], "o", color=COLORS["point"], zorder=5)[0]
        ax.set_xlim(*self.view)
        fixed_ylim(ax, ys)
        ax.legend(loc="upper left")
        label_axes(ax, "The secant turns into the tangent as h → 0", "x", "f(x)")
        self.moving = [self.tangent, self.secant, self.left_secant, self.run_rise, self.points]

    def update(self) -> None:
        x, h = self.x_slider.value, self.h_slider.value
        f = self.curve.fn
        secant = forward_difference(f, x, h)  # rise over run
        tangent = self.curve.grad(x)
        ends = np.array(self.view)
        self.secant.set_data(ends, tangent_points(f, secant, x, ends))
        self.tangent.set_data(ends, tangent_points(f, tangent, x, ends))
        self.run_rise.set_data([x, x + h, x + h], [f(x), f(x), f(x + h)])
        if self.both_sides:
            left = self._left_slope(x, h)
            self.left_secant.set_data(ends, tangent_points(f, left, x, ends))
            self.points.set_data([x - h, x, x + h], [f(x - h), f(x), f(x + h)])
            self.readout.value = (
                f"x = {format_number(x, 2)} &nbsp;|&nbsp; h = {format_number(h, 2)}"
                f" &nbsp;|&nbsp; right secant slope = {format_number(secant)}"
                f" &nbsp;|&nbsp; left secant slope = {format_number(left)}"
                f" &nbsp;|&nbsp; tangent slope f′(x) = {format_number(tangent)}"
            )
            return
        self.points.set_data([x, x + h], [f(x), f(x + h)])
        self.readout.value = (
            f"x = {format_number(x, 2)} &nbsp;|&nbsp; h = {format_number(h, 2)}"
            f" &nbsp;|&nbsp; secant slope = {format_number(secant)}"
            f" &nbsp;|&nbsp; tangent slope f′(x) = {format_number(tangent)}"
            f" &nbsp;|&nbsp; gap = {format_number(secant - tangent)}"
        )

    def _left_slope(self, x: float, h: float) -> float:
        """(f(x) − f(x − h)) / h: the slope of the secant through x − h and x (a step of −h)."""
        f = self.curve.fn
        return float((f(x) - f(x - h)) / h)

    def alt_text(self) -> str:
        x, h = self.x_slider.value, self.h_slider.value
        secant, tangent = forward_difference(self.curve.fn, x, h), self.curve.grad(x)
        formula = self.curve.latex.replace("^2", "²").replace("\\", "")
        if self.both_sides:
            left = self._left_slope(x, h)
            return (f"The curve f(x) = {formula} for x from {alt_number(self.view[0])} to {alt_number(self.view[1])}, "
                    f"with the right secant through x = {format_number(x, 2)} and x + h = {format_number(x + h, 2)} "
                    f"(slope {alt_number(secant)}), the left secant through x − h = {format_number(x - h, 2)} and x "
                    f"(slope {alt_number(left)}) and the tangent at x (slope {alt_number(tangent)}): both secant "
                    "slopes close in on the tangent's as h → 0.")
        return (f"The curve f(x) = {formula} for x from {alt_number(self.view[0])} to {alt_number(self.view[1])}, "
                f"with the secant through x = {format_number(x, 2)} and x + h = {format_number(x + h, 2)} (slope "
                f"{alt_number(secant)}) and the tangent at x (slope {alt_number(tangent)}): the gap between the "
                f"slopes, {alt_number(secant - tangent)}, shrinks as h → 0.")
