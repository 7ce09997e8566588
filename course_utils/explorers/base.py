"""The base of every slider explorer: a persistent ipympl canvas whose artists move when a slider moves.

A slider update never re-plots: the callback moves a few artists with ``set_data``
and asks the canvas to redraw when the browser is ready (``draw_idle``), which costs
well under a millisecond in the kernel. Where no kernel runs (GitHub, nbviewer, an
HTML export) the explorer shows a static PNG of its figure instead.
"""
from __future__ import annotations

import base64
import io
import itertools

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.figure import Figure


_figure_numbers = itertools.count(1000)


def _restore_inline_backend_if_switched(backend_before: str) -> None:
    """Importing ipympl can switch pyplot's backend; put the notebook's inline backend back."""
    if matplotlib.get_backend() == backend_before:
        return
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None and "inline" in backend_before:
        shell.run_line_magic("matplotlib", "inline")
    else:
        import matplotlib.pyplot as plt

        plt.switch_backend(backend_before)


def new_canvas(figure: Figure):
    """Attach an ipympl canvas (and its manager, which answers the browser) to a figure."""
    backend_before = matplotlib.get_backend()
    from ipympl.backend_nbagg import Canvas, FigureManager

    _restore_inline_backend_if_switched(backend_before)
    canvas = Canvas(figure)
    FigureManager(canvas, next(_figure_numbers))
    canvas.header_visible = False
    canvas.footer_visible = False
    canvas.toolbar_visible = False
    canvas.resizable = False
    return canvas


def figure_png(figure: Figure) -> str:
    """The figure as a base64 PNG, the picture shown where widgets cannot run."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


class Explorer(widgets.VBox):
    """Controls, a readout line and a figure; subclasses draw once in ``build`` and move artists in ``update``."""

    title = "explorer"

    def __init__(self, controls: list[widgets.Widget], figsize: tuple[float, float] | None = None):
        self.figure = Figure(figsize=figsize)
        self.canvas = new_canvas(self.figure)
        self.readout = widgets.HTML()
        self.controls = list(controls)
        self.build(self.figure)
        for control in self.controls:
            control.observe(self._on_change, names="value")
        super().__init__([widgets.HBox(self.controls), self.readout, self.canvas])
        self.refresh()

    def build(self, figure: Figure) -> None:
        """Draw the figure once, keeping references to the artists update() will move."""
        raise NotImplementedError

    def update(self) -> None:
        """Move artists and rewrite the readout for the current control values."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Bring artists and readout up to date and schedule one redraw of the canvas."""
        self.update()
        self.canvas.draw_idle()

    def _on_change(self, change) -> None:
        self.refresh()

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"{self.title} (interactive: drag the sliders in JupyterLab)"
        bundle["image/png"] = figure_png(self.figure)
        return bundle


def fixed_ylim(ax, values: np.ndarray) -> None:
    """Fix the y-range once so the picture does not jump while the learner drags."""
    finite = values[np.isfinite(values)]
    low, high = float(finite.min()), float(finite.max())
    margin = 0.12 * max(high - low, 1e-9)
    ax.set_ylim(low - margin, high + margin)
