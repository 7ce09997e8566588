"""An explorer's figure in the page: each new picture pushed as soon as it is made, one on its way at a time.

The kernel sends a frame as soon as a slider's update has changed the picture, unless the page
has not yet said it drew the previous one; then the newest picture follows that word. So a step
costs one trip to the kernel and one back, and fast drags never pile up frames. The picture is
made only once the readout's message has left the kernel, so the text never waits for the pixels.
A view that appears (a page load, a second view) says hello and gets the whole picture.
The page-side half is figure_view.js.
"""
from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from course_utils.explorers.frames import make_frame


class FigureView(anywidget.AnyWidget):
    """Shows the pictures ``picture()`` returns (uint32 pixels, brought up to date on each call)."""

    _esm = Path(__file__).with_name("figure_view.js")
    label = traitlets.Unicode().tag(sync=True)

    def __init__(self, picture: Callable[[], np.ndarray], on_ratio: Callable[[float], None], label: str):
        super().__init__(label=label)
        self._picture, self._on_ratio = picture, on_ratio
        self._numbers = itertools.count(1)
        self._sent: np.ndarray | None = None  # the picture the page holds once the frames sent are drawn
        self._on_its_way: int | None = None  # the number of the frame the page has not yet said it drew
        self._due = False  # the picture changed since the last frame was made
        self._opened = False  # a page has said hello: until then nobody can draw a frame, so none is made
        self.ratio = 1.0
        self.on_msg(self._on_page_message)

    def picture_changed(self) -> None:
        """Send the new picture soon, or as soon as the page has drawn the frame on its way."""
        already_due, self._due = self._due, True
        if self._opened and self._on_its_way is None and not already_due:
            self._after_queued_messages(self._send_unless_one_is_on_its_way)

    def frame_drawn(self, number: int) -> None:
        """The page says frame ``number`` is on its canvas: the newest picture may follow."""
        if number == self._on_its_way:
            self._on_its_way = None
            self._send_if_due()

    def page_opened(self, ratio: float) -> None:
        """A view appeared with ``ratio`` device pixels per CSS pixel: it needs the whole picture."""
        if ratio != self.ratio:
            self.ratio = ratio
            self._on_ratio(ratio)
        self._opened, self._sent, self._due = True, None, True
        self._send_if_due()

    def _send_unless_one_is_on_its_way(self) -> None:
        """A frame sent meanwhile (a new view's whole picture) is answered first; this picture then follows it."""
        if self._on_its_way is None:
            self._send_if_due()

    def _send_if_due(self) -> None:
        if not self._due:
            return
        self._due = False
        try:
            frame = make_frame(self._picture(), self._sent)
        except Exception as error:  # the figure would freeze without a word: say so where the learner looks
            self.send({"type": "problem", "text": f"This figure could not be redrawn ({type(error).__name__}: "
                                                  f"{error}). Re-run the cell that made the explorer."})
            raise
        if frame is None:
            return
        number = next(self._numbers)
        self._sent, self._on_its_way = frame.pixels, number
        height, width = frame.pixels.shape
        self.send({"type": "frame", "number": number, "mode": frame.mode, "patches": frame.patches,
                   "width": width, "height": height, "ratio": self.ratio}, buffers=[frame.data])

    def _after_queued_messages(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the messages queued so far (the readout) have left; at once outside a kernel."""
        kernel = getattr(self.comm, "kernel", None)
        try:
            loop = asyncio.get_running_loop()
            io_thread = kernel.iopub_thread
        except (RuntimeError, AttributeError):
            callback()
            return
        # After this message's handler returns, queue a note behind its messages in the thread that sends them;
        # when the note comes up, they have gone, and the picture is made back on the kernel's own loop.
        loop.call_soon(io_thread.schedule, lambda: loop.call_soon_threadsafe(callback))

    def _on_page_message(self, widget, content, buffers) -> None:
        if content.get("drawn") is not None:
            self.frame_drawn(content["drawn"])
        elif content.get("hello") is not None:
            self.page_opened(float(content["hello"]))
