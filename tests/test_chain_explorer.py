"""The chain explorer moves its tangent and slope bars with x and reads out the product of local slopes."""
from __future__ import annotations

import numpy as np
import pytest
from simulated_page import SimulatedPage

from course_utils.chains import (
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_value,
    with_parameter,
)
from course_utils.explorers.chain import ChainExplorer

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")

LINKS = [affine_link(1.5, -0.5), activation_link("tanh"), affine_link(2.0, 0.3), activation_link("sigmoid")]


@pytest.fixture
def explorer():
    return ChainExplorer(LINKS, x=0.8)


def test_the_readout_shows_x_the_value_and_every_factor_of_the_slope(explorer):
    explorer.x_slider.value = -0.5
    steps = chain_steps(LINKS, -0.5)
    text = explorer.readout.value
    assert "x = \u22120.50" in text
    assert f"y = {steps[-1].output:.4f}" in text
    factors = " × ".join(f"{s.local_grad:.4f}" for s in steps)
    assert f"dy/dx = {factors} = {chain_derivative(LINKS, -0.5):.4f}" in text


def test_the_tangent_touches_the_chain_with_the_chain_rule_slope(explorer):
    explorer.x_slider.value = 1.25
    (px,), (py,) = explorer.artists["point"].get_data()
    assert px == 1.25 and py == pytest.approx(chain_value(LINKS, 1.25))
    xs, ys = (np.asarray(d, dtype=float) for d in explorer.artists["tangent"].get_data())
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(chain_derivative(LINKS, 1.25))


def test_the_bars_are_the_local_slopes_then_their_product(explorer):
    explorer.x_slider.value = 0.3
    heights = [bar.get_height() for bar in explorer.bars]
    steps = chain_steps(LINKS, 0.3)
    np.testing.assert_allclose(heights[:-1], [s.local_grad for s in steps])
    assert heights[-1] == pytest.approx(np.prod(heights[:-1]))


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="inside x_range"):
        ChainExplorer(LINKS, x=5.0)
    with pytest.raises(TypeError, match="list of Link"):
        ChainExplorer([np.tanh])


def test_the_static_fallback_is_a_png_and_fixed_text(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Chain explorer: 4 links")
    assert len(bundle["image/png"]) > 1000


# --- weight sliders -------------------------------------------------------------------------------------------------

@pytest.fixture
def weighted():
    return ChainExplorer(LINKS, x=0.8, weight_sliders=True)


def test_each_affine_link_gets_a_weight_slider_starting_at_its_weight(weighted, explorer):
    assert weighted.weight_names == ["w1", "w2"]
    assert (weighted.w1_slider.value, weighted.w2_slider.value) == (1.5, 2.0)
    assert len(weighted.controls) == 3 and len(explorer.controls) == 1  # off unless asked for


def test_moving_a_weight_rebuilds_the_chain_and_its_slope(weighted):
    weighted.w2_slider.value = -3.0
    changed = with_parameter(LINKS, "w2", -3.0)
    assert weighted.links[2].w == -3.0 and weighted.links[0].w == 1.5
    assert f"= {chain_derivative(changed, 0.8):.4f}".replace("-", "\u2212") in weighted.readout.value
    xs, ys = (np.asarray(d, dtype=float) for d in weighted.artists["function"].get_data())
    np.testing.assert_allclose(ys, chain_value(changed, xs))
    assert weighted.bars[-1].get_height() == pytest.approx(chain_derivative(changed, 0.8))
    assert "w2 = \u22123" in weighted.alt_text()


def test_large_weights_make_the_product_grow_and_the_bars_stay_on_the_fixed_axis(weighted):
    low, high = weighted.bar_ax.get_ylim()
    assert high >= 4.0 * 1.0 * 4.0 * 0.25 and low <= -4.0  # the largest |w1|·tanh′·|w2|·σ′ the sliders allow
    weighted.x_slider.value = 0.3
    small = abs(weighted.bars[-1].get_height())
    weighted.w1_slider.value, weighted.w2_slider.value = 4.0, 4.0
    weighted.x_slider.value = 0.1  # near tanh's steep centre
    assert abs(weighted.bars[-1].get_height()) > small
    assert weighted.bar_ax.get_ylim() == (low, high)


def test_weight_slider_settings_are_checked():
    with pytest.raises(ValueError, match="inside weight_range"):
        ChainExplorer(LINKS, weight_sliders=True, weight_range=(-1.0, 1.0))
    with pytest.raises(ValueError, match="at least one affine link"):
        ChainExplorer([activation_link("tanh")], weight_sliders=True)
    with pytest.raises(TypeError, match="True or False"):
        ChainExplorer(LINKS, weight_sliders="yes")


def test_a_weight_step_keeps_the_axes_blits_and_shows_what_a_full_redraw_shows(weighted):
    weighted.canvas.draw()
    SimulatedPage(weighted)
    draws = []
    weighted.canvas.mpl_connect("draw_event", draws.append)
    limits = [ax.get_ylim() for ax in weighted.figure.axes]
    ticks = [label.get_text() for label in weighted.bar_ax.get_xticklabels()]
    before = np.asarray(weighted.canvas.get_renderer().buffer_rgba()).copy()
    for w in (weighted.w1_slider.min, weighted.w1_slider.max, 0.5):
        weighted.w1_slider.value = w
    after = np.asarray(weighted.canvas.get_renderer().buffer_rgba()).copy()
    assert not draws and not np.array_equal(before, after)
    assert [ax.get_ylim() for ax in weighted.figure.axes] == limits
    assert [label.get_text() for label in weighted.bar_ax.get_xticklabels()] == ticks
    assert ticks[0].startswith("1: w1·u")
    xs = weighted.artists["function"].get_xdata()
    np.testing.assert_allclose(weighted.artists["function"].get_ydata(), weighted.y(xs))
    weighted.x_slider.value = 0.5
    assert not draws
    stepped = np.asarray(weighted.canvas.get_renderer().buffer_rgba()).copy()
    weighted.canvas.draw()
    np.testing.assert_array_equal(stepped, np.asarray(weighted.canvas.get_renderer().buffer_rgba()))
