"""The network drawing shows the network's own numbers."""
from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from course_utils import walkthrough
from course_utils.lessons.nb04.figures import draw_walkthrough_network


@pytest.fixture
def ax():
    return Figure().add_subplot()


def _texts(ax) -> str:
    return "\n".join(text.get_text() for text in ax.texts)


def test_every_weight_bias_and_unit_value_is_on_the_drawing(ax):
    p = walkthrough.starting_network()
    draw_walkthrough_network(ax, p)
    text = _texts(ax)
    for name in walkthrough.WEIGHTS + walkthrough.BIASES:
        assert f"${name[0]}_{name[1]} = {p[name]:.2f}$" in text
    assert "$y_1^a = 0.5945$" in text and "$z_2^a = 0.7677$" in text
    assert "= 0.2405$" in text and ax.get_title()


def test_gradients_appear_on_the_edges_when_given(ax):
    p = walkthrough.starting_network()
    draw_walkthrough_network(ax, p, walkthrough.backward(p))
    assert r"$\partial E/\partial w_5 = 0.0719$" in _texts(ax)


def test_a_bad_network_is_refused_before_drawing(ax):
    with pytest.raises(ValueError, match="missing w1"):
        draw_walkthrough_network(ax, {k: v for k, v in walkthrough.starting_network().items() if k != "w1"})
