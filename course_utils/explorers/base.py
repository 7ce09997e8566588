"""The base of every slider explorer: a persistent figure whose artists move when a slider moves.

A slider update never re-plots: the callback moves a few artists with ``set_data``, and those
"moving" artists are redrawn alone on top of a saved picture of everything else (blitting), so a
step renders a handful of lines instead of the axes, ticks and labels. Only the changed pixels
travel, cut into small raw patches (frames.py), pushed to the page at once unless it has not yet
drawn the previous frame (figure_view.py), so fast drags never pile up. Anything else that
changes (limits, titles, whole curves) gets one full redraw instead. Where no kernel runs
(GitHub, nbviewer, an HTML export) the explorer shows a static PNG of its figure.
"""
from __future__ import annotations

import base64
import html
import io
import itertools
import re
import textwrap

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_utils.explorers.figure_view import FigureView
from course_utils.explorers.screen_reader import ScreenReaderLabels
from course_utils.style import check_alt_text
from course_utils.validation import check_number


def figure_png(figure: Figure, caption: str = "") -> str:
    """The figure as a base64 PNG, with an optional caption line under it:
    the picture shown where widgets cannot run.
    """
    buffer = io.BytesIO()
    if not caption:
        figure.savefig(buffer, format="png")
    else:
        text = figure.text(0.01, 0.0, _wrapped(caption, figure), ha="left", va="top", fontsize=CAPTION_POINTS,
                           color="#333333")
        try:
            figure.savefig(buffer, format="png", bbox_inches="tight", bbox_extra_artists=[text])
        finally:
            text.remove()
    return base64.b64encode(buffer.getvalue()).decode("ascii")


#: The still picture's caption size; a caption wraps at the figure's width, so a long readout never widens it.
CAPTION_POINTS = 9


def _wrapped(caption: str, figure: Figure) -> str:
    """The caption in lines no wider than the figure (an average glyph is about 0.55 em wide)."""
    characters = max(20, int(figure.get_figwidth() * 72 / (CAPTION_POINTS * 0.55)))
    return textwrap.fill(caption, width=characters)


def readout_text(readout_html: str) -> str:
    """A readout's HTML as plain text (tags dropped, entities decoded), for the still picture's caption."""
    return html.unescape(re.sub(r"<[^>]+>", "", readout_html))


def float_slider(description: str, value: float, low: float, high: float, step: float,
                 readout_format: str = ".2f", says: str | None = None) -> widgets.FloatSlider:
    """A slider that reports while it is dragged, as every explorer's sliders do; ``says`` is what it moves,
    in words: its tooltip and the name a screen reader speaks.
    """
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=description,
                               continuous_update=True, readout_format=readout_format, tooltip=says)


def slider_start(value, name: str, low: float, high: float, where: str, integer: bool = False) -> float:
    """A slider's starting value: a finite number (check_number's rules) inside the slider's [low, high], both ends
    included, or an error that says the range (``where``, e.g. "inside x_range = (-6.0, 6.0)").
    """
    value = check_number(value, name, integer=integer, example=f"{low:g}" if integer else f"{(low + high) / 2:.2g}")
    if not low <= value <= high:
        raise ValueError(f"{name} = {value:g} must lie {where}; pick a starting value inside it.")
    return value


#: Numbers explorers in the order they are made, so tools that find them in memory can list them in page order.
_made = itertools.count(1)


