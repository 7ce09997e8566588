"""Runs inside a notebook's kernel, after its last cell: the cost of one slider update of every explorer it made.

Three medians per explorer, in milliseconds, with the explorer in the state JupyterLab leaves it
in (drawn once, its browser side connected, a full redraw it asks for served at once):
- callback: the explorer's ``update`` alone: move the artists, rewrite the readout;
- step (one median per slider): set a slider's value and return, by which time the callback has run, the moving artists
  are blitted onto the saved background and the PNG of the changed pixels is ready to send;
- re-plot: what ``interact`` with the inline backend would do for the same step: a new figure,
  the explorer's own ``build`` and ``update`` on it, and a PNG rendered as the inline backend renders it.
"""
from __future__ import annotations

import gc
import json
import math

import ipywidgets as widgets
from IPython.core.pylabtools import print_figure
from matplotlib.figure import Figure

from benchmarks.timing import median_ms
from course_utils.explorers.base import Explorer


def explorers_in_memory() -> list[Explorer]:
    """Every explorer alive in this kernel, in the order they were made (their numbers)."""
    found = [obj for obj in gc.get_objects() if isinstance(obj, Explorer)]
    return sorted(found, key=lambda explorer: explorer.number)


def sliders_of(explorer: Explorer) -> dict[str, widgets.Widget]:
    """The explorer's sliders, found by the course's naming rule: attributes ending in ``_slider``."""
    return {name: value for name, value in vars(explorer).items() if name.endswith("_slider")}


def neighbour_value(slider):
    """A value one step away from the current one, inside the slider's range (log sliders step the exponent)."""
    if isinstance(slider, widgets.FloatLogSlider):
        exponent = math.log(slider.value, slider.base)
        exponent += slider.step if exponent + slider.step <= slider.max else -slider.step
        return slider.base ** exponent
    if hasattr(slider, "options"):
        index = slider.index + 1 if slider.index + 1 < len(slider.options) else slider.index - 1
        return slider.options[index]
    return slider.value + slider.step if slider.value + slider.step <= slider.max else slider.value - slider.step


def toggler(slider):
    """A call that moves the slider back and forth between its value and a neighbour, one step per call."""
    values = [slider.value, neighbour_value(slider)]
    state = {"next": 1}

    def step():
        slider.value = values[state["next"]]
        state["next"] ^= 1

    return step


def full_replot(explorer: Explorer) -> None:
    """The interact-style update: a brand-new figure built and rendered to PNG, as the inline backend would."""
    figure = Figure(figsize=explorer.figure.get_size_inches())
    explorer.build(figure)
    explorer.update()
    print_figure(figure, "png")


def as_shown_in_the_browser(explorer: Explorer) -> None:
    """A page opened on it that says at once it drew each frame, so every step renders and encodes its frame.

    In the kernel a frame is made just after the slider's message handler; here it is made inside the step,
    so the step's time holds it.
    """
    view = explorer.figure_view
    view.send = lambda message, buffers=None: view.frame_drawn(message["number"])
    view._after_queued_messages = lambda make_frame: make_frame()
    view.page_opened(1.0)


def measure_explorer(explorer: Explorer, repeats: int) -> dict:
    """The three medians for one explorer, over all its sliders."""
    as_shown_in_the_browser(explorer)
    row = {
        "explorer": type(explorer).__name__,
        "title": explorer.title,
        "sliders": list(sliders_of(explorer)),
        "callback_ms": median_ms(explorer.update, repeats, warmup=2),
        "step_ms": [median_ms(toggler(slider), repeats, warmup=2) for slider in sliders_of(explorer).values()],
    }
    # Last, because build() on a new figure re-points the explorer's artists at that figure.
    row["replot_ms"] = median_ms(lambda: full_replot(explorer), max(repeats // 4, 3), warmup=1)
    return row


def report(repeats: int) -> str:
    """The measurements of every explorer with a slider in this kernel, as one JSON line for the caller to parse."""
    return json.dumps(
        [measure_explorer(explorer, repeats) for explorer in explorers_in_memory() if sliders_of(explorer)]
    )
