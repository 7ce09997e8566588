"""Notebook 06's remedies and seed statistics: backprop through skips and normalisation agrees with
central differences, clipping keeps the direction, Adam takes its textbook first step, and the
printing and plotting helpers do what the notebook relies on."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils.calculus import central_difference, numerical_gradient
from course_utils.lessons.nb06 import vanishing
from course_utils.lessons.nb06.figures import plot_gradient_norms, plot_loss_bands, plot_norm_heatmap
from course_utils.lessons.nb06.remedies import (
    FlowNetwork,
    _layer_norm,
    _layer_norm_backward,
    clip_by_global_norm,
    train_adam,
    train_sgd,
)


def test_a_plain_flow_network_is_the_lessons_deep_network():
    X, T = vanishing.probe_batch(8, seed=2)
    flow = FlowNetwork(6, 8, "tanh", "xavier", seed=2)
    mlp = vanishing.deep_network(6, 8, "tanh", "xavier", seed=2)
    np.testing.assert_allclose(flow.forward(X), mlp.forward(X), rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(flow.gradient_norms(X, T), vanishing.layer_gradient_norms(mlp, X, T), rtol=1e-12)


@pytest.mark.parametrize("residual, normalise", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_backprop_through_skips_and_normalisation_matches_central_differences(activation, residual, normalise):
    X, T = vanishing.probe_batch(4, n_samples=5, seed=1)
    net = FlowNetwork(4, 4, activation, "xavier", seed=1, residual=residual, normalise=normalise)
    net.biases = [b + 0.1 * np.arange(b.size) for b in net.biases]  # away from ReLU's kink at 0
    _, dWs, dbs = net.loss_and_gradients(X, T)
    for layer in range(4):
        loss_of_W, _ = net.layer_loss_pair(X, T, layer)
        numeric = numerical_gradient(loss_of_W, net.weights[layer].copy(), h=1e-6)
        np.testing.assert_allclose(dWs[layer], numeric, rtol=1e-5, atol=1e-8)

        def loss_of_b(b, layer=layer):
            saved = net.biases[layer]
            net.biases[layer] = b
            try:
                return net.loss_and_gradients(X, T)[0]
            finally:
                net.biases[layer] = saved
        numeric = numerical_gradient(loss_of_b, net.biases[layer].copy(), h=1e-6)
        np.testing.assert_allclose(dbs[layer], numeric, rtol=1e-5, atol=1e-8)


def test_layer_normalisation_gives_each_row_mean_0_and_variance_1_and_its_backward_is_the_vjp():
    rng = np.random.default_rng(0)
    U, dZ = rng.standard_normal((3, 6)) * 4 + 2, rng.standard_normal((3, 6))
    Z, S = _layer_norm(U)
    np.testing.assert_allclose(Z.mean(axis=1), 0, atol=1e-14)
    np.testing.assert_allclose(Z.var(axis=1), 1, rtol=1e-5)
    numeric = numerical_gradient(lambda V: float(np.sum(_layer_norm(V)[0] * dZ)), U.copy(), h=1e-6)
    np.testing.assert_allclose(_layer_norm_backward(dZ, Z, S), numeric, rtol=1e-6, atol=1e-9)


def test_a_residual_unit_passes_the_gradient_straight_through_its_skip():
    net = FlowNetwork(3, 2, "tanh", "xavier", seed=0, residual=True)
    net.weights = [np.zeros((2, 2)) for _ in range(3)]
    net.weights[-1] = np.eye(2)
    X, T = np.array([[0.5, -0.25]]), np.array([[0.0, 0.0]])
    _, dWs, _ = net.loss_and_gradients(X, T)  # zero branches: the output is the input, dL/dA = Y − T everywhere
    np.testing.assert_allclose(dWs[0], np.outer(X[0] * 1.0, X[0]))  # tanh′(0) = 1


def test_clipping_by_global_norm_keeps_the_direction_and_bounds_the_length():
    grads = [np.array([3.0, 0.0]), np.array([[0.0, 4.0]])]
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(5.0)
    np.testing.assert_allclose(clipped[0], [0.6, 0.0])
    np.testing.assert_allclose(clipped[1], [[0.0, 0.8]])
    short, _ = clip_by_global_norm(grads, 10.0)
    np.testing.assert_array_equal(short[0], grads[0])
    with pytest.raises(ValueError):
        clip_by_global_norm(grads, 0.0)


def test_adam_takes_a_first_step_of_lr_times_the_sign_of_the_gradient():
    X, labels = vanishing.two_moons(20, seed=0)
    T = labels[:, None]
    net = vanishing.deep_network(3, 4, "tanh", "xavier", seed=0, n_in=2, n_out=1)
    start = [W.copy() for W in net.weights]
    _, dWs, _ = net.loss_and_gradients(X, T)
    record = train_adam(net, X, T, 1, lr=1e-2)
    for W, W0, dW in zip(net.weights, start, dWs):  # m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps)
        np.testing.assert_allclose(W0 - W, 1e-2 * dW / (np.abs(dW) + 1e-8), rtol=1e-9, atol=1e-15)
    assert record["loss"].shape == (2,)


def test_gradient_descent_here_is_the_mlps_own_and_clipping_rescues_an_exploding_run():
    X, labels = vanishing.two_moons(100, seed=0)
    T = labels[:, None]
    ours = vanishing.deep_network(4, 8, "tanh", "xavier", seed=0, n_in=2, n_out=1)
    theirs = vanishing.deep_network(4, 8, "tanh", "xavier", seed=0, n_in=2, n_out=1)
    np.testing.assert_allclose(train_sgd(ours, X, T, 20, 0.1)["loss"], theirs.train(X, T, 20, 0.1), rtol=1e-12)
    wild = train_sgd(vanishing.deep_network(10, 16, "relu", "he", 1.5, seed=1, n_in=2, n_out=1), X, T, 50, 0.1)
    assert not np.all(np.isfinite(wild["loss"]))
    tame = train_sgd(vanishing.deep_network(10, 16, "relu", "he", 1.5, seed=1, n_in=2, n_out=1), X, T, 50, 0.1,
                     clip=1.0)
    assert np.all(np.isfinite(tame["loss"])) and tame["loss"][-1] < tame["loss"][0] / 100


def test_forward_statistics_report_each_hidden_layer():
    X, _ = vanishing.two_moons(50, seed=0)
    net = vanishing.deep_network(5, 6, "sigmoid", "xavier", seed=0, n_in=2, n_out=1)
    stats = vanishing.forward_statistics(net, X)
    trace = net.forward_trace(X)
    assert stats["z_std"].shape == stats["spread"].shape == (4,)
    assert stats["z_std"][0] == pytest.approx(np.std(trace.pre_activations[0]))
    assert stats["spread"][-1] == pytest.approx(np.mean(np.std(trace.activations[4], axis=0)))
    with pytest.raises(ValueError):
        vanishing.forward_statistics(vanishing.deep_network(1, 2, n_in=2, n_out=1), X)


def test_seed_helpers():
    norms = vanishing.norms_over_seeds(5, 4, "tanh", "xavier", range(3))
    assert norms.shape == (3, 5)
    np.testing.assert_array_equal(norms[2], vanishing.gradient_norms_by_layer(5, 4, "tanh", "xavier", seed=2))
    assert vanishing.seed_summary([3.0, 1.0, 2.0]) == (1.0, 2.0, 3.0)
    with pytest.raises(TypeError):
        vanishing.norms_over_seeds(5, 4, "tanh", "xavier", 3)


def test_steady_formatting_refuses_a_value_on_a_rounding_boundary():
    assert vanishing.format_steady(0.125, ".4f") == "0.1250"
    assert vanishing.format_steady(2.5e-3, ".1e") == "2.5e-03"
    with pytest.raises(AssertionError, match="rounding boundary"):
        vanishing.format_steady(0.125, ".2f")


def test_the_decision_margin_is_the_closest_output_to_one_half():
    net = vanishing.deep_network(2, 3, "tanh", "xavier", seed=0, n_in=2, n_out=1)
    X = np.array([[0.1, 0.2], [1.0, -1.0]])
    assert vanishing.decision_margin(net, X) == pytest.approx(np.min(np.abs(net.forward(X)[:, 0] - 0.5)))


def test_every_gradient_norm_line_differs_in_style_and_marker_as_well_as_colour():
    ax = Figure().add_subplot()
    lines = {name: np.array([1.0, 2.0, 3.0]) for name in "abcd"}
    plot_gradient_norms(ax, lines, "t", bands={"a": (np.ones(3) * 0.5, np.ones(3) * 4)})
    looks = [(line.get_linestyle(), line.get_marker()) for line in ax.lines]
    assert len(set(looks)) == 4 and len({line.get_color() for line in ax.lines}) == 4
    assert len(ax.collections) == 1  # the band
    with pytest.raises(ValueError):
        plot_gradient_norms(ax, lines, "t", bands={"z": (np.ones(3), np.ones(3))})


def test_a_heatmap_limit_clips_the_colour_scale():
    ax = Figure().add_subplot()
    image = plot_norm_heatmap(ax, np.array([[1e-40, 1e-3], [1.0, 1e8]]), ["a", "b"], "h", limit=15)
    assert image.get_clim() == (-15.0, 15.0)
    with pytest.raises(ValueError):
        plot_norm_heatmap(ax, np.array([[1.0]]), ["a"], "h", limit=0)


def test_loss_bands_draw_the_median_and_the_range():
    ax = Figure().add_subplot()
    runs = {"a": np.array([[1.0, 0.5, 0.2], [1.0, 0.3, 0.1], [1.0, 0.4, 0.3]])}
    plot_loss_bands(ax, runs, "loss", baseline=0.125)
    median = [line for line in ax.lines if line.get_label().startswith("a (median")][0]
    np.testing.assert_allclose(median.get_ydata(), [1.0, 0.4, 0.2])
    assert ax.get_yscale() == "log"


def test_central_difference_is_importable_for_the_notebooks_gradient_check():
    assert central_difference(lambda x: x * x, 3.0) == pytest.approx(6.0)


def test_pre_activation_stds_follow_the_variance_recursion_for_relu():
    # He keeps Var(z) level in expectation; Xavier (square) halves it per layer: std × √½.
    he = np.median([vanishing.pre_activation_stds(30, 64, "relu", "he", seed=s) for s in range(5)], axis=0)
    xavier = np.median([vanishing.pre_activation_stds(30, 64, "relu", "xavier", seed=s) for s in range(5)], axis=0)
    assert 0.2 < he[-1] / he[0] < 5
    per_layer = (xavier[-1] / xavier[0]) ** (1 / 28)
    assert abs(per_layer - np.sqrt(0.5)) < 0.05


def test_the_layer_loss_pair_feeds_gradcheck_and_restores_the_weights():
    from course_utils.calculus import gradcheck

    X, T = vanishing.probe_batch(4, n_samples=5, seed=3)
    net = FlowNetwork(4, 4, "sigmoid", "xavier", seed=3, residual=True, normalise=True)
    before = net.weights[1].copy()
    loss_of, grad_of = net.layer_loss_pair(X, T, 1)
    assert gradcheck(loss_of, grad_of, net.weights[1], h=1e-5, tol=1e-6).passed
    np.testing.assert_array_equal(net.weights[1], before)


def test_losses_print_with_the_digits_that_survive_other_cpus():
    assert vanishing.loss_text(0.12499999719) == "0.1250"
    assert vanishing.loss_text(0.012854) == "0.013"
    assert vanishing.loss_text(0.0017173) == "0.0017"


def test_power_of_ten_bounds_hold_for_every_value_with_a_wide_margin():
    assert vanishing.power_of_ten_bound([4.9e-6, 9.8e-6]) == "below 1e\u22124"
    assert vanishing.power_of_ten_bound([0.013, 0.06]) == "above 1e\u22123"
    assert vanishing.power_of_ten_bound([0.125, 0.95]) == "above 1e\u22122"
    with pytest.raises(ValueError):
        vanishing.power_of_ten_bound([0.0, 1.0])


def test_seed_bands_draw_the_median_line_over_a_min_to_max_band():
    from course_utils.lessons.nb06.figures import plot_seed_bands

    ax = Figure().add_subplot()
    plot_seed_bands(ax, {"a": np.array([[1.0, 2.0], [3.0, 8.0], [2.0, 4.0]])}, "t", ylabel="y")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [2.0, 4.0])
    assert len(ax.collections) == 1 and ax.get_ylabel() == "y"
