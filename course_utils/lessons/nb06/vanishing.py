"""Experiments on how gradients shrink or grow with depth, built on ``course_utils.mlp``.

Conventions (the course's notation): a batch X has shape (n_samples, n_in), a layer computes
Z = X Wᵀ + b, and "depth" counts weight layers, so a depth-L network has L matrices
W_1 … W_L and L − 1 hidden layers. Every experiment takes a seed and is deterministic.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_utils import activations
from course_utils.chains import activation_link, chain_derivative, chain_value
from course_utils.formatting import format_above, format_below
from course_utils.mlp import MLP
from course_utils.validation import (
    as_finite_array,
    check_interval,
    check_number,
    require_count,
    require_instance,
    require_positive,
)

#: The hidden-layer activations the lesson compares.
HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu")
#: The widest layers, deepest chains and largest batches the experiments build (a typo such as 10**400 is refused).
MAX_SIZE = 100_000


# --- the arithmetic: a chain of slopes --------------------------------------------

def largest_slope(activation, x_range: tuple[float, float] = (-10.0, 10.0), n_points: int = 20001) -> float:
    """The steepest slope an activation ever has, found on a fine grid that contains 0."""
    act = activations.get(activation)
    x_range = check_interval(x_range, "x_range", example="(-10.0, 10.0)")
    xs = np.linspace(*x_range, require_count(n_points, "n_points", minimum=2, maximum=10**8))
    return float(np.max(act.grad(xs)))


def slope_chain_bound(activation, depths) -> np.ndarray:
    """The largest possible product of n local slopes, (max f′)ⁿ, for each n in depths."""
    depths = as_finite_array(depths, "depths")
    if np.any(depths < 0):
        raise ValueError("depths count links, so they must be 0 or more, e.g. [1, 5, 10].")
    return largest_slope(activation) ** depths


def repeated_links(activation, n: int) -> list:
    """The chain f, f, …, f (n links) of one activation, for course_utils.chains."""
    return [activation_link(activation)] * require_count(n, "n", minimum=0, maximum=MAX_SIZE)


def compose(activation, n: int):
    """The function x ↦ f(f(…f(x)…)) with f applied n times: the simplest deep chain."""
    links = repeated_links(activation, n)
    return (lambda x: chain_value(links, x)) if links else (lambda x: x)


def chain_slope(activation, x: float, n: int) -> float:
    """d/dx of f applied n times, by the chain rule: the product of f′ at each value entering an f."""
    links = repeated_links(activation, n)
    x = check_number(x, "x", example="0.5")
    return float(chain_derivative(links, x)) if links else 1.0


# --- a toy data set ----------------------------------------------------------------

def two_moons(n_samples: int = 200, noise: float = 0.1, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved half-circles in the plane, centred at the origin: X of shape (n_samples, 2) and 0/1 labels."""
    n_samples = require_count(n_samples, "n_samples", minimum=2)
    noise = check_number(noise, "noise", low=0, example="0.1")
    rng = np.random.default_rng(require_count(seed, "seed", minimum=0))
    n_upper = n_samples // 2
    angles = np.pi * rng.random(n_samples)
    upper = np.column_stack([np.cos(angles[:n_upper]), np.sin(angles[:n_upper])])
    lower = np.column_stack([1.0 - np.cos(angles[n_upper:]), 0.5 - np.sin(angles[n_upper:])])
    X = np.vstack([upper, lower]) + noise * rng.standard_normal((n_samples, 2))
    labels = np.concatenate([np.zeros(n_upper), np.ones(n_samples - n_upper)])
    return X - X.mean(axis=0), labels


# --- networks and their gradients ----------------------------------------------------

