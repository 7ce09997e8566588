"""The chain explorer moves its tangent and slope bars with x and reads out the product of local slopes."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.chains import (
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_value,
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
