"""course_utils.walkthrough: the 2-2-2 network's numbers are right, checked independently of its code."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils import walkthrough
from course_utils.calculus import numerical_gradient, relative_error


def _error_at(theta: np.ndarray, base: dict) -> float:
    """E_total with the ten parameters replaced by theta (in PARAMETERS order)."""
    p = dict(base, **dict(zip(walkthrough.PARAMETERS, map(float, theta))))
    return walkthrough.forward(p)["E_total"]


def _finite_difference_gradients(p: dict) -> np.ndarray:
    theta = np.array([p[name] for name in walkthrough.PARAMETERS])
    return numerical_gradient(lambda t: _error_at(t, p), theta, h=1e-5)


def _chain_rule_gradients(p: dict) -> np.ndarray:
    grads = walkthrough.backward(p)
    return np.array([grads[f"dE/d{name}"] for name in walkthrough.PARAMETERS])


def _random_networks(count: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        yield {key: float(rng.normal(0.0, 1.5)) for key in walkthrough.NETWORK_KEYS}


# --- forward ------------------------------------------------------------------------

def test_forward_matches_a_hand_written_pass_of_the_starting_network():
    sig = lambda v: 1.0 / (1.0 + math.exp(-v))
    y1a = sig(0.05 * 0.15 + 0.10 * 0.25 + 0.35)
    y2a = sig(0.05 * 0.20 + 0.10 * 0.30 + 0.35)
    z1a = sig(y1a * 0.40 + y2a * 0.50 + 0.60)
    z2a = sig(y1a * 0.45 + y2a * 0.55 + 0.60)
    expected_total = 0.5 * (0.10 - z1a) ** 2 + 0.5 * (0.99 - z2a) ** 2
    got = walkthrough.forward(walkthrough.starting_network())
    assert [got[k] for k in ("y1a", "y2a", "z1a", "z2a")] == pytest.approx([y1a, y2a, z1a, z2a], rel=1e-14)
    assert got["E_total"] == pytest.approx(expected_total, rel=1e-14)


def test_forward_gives_the_corrected_values_of_the_design_to_four_decimals():
    got = walkthrough.forward(walkthrough.starting_network())
    corrected = {"y1a": 0.5945, "y2a": 0.5963, "z1": 1.1359, "z1a": 0.7569, "z2": 1.1955, "z2a": 0.7677,
                 "E_total": 0.2405}
    assert {k: round(got[k], 4) for k in corrected} == corrected


def test_forward_returns_every_named_intermediate_and_the_errors_add_up():
    got = walkthrough.forward(walkthrough.starting_network())
    assert set(got) == {"y1", "y1a", "y2", "y2a", "z1", "z1a", "z2", "z2a", "E1", "E2", "E_total"}
    assert got["E_total"] == got["E1"] + got["E2"]


def test_the_seeds_sign_flipped_table_is_not_what_forward_computes():
    got = walkthrough.forward(walkthrough.starting_network())
    assert got["y1"] == pytest.approx(0.3825)  # the seed's pre-activation is right ...
    assert round(got["y1a"], 4) != 0.4055  # ... its 1/(1 + e^{+y1}) activation is not
    assert round(1.0 / (1.0 + math.exp(got["y1"])), 4) == 0.4055


# --- backward -----------------------------------------------------------------------

def test_backward_has_all_ten_gradients():
    assert set(walkthrough.backward(walkthrough.starting_network())) == {
        f"dE/d{name}" for name in ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "c1", "c2")
    }


def test_backward_matches_finite_differences_on_the_starting_network():
    p = walkthrough.starting_network()
    assert relative_error(_chain_rule_gradients(p), _finite_difference_gradients(p)) < 1e-7


def test_backward_matches_finite_differences_at_random_points():
    for p in _random_networks(50):
        # atol covers entries near 0 (saturated units), where differences carry ~1e-11 round-off
        np.testing.assert_allclose(_chain_rule_gradients(p), _finite_difference_gradients(p), rtol=1e-6, atol=1e-9)


def test_a_shared_bias_gets_the_sum_of_the_deltas_of_the_units_it_feeds():
    p = walkthrough.starting_network()
    d, g = walkthrough.deltas(p), walkthrough.backward(p)
    assert g["dE/dc2"] == d["z1"] + d["z2"]
    assert g["dE/dc1"] == d["y1"] + d["y2"]


def test_output_deltas_are_error_times_sigmoid_slope():
    p = walkthrough.starting_network()
    f = walkthrough.forward(p)
    assert walkthrough.deltas(p)["z1"] == pytest.approx((f["z1a"] - 0.10) * f["z1a"] * (1 - f["z1a"]), rel=1e-14)


# --- step ---------------------------------------------------------------------------

def test_step_moves_every_parameter_against_its_gradient_and_keeps_the_data():
    p = walkthrough.starting_network()
    grads = walkthrough.backward(p)
    new = walkthrough.step(p, 0.5)
    for name in walkthrough.PARAMETERS:
        assert new[name] == pytest.approx(p[name] - 0.5 * grads[f"dE/d{name}"], rel=1e-15)
    for name in walkthrough.INPUTS + walkthrough.TARGETS:
        assert new[name] == p[name]


def test_step_lowers_the_error_and_leaves_its_input_untouched():
    p = walkthrough.starting_network()
    before = dict(p)
    new = walkthrough.step(p, 0.5)
    assert walkthrough.forward(new)["E_total"] < walkthrough.forward(p)["E_total"]
    assert p == before


# --- bad input ----------------------------------------------------------------------

def test_a_missing_parameter_is_named():
    p = walkthrough.starting_network()
    del p["w6"]
    with pytest.raises(ValueError, match="missing w6.*starting_network"):
        walkthrough.forward(p)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_non_finite_parameter_is_named(bad):
    p = dict(walkthrough.starting_network(), c2=bad)
    with pytest.raises(ValueError, match="c2 = .* is not finite"):
        walkthrough.backward(p)


@pytest.mark.parametrize("bad", ["0.4", None, True])
def test_a_non_numeric_parameter_is_a_type_error(bad):
    with pytest.raises(TypeError, match="w5 must be a number"):
        walkthrough.forward(dict(walkthrough.starting_network(), w5=bad))


def test_a_network_that_is_not_a_dict_is_a_type_error():
    with pytest.raises(TypeError, match="dict of numbers"):
        walkthrough.forward([0.05, 0.10])


@pytest.mark.parametrize("lr, error", [
    (0.0, ValueError), (-0.5, ValueError), (math.nan, ValueError), ("0.5", TypeError),
])
def test_step_rejects_a_bad_learning_rate(lr, error):
    with pytest.raises(error, match="learning rate"):
        walkthrough.step(walkthrough.starting_network(), lr)


# --- train --------------------------------------------------------------------------

def test_train_repeats_step_and_records_the_error_before_each_step_and_after_the_last():
    p = walkthrough.starting_network()
    final, history = walkthrough.train(p, 0.5, 3)
    by_hand = p
    for _ in range(3):
        by_hand = walkthrough.step(by_hand, 0.5)
    assert final == pytest.approx(by_hand, rel=1e-15)
    assert history["E_total"].shape == (4,)
    assert history["E_total"][0] == walkthrough.forward(p)["E_total"]
    assert history["E_total"][-1] == pytest.approx(walkthrough.forward(final)["E_total"], rel=1e-15)


def test_training_drives_the_outputs_to_the_targets():
    final, history = walkthrough.train(walkthrough.starting_network(), 0.5, 5000)
    assert np.all(np.diff(history["E_total"]) < 0)
    assert history["E_total"][-1] < 1e-5
    assert history["z1a"][-1] == pytest.approx(0.10, abs=0.01)
    assert history["z2a"][-1] == pytest.approx(0.99, abs=0.01)


def test_train_rejects_a_bad_number_of_steps():
    with pytest.raises(ValueError, match="steps must be at least 0"):
        walkthrough.train(walkthrough.starting_network(), 0.5, -1)


# --- another squash (the seed's sign-flipped sigmoid) --------------------------------

def _flipped(v):
    return 1.0 / (1.0 + math.exp(v))


def test_the_flipped_sigmoid_reproduces_the_seeds_forward_table_up_to_its_rounding():
    got = walkthrough.forward(walkthrough.starting_network(), squash=_flipped)
    seed_table = {"y1": 0.3825, "y1a": 0.4055, "y2": 0.39, "y2a": 0.4037, "z1": 0.96405, "z1a": 0.2761,
                  "z2": 1.00451, "z2a": 0.2681, "E1": 0.0155, "E2": 0.2605, "E_total": 0.2760}
    # the seed carried 4-digit intermediates, so its last digit can be off by one or two
    assert {k: got[k] for k in seed_table} == pytest.approx(seed_table, abs=2e-4)


def test_gradient_check_catches_a_flipped_sigmoid_with_the_sigmoids_slope():
    p = walkthrough.starting_network()
    chain = walkthrough.backward(p, squash=_flipped)
    theta = np.array([p[name] for name in walkthrough.PARAMETERS])
    numeric = numerical_gradient(
        lambda t: walkthrough.forward(dict(p, **dict(zip(walkthrough.PARAMETERS, t))), squash=_flipped)["E_total"],
        theta,
    )
    assert relative_error(np.array([chain[f"dE/d{n}"] for n in walkthrough.PARAMETERS]), numeric) > 0.5


def test_a_squash_that_is_not_a_function_is_a_type_error():
    with pytest.raises(TypeError, match="squash must be a function"):
        walkthrough.forward(walkthrough.starting_network(), squash=0.5)


def test_formulas_describe_every_forward_value_in_order():
    text = walkthrough.formulas()
    assert list(text) == list(walkthrough.forward(walkthrough.starting_network()))
    assert text["y1"] == "x1·w1 + x2·w3 + c1" and text["z2"] == "y1a·w6 + y2a·w8 + c2"


def test_every_name_is_typeset_one_way_for_figures_and_formulas():
    assert [walkthrough.latex_name(name) for name in ("w5", "y1", "z1a", "E")] == ["w_5", "y_1", "z_1^a", "E"]
