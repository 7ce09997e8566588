"""course_utils.mlp: backprop gradients match finite differences, and misuse gets a clear message."""
from __future__ import annotations

import io
import math

import numpy as np
import pytest

from course_utils import activations, mlp
from course_utils.calculus import gradcheck, numerical_gradient
from course_utils.mlp import MLP
from course_utils.progress import TextProgress

# (output activation, loss) pairs the network supports; cross_entropy needs a softmax output.
OUTPUT_AND_LOSS = [
    (None, "sse"), (None, "mse"), ("sigmoid", "sse"), ("tanh", "mse"),
    ("softmax", "sse"), ("softmax", "mse"), ("softmax", "cross_entropy"),
]
KINKED = {"relu", "leaky_relu"}  # not differentiable at 0: keep every pre-activation away from it


# --- gradient checks ------------------------------------------------------------------

def _flat(arrays) -> np.ndarray:
    return np.concatenate([np.ravel(a) for a in arrays])


def _set_flat(net: MLP, theta: np.ndarray) -> None:
    """Put a flat parameter vector back into the network: weights first, then biases."""
    arrays, start = [], 0
    for shape in [W.shape for W in net.weights] + [b.shape for b in net.biases]:
        size = math.prod(shape)
        arrays.append(theta[start:start + size].reshape(shape))
        start += size
    n_layers = len(net.weights)
    net.weights, net.biases = arrays[:n_layers], arrays[n_layers:]


def _loss_and_gradient_of_parameters(net: MLP, X, T, loss: str):
    """The pair gradcheck compares: the loss and its backprop gradient, both as functions of all parameters."""
    def loss_of(theta):
        _set_flat(net, theta)
        return net.loss(X, T, loss)

    def gradient_of(theta):
        _set_flat(net, theta)
        _, dWs, dbs = net.loss_and_gradients(X, T, loss)
        return _flat(dWs + dbs)

    return loss_of, gradient_of


def _random_problem(rng: np.random.Generator, activation: str, output_activation, loss: str):
    """A network of random depth and widths, random biases, and a batch that fits it."""
    depth = int(rng.integers(1, 5))
    sizes = [int(n) for n in rng.integers(1, 6, size=depth + 1)]
    if output_activation == "softmax":
        sizes[-1] = max(sizes[-1], 2)
    net = MLP(sizes, activation=activation, output_activation=output_activation, seed=int(rng.integers(1000)))
    net.biases = [0.5 * rng.standard_normal(b.shape) for b in net.biases]
    X = rng.standard_normal((int(rng.integers(1, 7)), sizes[0]))
    if loss == "cross_entropy":
        T = rng.dirichlet(np.ones(sizes[-1]), size=len(X))
    else:
        T = rng.standard_normal((len(X), sizes[-1]))
    return net, X, T


def _resolvable(net: MLP, X, T, loss: str, activation: str) -> bool:
    """Whether central differences in float64 can judge this problem to 1e-6 at all.

    A step h = 1e-5 moves each pre-activation by about 1e-5, so a ReLU-like unit closer than
    1e-3 to its kink could switch sides. And the differences carry round-off of about
    1e-16·L/h; an entry of the (numerical) gradient below 1e-4·L cannot be measured to 1e-6.
    """
    trace = net.forward_trace(X)
    if activation in KINKED and any(np.min(np.abs(Z)) < 1e-3 for Z in trace.pre_activations[:-1]):
        return False
    loss_of, _ = _loss_and_gradient_of_parameters(net, X, T, loss)
    theta = _flat(list(net.weights) + list(net.biases))
    numeric = numerical_gradient(loss_of, theta, 1e-5)
    _set_flat(net, theta)
    scale = max(abs(net.loss(X, T, loss)), 1e-3)
    return bool(np.all((numeric == 0) | (np.abs(numeric) > 1e-4 * scale)))


