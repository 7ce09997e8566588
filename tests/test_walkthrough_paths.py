"""Sum over paths of products of local slopes = the walk-through's backward pass, parameter by parameter."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils import walkthrough
from course_utils.lessons.nb04 import walkthrough_paths


@pytest.mark.parametrize("parameter, count", [("w5", 1), ("w8", 1), ("c2", 2), ("w1", 2), ("w4", 2), ("c1", 4)])
def test_each_parameter_reaches_the_error_along_the_expected_number_of_paths(parameter, count):
    assert len(walkthrough_paths.chain(walkthrough.starting_network(), parameter)) == count


def test_path_sums_equal_backward_on_the_starting_network_and_at_random_points():
    rng = np.random.default_rng(4)
    networks = [walkthrough.starting_network()] + [
        {key: float(rng.normal()) for key in walkthrough.NETWORK_KEYS} for _ in range(10)
    ]
    for p in networks:
        grads = walkthrough.backward(p)
        for name in walkthrough.PARAMETERS:
            assert walkthrough_paths.path_sum(p, name) == pytest.approx(grads[f"dE/d{name}"], rel=1e-12, abs=1e-15)


def test_the_w5_chain_is_three_factors_from_the_error_back():
    p = walkthrough.starting_network()
    f = walkthrough.forward(p)
    [factors] = walkthrough_paths.chain(p, "w5")
    assert [edge for edge, _ in factors] == [("E", "z1a"), ("z1a", "z1"), ("z1", "w5")]
    assert [value for _, value in factors] == pytest.approx(
        [f["z1a"] - p["t1"], f["z1a"] * (1 - f["z1a"]), f["y1a"]], rel=1e-15)


def test_the_latex_shows_one_line_per_path_and_the_value():
    text = walkthrough_paths.chain_latex(walkthrough.starting_network(), "c1")
    assert text.count(r"\quad +") == 2 * 3  # four paths: three continuation lines, symbols and numbers
    assert text.endswith(r"&= 0.016655\end{aligned}")


def test_an_unknown_parameter_is_named():
    with pytest.raises(ValueError, match="unknown parameter 'w9'"):
        walkthrough_paths.chain(walkthrough.starting_network(), "w9")