def deep_network(depth: int, width: int, activation="sigmoid", init: str = "xavier", init_scale: float = 1.0,
                 seed: int = 0, n_in: int | None = None, n_out: int | None = None) -> MLP:
    """An MLP with ``depth`` weight layers of ``width`` units, its initial weights multiplied by init_scale."""
    depth = require_count(depth, "depth", maximum=MAX_SIZE)
    width = require_count(width, "width", maximum=MAX_SIZE)
    init_scale = require_positive(init_scale, "init_scale")
    n_in = width if n_in is None else require_count(n_in, "n_in")
    n_out = width if n_out is None else require_count(n_out, "n_out")
    net = MLP([n_in] + [width] * (depth - 1) + [n_out], activation=activation, init=init, seed=seed)
    net.weights = [init_scale * W for W in net.weights]
    return net


def probe_batch(width: int, n_samples: int = 32, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Standard-normal inputs and targets of shape (n_samples, width): a neutral batch to measure gradients on."""
    width = require_count(width, "width", maximum=MAX_SIZE)
    n_samples = require_count(n_samples, "n_samples", maximum=MAX_SIZE)
    rng = np.random.default_rng(require_count(seed, "seed", minimum=0) + 10_000)
    return rng.standard_normal((n_samples, width)), rng.standard_normal((n_samples, width))


def layer_gradient_norms(net: MLP, X: np.ndarray, T: np.ndarray) -> np.ndarray:
    """‖∂L/∂W_l‖ (Frobenius) of the SSE loss for every layer l = 1 … L, in layer order."""
    _, dWs, _ = _network(net).loss_and_gradients(X, T, loss="sse")
    return np.array([np.linalg.norm(dW) for dW in dWs])


def layer_loss_pair(net: MLP, X: np.ndarray, T: np.ndarray, layer: int):
    """(SSE loss as a function of W_layer alone, its backprop gradient): the pair ``calculus.gradcheck`` compares."""
    layers = len(_network(net).weights)
    layer = check_number(layer, "layer", low=0, high=layers - 1, integer=True, example="0 (the first weight layer)")
    return weight_loss_pair(net.weights, lambda: net.loss_and_gradients(X, T, loss="sse"), layer)


def weight_loss_pair(weights, loss_and_gradients, layer: int):
    """(loss as a function of weights[layer] alone, its backprop gradient), the other layers held fixed.

    ``loss_and_gradients()`` returns (loss, dW list, ...) for the weights as they are; each call puts W in
    place for one evaluation and the original back afterwards, so the network is left as it was.
    """
    def with_layer(W):
        saved = weights[layer]
        weights[layer] = np.asarray(W, dtype=float)
        try:
            return loss_and_gradients()
        finally:
            weights[layer] = saved

    return (lambda W: with_layer(W)[0]), (lambda W: with_layer(W)[1][layer])


def gradient_norms_by_layer(depth: int, width: int = 16, activation="sigmoid", init: str = "xavier",
                            seed: int = 0, init_scale: float = 1.0, n_samples: int = 32) -> np.ndarray:
    """Per-layer gradient norms of a fresh square network on a random batch (first layer first).

    Exploding settings may overflow: their norms come back as inf or NaN, without warnings.
    """
    net = deep_network(depth, width, activation, init, init_scale, seed)
    X, T = probe_batch(width, n_samples, seed)
    with np.errstate(over="ignore", invalid="ignore"):
        return layer_gradient_norms(net, X, T)


# --- dead units ------------------------------------------------------------------

def dead_units_by_layer(net: MLP, X: np.ndarray) -> np.ndarray:
    """For each hidden layer, the share of its units whose pre-activation is ≤ 0 for every example in X.

    For ReLU (whose slope is 0 there, including at 0) such a unit passes no gradient on this
    data set. For leaky ReLU the same units are only "off": their slope is α, not 0.
    """
    hidden = _network(net).forward_trace(X).pre_activations[:-1]
    if not hidden:
        raise ValueError("the network has no hidden layer, so it has no hidden units to count.")
    return np.array([np.mean(np.all(Z <= 0, axis=0)) for Z in hidden])


def dead_unit_fraction(net: MLP, X: np.ndarray) -> float:
    """The share of all hidden units that are ≤ 0 for every example in X (see dead_units_by_layer)."""
    widths = np.array(_network(net).sizes[1:-1])
    return float(np.sum(dead_units_by_layer(net, X) * widths) / np.sum(widths))


def set_hidden_biases(net: MLP, value: float) -> MLP:
    """Set every hidden unit's bias to value (the output layer's bias is left alone); returns the network."""
    net, value = _network(net), check_number(value, "value", example="-1.0")
    net.biases = [np.full_like(b, value) for b in net.biases[:-1]] + [net.biases[-1]]
    return net


def silent_unit_fraction(dWs: list[np.ndarray]) -> float:
    """The share of hidden units whose incoming weights got exactly zero gradient: they cannot learn this step."""
    if not isinstance(dWs, list | tuple):
        raise TypeError(f"dWs must be the list of weight gradients, one per layer (from net.loss_and_gradients), "
                        f"got {type(dWs).__name__}.")
    dWs = [as_finite_array(dW, f"dWs[{i}]") for i, dW in enumerate(dWs)]
    if any(dW.ndim != 2 for dW in dWs):
        raise ValueError("each dW must be a matrix of shape (n_out, n_in), as net.loss_and_gradients returns.")
    hidden = dWs[:-1]
    if not hidden:
        raise ValueError("pass the gradients of a network with at least one hidden layer (two or more dW).")
    silent = sum(int(np.sum(np.all(dW == 0, axis=1))) for dW in hidden)
    return silent / sum(dW.shape[0] for dW in hidden)


def relative_change(W: np.ndarray, W_start: np.ndarray) -> float:
    """‖W − W_start‖ / ‖W_start‖: how far a weight matrix has moved, as a share of its starting size."""
    W, W_start = as_finite_array(W, "W"), as_finite_array(W_start, "W_start")
    if W.shape != W_start.shape:
        raise ValueError(f"W and W_start must be the same layer's weights, of one shape; got {W.shape} and "
                         f"{W_start.shape}.")
    start = np.linalg.norm(W_start)
    if start == 0:
        raise ValueError("W_start is all zeros, so a change relative to its size is undefined; "
                         "compare np.linalg.norm(W - W_start) instead.")
    return float(np.linalg.norm(W - W_start) / start)


def accuracy(net: MLP, X: np.ndarray, labels: np.ndarray) -> float:
    """The share of examples whose single output lands on the right side of ½.

    ``labels`` holds one 0/1 label per example, shape (n,) or a column (n, 1) as targets are written.
    """
    net = _network(net)
    if net.sizes[-1] != 1:
        raise ValueError(f"accuracy reads one output per example, but this network has n_out = {net.sizes[-1]}.")
    outputs = net.forward(X)[:, 0]
    labels = as_finite_array(labels, "labels")
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]  # the column T = labels[:, None]: compared entry by entry, not broadcast to n × n
    if labels.shape != outputs.shape:
        raise ValueError(f"labels must hold one label per example, shape ({outputs.size},) or ({outputs.size}, 1); "
                         f"got shape {labels.shape}.")
    return float(np.mean((outputs > 0.5) == (labels > 0.5)))


# --- training, recorded -------------------------------------------------------------

def layer_movement(weights, starting_weights) -> np.ndarray:
    """relative_change of every layer's W since the start, first layer first: which layers learned."""
    for what, arrays in (("weights", weights), ("starting_weights", starting_weights)):
        if not isinstance(arrays, Sequence) or isinstance(arrays, str):
            raise TypeError(f"{what} must be a list of weight matrices, one per layer (e.g. net.weights).")
    if len(weights) != len(starting_weights):
        raise ValueError("weights and starting_weights need one matrix per layer each, the same number of layers; "
                         "save the start with [W.copy() for W in net.weights].")
    return np.array([relative_change(W, W_start) for W, W_start in zip(weights, starting_weights)])