class Explorer(widgets.VBox):
    """Controls, a readout line and a figure; subclasses draw once in ``build`` and move artists in ``update``.

    ``build`` lists the artists that ``update`` changes in ``self.moving``; they are blitted
    on each step. An ``update`` that changes anything else calls ``self.redraw_everything()``.
    """

    title = "explorer"

    def __init__(self, controls: list[widgets.Widget], figsize: tuple[float, float] | None = None):
        self.number = next(_made)
        self.figure = Figure(figsize=figsize)
        self.canvas = FigureCanvasAgg(self.figure)
        self._dpi = self.figure.dpi
        self.figure_view = FigureView(self._current_pixels, self._on_pixel_ratio,
                                      f"{self.title}: the figure the sliders move; the readout above gives its numbers")
        self.readout = widgets.HTML()
        self.controls = list(controls)
        self.moving: list = []
        self._background, self._background_size = None, None
        self._full_redraw_due = False
        self.build(self.figure)
        for artist in self.moving:
            artist.set_animated(True)  # left out of full draws; drawn on top of the saved background
        self.canvas.mpl_connect("draw_event", self._on_full_draw)
        for control in self.controls:
            control.observe(self._on_change, names="value")
        labels = ScreenReaderLabels(self.controls)
        super().__init__([widgets.HBox(self.controls), self.readout, self.figure_view, labels])
        self.refresh()

    @classmethod
    def example(cls) -> Explorer:
        """One instance to show or test; an explorer whose arguments have no defaults overrides this."""
        return cls()

    def build(self, figure: Figure) -> None:
        """Draw the figure once, keeping references to the artists update() will move (in self.moving)."""
        raise NotImplementedError

    def update(self) -> None:
        """Move artists and rewrite the readout for the current control values."""
        raise NotImplementedError

    def redraw_everything(self) -> None:
        """Ask for a full redraw after this update: it changed more than the moving artists."""
        self._full_redraw_due = True

    def refresh(self) -> None:
        """Bring artists and readout up to date and show the new picture."""
        self.update()
        self.figure_view.picture_changed()

    def _current_pixels(self) -> np.ndarray:
        """The picture as it is now, one uint32 per pixel: what the figure view sends."""
        self._render()
        return np.asarray(self.canvas.get_renderer().buffer_rgba()).view(np.uint32).squeeze(2).copy()

    def _on_pixel_ratio(self, ratio: float) -> None:
        """The page has ``ratio`` device pixels per CSS pixel: draw that many, so the figure stays sharp."""
        self.figure.set_dpi(self._dpi * ratio)
        self.redraw_everything()

    def _render(self) -> None:
        """Bring the canvas's pixels up to date without sending them: blit the moving artists, or draw everything."""
        if self._full_redraw_due or not self.moving or not self._background_fits():
            self.canvas.draw()
            return
        self.canvas.restore_region(self._background)
        self._draw_moving()

    def _background_fits(self) -> bool:
        """A saved background exists and still has the canvas's size (the browser can change its dpi)."""
        return self._background is not None and self._background_size == self._canvas_size()

    def _canvas_size(self) -> tuple[int, int]:
        return self.canvas.get_width_height(physical=True)

    def _draw_moving(self) -> None:
        for artist in self.moving:
            self.figure.draw_artist(artist)

    def _on_full_draw(self, event) -> None:
        """After each full draw: save the picture without the moving artists, then draw them on it."""
        if self.canvas.is_saving():  # a PNG export draws everything at its own size: nothing to keep
            self._background = None
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._background_size = self._canvas_size()
        self._full_redraw_due = False
        self._draw_moving()

    def _on_change(self, change) -> None:
        self.refresh()

    def alt_text(self) -> str:
        """What the still picture shows, for a reader who cannot see it; explorers say more by overriding this."""
        return f"{self.title}, still picture: {_plain(readout_text(self.readout.value))}."

    def _repr_mimebundle_(self, **kwargs):
        """The widget, a still PNG for where no kernel runs, and (as metadata) that picture's alt text."""
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"{self.title} (interactive: drag the sliders in JupyterLab)"
        bundle["image/png"] = figure_png(self.figure, caption=readout_text(self.readout.value))
        return bundle, {"image/png": {"alt": check_alt_text(self.alt_text())}}


def _plain(text: str) -> str:
    """A readout's plain text as one sentence of prose: non-breaking spaces and "|" separators become "; "."""
    return re.sub(r"\s*\|\s*", "; ", " ".join(text.replace("\xa0", " ").split()))