def _checked_problem(seed: int, activation: str, output_activation, loss: str):
    """The first resolvable random problem for this seed (and a failure if twenty draws find none)."""
    rng = np.random.default_rng(seed)
    for _ in range(20):
        net, X, T = _random_problem(rng, activation, output_activation, loss)
        if _resolvable(net, X, T, loss, activation):
            return net, X, T
    pytest.fail(f"no resolvable problem for {activation}, seed {seed}")


@pytest.mark.parametrize("activation", sorted(activations.ACTIVATIONS))
@pytest.mark.parametrize("seed", range(8))
def test_backprop_matches_central_differences_for_random_shapes_and_every_activation(activation, seed):
    output_activation, loss = OUTPUT_AND_LOSS[seed % len(OUTPUT_AND_LOSS)]
    net, X, T = _checked_problem(seed, activation, output_activation, loss)
    loss_of, gradient_of = _loss_and_gradient_of_parameters(net, X, T, loss)
    result = gradcheck(loss_of, gradient_of, _flat(list(net.weights) + list(net.biases)), h=1e-5, tol=1e-6)
    assert result.passed, f"{activation}, sizes {list(net.sizes)}: relative error {result.max_relative_error:.2e}"


@pytest.mark.parametrize("output_activation, loss", OUTPUT_AND_LOSS)
@pytest.mark.parametrize("seed", range(3))
def test_backprop_matches_central_differences_for_every_output_and_loss(output_activation, loss, seed):
    net, X, T = _checked_problem(100 + seed, "tanh", output_activation, loss)
    loss_of, gradient_of = _loss_and_gradient_of_parameters(net, X, T, loss)
    result = gradcheck(loss_of, gradient_of, _flat(list(net.weights) + list(net.biases)), h=1e-5, tol=1e-6)
    assert result.passed, f"{output_activation}/{loss}: relative error {result.max_relative_error:.2e}"


def test_a_parametrized_activation_object_is_used_as_given():
    leaky = activations.get("leaky_relu", alpha=0.2)
    net = MLP([1, 1, 1], activation=leaky, init="normal")
    net.weights = [np.array([[1.0]]), np.array([[1.0]])]
    assert net.forward(np.array([[-2.0]]))[0, 0] == pytest.approx(-0.4)


# --- the forward pass and the losses ------------------------------------------------------

def test_one_linear_layer_computes_x_w_transpose_plus_b():
    net = MLP([3, 2], activation="relu")
    W = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]])
    net.weights, net.biases = [W], [np.array([0.1, -0.2])]
    X = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
    np.testing.assert_allclose(net.forward(X), X @ W.T + np.array([0.1, -0.2]))


def test_forward_trace_keeps_every_layer_in_order():
    net = MLP([2, 3, 4, 1], activation="tanh", output_activation="sigmoid", seed=1)
    X = np.array([[0.5, -1.0]])
    trace = net.forward_trace(X)
    assert [Z.shape for Z in trace.pre_activations] == [(1, 3), (1, 4), (1, 1)]
    np.testing.assert_array_equal(trace.activations[0], X)
    np.testing.assert_allclose(trace.activations[1], np.tanh(trace.pre_activations[0]))
    np.testing.assert_allclose(trace.activations[-1], 1 / (1 + np.exp(-trace.pre_activations[-1])))


def _identity_net(n: int) -> MLP:
    net = MLP([n, n], activation="linear")
    net.weights = [np.eye(n)]
    return net


def test_sse_is_half_the_squared_error_summed_over_outputs_and_averaged_over_samples():
    Y = np.array([[1.0, 2.0], [0.0, -1.0]])
    T = np.array([[0.0, 0.0], [0.0, 1.0]])
    assert _identity_net(2).loss(Y, T, "sse") == pytest.approx((0.5 * (1 + 4) + 0.5 * 4) / 2)