def train_recording(net: MLP, X: np.ndarray, T: np.ndarray, steps: int, lr: float,
                    progress: bool | None = None, label: str = "training") -> dict[str, np.ndarray]:
    """Full-batch gradient descent on the SSE loss (``MLP.train``), counting dead and silent units as it goes.

    Every array has length steps + 1; entry k describes the network after k steps: ``loss``,
    ``dead_fraction`` (dead_unit_fraction on X) and ``silent_fraction`` (silent_unit_fraction
    of the gradient at that point).
    """
    steps = require_count(steps, "steps", maximum=MAX_SIZE)
    net = _network(net)
    dead, silent = np.empty(steps + 1), np.empty(steps + 1)

    def after_step(step: int, loss: float, dWs: list, dbs: list) -> None:
        silent[step] = silent_unit_fraction(dWs)
        dead[step + 1] = dead_unit_fraction(net, X)

    dead[0] = dead_unit_fraction(net, X)
    losses = net.train(X, T, steps, lr, loss="sse", progress=progress, label=label, callback=after_step)
    silent[steps] = silent_unit_fraction(net.loss_and_gradients(X, T, loss="sse")[1])
    return {"loss": losses, "dead_fraction": dead, "silent_fraction": silent}


def _network(net) -> MLP:
    return require_instance(net, MLP, "net", "an MLP, e.g. deep_network(20, 16, 'relu', 'he')")


