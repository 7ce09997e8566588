"""The frames an explorer sends: the changed pixels in small patches, one frame on its way at a time.

A simulated page draws each frame the way figure_view.js does (a full frame's PNG replaces the
picture, patches are put over it) and must end up with exactly the pixels a full redraw gives.
"""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import numpy as np
import pytest
from simulated_page import SimulatedPage, decoded_png, drawn_over

from course_utils.explorers import TangentExplorer, all_explorers
from course_utils.explorers.frames import BAND_ROWS, make_frame, png_bytes

EXPLORERS = {cls.__name__: cls for cls in all_explorers()}


def _opaque(rng, shape) -> np.ndarray:
    pixels = rng.integers(0, 256, size=(*shape, 4), dtype=np.uint8)
    pixels[:, :, 3] = 255
    return pixels.view(np.uint32).squeeze(2)


def _message(frame) -> dict:
    return {"mode": frame.mode, "patches": frame.patches}


def test_png_bytes_decode_to_the_same_rgba():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    assert np.array_equal(decoded_png(png_bytes(rgba)), rgba)


def test_a_first_frame_and_a_frame_after_a_resize_are_full_pictures():
    rng = np.random.default_rng(1)
    first = make_frame(_opaque(rng, (4, 6)), None)
    assert first.mode == "full" and np.array_equal(decoded_png(first.data).view(np.uint32).squeeze(2), first.pixels)
    assert make_frame(_opaque(rng, (4, 6)), _opaque(rng, (5, 6))).mode == "full"