def test_mse_is_the_mean_squared_error_over_every_entry():
    Y = np.array([[1.0, 2.0], [0.0, -1.0]])
    T = np.zeros((2, 2))
    assert _identity_net(2).loss(Y, T, "mse") == pytest.approx((1 + 4 + 0 + 1) / 4)


def test_cross_entropy_is_minus_the_mean_log_probability_of_the_target():
    net = MLP([3, 3], activation="linear", output_activation="softmax")
    net.weights = [np.eye(3)]
    Z = np.array([[1.0, 2.0, 0.5], [0.0, 0.0, 3.0]])
    T = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    probabilities = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    expected = -(np.log(probabilities[0, 1]) + np.log(probabilities[1, 0])) / 2
    assert net.loss(Z, T, "cross_entropy") == pytest.approx(expected)
    np.testing.assert_allclose(net.forward(Z).sum(axis=1), 1.0)


def test_cross_entropy_stays_finite_when_a_probability_underflows():
    net = MLP([2, 2], activation="linear", output_activation="softmax")
    net.weights = [np.eye(2)]
    loss = net.loss(np.array([[0.0, 800.0]]), np.array([[1.0, 0.0]]), "cross_entropy")
    assert loss == pytest.approx(800.0)


# --- initialization ----------------------------------------------------------------------

@pytest.mark.parametrize("init, expected_std", [
    ("normal", 1.0), ("xavier", math.sqrt(2 / (300 + 200))), ("he", math.sqrt(2 / 300)),
])
def test_each_init_draws_weights_with_its_standard_deviation_and_zero_biases(init, expected_std):
    net = MLP([300, 200], init=init, seed=0)
    assert net.weights[0].std() == pytest.approx(expected_std, rel=0.02)
    assert abs(net.weights[0].mean()) < 0.01 * expected_std * 10
    assert mlp.init_std(init, 300, 200) == pytest.approx(expected_std)
    np.testing.assert_array_equal(net.biases[0], np.zeros(200))


def test_the_same_seed_gives_the_same_network_and_another_seed_another():
    a, b, c = MLP([4, 5, 3], seed=7), MLP([4, 5, 3], seed=7), MLP([4, 5, 3], seed=8)
    for Wa, Wb, Wc in zip(a.weights, b.weights, c.weights):
        np.testing.assert_array_equal(Wa, Wb)
        assert not np.allclose(Wa, Wc)


# --- assigning parameters ----------------------------------------------------------------------

def test_weights_and_biases_can_be_assigned_whole_or_one_layer_at_a_time():
    net = MLP([2, 3, 1])
    net.weights = [np.ones((3, 2)), np.ones((1, 3))]
    net.weights[1] = [[1.0, 2.0, 3.0]]
    net.biases[0] = [0.1, 0.2, 0.3]
    np.testing.assert_array_equal(net.weights[1], [[1.0, 2.0, 3.0]])
    assert net.forward(np.zeros((1, 2)))[0, 0] == pytest.approx(1 / (1 + np.exp(-0.1)) + 2 / (1 + np.exp(-0.2))
                                                                  + 3 / (1 + np.exp(-0.3)))


def test_assigned_arrays_are_copied_so_later_changes_to_them_do_not_leak_in():
    net = MLP([2, 2])
    W = np.eye(2)
    net.weights = [W]
    W[0, 0] = 99.0
    assert net.weights[0][0, 0] == 1.0