# --- several seeds, forward statistics, steady printing ----------------------------------

def norms_over_seeds(depth: int, width: int, activation, init: str, seeds, init_scale: float = 1.0,
                     n_samples: int = 32) -> np.ndarray:
    """gradient_norms_by_layer for each seed: shape (n_seeds, depth), one fresh network and batch per seed."""
    seeds = _seeds(seeds)
    return np.array([gradient_norms_by_layer(depth, width, activation, init, seed, init_scale, n_samples)
                     for seed in seeds])


def seed_summary(values) -> tuple[float, float, float]:
    """(min, median, max) of one number measured over several seeds."""
    values = as_finite_array(values, "values").ravel()
    if values.size == 0:
        raise ValueError("values is empty: pass one measurement per seed, e.g. [0.1, 0.3, 0.2].")
    return float(values.min()), float(np.median(values)), float(values.max())


def forward_statistics(net: MLP, X: np.ndarray) -> dict[str, np.ndarray]:
    """Per hidden layer: ``z_std``, the spread of all pre-activations, and ``spread``, how much the
    activations differ between examples (each unit's std across the batch, averaged over units).

    ``spread`` is what the layers above can tell the examples apart by: once it is tiny, every
    example looks the same to the rest of the network.
    """
    trace = _network(net).forward_trace(X)
    hidden_z, hidden_a = trace.pre_activations[:-1], trace.activations[1:-1]
    if not hidden_z:
        raise ValueError("the network has no hidden layer, so there are no hidden statistics to take.")
    return {"z_std": np.array([float(np.std(Z)) for Z in hidden_z]),
            "spread": np.array([float(np.mean(np.std(A, axis=0))) for A in hidden_a])}


def decision_margin(net: MLP, X: np.ndarray) -> float:
    """The smallest distance of an output from ½: print an accuracy only when this is far above round-off."""
    net = _network(net)
    if net.sizes[-1] != 1:
        raise ValueError(f"the margin reads one output per example, but this network has n_out = {net.sizes[-1]}.")
    return float(np.min(np.abs(net.forward(X)[:, 0] - 0.5)))


#: How far (relatively) a printed value must sit from a rounding boundary: CPUs differ by ~1e-12.
STEADY_MARGIN = 1e-9


def format_steady(value: float, spec: str) -> str:
    """format(value, spec), after making sure a relative wobble of STEADY_MARGIN cannot change the text.

    A training result is a sum of many float operations whose last digits differ between CPUs; a
    value sitting on a rounding boundary (0.12345 to four decimals) would print differently there.
    """
    value = check_number(value, "value", finite=False, example="0.125")
    low, high = (format(value * (1 + sign * STEADY_MARGIN), spec) for sign in (-1, 1))
    if low != high:
        raise AssertionError(f"{value!r} sits on a rounding boundary of {spec!r} ({low} vs {high}), so its printed "
                             "digits could differ on another CPU: print fewer digits or a bound.")
    return format(value, spec)


