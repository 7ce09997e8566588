"""A tiny multilayer perceptron built from autodiff Values and trained on a toy 2-D dataset, micrograd-style.

The parameters are plain floats between steps. Each step makes a fresh leaf per parameter, builds the
loss graph from them, calls ``backward()`` and takes ``leaf.data − η·leaf.grad`` as the new floats:
a Value's ``data`` is read-only, so the graph is rebuilt every step.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from course_utils.autodiff import Value
from course_utils.validation import require_count

#: Layer sizes of the network: 2 inputs, 4 tanh hidden units, 1 tanh output.
SIZES = (2, 4, 1)


def xor_dataset(per_corner: int = 3, seed: int = 0) -> tuple[list[tuple[float, float]], list[float]]:
    """Points near the four corners (±1, ±1), target +1 where the two signs agree and −1 where they differ.

    No straight line separates the classes (XOR), so the network needs its hidden layer.
    """
    per_corner = require_count(per_corner, "per_corner", maximum=100)
    rng = np.random.default_rng(require_count(seed, "seed", minimum=0))
    points, targets = [], []
    for sx in (-1.0, 1.0):
        for sy in (-1.0, 1.0):
            for jitter in rng.uniform(-0.3, 0.3, size=(per_corner, 2)):
                points.append((sx + float(jitter[0]), sy + float(jitter[1])))
                targets.append(sx * sy)
    return points, targets


def parameter_count(sizes: Sequence[int] = SIZES) -> int:
    """Weights and biases of a fully connected network with these layer sizes."""
    return sum((n_in + 1) * n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def starting_parameters(sizes: Sequence[int] = SIZES, seed: int = 1) -> list[float]:
    """Weights uniform in ±1/√(n_in) and zero biases, as plain floats, layer by layer (W row by row, then b)."""
    rng = np.random.default_rng(require_count(seed, "seed", minimum=0))
    theta = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        theta += [float(w) for w in rng.uniform(-1, 1, size=n_out * n_in) / math.sqrt(n_in)]
        theta += [0.0] * n_out
    return theta


def mlp_output(theta: Sequence, point: Sequence[float], sizes: Sequence[int] = SIZES):
    """The network's output ŷ for one point; theta may hold Values (to differentiate) or floats' leaves."""
    if len(theta) != parameter_count(sizes):
        raise ValueError(f"theta needs {parameter_count(sizes)} parameters for layer sizes {tuple(sizes)}, "
                         f"got {len(theta)}.")
    activations, start = list(point), 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        weights, biases = theta[start:start + n_in * n_out], theta[start + n_in * n_out:start + (n_in + 1) * n_out]
        start += (n_in + 1) * n_out
        activations = [sum((weights[i * n_in + j] * activations[j] for j in range(n_in)), biases[i]).tanh()
                       for i in range(n_out)]
    return activations[0]


def mlp_loss(theta: Sequence, points, targets, sizes: Sequence[int] = SIZES):
    """Mean squared error ½·mean((ŷ − t)²) over the dataset, as one graph when theta holds Values."""
    total = sum(((mlp_output(theta, point, sizes) - t) ** 2 for point, t in zip(points, targets)), Value(0.0))
    return total * (0.5 / len(points))


def accuracy(theta: Sequence[float], points, targets, sizes: Sequence[int] = SIZES) -> float:
    """Fraction of points whose output has the sign of their target."""
    leaves = [Value(t) for t in theta]
    right = sum((mlp_output(leaves, point, sizes).data > 0) == (t > 0) for point, t in zip(points, targets))
    return right / len(points)


def train(theta: Sequence[float], points, targets, steps: int, lr: float) -> tuple[list[float], list[float]]:
    """Plain gradient descent with the engine: the final parameters and the loss before each step."""
    steps = require_count(steps, "steps", maximum=10_000)
    theta, losses = list(theta), []
    for _ in range(steps):
        leaves = [Value(t) for t in theta]
        loss = mlp_loss(leaves, points, targets)
        loss.backward()
        losses.append(loss.data)
        theta = [leaf.data - lr * leaf.grad for leaf in leaves]
    return theta, losses
