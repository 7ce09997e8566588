"""The example graphs: the 2-2-2 network rebuilt from Values agrees with notebook 04's walkthrough."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils import walkthrough
from course_utils.autodiff import Value
from course_utils.calculus import gradcheck, relative_error
from course_utils.lessons.nb05.autodiff_examples import (
    LOCAL_RULES,
    hand_gradient_vector,
    local_slopes_both_ways,
    network_gradient_vector,
    network_gradients,
    network_graph,
    network_loss,
    neuron_graph,
    parameter_vector,
    routing_example,
)


def test_the_network_graph_computes_the_walkthrough_loss_bit_for_bit():
    p = walkthrough.starting_network()
    assert network_graph(p).loss.data == walkthrough.forward(p)["E_total"]


@pytest.mark.parametrize("seed", range(50))
def test_the_engine_gives_the_walkthrough_gradients_bit_for_bit(seed):
    rng = np.random.default_rng(seed)
    p = walkthrough.starting_network()
    if seed:
        p = {key: float(rng.uniform(-2.0, 2.0)) for key in p}
    engine, by_hand = network_gradients(p), walkthrough.backward(p)
    assert list(engine) == list(by_hand)
    assert engine == by_hand


def test_the_engine_gradient_passes_a_float64_gradient_check():
    p = walkthrough.starting_network()
    result = gradcheck(lambda t: network_loss(p, t), lambda t: network_gradient_vector(p, t),
                       parameter_vector(p), h=1e-5, tol=1e-7)
    assert result.passed


def test_a_sigmoid_that_forgets_one_minus_sigma_fails_the_check():
    def buggy_sigmoid(v):
        s = v.sigmoid().data
        return Value(s, (v,), (s,), "sigmoid")

    p = walkthrough.starting_network()
    result = gradcheck(lambda t: network_loss(p, t), lambda t: network_gradient_vector(p, t, buggy_sigmoid),
                       parameter_vector(p))
    assert not result.passed and result.max_relative_error > 0.1


def test_the_hand_gradient_vector_is_the_walkthrough_gradient_at_theta_in_parameter_order():
    p = walkthrough.starting_network()
    theta = parameter_vector(p) + 0.1
    moved = {**p, **dict(zip(walkthrough.PARAMETERS, theta))}
    expected = [walkthrough.backward(moved)[f"dE/d{name}"] for name in walkthrough.PARAMETERS]
    assert hand_gradient_vector(p, theta).tolist() == expected
    assert hand_gradient_vector(p, theta).tolist() == network_gradient_vector(p, theta).tolist()


def test_the_hand_gradient_vector_wants_ten_parameters():
    with pytest.raises(ValueError, match="needs 10 numbers"):
        hand_gradient_vector(walkthrough.starting_network(), [0.1])


def test_the_network_dict_must_have_every_key():
    p = walkthrough.starting_network()
    del p["w4"]
    with pytest.raises(ValueError, match="missing w4"):
        network_graph(p)


def test_network_loss_wants_ten_parameters():
    with pytest.raises(ValueError, match="needs 10 numbers"):
        network_loss(walkthrough.starting_network(), [0.1, 0.2])


def test_routing_example_is_tanh_of_x_y_plus_max():
    assert routing_example(1.0, -0.5, 0.3).data == pytest.approx(np.tanh(-0.5 + 0.3))


def test_the_neuron_graph_grows_linearly_with_its_inputs():
    from course_utils.autodiff import operation_counts

    small, large = operation_counts(neuron_graph(10)), operation_counts(neuron_graph(100))
    assert large.forward - small.forward == 2 * 90  # one multiply and one add per extra input


@pytest.mark.parametrize("n, error, words", [
    (0, ValueError, "n_inputs must be at least 1"),
    (2.5, TypeError, "n_inputs must be a whole number"),
    (True, TypeError, "n_inputs must be a whole number"),
])
def test_the_neuron_graph_needs_a_whole_number_of_inputs(n, error, words):
    with pytest.raises(error, match=words):
        neuron_graph(n)


@pytest.mark.parametrize("name, op, inputs, rule", LOCAL_RULES, ids=[rule[0] for rule in LOCAL_RULES])
def test_every_local_rule_matches_central_differences(name, op, inputs, rule):
    engine, numeric = local_slopes_both_ways(op, inputs)
    assert len(engine) == len(inputs)
    assert relative_error(engine, numeric) < 1e-7