@pytest.mark.parametrize("assign, error, words", [
    (lambda net: setattr(net, "weights", [np.ones((3, 2))]), ValueError, "one array per layer: 2"),
    (lambda net: setattr(net, "weights", np.ones((3, 2))), TypeError, "a list with one array per layer"),
    (lambda net: setattr(net, "weights", [np.ones((3, 3)), np.ones((1, 3))]), ValueError,
     r"weights\[0\] must have shape \(n_out, n_in\) = \(3, 2\)"),
    (lambda net: net.weights.__setitem__(0, np.ones((2, 3))), ValueError, "It looks transposed"),
    (lambda net: net.weights.__setitem__(1, [[1.0, np.nan, 0.0]]), ValueError, r"weights\[1\] contains inf or NaN"),
    (lambda net: net.biases.__setitem__(0, np.ones(2)), ValueError, r"biases\[0\] must have shape \(3,\)"),
    (lambda net: setattr(net, "biases", [np.ones(3)]), ValueError, "one array per layer: 2"),
    (lambda net: net.weights.__setitem__(slice(0, 1), [np.ones((3, 2))]), TypeError, "one layer at a time"),
    (lambda net: net.weights.append(np.ones((1, 1))), TypeError, "number of layers is fixed"),
    (lambda net: net.biases.__delitem__(0), TypeError, "number of layers is fixed"),
    (lambda net: net.weights.__setitem__(2, np.ones((1, 3))), IndexError, "has 2 layers, indices 0 to 1; got index 2"),
])
def test_a_misshapen_assignment_is_refused_with_a_clear_message(assign, error, words):
    net = MLP([2, 3, 1])
    with pytest.raises(error, match=words):
        assign(net)


# --- clear errors ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, error, words", [
    ({"sizes": [3]}, ValueError, "at least two numbers"),
    ({"sizes": "2-2"}, ValueError, "at least two numbers"),
    ({"sizes": [2, 0, 1]}, ValueError, r"sizes\[1\] must be at least 1"),
    ({"sizes": [2, 1.5]}, TypeError, r"sizes\[1\] must be a whole number"),
    ({"init": "glorot"}, ValueError, "unknown init 'glorot'. Choose one of: normal, xavier, he"),
    ({"activation": "swish"}, ValueError, "unknown activation 'swish'"),
    ({"output_activation": "softargmax"}, ValueError, "unknown activation 'softargmax'"),
    ({"seed": -1}, ValueError, "seed must be at least 0"),
])
def test_a_bad_network_description_is_refused_with_a_clear_message(kwargs, error, words):
    args = {"sizes": [2, 2], **kwargs}
    with pytest.raises(error, match=words):
        MLP(**args)


@pytest.mark.parametrize("X, T, loss, error, words", [
    (np.ones(2), np.ones((1, 1)), "sse", ValueError, r"X must be 2-D.*np.atleast_2d"),
    (np.ones((4, 3)), np.ones((4, 1)), "sse", ValueError, "X has 3 columns but the network takes n_in = 2"),
    (np.ones((4, 2)), np.ones((3, 1)), "sse", ValueError, "T has 3 rows but X has 4"),
    (np.ones((4, 2)), np.ones((4, 2)), "sse", ValueError, "T has 2 columns but the network has n_out = 1"),
    (np.ones((4, 2)), np.ones(4), "sse", ValueError, r"T must be 2-D.*t\[:, None\]"),
    (np.array([[1.0, np.inf]]), np.ones((1, 1)), "sse", ValueError, "X contains inf or NaN"),
    (np.ones((1, 2)), np.array([[np.nan]]), "sse", ValueError, "T contains inf or NaN"),
    (np.ones((1, 2)), np.ones((1, 1)), "mae", ValueError, "unknown loss 'mae'. Choose one of: sse, mse, cross_entropy"),
    (np.ones((1, 2)), np.ones((1, 1)), "cross_entropy", ValueError, "output_activation='softmax'"),
    ([["a", "b"]], np.ones((1, 1)), "sse", TypeError, "X must be a number or a numeric array"),
])
def test_mismatched_or_bad_data_is_refused_with_a_clear_message(X, T, loss, error, words):
    net = MLP([2, 3, 1])
    with pytest.raises(error, match=words):
        net.loss_and_gradients(X, T, loss)


def test_cross_entropy_targets_must_be_probability_rows():
    net = MLP([2, 3], output_activation="softmax")
    with pytest.raises(ValueError, match="probability distribution"):
        net.loss(np.ones((1, 2)), np.array([[1.0, 1.0, 0.0]]), "cross_entropy")


