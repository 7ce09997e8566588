"""The step-size explorer: an h slider marks one step on the log-log error-vs-h plot of both differences."""
from __future__ import annotations

import math

import ipywidgets as widgets
from matplotlib.figure import Figure

from course_utils.explorers.base import Explorer, slider_start
from course_utils.formatting import format_exponential, format_number
from course_utils.lessons.nb01 import step_size_study
from course_utils.lessons.nb01.curves import SINE, Curve
from course_utils.lessons.nb01.figures import METHOD_COLORS, METHOD_MARKERS, plot_error_vs_h
from course_utils.style import COLORS, alt_number

#: The h slider moves in quarter decades (10^−15 … 10^−1), the grid the curves are measured on.
STEPS_PER_DECADE = 4


class StepSizeExplorer(Explorer):
    """Forward and central errors against h; the slider picks an h, marked on both curves and read out."""

    def __init__(self, curve: Curve = SINE, x: float = 1.0, h: float = 1e-4):
        self.study = step_size_study.study_step_sizes(curve, x, step_size_study.step_grid(per_decade=STEPS_PER_DECADE))
        smallest, largest = float(self.study.h[0]), float(self.study.h[-1])
        h = slider_start(h, "h", smallest, largest, f"between {smallest:g} and {largest:g}")
        self.curve, self.x = curve, float(x)
        self.title = f"Step-size explorer: f(x) = {curve.name} at x = {format_number(self.x, 2)}"
        self.h_slider = widgets.FloatLogSlider(
            value=h, base=10, min=math.log10(smallest), max=math.log10(largest), step=1 / STEPS_PER_DECADE,
            description="h", continuous_update=True, readout_format=".1e",
            tooltip="the step h of both differences, marked on the error curves",
        )
        super().__init__([self.h_slider], figsize=(6.4, 4.2))

    def build(self, figure: Figure) -> None:
        ax = figure.add_subplot()
        plot_error_vs_h(ax, self.study, f"Error of the slope of {self.curve.name} at x = {format_number(self.x, 2)}")
        ax.set_ylim(*ax.get_ylim())  # freeze the range so the markers never rescale the plot
        self.h_line = ax.axvline(self.study.h[0], color=COLORS["point"], linewidth=1.0)
        self.markers = {
            method: ax.plot([], [], METHOD_MARKERS[method], color=METHOD_COLORS[method], markersize=8,
                            markeredgecolor="black",
                            zorder=5)[0]
            for method in step_size_study.METHODS
        }
        self.moving = [self.h_line, *self.markers.values()]

    def update(self) -> None:
        h = self.h_slider.value
        errors = dict(zip(step_size_study.METHODS, step_size_study.measured_errors(self.curve, self.x, h)))
        self.h_line.set_xdata([h, h])
        parts = [f"h = {format_exponential(h)}"]
        for method, error in errors.items():
            self.markers[method].set_data(*(([h], [error]) if error > 0 else ([], [])))
            regime = step_size_study.dominant_error(self.curve, self.x, h, method)
            parts.append(f"{method} error = {format_exponential(error)} ({regime} dominates)")
        self.readout.value = " &nbsp;|&nbsp; ".join(parts)

    def alt_text(self) -> str:
        h = self.h_slider.value
        errors = step_size_study.measured_errors(self.curve, self.x, h)
        regimes = [step_size_study.dominant_error(self.curve, self.x, h, method) for method in step_size_study.METHODS]
        marked = ", ".join(f"{method} error {format_exponential(error)} ({regime} dominates)"
                           for method, error, regime in zip(step_size_study.METHODS, errors, regimes))
        formula = self.curve.latex.replace("^2", "²").replace("\\", "")
        return (f"Log-log plot of the error of the forward and central differences for the slope of "
                f"{formula} at x = {format_number(self.x, 2)}, against the step h from "
                f"{alt_number(self.study.h[0])} to {alt_number(self.study.h[-1])}: each error falls as h shrinks while "
                f"truncation dominates, then rises where round-off takes over. Marked at h = {format_exponential(h)}: "
                f"{marked}.")
