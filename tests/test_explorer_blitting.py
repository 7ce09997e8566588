"""A slider step redraws only the moving artists on a saved background,
and the picture is the one a full redraw gives.
"""
from __future__ import annotations

import numpy as np
import pytest
from simulated_page import SimulatedPage

from course_utils.explorers import ActivationComparisonExplorer, TangentExplorer, all_explorers

#: Every explorer the package has, found by inheritance: a new one is tested without being listed here.
EXPLORERS = {cls.__name__: cls for cls in all_explorers()}


def test_discovery_finds_every_explorer_of_the_course():
    assert len(EXPLORERS) >= 8
    assert {"TangentExplorer", "GradientFlowExplorer", "AutodiffGraphExplorer"} <= set(EXPLORERS)


def _pixels(explorer) -> np.ndarray:
    return np.asarray(explorer.canvas.get_renderer().buffer_rgba()).copy()


def _nudge(slider) -> None:
    if slider.value + slider.step <= slider.max:
        slider.value = slider.value + slider.step
    else:
        slider.value = slider.value - slider.step


def _full_draws(explorer) -> list:
    draws = []
    explorer.canvas.mpl_connect("draw_event", draws.append)
    return draws


@pytest.fixture(params=sorted(EXPLORERS))
def shown(request):
    """An explorer after its first full draw, on a page that draws every frame at once."""
    explorer = EXPLORERS[request.param].example()
    explorer.canvas.draw()
    SimulatedPage(explorer)
    return explorer


def test_every_explorer_names_the_artists_it_moves(shown):
    assert shown.moving, "an explorer without moving artists redraws the whole figure on every step"
    assert all(artist.get_animated() for artist in shown.moving)


def test_a_slider_step_shows_what_a_full_redraw_shows(shown):
    for name, slider in vars(shown).items():
        if name.endswith("_slider") and not slider.disabled:
            before = _pixels(shown)
            _nudge(slider)
            after_step = _pixels(shown)
            assert not np.array_equal(before, after_step), f"moving {name} changed no pixel"
            shown.canvas.draw()
            np.testing.assert_array_equal(after_step, _pixels(shown))


def test_a_slider_that_only_moves_artists_is_blitted_not_redrawn(shown):
    full_draws = _full_draws(shown)
    for name, slider in vars(shown).items():
        if name.endswith("_slider") and name != "alpha_slider":  # α reshapes the curves: one full redraw
            before = _pixels(shown)
            _nudge(slider)
            assert not np.array_equal(before, _pixels(shown)), f"{name}: the step was not drawn"
    assert full_draws == []


def test_while_a_frame_is_on_its_way_a_step_renders_nothing_until_the_page_has_drawn_it():
    explorer = TangentExplorer("sigmoid")
    page = SimulatedPage(explorer, answers=False)
    before = _pixels(explorer)
    explorer.x_slider.value = -2.0
    explorer.x_slider.value = -1.0  # a fast drag: only the newest picture is ever rendered
    assert "x = −1.00" in explorer.readout.value and np.array_equal(before, _pixels(explorer))
    page.drawn()
    assert not np.array_equal(before, _pixels(explorer))


def test_before_the_first_draw_the_browser_gets_a_full_redraw():
    explorer = TangentExplorer("tanh")
    full_draws = _full_draws(explorer)
    SimulatedPage(explorer)
    explorer.x_slider.value = 0.5
    assert len(full_draws) == 1 and "x = 0.50" in explorer.readout.value


def test_switching_the_activation_redraws_everything_once():
    explorer = ActivationComparisonExplorer("leaky_relu")
    explorer.canvas.draw()
    SimulatedPage(explorer)
    full_draws = _full_draws(explorer)
    explorer.activation_menu.value = "sigmoid"
    assert len(full_draws) == 1
    explorer.x_slider.value = 0.5
    assert len(full_draws) == 1, "moving x afterwards is a blit again"


def test_the_static_picture_still_shows_the_moving_artists():
    explorer = TangentExplorer("sigmoid", x=2.0)
    explorer.canvas.draw()
    SimulatedPage(explorer)
    hidden = TangentExplorer("sigmoid", x=2.0)
    for artist in hidden.moving:
        artist.set_visible(False)
    assert explorer._repr_mimebundle_()[0]["image/png"] != hidden._repr_mimebundle_()[0]["image/png"]
    full_draws = _full_draws(explorer)
    explorer.x_slider.value = 1.0  # the export left no stale background behind: this step redraws in full
    assert len(full_draws) == 1
