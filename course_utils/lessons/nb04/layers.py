"""Backpropagation for any number of sigmoid layers on a batch, in the four-equation form.

One example per row (X has shape (n_samples, n_in)), W_l of shape (n_out, n_in), one bias per unit:

    Z_l = A_{l-1} W_lᵀ + b_l,  A_l = σ(Z_l),  A_0 = X
    (1) Δ_L = ∂E/∂Z_L           = (A_L − T) ⊙ σ′(Z_L)   for E = ½ Σ (a − t)²,   or A_L − T for cross-entropy
    (2) Δ_l = (Δ_{l+1} W_{l+1}) ⊙ σ′(Z_l)               (row n is δ_lᵀ of example n: (W_{l+1}ᵀ δ_{l+1} ⊙ σ′)ᵀ)
    (3) ∂E/∂W_l = Δ_lᵀ A_{l-1}  = Σ_n δ_l,n a_{l-1,n}ᵀ   (one outer product per example, summed)
    (4) ∂E/∂b_l = Σ_n δ_l,n     (the column sums of Δ_l)

E is summed (not averaged) over the batch, so a batch of one is exactly the walk-through's E_total.
Written out here, apart from ``course_utils.mlp``, so the notebook can show every line.
"""
from __future__ import annotations

import numpy as np

from course_utils import activations, walkthrough
from course_utils.calculus import numerical_gradient

_sigmoid = activations.get("sigmoid")
LOSSES = ("sse", "cross_entropy")


def forward_layers(weights: list, biases: list, X) -> tuple[list, list]:
    """Every pre-activation Z_l and activation A_l (A_0 = X), sigmoid in every layer."""
    A = np.asarray(X, dtype=float)
    Zs, As = [], [A]
    for W, b in zip(weights, biases):
        Z = A @ np.asarray(W).T + np.asarray(b)
        A = _sigmoid.fn(Z)
        Zs.append(Z)
        As.append(A)
    return Zs, As


def error(A_out, T, loss: str = "sse") -> float:
    """½ Σ (a − t)² or the cross-entropy −Σ [t log a + (1 − t) log(1 − a)], summed over outputs and examples."""
    A_out, T = np.asarray(A_out, dtype=float), np.asarray(T, dtype=float)
    if loss == "sse":
        return float(0.5 * np.sum((A_out - T) ** 2))
    if loss == "cross_entropy":
        return float(-np.sum(T * np.log(A_out) + (1 - T) * np.log(1 - A_out)))
    raise ValueError(f"loss must be one of {', '.join(LOSSES)}; got {loss!r}.")


def output_delta(Z_out, A_out, T, loss: str = "sse") -> np.ndarray:
    """Equation (1): ∂E/∂Z at the output; with cross-entropy the sigmoid's slope cancels and δ = a − t."""
    if loss == "sse":
        return (A_out - T) * _sigmoid.grad(Z_out)
    if loss == "cross_entropy":
        return A_out - T
    raise ValueError(f"loss must be one of {', '.join(LOSSES)}; got {loss!r}.")


def backward_layers(weights: list, biases: list, X, T, loss: str = "sse") -> tuple[float, list, list]:
    """(E, [∂E/∂W_l], [∂E/∂b_l]) by equations (1) to (4), layer order."""
    Zs, As = forward_layers(weights, biases, X)
    T = np.asarray(T, dtype=float)
    delta = output_delta(Zs[-1], As[-1], T, loss)                      # (1)
    dWs, dbs = [None] * len(weights), [None] * len(weights)
    for layer in range(len(weights) - 1, -1, -1):
        dWs[layer] = delta.T @ As[layer]                                # (3)
        dbs[layer] = delta.sum(axis=0)                                  # (4)
        if layer > 0:
            delta = (delta @ np.asarray(weights[layer])) * _sigmoid.grad(Zs[layer - 1])  # (2)
    return error(As[-1], T, loss), dWs, dbs


def numerical_layers(weights: list, biases: list, X, T, loss: str = "sse", h: float = 1e-5) -> tuple[list, list]:
    """∂E/∂W_l and ∂E/∂b_l by central differences of the forward pass: a check that shares no code with the backward."""
    shapes = [np.shape(W) for W in weights] + [np.shape(b) for b in biases]
    sizes = [int(np.prod(shape)) for shape in shapes]

    def unpack(theta):
        parts = np.split(theta, np.cumsum(sizes)[:-1])
        arrays = [part.reshape(shape) for part, shape in zip(parts, shapes)]
        return arrays[:len(weights)], arrays[len(weights):]

    def error_at(theta):
        Ws, bs = unpack(theta)
        return error(forward_layers(Ws, bs, X)[1][-1], T, loss)

    theta = np.concatenate([np.ravel(a) for a in (*weights, *biases)]).astype(float)
    return unpack(numerical_gradient(error_at, theta, h))


