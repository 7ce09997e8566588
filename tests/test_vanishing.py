"""course_utils.lessons.nb06.vanishing: the experiments of notebook 06 measure what they claim to measure."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.calculus import central_difference, gradcheck
from course_utils.lessons.nb06 import vanishing
from course_utils.mlp import MLP

# --- chains of slopes ---------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [("sigmoid", 0.25), ("tanh", 1.0), ("relu", 1.0)])
def test_largest_slope_is_the_known_maximum(name, expected):
    assert vanishing.largest_slope(name) == pytest.approx(expected, rel=1e-12)


def test_sigmoid_chain_bound_is_a_quarter_to_the_n():
    depths = np.array([0, 1, 5, 50])
    np.testing.assert_allclose(vanishing.slope_chain_bound("sigmoid", depths), 0.25 ** depths, rtol=1e-12)


@pytest.mark.parametrize("name", ["sigmoid", "tanh"])
@pytest.mark.parametrize("x, n", [(0.0, 1), (0.7, 3), (-1.2, 5)])
def test_chain_slope_matches_central_differences_of_the_composed_function(name, x, n):
    by_rule = vanishing.chain_slope(name, x, n)
    by_differences = central_difference(vanishing.compose(name, n), x)
    assert by_rule == pytest.approx(by_differences, rel=1e-6)


def test_chain_slope_never_exceeds_the_sigmoid_bound():
    for n in range(1, 15):
        assert vanishing.chain_slope("sigmoid", 0.0, n) <= 0.25 ** n


def test_an_empty_chain_has_slope_one_and_is_the_identity():
    assert vanishing.chain_slope("sigmoid", 0.3, 0) == 1.0
    assert vanishing.compose("sigmoid", 0)(0.3) == 0.3


# --- the data set -------------------------------------------------------------------

def test_two_moons_has_the_requested_shape_and_balanced_labels():
    X, labels = vanishing.two_moons(n_samples=101, seed=0)
    assert X.shape == (101, 2)
    assert labels.shape == (101,)
    assert set(np.unique(labels)) == {0.0, 1.0}
    assert abs(int(labels.sum()) - 101 // 2) <= 1
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-12)


def test_two_moons_is_reproducible_by_seed_and_varies_across_seeds():
    X0, _ = vanishing.two_moons(seed=4)
    X1, _ = vanishing.two_moons(seed=4)
    X2, _ = vanishing.two_moons(seed=5)
    np.testing.assert_array_equal(X0, X1)
    assert not np.allclose(X0, X2)


def _fitted_circle(points: np.ndarray) -> tuple[np.ndarray, float]:
    """Centre and radius of the circle x² + y² + Dx + Ey + F = 0 through the points (least squares)."""
    A = np.column_stack([points, np.ones(len(points))])
    D, E, F = np.linalg.lstsq(A, -np.sum(points ** 2, axis=1), rcond=None)[0]
    centre = np.array([-D / 2, -E / 2])
    return centre, float(np.sqrt(centre @ centre - F))


def test_two_moons_without_noise_lies_on_two_unit_circles_offset_by_one_and_a_half():
    X, labels = vanishing.two_moons(n_samples=50, noise=0.0, seed=1)
    centre_upper, radius_upper = _fitted_circle(X[labels == 0])
    centre_lower, radius_lower = _fitted_circle(X[labels == 1])
    assert radius_upper == pytest.approx(1.0) and radius_lower == pytest.approx(1.0)
    np.testing.assert_allclose(centre_lower - centre_upper, [1.0, 0.5], atol=1e-9)
    assert np.all(X[labels == 0, 1] >= centre_upper[1] - 1e-12)  # the upper moon is the upper half-circle
    assert np.all(X[labels == 1, 1] <= centre_lower[1] + 1e-12)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"n_samples": 1}, ValueError, "n_samples must be at least 2"),
    ({"n_samples": 10.5}, TypeError, "n_samples must be a whole number"),
    ({"noise": -0.1}, ValueError, "noise must be a finite number of at least 0"),
])
def test_two_moons_rejects_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        vanishing.two_moons(**kwargs)


# --- networks and gradient norms -------------------------------------------------------

def test_deep_network_has_depth_weight_layers_of_the_right_shapes():
    net = vanishing.deep_network(depth=5, width=7, activation="tanh", n_in=2, n_out=1)
    assert [W.shape for W in net.weights] == [(7, 2), (7, 7), (7, 7), (7, 7), (1, 7)]
    assert [b.shape for b in net.biases] == [(7,), (7,), (7,), (7,), (1,)]


def test_init_scale_multiplies_every_initial_weight():
    base = vanishing.deep_network(4, 6, "relu", "he", seed=2)
    scaled = vanishing.deep_network(4, 6, "relu", "he", init_scale=3.0, seed=2)
    for W, W3 in zip(base.weights, scaled.weights):
        np.testing.assert_allclose(W3, 3.0 * W, rtol=1e-15)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"init": "glorot"}, ValueError, "Choose one of: normal, xavier, he"),
    ({"width": 0}, ValueError, "width must be at least 1"),
    ({"depth": 0}, ValueError, "at least 1"),
    ({"depth": 2.0}, TypeError, "whole number"),
    ({"init_scale": 0.0}, ValueError, "greater than 0"),
])
def test_deep_network_rejects_bad_arguments_with_a_clear_message(kwargs, error, words):
    args = {"depth": 3, "width": 4, **kwargs}
    with pytest.raises(error, match=words):
        vanishing.deep_network(**args)


def test_backprop_gradient_of_a_deep_layer_passes_a_gradient_check():
    net = vanishing.deep_network(5, 4, "sigmoid", "xavier", seed=3)
    X, T = vanishing.probe_batch(4, n_samples=5, seed=3)
    for layer in (0, 2, 4):
        loss_of_W, grad_of_W = vanishing.layer_loss_pair(net, X, T, layer)
        assert gradcheck(loss_of_W, grad_of_W, net.weights[layer], h=1e-4, tol=1e-6).passed


def test_layer_loss_pair_leaves_the_network_unchanged():
    net = vanishing.deep_network(3, 4, "tanh", seed=0)
    before = [W.copy() for W in net.weights]
    X, T = vanishing.probe_batch(4, seed=0)
    loss_of_W, grad_of_W = vanishing.layer_loss_pair(net, X, T, 1)
    loss_of_W(np.zeros((4, 4)))
    grad_of_W(np.ones((4, 4)))
    for W, W0 in zip(net.weights, before):
        np.testing.assert_array_equal(W, W0)


def test_gradient_norms_are_the_frobenius_norms_of_the_backprop_gradients():
    net = vanishing.deep_network(4, 5, "tanh", seed=1)
    X, T = vanishing.probe_batch(5, seed=1)
    _, dW, _ = net.loss_and_gradients(X, T, loss="sse")
    expected = [np.sqrt(np.sum(g ** 2)) for g in dW]
    np.testing.assert_allclose(vanishing.layer_gradient_norms(net, X, T), expected, rtol=1e-12)


def test_gradient_norms_by_layer_has_one_positive_norm_per_layer_and_is_reproducible():
    norms = vanishing.gradient_norms_by_layer(12, 8, "tanh", "xavier", seed=7)
    assert norms.shape == (12,)
    assert np.all(np.isfinite(norms)) and np.all(norms > 0)
    np.testing.assert_array_equal(norms, vanishing.gradient_norms_by_layer(12, 8, "tanh", "xavier", seed=7))


def test_deep_sigmoid_networks_starve_their_first_layer():
    norms = vanishing.gradient_norms_by_layer(30, 16, "sigmoid", "xavier", seed=0)
    assert norms[0] / norms[-1] < 0.25 ** 10


def test_relu_with_he_init_keeps_first_and_last_layer_within_a_factor_of_ten():
    norms = vanishing.gradient_norms_by_layer(30, 16, "relu", "he", seed=0)
    assert 0.1 < norms[0] / norms[-1] < 10


def test_a_too_large_init_makes_tanh_gradients_grow_towards_the_input():
    norms = vanishing.gradient_norms_by_layer(30, 16, "tanh", "xavier", seed=0, init_scale=4.0)
    assert norms[0] > 100 * norms[-1]


# --- dead units ---------------------------------------------------------------------

def _network_with_hidden_bias(activation: str, bias: float, depth: int = 3):
    net = vanishing.deep_network(depth, 8, activation, "he", seed=0, n_in=2, n_out=1)
    return vanishing.set_hidden_biases(net, bias)


def test_set_hidden_biases_sets_every_hidden_bias_and_leaves_the_output_bias():
    net = vanishing.deep_network(3, 4, "relu", n_in=2, n_out=1)
    net.biases[-1] = [0.7]
    vanishing.set_hidden_biases(net, -2.0)
    np.testing.assert_array_equal(net.biases[0], np.full(4, -2.0))
    np.testing.assert_array_equal(net.biases[1], np.full(4, -2.0))
    np.testing.assert_array_equal(net.biases[2], [0.7])


def test_dead_units_by_layer_counts_each_hidden_layer_and_the_total_weights_them_by_width():
    net = MLP([1, 2, 4, 1], activation="relu")
    net.weights[0] = [[1.0], [-1.0]]  # on inputs 1 and 2, unit 0 is positive and unit 1 negative
    net.weights[1] = np.zeros((4, 2))  # every pre-activation of layer 2 is exactly 0: dead (ReLU'(0) = 0)
    X = np.array([[1.0], [2.0]])
    np.testing.assert_allclose(vanishing.dead_units_by_layer(net, X), [0.5, 1.0])
    assert vanishing.dead_unit_fraction(net, X) == pytest.approx((1 + 4) / 6)


def test_a_huge_negative_bias_kills_every_unit_and_a_huge_positive_one_none():
    X, _ = vanishing.two_moons(40, seed=0)
    assert vanishing.dead_unit_fraction(_network_with_hidden_bias("relu", -100.0), X) == 1.0
    assert vanishing.dead_unit_fraction(_network_with_hidden_bias("relu", 100.0, depth=2), X) == 0.0


def test_dead_unit_fraction_counts_units_negative_on_every_example():
    net = vanishing.deep_network(2, 3, "relu", n_in=2, n_out=1)
    net.weights[0] = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 0.0]])
    net.biases[0] = np.array([0.0, -5.0, 0.0])
    X = np.array([[1.0, 0.0], [-1.0, 0.0]])
    # unit 0 is positive on the first example (alive); unit 1 is always negative; unit 2 is always exactly 0
    assert vanishing.dead_unit_fraction(net, X) == pytest.approx(2 / 3)


def test_silent_unit_fraction_counts_zero_rows_of_hidden_layers_only():
    dW = [
        np.array([[0.0, 0.0], [1.0, 0.0]]),
        np.array([[0.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 0.0]]),
        np.zeros((1, 3)),
    ]
    assert vanishing.silent_unit_fraction(dW) == pytest.approx(3 / 5)


def test_relative_change_is_zero_for_no_move_and_one_for_doubling():
    W = np.array([[1.0, -2.0], [3.0, 0.5]])
    assert vanishing.relative_change(W, W) == 0.0
    assert vanishing.relative_change(2 * W, W) == pytest.approx(1.0)


def test_accuracy_reads_the_single_output_against_one_half():
    net = vanishing.deep_network(1, 1, "relu", n_in=1, n_out=1)
    net.weights[0] = np.array([[1.0]])
    net.biases[0] = np.array([0.0])
    X = np.array([[0.0], [1.0], [2.0], [0.2]])
    assert vanishing.accuracy(net, X, np.array([0, 1, 1, 1])) == pytest.approx(0.75)


# --- training -----------------------------------------------------------------------

def test_train_recording_records_the_start_and_every_step():
    X, labels = vanishing.two_moons(60, seed=0)
    net = vanishing.deep_network(3, 8, "relu", "he", seed=1, n_in=2, n_out=1)
    history = vanishing.train_recording(net, X, labels[:, None], 25, 0.05, progress=False)
    assert set(history) == {"loss", "dead_fraction", "silent_fraction"}
    assert all(values.shape == (26,) for values in history.values())
    assert history["loss"][-1] < history["loss"][0]
    assert history["loss"][-1] == pytest.approx(net.loss(X, labels[:, None]))
    assert history["dead_fraction"][-1] == vanishing.dead_unit_fraction(net, X)


def test_train_recording_shows_a_progress_bar_when_asked(capsys):
    X, labels = vanishing.two_moons(30, seed=0)
    net = vanishing.deep_network(2, 4, "tanh", seed=0, n_in=2, n_out=1)
    vanishing.train_recording(net, X, labels[:, None], 5, 0.1, progress=True, label="tanh")
    assert capsys.readouterr().out.startswith("tanh: 5 steps |#")


def test_train_recording_stops_with_a_clear_message_when_training_diverges():
    X, labels = vanishing.two_moons(30, seed=0)
    net = vanishing.deep_network(4, 16, "relu", "he", init_scale=8.0, seed=0, n_in=2, n_out=1)
    with pytest.raises(ValueError, match="training diverged"):
        vanishing.train_recording(net, 100 * X, labels[:, None], 50, 1.0, progress=False)


def test_layer_movement_is_the_relative_change_of_every_layer():
    X, labels = vanishing.two_moons(30, seed=0)
    net = vanishing.deep_network(3, 4, "tanh", seed=0, n_in=2, n_out=1)
    starts = [W.copy() for W in net.weights]
    net.train(X, labels[:, None], 5, 0.1, progress=False)
    moved = vanishing.layer_movement(net.weights, starts)
    assert moved.shape == (3,)
    assert moved[0] == pytest.approx(np.linalg.norm(net.weights[0] - starts[0]) / np.linalg.norm(starts[0]))
    assert np.all(moved > 0)


def test_dead_relu_units_of_a_one_hidden_layer_network_never_come_back():
    X, labels = vanishing.two_moons(80, seed=0)
    net = _network_with_hidden_bias("relu", -1.0, depth=2)
    history = vanishing.train_recording(net, X, labels[:, None], 50, 0.2, progress=False)
    assert history["dead_fraction"][0] > 0
    np.testing.assert_array_equal(history["dead_fraction"], history["dead_fraction"][0])
    np.testing.assert_array_equal(history["silent_fraction"], history["dead_fraction"])


def test_leaky_relu_units_always_receive_a_gradient():
    X, labels = vanishing.two_moons(80, seed=0)
    net = _network_with_hidden_bias("leaky_relu", -1.0, depth=2)
    history = vanishing.train_recording(net, X, labels[:, None], 20, 0.2, progress=False)
    assert history["dead_fraction"][0] > 0
    assert np.all(history["silent_fraction"] == 0)


def test_dead_and_silent_fractions_need_a_hidden_layer():
    net = vanishing.deep_network(1, 3, "relu", n_in=2, n_out=1)
    with pytest.raises(ValueError, match="no hidden layer"):
        vanishing.dead_unit_fraction(net, np.ones((4, 2)))
    with pytest.raises(ValueError, match="at least one hidden layer"):
        vanishing.silent_unit_fraction([np.ones((1, 2))])


@pytest.mark.parametrize("kwargs, error, words", [
    ({"steps": 0}, ValueError, "steps must be at least 1"),
    ({"lr": -0.1}, ValueError, "lr must be a finite number greater than 0"),
    ({"lr": "big"}, TypeError, "lr must be a number"),
])
def test_train_recording_rejects_bad_arguments(kwargs, error, words):
    X, labels = vanishing.two_moons(10, seed=0)
    net = vanishing.deep_network(2, 3, "relu", n_in=2, n_out=1)
    args = {"steps": 5, "lr": 0.1, **kwargs}
    with pytest.raises(error, match=words):
        vanishing.train_recording(net, X, labels[:, None], **args)