def test_forward_refuses_data_of_the_wrong_width():
    with pytest.raises(ValueError, match="X has 1 columns"):
        MLP([2, 1]).forward(np.ones((5, 1)))


# --- Mazur's worked example: weights set by hand, biases frozen ----------------------------------

def _mazur_network() -> MLP:
    net = MLP([2, 2, 2], activation="sigmoid", output_activation="sigmoid")
    net.weights = [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])]
    net.biases = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]
    return net


MAZUR_X, MAZUR_T = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])


def test_mazur_forward_pass_and_error_match_his_printed_digits():
    net = _mazur_network()
    trace = net.forward_trace(MAZUR_X)
    np.testing.assert_allclose(trace.activations[1], [[0.593269992, 0.596884378]], atol=1e-9)
    np.testing.assert_allclose(trace.activations[2], [[0.75136507, 0.772928465]], atol=1e-8)
    assert net.loss(MAZUR_X, MAZUR_T, "sse") == pytest.approx(0.298371109, abs=1e-9)


def test_one_step_with_frozen_biases_reproduces_mazurs_updated_weights():
    net = _mazur_network()
    losses = net.train(MAZUR_X, MAZUR_T, steps=1, lr=0.5, update_biases=False, progress=False)
    np.testing.assert_allclose(net.weights[1], [[0.35891648, 0.408666186], [0.511301270, 0.561370121]], atol=1e-8)
    np.testing.assert_allclose(net.weights[0], [[0.149780716, 0.19956143], [0.24975114, 0.29950229]], atol=1e-8)
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])
    np.testing.assert_array_equal(net.biases[1], [0.60, 0.60])
    assert losses[0] == pytest.approx(0.298371109, abs=1e-9)


def test_training_with_biases_moves_them():
    net = _mazur_network()
    net.train(MAZUR_X, MAZUR_T, steps=1, lr=0.5, progress=False)
    assert not np.allclose(net.biases[1], [0.60, 0.60])


# --- training ----------------------------------------------------------------------------------

def _xor():
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return X, np.array([[0.0], [1.0], [1.0], [0.0]])


def test_train_returns_the_loss_before_and_after_every_step_and_learns_xor():
    X, T = _xor()
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", seed=0)
    losses = net.train(X, T, steps=2000, lr=2.0, progress=False)
    assert losses.shape == (2001,)
    assert losses[0] == pytest.approx(MLP([2, 4, 1], activation="tanh", output_activation="sigmoid").loss(X, T))
    assert losses[-1] == pytest.approx(net.loss(X, T))
    np.testing.assert_array_equal(np.round(net.forward(X)), T)


def test_the_callback_sees_every_step_with_its_loss_and_gradients():
    X, T = _xor()
    net = MLP([2, 3, 1], seed=1)
    seen = []
    losses = net.train(X, T, steps=5, lr=0.1, progress=False,
                       callback=lambda step, loss, dWs, dbs: seen.append((step, loss, len(dWs), len(dbs))))
    assert seen == [(step, losses[step], 2, 2) for step in range(5)]


def test_the_progress_bar_prints_the_same_text_on_every_run(capsys):
    X, T = _xor()
    for _ in range(2):
        MLP([2, 3, 1], seed=1).train(X, T, steps=7, lr=0.1, progress=True, label="xor")
    first, second = capsys.readouterr().out.splitlines()
    assert first == second
    assert first.startswith("xor: 7 steps |" + "#" * 20 + "| loss ")
    assert "→" in first


def test_progress_none_shows_a_bar_only_for_long_runs(capsys):
    X, T = _xor()
    MLP([2, 1]).train(X, T, steps=10, lr=0.1)
    assert capsys.readouterr().out == ""
    MLP([2, 1]).train(X, T, steps=mlp.LONG_RUN_STEPS, lr=0.1)
    assert capsys.readouterr().out.startswith(f"training: {mlp.LONG_RUN_STEPS} steps |")


