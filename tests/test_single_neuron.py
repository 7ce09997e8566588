"""course_utils.lessons.nb04.single_neuron: the one-neuron example's numbers, checked by finite differences."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.calculus import central_difference
from course_utils.lessons.nb04 import single_neuron


def test_the_worked_example_is_the_default_and_gives_the_published_rounded_numbers():
    assert (single_neuron.INPUT, single_neuron.START_WEIGHT, single_neuron.TARGET) == (2.0, 0.5, 1.0)
    got = single_neuron.walk()
    rounded = {key: round(got[key], 3) for key in ("z", "a", "E", "dE/da", "da/dz", "dz/dw", "dE/dw")}
    assert rounded == {"z": 1.0, "a": 0.731, "E": 0.072, "dE/da": -0.538, "da/dz": 0.197, "dz/dw": 2.0,
                       "dE/dw": -0.212}


def test_the_gradient_is_the_product_of_the_three_local_slopes():
    got = single_neuron.walk(0.5)
    assert got["dE/dw"] == got["dE/da"] * got["da/dz"] * got["dz/dw"]


@pytest.mark.parametrize("w", [-2.0, -0.3, 0.5, 1.7])
@pytest.mark.parametrize("x, t", [(2.0, 1.0), (-1.5, 0.2)])
def test_the_slope_matches_central_differences(w, x, t):
    numeric = central_difference(lambda v: single_neuron.error(v, x, t), w)
    assert single_neuron.error_slope(w, x, t) == pytest.approx(numeric, rel=1e-7)
    assert single_neuron.walk(w, x, t)["dE/dw"] == pytest.approx(numeric, rel=1e-7)


def test_error_and_slope_work_elementwise_on_arrays():
    ws = np.array([-1.0, 0.5, 2.0])
    np.testing.assert_allclose(single_neuron.error(ws), [single_neuron.error(w) for w in ws])
    np.testing.assert_allclose(single_neuron.error_slope(ws), [single_neuron.error_slope(w) for w in ws])


def test_walk_refuses_arrays_and_non_finite_numbers():
    with pytest.raises(ValueError, match="single number"):
        single_neuron.walk(np.array([0.1, 0.2]))
    with pytest.raises(ValueError, match="inf or NaN"):
        single_neuron.walk(float("nan"))
    with pytest.raises(TypeError, match="w must be a number"):
        single_neuron.error("half")


def test_descend_overshoots_with_a_large_step_and_stalls_on_the_plateau_with_a_huge_one():
    from course_utils.lessons.nb04 import single_neuron as sn

    best = np.log(0.8 / 0.2) / 2.0
    steady = sn.descend(-1.0, 0.5, 8, t=0.8)
    assert all(a < b < best for a, b in zip(steady, steady[1:]))
    overshoot = sn.descend(-1.0, 5.0, 8, t=0.8)
    assert max(overshoot) > best + 0.1 and abs(overshoot[-1] - best) < 1e-3
    flung = sn.descend(-1.0, 20.0, 8, t=0.8)
    assert flung[1] > 4.5 and abs(flung[-1] - flung[1]) < 0.02
    assert len(flung) == 9 and flung[0] == -1.0


def test_descend_refuses_a_bad_learning_rate():
    from course_utils.lessons.nb04 import single_neuron as sn

    with pytest.raises(ValueError):
        sn.descend(0.5, -1.0, 3)
