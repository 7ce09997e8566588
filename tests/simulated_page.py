"""A page showing an explorer's figure, simulated: it draws each frame as figure_view.js does.

A "full" frame's PNG replaces the picture; "patches" are raw RGBA rectangles put over it; a
"problem" is text shown under the canvas. The page says a frame is drawn at once
(``answers=True``) or when the test calls ``drawn()``.
"""
from __future__ import annotations

import io

import numpy as np
from PIL import Image


def decoded_png(png: bytes) -> np.ndarray:
    """A PNG's pixels as RGBA uint8 (rows, columns, 4)."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def drawn_over(screen: np.ndarray | None, frame: dict, data: bytes) -> np.ndarray:
    """What the canvas holds (uint32 per pixel) after drawing one frame's message and data over ``screen``."""
    if frame["mode"] == "full":
        return decoded_png(data).view(np.uint32).squeeze(2).copy()
    rgba = screen.view(np.uint8).reshape(*screen.shape, 4).copy()
    offset = 0
    for x, y, width, height in frame["patches"]:
        size = 4 * width * height
        rgba[y:y + height, x:x + width] = np.frombuffer(data[offset:offset + size], np.uint8).reshape(height, width, 4)
        offset += size
    assert offset == len(data), "the patches do not account for every byte of the frame"
    return rgba.view(np.uint32).squeeze(2)


class SimulatedPage:
    """One page showing ``explorer``'s figure: it opens (says hello), receives frames and says when each is drawn."""

    def __init__(self, explorer, answers: bool = True, ratio: float = 1.0):
        self.explorer, self.answers = explorer, answers
        self.frames: list[dict] = []
        self.problems: list[str] = []  # what the page shows under the canvas when a figure cannot be redrawn
        self.screen: np.ndarray | None = None
        explorer.figure_view.send = self._receive  # what would go over the websocket comes here
        explorer.figure_view.page_opened(ratio)

    def _receive(self, message: dict, buffers=None) -> None:
        if message["type"] == "problem":
            self.problems.append(message["text"])
            return
        self.frames.append(message)
        self.screen = drawn_over(self.screen, message, bytes(buffers[0]))
        if self.answers:
            self.drawn()

    def drawn(self) -> None:
        """Say that the newest frame is on the canvas."""
        self.explorer.figure_view.frame_drawn(self.frames[-1]["number"])