def test_patches_hold_only_the_rectangles_of_changed_pixels_one_per_band():
    rng = np.random.default_rng(2)
    sent = _opaque(rng, (30, 40))
    now = sent.copy()
    now[3, 12] ^= 0xFF  # one colour channel of three pixels, the first two in the same band
    now[5, 30] ^= 0xFF00
    now[20, 5] ^= 0xFF0000
    frame = make_frame(now, sent)
    assert frame.mode == "patches"
    assert frame.patches == [(12, 3, 19, 3), (5, 20, 1, 1)]
    assert all(y // BAND_ROWS == (y + height - 1) // BAND_ROWS for _, y, _, height in frame.patches)
    assert len(frame.data) == 4 * (19 * 3 + 1)
    assert np.array_equal(drawn_over(sent, _message(frame), frame.data), now)


def test_an_unchanged_picture_sends_no_frame():
    sent = _opaque(np.random.default_rng(3), (8, 8))
    assert make_frame(sent.copy(), sent) is None


def _sliders(explorer):
    return [slider for name, slider in vars(explorer).items() if name.endswith("_slider") and not slider.disabled]


def _full_redraw_pixels(explorer) -> np.ndarray:
    explorer.redraw_everything()
    return explorer._current_pixels()


def _nudged(slider) -> None:
    up = slider.value + slider.step <= slider.max
    slider.value = slider.value + slider.step if up else slider.value - slider.step


@pytest.fixture(params=sorted(EXPLORERS))
def waiting_page(request) -> SimulatedPage:
    """An explorer's page that has got its first picture and says it drew a frame only when told to."""
    return SimulatedPage(EXPLORERS[request.param].example(), answers=False)


def test_a_page_that_opens_gets_the_whole_picture_at_once(waiting_page):
    assert [frame["mode"] for frame in waiting_page.frames] == ["full"]
    assert np.array_equal(waiting_page.screen, _full_redraw_pixels(waiting_page.explorer))


def test_no_frame_leaves_while_one_is_on_its_way_and_the_newest_follows_the_word_drawn(waiting_page):
    page, explorer = waiting_page, waiting_page.explorer
    for slider in _sliders(explorer):
        sent = len(page.frames)
        for value in (slider.min, slider.max, (slider.min + slider.max) / 2):
            slider.value = value
        assert len(page.frames) == sent, "a frame left before the page drew the last one: frames could pile up"
        page.drawn()
        assert len(page.frames) == sent + 1, "the page drew its frame, but the newest picture did not follow"
        assert page.frames[-1]["mode"] == "patches"
    page.drawn()
    assert np.array_equal(page.screen, _full_redraw_pixels(explorer)), "the page's pixels differ from a full redraw"


def test_a_page_that_answers_at_once_sees_every_step(waiting_page):
    explorer = waiting_page.explorer
    page = SimulatedPage(explorer, answers=True)  # a second view: it gets the whole picture, then each step
    assert page.frames[0]["mode"] == "full"
    for slider in _sliders(explorer):
        before = len(page.frames)
        _nudged(slider)
        assert len(page.frames) == before + 1
        assert np.array_equal(page.screen, _full_redraw_pixels(explorer))


def test_a_high_density_screen_gets_a_sharper_picture_at_the_same_size():
    sharp = SimulatedPage(TangentExplorer("tanh"), ratio=2.0)
    plain = SimulatedPage(TangentExplorer("tanh"))
    first, plain_first = sharp.frames[0], plain.frames[0]
    assert (first["width"], first["height"]) == (2 * plain_first["width"], 2 * plain_first["height"])
    assert first["width"] / first["ratio"] == plain_first["width"] / plain_first["ratio"]
    sharp.explorer.x_slider.value = 1.0
    assert sharp.screen.shape == (first["height"], first["width"])
    assert np.array_equal(sharp.screen, _full_redraw_pixels(sharp.explorer))


def _in_a_kernel(explorer) -> list:
    """Give the explorer's figure view a stand-in kernel; returns what its IOPub thread still has to do, in order."""
    queued = []
    kernel = SimpleNamespace(iopub_thread=SimpleNamespace(schedule=queued.append))
    explorer.figure_view.comm = SimpleNamespace(kernel=kernel, comm_id=f"figure-view-{id(explorer)}",
                                                on_msg=lambda handler: None, close=lambda **_: None)
    return queued


def test_in_a_kernel_the_frame_is_made_only_once_the_messages_queued_before_it_have_left():
    explorer = TangentExplorer("tanh")
    page = SimulatedPage(explorer)
    queued = _in_a_kernel(explorer)

    async def one_step():
        explorer.x_slider.value = -1.3  # the slider's message handler: the readout's message is queued
        frames = len(page.frames)
        await asyncio.sleep(0)  # the handler has returned
        assert len(page.frames) == frames and len(queued) == 1, "the picture was made before the readout left"
        queued.pop()()  # the IOPub thread reaches the note queued behind the readout
        await asyncio.sleep(0)
        assert len(page.frames) == frames + 1

    asyncio.run(one_step())
    assert np.array_equal(page.screen, _full_redraw_pixels(explorer))


def test_a_view_that_opens_while_a_step_waits_keeps_one_frame_on_its_way():
    explorer = TangentExplorer("tanh")
    page = SimulatedPage(explorer, answers=False)
    page.drawn()
    queued = _in_a_kernel(explorer)

    async def step_then_a_new_view():
        explorer.x_slider.value = -1.3
        await asyncio.sleep(0)
        explorer.figure_view.page_opened(1.0)  # a second view: its whole picture leaves at once
        frames = len(page.frames)
        explorer.x_slider.value = -1.0  # and the slider moves on
        queued.pop()()
        await asyncio.sleep(0)
        assert len(page.frames) == frames, "a second frame left while the whole picture was on its way"
        page.drawn()
        assert len(page.frames) == frames + 1, "the newest picture did not follow the whole one"

    asyncio.run(step_then_a_new_view())
    assert np.array_equal(page.screen, _full_redraw_pixels(explorer))


def test_a_figure_that_cannot_be_redrawn_says_so_on_the_page_and_raises():
    explorer = TangentExplorer("tanh")
    page = SimulatedPage(explorer)

    def broken_render():
        raise ValueError("no pixels")

    explorer._render = broken_render
    with pytest.raises(ValueError, match="no pixels"):
        explorer.x_slider.value = -1.3
    assert page.problems and "could not be redrawn (ValueError: no pixels)" in page.problems[0]
    assert "Re-run the cell" in page.problems[0]