def test_progress_false_prints_nothing(capsys):
    X, T = _xor()
    MLP([2, 1]).train(X, T, steps=mlp.LONG_RUN_STEPS, lr=0.1, progress=False)
    assert capsys.readouterr().out == ""


def test_a_diverging_run_stops_with_a_clear_message_and_closes_its_bar(capsys):
    X, T = _xor()
    net = MLP([2, 8, 8, 1], activation="relu", init="normal", seed=0)
    net.weights = [100 * W for W in net.weights]
    with pytest.raises(ValueError, match="training diverged at step .*smaller learning rate"):
        net.train(100 * X, T, steps=50, lr=1e6, progress=True)
    assert capsys.readouterr().out.rstrip().endswith("| stopped")


@pytest.mark.parametrize("kwargs, error, words", [
    ({"steps": 0}, ValueError, "steps must be at least 1"),
    ({"steps": 2.5}, TypeError, "steps must be a whole number"),
    ({"lr": -0.1}, ValueError, "lr must be a finite number greater than 0"),
    ({"lr": "fast"}, TypeError, "lr must be a number"),
])
def test_train_refuses_bad_settings_with_a_clear_message(kwargs, error, words):
    X, T = _xor()
    args = {"steps": 3, "lr": 0.1, **kwargs}
    with pytest.raises(error, match=words):
        MLP([2, 1]).train(X, T, **args)


def test_the_repr_names_the_architecture():
    assert repr(MLP([2, 3, 1], activation="relu", output_activation="softmax", init="he")) == (
        "MLP(sizes=[2, 3, 1], activation='relu', output_activation='softmax', init='he')"
    )
    assert repr(MLP([2, 1], output_activation=activations.get("tanh"))) == (
        "MLP(sizes=[2, 1], activation='sigmoid', output_activation='tanh', init='xavier')"
    )


def test_an_overflow_inside_the_callback_is_reported_as_divergence():
    X, T = _xor()

    def overflowing(step, loss, dWs, dbs):
        np.exp(np.array([1000.0]))

    with pytest.raises(ValueError, match="training diverged at step 1"):
        MLP([2, 1]).train(X, T, steps=3, lr=0.1, progress=False, callback=overflowing)


# --- the text progress bar itself ------------------------------------------------------------

@pytest.mark.parametrize("total", [1, 3, 7, 20, 21, 1000])
def test_the_bar_always_ends_with_exactly_width_ticks(total):
    stream = io.StringIO()
    bar = TextProgress(total, "run", width=20, stream=stream)
    bar.start()
    for done in range(1, total + 1):
        bar.advance(done)
    bar.finish("ok")
    assert stream.getvalue() == f"run: {total} step{'' if total == 1 else 's'} |" + "#" * 20 + "| ok\n"


def test_a_bar_stopped_early_is_padded_to_its_full_width():
    stream = io.StringIO()
    bar = TextProgress(10, "run", width=10, stream=stream)
    bar.start()
    bar.advance(3)
    bar.finish("stopped")
    assert stream.getvalue() == "run: 10 steps |###       | stopped\n"


def test_the_progress_summary_keeps_four_significant_digits_of_a_tiny_loss(capsys):
    X, T = _xor()
    net = MLP([2, 1], activation="linear", seed=0)
    net.train(X, T * 0.0, steps=1000, lr=0.5, progress=True, label="to zero")
    summary = capsys.readouterr().out.split("| loss ")[1]
    start, end = summary.strip().split(" → ")
    assert float(end) > 0 and "e-" in end, "a small final loss must not print as 0.0000"


def test_init_and_loss_names_are_read_in_any_case():
    net = MLP([2, 3, 1], init="He")
    assert net.init == "he"
    loss, _, _ = net.loss_and_gradients(np.ones((1, 2)), np.ones((1, 1)), loss="MSE")
    assert np.isfinite(loss)