def _seeds(seeds) -> list[int]:
    if isinstance(seeds, int | np.integer) or not isinstance(seeds, Sequence | range | np.ndarray) or not len(seeds):
        raise TypeError(f"seeds must be a non-empty list of seeds, e.g. range(5); got {seeds!r}.")
    return [require_count(seed, "seed", minimum=0) for seed in seeds]


def pre_activation_stds(depth: int, width: int = 16, activation="sigmoid", init: str = "xavier", seed: int = 0,
                        init_scale: float = 1.0, n_samples: int = 32) -> np.ndarray:
    """The standard deviation of every hidden layer's pre-activations Z_l, on gradient_norms_by_layer's probe batch.

    The forward half of the story: the same network and batch whose gradient norms that function measures.
    """
    net = deep_network(depth, width, activation, init, init_scale, seed)
    X, _ = probe_batch(width, n_samples, seed)
    with np.errstate(over="ignore", invalid="ignore"):
        return np.array([float(np.std(Z)) for Z in net.forward_trace(X).pre_activations[:-1]])


def loss_text(value: float) -> str:
    """A training loss as the tables print it: four decimals at the mean predictor's level (0.1250), else two
    significant digits (0.013), the most that chaotic training runs keep the same on every CPU."""
    value = check_number(value, "value", low=0, example="0.125")
    return format_steady(value, ".4f" if value >= 0.1 else ".2g")


def power_of_ten_bound(values) -> str:
    """'below 1e−4' or 'above 1e−3': one bound, at least 10× away, that holds for every value given (e.g. one per seed).

    Training runs differ between CPUs by more than round-off (the differences grow step by step), so their small
    measurements print as bounds with a wide margin.
    """
    values = as_finite_array(values, "values").ravel()
    if values.size == 0 or np.any(values <= 0):
        raise ValueError("values must be positive measurements, one or more, e.g. [0.02, 0.05].")
    low, high = float(values.min()), float(values.max())
    if high < 1e-3:
        return format_below(high, 10.0 ** np.ceil(np.log10(high) + 1))
    return format_above(low, 10.0 ** np.floor(np.log10(low) - 1))


def two_level_split(net: MLP, X: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Split the outputs at their widest gap: a network stuck on 'two values only' shows two tight groups.

    Returns the size of the upper group, the share of class 1 in each group (the best constant output
    for that group under the SSE loss), the largest distance of an output from its group's share, and
    the SSE loss that predicting each group's share would give.
    """
    net = _network(net)
    labels = as_finite_array(labels, "labels").ravel()
    outputs = net.forward(X)[:, 0]
    if outputs.size != labels.size or outputs.size < 2:
        raise ValueError(f"need one label per example (at least two); got {labels.size} labels for "
                         f"{outputs.size} outputs.")
    ordered = np.sort(outputs)
    widest = int(np.argmax(np.diff(ordered)))
    upper = outputs > (ordered[widest] + ordered[widest + 1]) / 2
    shares = {group: float(np.mean(labels[mask])) for group, mask in (("upper", upper), ("lower", ~upper))}
    best = np.where(upper, shares["upper"], shares["lower"])
    return {"upper_size": float(np.sum(upper)), "upper_share": shares["upper"], "lower_share": shares["lower"],
            "largest_deviation": float(np.max(np.abs(outputs - best))),
            "split_loss": float(0.5 * np.mean((labels - best) ** 2))}


def median_per_layer_factor(table) -> float:
    """The geometric-mean factor per layer of the median over seeds, from the first layer to the last.

    ``table`` has one row per seed and one column per layer; measured over all layers, so no window is picked.
    """
    table = as_finite_array(table, "table")
    if table.ndim != 2 or table.shape[1] < 2 or np.any(table <= 0):
        raise ValueError(f"table needs one row per seed and at least two layers of positive values; got shape "
                         f"{table.shape}.")
    median = np.median(table, axis=0)
    return float((median[-1] / median[0]) ** (1 / (median.size - 1)))