def worst_scaled_error(analytic: list, numeric: list) -> float:
    """The largest gap between two lists of gradient arrays, each array's gap relative to its largest entry.

    Scaled per array, not per entry, so an entry near zero (where any check is all round-off) cannot dominate.
    """
    return max(float(np.max(np.abs(np.asarray(a) - np.asarray(b))) / max(float(np.max(np.abs(a))), 1e-300))
               for a, b in zip(analytic, numeric))


def walkthrough_layers(p: dict) -> tuple[list, list, np.ndarray, np.ndarray]:
    """The walk-through network as matrices (rows = receiving units), one bias per unit, and its one example."""
    p = walkthrough.checked_network(p)
    weights = [np.array([[p["w1"], p["w3"]], [p["w2"], p["w4"]]]), np.array([[p["w5"], p["w7"]], [p["w6"], p["w8"]]])]
    biases = [np.array([p["c1"], p["c1"]]), np.array([p["c2"], p["c2"]])]
    return weights, biases, np.array([[p["x1"], p["x2"]]]), np.array([[p["t1"], p["t2"]]])


def random_network(sizes: list, n_samples: int, seed: int = 0) -> tuple[list, list, np.ndarray, np.ndarray]:
    """Random weights, biases, inputs and targets in (0, 1) for layer sizes [n_in, …, n_out]: a shape test."""
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes, sizes[1:])]
    biases = [rng.normal(size=n_out) for n_out in sizes[1:]]
    return weights, biases, rng.normal(size=(n_samples, sizes[0])), rng.uniform(0.05, 0.95, size=(n_samples, sizes[-1]))


def train_layers(p: dict, lr: float, steps: int, loss: str = "sse") -> dict[str, np.ndarray]:
    """Gradient descent on the walk-through network with one bias per unit; the outputs and ½Σ(a − t)² at every step."""
    weights, biases, X, T = walkthrough_layers(p)
    outputs, squared = [], []
    for step in range(steps + 1):
        A_out = forward_layers(weights, biases, X)[1][-1]
        outputs.append(A_out[0])
        squared.append(error(A_out, T, "sse"))
        if step == steps:
            break
        _, dWs, dbs = backward_layers(weights, biases, X, T, loss)
        weights = [W - lr * dW for W, dW in zip(weights, dWs)]
        biases = [b - lr * db for b, db in zip(biases, dbs)]
    outputs = np.array(outputs)
    return {"z1a": outputs[:, 0], "z2a": outputs[:, 1], "E_total": np.array(squared)}


def step_of_lowest(values) -> int:
    """The index of the smallest value: where a falling-then-rising curve turns."""
    return int(np.argmin(np.asarray(values)))


def cross_entropy_delta_is_a_minus_t() -> bool:
    """SymPy's check that ∂/∂z of −[t ln σ(z) + (1 − t) ln(1 − σ(z))] is σ(z) − t: the sigmoid's slope cancels."""
    import sympy as sp

    z, t = sp.symbols("z t", real=True)
    a = 1 / (1 + sp.exp(-z))
    loss = -(t * sp.log(a) + (1 - t) * sp.log(1 - a))
    return sp.simplify(sp.diff(loss, z) - (a - t)) == 0


def multiply_adds(sizes: list, n_samples: int) -> dict[str, int]:
    """Multiply-adds in the matrix products of one forward pass, one backward pass, and a central-difference gradient.

    The convention: only the products Z = A Wᵀ, ΔᵀA and ΔW are counted (n_samples·n_out·n_in each); the elementwise
    work (σ, σ′, ⊙, biases) is left out. Backward does ΔᵀA in every layer and ΔW in all but the first, so it costs
    between one and two forward passes; central differences need two forward passes per parameter.
    """
    layer_sizes = list(zip(sizes, sizes[1:]))
    forward = sum(n_samples * n_in * n_out for n_in, n_out in layer_sizes)
    backward = 2 * forward - n_samples * sizes[0] * sizes[1]
    parameters = sum(n_out * n_in + n_out for n_in, n_out in layer_sizes)
    return {"forward": forward, "backward": backward, "parameters": parameters,
            "central differences": 2 * parameters * forward}
