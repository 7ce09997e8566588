"""The frames an explorer sends: valid PNGs of the changed pixels, sent only when the browser asks.

A simulated browser applies each frame the way ipympl's does (a full frame replaces the
picture, a diff is drawn over it at the top-left corner) and must end up with exactly the
pixels a full redraw gives.
"""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from course_utils.explorers import all_explorers
from course_utils.explorers.frames import make_frame, png_bytes

EXPLORERS = {cls.__name__: cls for cls in all_explorers()}


def _decode(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def _opaque(rng, shape) -> np.ndarray:
    pixels = rng.integers(0, 256, size=(*shape, 4), dtype=np.uint8)
    pixels[:, :, 3] = 255
    return pixels.view(np.uint32).squeeze(2)


def test_png_bytes_decode_to_the_same_rgba():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    assert np.array_equal(_decode(png_bytes(rgba)), rgba)


def test_a_first_frame_and_a_frame_after_a_resize_are_full_pictures():
    rng = np.random.default_rng(1)
    assert make_frame(_opaque(rng, (4, 6)), None, force_full=False).mode == "full"
    assert make_frame(_opaque(rng, (4, 6)), _opaque(rng, (5, 6)), force_full=False).mode == "full"
    assert make_frame(_opaque(rng, (4, 6)), _opaque(rng, (4, 6)), force_full=True).mode == "full"


def test_a_diff_holds_only_changed_pixels_cropped_to_the_top_left_block_that_reaches_them():
    rng = np.random.default_rng(2)
    sent = _opaque(rng, (30, 40))
    now = sent.copy()
    now[10, 12] = now[10, 12] ^ 0xFF  # change one colour channel of two pixels
    now[20, 5] = now[20, 5] ^ 0xFF00
    frame = make_frame(now, sent, force_full=False)
    picture = _decode(frame.png)
    assert frame.mode == "diff" and picture.shape == (21, 13, 4)
    assert np.count_nonzero(picture[:, :, 3]) == 2
    assert np.array_equal(_applied(sent, [frame]), now)


def test_an_unchanged_picture_sends_one_transparent_pixel():
    sent = _opaque(np.random.default_rng(3), (8, 8))
    frame = make_frame(sent.copy(), sent, force_full=False)
    assert frame.mode == "diff" and _decode(frame.png).shape == (1, 1, 4) and not _decode(frame.png)[0, 0, 3]


def _applied(screen: np.ndarray, frames) -> np.ndarray:
    """What ipympl's browser side shows after drawing ``frames`` over ``screen`` (uint32 pixels)."""
    screen = screen.view(np.uint8).reshape(*screen.shape, 4).copy()
    for frame in frames:
        picture = _decode(frame.png)
        if frame.mode == "full":
            screen = picture.copy()
            continue
        block = screen[:picture.shape[0], :picture.shape[1]]
        drawn = picture[:, :, 3] != 0
        block[drawn] = picture[drawn]
    return screen.view(np.uint32).squeeze(2)


class Browser:
    """A connected ipympl view: records the frames it is sent and asks for the next one on demand."""

    def __init__(self, explorer):
        self.explorer, self.frames, self.announced = explorer, [], 0
        explorer.canvas.syncing_data_url = False  # what ipympl does when a browser view says "initialized"
        explorer.canvas.manager.web_sockets.append(self)
        explorer.canvas.draw_idle = self._announce

    def _announce(self) -> None:
        self.announced += 1

    def send_binary(self, png: bytes) -> None:
        from course_utils.explorers.frames import Frame

        self.frames.append(Frame(png, self.explorer.canvas._current_image_mode, None))

    def send_json(self, content) -> None:
        pass

    def ask(self) -> None:
        self.explorer.canvas.handle_event({"type": "draw"})

    def screen(self) -> np.ndarray:
        return _applied(np.zeros(self.explorer.canvas.get_width_height()[::-1], dtype=np.uint32), self.frames)


def _sliders(explorer):
    return [slider for name, slider in vars(explorer).items() if name.endswith("_slider") and not slider.disabled]


def _full_redraw_pixels(explorer) -> np.ndarray:
    explorer.redraw_everything()
    explorer._render()
    return np.asarray(explorer.canvas.get_renderer().buffer_rgba()).view(np.uint32).squeeze(2).copy()


@pytest.fixture(params=sorted(EXPLORERS))
def connected(request) -> Browser:
    """An explorer with a browser view that has asked for, and got, its first picture."""
    browser = Browser(EXPLORERS[request.param].example())
    browser.ask()
    return browser


def test_no_frame_leaves_before_the_browser_asks_and_each_request_gets_one(connected):
    browser, explorer = connected, connected.explorer
    for slider in _sliders(explorer):
        sent = len(browser.frames)
        slider.value = slider.max if slider.value != slider.max else slider.min
        assert len(browser.frames) == sent, "a frame was pushed without a request: ipympl's flow control is lost"
        browser.ask()
        assert len(browser.frames) == sent + 1


def test_the_browser_ends_with_the_picture_a_full_redraw_gives(connected):
    browser, explorer = connected, connected.explorer
    for slider in _sliders(explorer):
        for value in (slider.min, slider.max, (slider.min + slider.max) / 2):
            slider.value = value  # two moves between requests: the frame must diff against what was sent
        browser.ask()
    assert browser.frames[0].mode == "full" and len(browser.frames) == 1 + len(_sliders(explorer))
    assert np.array_equal(browser.screen(), _full_redraw_pixels(explorer))
