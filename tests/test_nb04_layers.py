"""course_utils.lessons.nb04.layers: the four-equation backward pass on a batch agrees with the 2-2-2 walk-through,
with central differences on random shapes, and cross-entropy's output delta is a − t.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_utils import activations, walkthrough
from course_utils.calculus import central_difference
from course_utils.lessons.nb04 import layers

sigmoid = activations.get("sigmoid")


def test_a_batch_of_one_is_the_walkthrough():
    p = walkthrough.starting_network()
    weights, biases, X, T = layers.walkthrough_layers(p)
    E, dWs, dbs = layers.backward_layers(weights, biases, X, T)
    g = walkthrough.backward(p)
    assert E == pytest.approx(walkthrough.forward(p)["E_total"], rel=1e-14)
    np.testing.assert_allclose(dWs[0], [[g["dE/dw1"], g["dE/dw3"]], [g["dE/dw2"], g["dE/dw4"]]], rtol=1e-13)
    np.testing.assert_allclose(dWs[1], [[g["dE/dw5"], g["dE/dw7"]], [g["dE/dw6"], g["dE/dw8"]]], rtol=1e-13)
    assert dbs[0].sum() == pytest.approx(g["dE/dc1"], rel=1e-13)
    assert dbs[1].sum() == pytest.approx(g["dE/dc2"], rel=1e-13)


@pytest.mark.parametrize("loss", layers.LOSSES)
@pytest.mark.parametrize("sizes, n_samples", [([3, 5, 4, 2], 8), ([2, 3, 1], 5), ([4, 2, 6, 3, 2], 3), ([1, 1], 1)])
def test_random_shapes_agree_with_central_differences(sizes, n_samples, loss):
    weights, biases, X, T = layers.random_network(sizes, n_samples, seed=1)
    _, dWs, dbs = layers.backward_layers(weights, biases, X, T, loss)
    numeric_W, numeric_b = layers.numerical_layers(weights, biases, X, T, loss)
    assert [dW.shape for dW in dWs] == [W.shape for W in weights]
    assert [db.shape for db in dbs] == [b.shape for b in biases]
    assert layers.worst_scaled_error(dWs + dbs, numeric_W + numeric_b) < 1e-7


def test_the_batch_gradient_is_the_sum_of_the_per_example_gradients():
    weights, biases, X, T = layers.random_network([3, 4, 2], 6, seed=2)
    _, dWs, dbs = layers.backward_layers(weights, biases, X, T)
    singles = [layers.backward_layers(weights, biases, X[n:n + 1], T[n:n + 1]) for n in range(6)]
    for layer in range(2):
        np.testing.assert_allclose(dWs[layer], sum(s[1][layer] for s in singles), rtol=1e-12)
        np.testing.assert_allclose(dbs[layer], sum(s[2][layer] for s in singles), rtol=1e-12)


def test_cross_entropy_delta_is_a_minus_t_symbolically_and_numerically():
    assert layers.cross_entropy_delta_is_a_minus_t()
    for z, t in ((1.2, 0.99), (-0.7, 0.1), (0.0, 0.5)):
        numeric = central_difference(lambda v, t=t: layers.error(sigmoid.fn(v), t, "cross_entropy"), z)
        assert numeric == pytest.approx(sigmoid.fn(z) - t, rel=1e-8)


def test_an_unknown_loss_is_named():
    with pytest.raises(ValueError, match="loss must be one of sse, cross_entropy"):
        layers.error(np.array([0.5]), np.array([0.1]), "mse")
    with pytest.raises(ValueError, match="loss must be one of"):
        layers.output_delta(np.zeros(1), np.full(1, 0.5), np.zeros(1), "MSE")


def test_one_bias_per_output_makes_output_2_rise_from_the_first_step():
    p = walkthrough.starting_network()
    own = layers.train_layers(p, 0.5, 100)
    assert np.all(np.diff(own["z2a"]) > 0)
    _, shared = walkthrough.train(p, 0.5, 100)
    turn = layers.step_of_lowest(shared["z2a"])
    assert 5 < turn < 50 and shared["z2a"][turn] < shared["z2a"][0] - 0.04


def test_cross_entropy_trains_output_2_faster_than_squared_error():
    p = walkthrough.starting_network()
    squared = layers.train_layers(p, 0.5, 100)
    ce = layers.train_layers(p, 0.5, 100, loss="cross_entropy")
    assert ce["z2a"][100] > 0.98 > 0.93 > squared["z2a"][100]
    assert ce["E_total"][100] < squared["E_total"][100] / 100


def test_train_layers_starts_from_the_walkthrough_forward_pass():
    p = walkthrough.starting_network()
    run = layers.train_layers(p, 0.5, 0)
    f = walkthrough.forward(p)
    assert run["z1a"][0] == pytest.approx(f["z1a"]) and run["E_total"][0] == pytest.approx(f["E_total"])


def test_multiply_adds_count_the_matrix_products_of_backward_layers():
    cost = layers.multiply_adds([2, 2, 2], 1)
    assert cost == {"forward": 8, "backward": 12, "parameters": 12, "central differences": 192}
    for sizes in ([3, 5, 4, 2], [784, 100, 10], [1, 1]):
        cost = layers.multiply_adds(sizes, 7)
        assert cost["forward"] <= cost["backward"] <= 2 * cost["forward"]
