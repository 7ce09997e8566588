"""The right and the mistaken functions behind notebook 04's function exercises (4: δ¹, 9: a 2-3-1 backward pass).

Kept apart from ``exercises.nb04`` so that each file stays short; every function takes column vectors and
accepts anything numpy can turn into an array.
"""
from __future__ import annotations

import numpy as np

from course_utils import activations

sigmoid = activations.get("sigmoid")


def hidden_delta(W2, delta2, z_hidden):
    """δ¹ = (W²)ᵀ δ² ⊙ σ'(z¹)."""
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.grad(np.asarray(z_hidden))


def without_transpose(W2, delta2, z_hidden):
    """The slip W2 @ δ²: deltas sent back along the rows of W2 instead of its columns."""
    return (np.asarray(W2) @ np.asarray(delta2)) * sigmoid.grad(np.asarray(z_hidden))


def without_slope(W2, delta2, z_hidden):
    """The slip of forgetting the hidden units' own slope σ′(z¹)."""
    return np.asarray(W2).T @ np.asarray(delta2)


def slope_of_z_not_a(W2, delta2, z_hidden):
    """The slip z(1 − z): the slope formula applied to the pre-activation instead of σ(z)."""
    z = np.asarray(z_hidden)
    return (np.asarray(W2).T @ np.asarray(delta2)) * z * (1 - z)


def sigmoid_twice(W2, delta2, z_hidden):
    """The slip sigmoid.grad(sigmoid.fn(z)): the sigmoid applied twice."""
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.grad(sigmoid.fn(np.asarray(z_hidden)))


def value_not_slope(W2, delta2, z_hidden):
    """The slip σ(z) for σ′(z): the units' output used as their slope."""
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.fn(np.asarray(z_hidden))


def first_layer_gradient(W1, b1, W2, b2, x, t):
    """dE/dW1 of a sigmoid network with one hidden layer, E = ½ Σ (a2 − t)², column vectors."""
    z1 = np.asarray(W1) @ np.asarray(x) + np.asarray(b1)
    a1 = sigmoid.fn(z1)
    z2 = np.asarray(W2) @ a1 + np.asarray(b2)
    a2 = sigmoid.fn(z2)
    delta2 = (a2 - np.asarray(t)) * sigmoid.grad(z2)
    delta1 = (np.asarray(W2).T @ delta2) * sigmoid.grad(z1)
    return delta1 @ np.asarray(x).T


def pieces(W1, b1, W2, b2, x, t):
    """The forward values a mistake below reuses: z1, a1, z2, a2 and δ² (column vectors)."""
    z1 = np.asarray(W1) @ np.asarray(x) + np.asarray(b1)
    a1 = sigmoid.fn(z1)
    z2 = np.asarray(W2) @ a1 + np.asarray(b2)
    a2 = sigmoid.fn(z2)
    return z1, a1, z2, a2, (a2 - np.asarray(t)) * sigmoid.grad(z2)


def no_hidden_slope(W1, b1, W2, b2, x, t):
    """The slip of leaving σ′(z1) out of the hidden deltas."""
    *_, delta2 = pieces(W1, b1, W2, b2, x, t)
    return (np.asarray(W2).T @ delta2) @ np.asarray(x).T


def no_output_slope(W1, b1, W2, b2, x, t):
    """The slip of leaving σ′(z2) out of the output delta."""
    z1, _, _, a2, _ = pieces(W1, b1, W2, b2, x, t)
    return ((np.asarray(W2).T @ (a2 - np.asarray(t))) * sigmoid.grad(z1)) @ np.asarray(x).T


def hidden_slope_at_a(W1, b1, W2, b2, x, t):
    """The slip sigmoid.grad(a1): the slope taken at the activation."""
    _, a1, _, _, delta2 = pieces(W1, b1, W2, b2, x, t)
    return ((np.asarray(W2).T @ delta2) * sigmoid.grad(a1)) @ np.asarray(x).T


def transposed(W1, b1, W2, b2, x, t):
    """The slip x δ1ᵀ: the gradient with the inputs as rows."""
    return first_layer_gradient(W1, b1, W2, b2, x, t).T


def with_hidden_activations(W1, b1, W2, b2, x, t):
    """The slip δ1 a1ᵀ: the hidden activations in place of the inputs."""
    z1, a1, _, _, delta2 = pieces(W1, b1, W2, b2, x, t)
    return ((np.asarray(W2).T @ delta2) * sigmoid.grad(z1)) @ a1.T


def both_slopes_at_a(W1, b1, W2, b2, x, t):
    """The slip sigmoid.grad(a) at both layers: each slope taken at an activation."""
    _, a1, _, a2, _ = pieces(W1, b1, W2, b2, x, t)
    delta2 = (a2 - np.asarray(t)) * sigmoid.grad(a2)
    return ((np.asarray(W2).T @ delta2) * sigmoid.grad(a1)) @ np.asarray(x).T


def no_biases(W1, b1, W2, b2, x, t):
    """The slip of leaving both biases out of the forward pass."""
    return first_layer_gradient(W1, np.zeros_like(np.asarray(b1, dtype=float)), W2,
                                np.zeros_like(np.asarray(b2, dtype=float)), x, t)


#: The learning rate of the notebook's update step, which a function that steps W1 by mistake is likely to use.
STEP_ETA = 0.5


def stepped_weights(W1, b1, W2, b2, x, t):
    """The slip of updating W1 in place (W1 -= η·gradient) and returning W1 instead of the gradient."""
    return np.asarray(W1, dtype=float) - STEP_ETA * first_layer_gradient(W1, b1, W2, b2, x, t)


def network_case(sizes, seed):
    """Random column-vector inputs (W1, b1, W2, b2, x, t) for layer sizes (n_in, n_hidden, n_out)."""
    rng = np.random.default_rng(seed)
    n_in, n_hidden, n_out = sizes
    return (rng.normal(size=(n_hidden, n_in)), rng.normal(size=(n_hidden, 1)), rng.normal(size=(n_out, n_hidden)),
            rng.normal(size=(n_out, 1)), rng.normal(size=(n_in, 1)), rng.uniform(0.1, 0.9, size=(n_out, 1)))
