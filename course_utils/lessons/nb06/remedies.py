"""The standard remedies for vanishing and exploding gradients, run rather than listed.

- ``FlowNetwork``: a square deep network whose hidden layers can add a skip connection
  (residual, a_l = a_{l-1} + f(z_l)) and normalise each example's pre-activations (layer
  normalisation, z_l = (u_l − mean) / std over the layer's units), with its own backward pass;
- ``clip_by_global_norm``: rescale all gradients together when their joint norm is too large;
- ``train_sgd`` / ``train_adam``: full-batch training of a ``course_utils.mlp.MLP`` with optional
  clipping, recording the loss before step 1 and after every step.

Conventions as in ``vanishing``: a batch X has shape (n_samples, n_in), Z = X Wᵀ + b, the SSE loss
½·Σ(t − ŷ)² summed over outputs and averaged over samples.
"""
from __future__ import annotations

import numpy as np

from course_utils.lessons.nb06.vanishing import weight_loss_pair
from course_utils.mlp import MLP
from course_utils.validation import as_finite_array, check_number, require_count, require_positive

#: Added to the variance in layer normalisation, as frameworks do, so an all-equal row does not divide by 0.
NORM_EPS = 1e-5
#: The largest network or run these helpers build (a typo such as 10**400 is refused).
MAX_SIZE = 100_000


class FlowNetwork:
    """A square network of ``depth`` weight layers whose hidden layers may be residual and/or normalised.

    The weights are the same draws as ``vanishing.deep_network`` makes (an ``MLP`` with that seed),
    so a plain FlowNetwork computes exactly what that MLP computes. The output layer is linear.
    """

    def __init__(self, depth: int, width: int, activation="sigmoid", init: str = "xavier", seed: int = 0,
                 residual: bool = False, normalise: bool = False, init_scale: float = 1.0):
        depth = require_count(depth, "depth", minimum=2, maximum=MAX_SIZE)
        width = require_count(width, "width", maximum=MAX_SIZE)
        init_scale = require_positive(init_scale, "init_scale")
        template = MLP([width] * (depth + 1), activation=activation, init=init, seed=seed)
        self.activation = template.activation
        self.weights = [init_scale * np.array(W) for W in template.weights]
        self.biases = [np.array(b) for b in template.biases]
        self.residual, self.normalise = bool(residual), bool(normalise)

    def forward_trace(self, X) -> dict:
        """Every intermediate: inputs A_{l-1}, pre-normalisation U_l, normalised Z_l and row scales S_l."""
        A = as_finite_array(X, "X")
        trace = {"A": [A], "U": [], "Z": [], "S": []}
        for W, b in zip(self.weights[:-1], self.biases[:-1]):
            U = A @ W.T + b
            Z, S = _layer_norm(U) if self.normalise else (U, None)
            H = self.activation.fn(Z)
            A = A + H if self.residual else H
            for key, value in (("U", U), ("Z", Z), ("S", S), ("A", A)):
                trace[key].append(value)
        trace["Y"] = A @ self.weights[-1].T + self.biases[-1]
        return trace

    def forward(self, X) -> np.ndarray:
        """The outputs, shape (n_samples, width)."""
        return self.forward_trace(X)["Y"]

    def loss_and_gradients(self, X, T):
        """(SSE loss, [∂L/∂W_l], [∂L/∂b_l]) by backpropagation through skips and normalisations."""
        trace = self.forward_trace(X)
        T = as_finite_array(T, "T")
        n = len(T)
        dY = (trace["Y"] - T) / n
        loss = 0.5 * float(np.sum((trace["Y"] - T) ** 2)) / n
        dWs, dbs = [dY.T @ trace["A"][-1]], [dY.sum(axis=0)]
        dA = dY @ self.weights[-1]
        for layer in range(len(self.weights) - 2, -1, -1):
            dZ = dA * self.activation.grad(trace["Z"][layer])
            dU = _layer_norm_backward(dZ, trace["Z"][layer], trace["S"][layer]) if self.normalise else dZ
            dWs.append(dU.T @ trace["A"][layer])
            dbs.append(dU.sum(axis=0))
            dA = dU @ self.weights[layer] + (dA if self.residual else 0.0)
        return loss, dWs[::-1], dbs[::-1]

    def layer_loss_pair(self, X, T, layer: int):
        """(loss as a function of W_layer alone, its backprop gradient): the pair ``calculus.gradcheck`` compares."""
        layer = check_number(layer, "layer", low=0, high=len(self.weights) - 1, integer=True, example="0")
        return weight_loss_pair(self.weights, lambda: self.loss_and_gradients(X, T), layer)

    def gradient_norms(self, X, T) -> np.ndarray:
        """‖∂L/∂W_l‖ for every layer, first layer first."""
        return np.array([np.linalg.norm(dW) for dW in self.loss_and_gradients(X, T)[1]])


def _layer_norm(U: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row of U shifted to mean 0 and scaled to variance 1 (plus NORM_EPS); also the row scales."""
    S = np.sqrt(U.var(axis=1, keepdims=True) + NORM_EPS)
    return (U - U.mean(axis=1, keepdims=True)) / S, S


def _layer_norm_backward(dZ: np.ndarray, Z: np.ndarray, S: np.ndarray) -> np.ndarray:
    """dL/dU from dL/dZ through Z = (U − mean U) / S, row by row: (dZ − mean dZ − Z·mean(dZ·Z)) / S."""
    return (dZ - dZ.mean(axis=1, keepdims=True) - Z * np.mean(dZ * Z, axis=1, keepdims=True)) / S


def clip_by_global_norm(grads: list, max_norm: float) -> tuple[list, float]:
    """All gradients times min(1, max_norm / ‖g‖), ‖g‖ their joint norm: the direction kept, the step bounded.

    Returns the clipped list and the norm before clipping.
    """
    max_norm = require_positive(max_norm, "max_norm")
    total = float(np.sqrt(sum(np.sum(np.square(g)) for g in grads)))
    factor = min(1.0, max_norm / total) if total > 0 else 1.0
    return [factor * g for g in grads], total


def train_sgd(net: MLP, X, T, steps: int, lr: float, clip: float | None = None) -> dict[str, np.ndarray]:
    """Full-batch gradient descent on the SSE loss, optionally clipping the joint gradient norm at ``clip``.

    Returns ``loss`` (before step 1 and after every step, length steps + 1) and ``grad_norm``
    (the joint gradient norm before clipping, one per step). A loss that overflows stops the run:
    the remaining entries are inf.
    """
    return _train(net, X, T, steps, lr, clip, adam=False)


def train_adam(net: MLP, X, T, steps: int, lr: float = 1e-2, beta1: float = 0.9, beta2: float = 0.999,
               eps: float = 1e-8) -> dict[str, np.ndarray]:
    """Full-batch Adam (Kingma & Ba, 2015) on the SSE loss: each weight's step is scaled by its own gradient history.

    Returns ``loss`` as ``train_sgd`` does (``grad_norm`` is left at inf: Adam does not need it).
    """
    return _train(net, X, T, steps, lr, None, adam=True, betas=(beta1, beta2), eps=eps)


def _train(net: MLP, X, T, steps, lr, clip, adam: bool, betas=(0.9, 0.999), eps=1e-8) -> dict[str, np.ndarray]:
    """The shared loop of train_sgd and train_adam."""
    steps = require_count(steps, "steps", minimum=0, maximum=MAX_SIZE)
    lr = require_positive(lr, "lr")
    losses, norms = np.full(steps + 1, np.inf), np.full(steps, np.inf)
    params = list(net.weights) + list(net.biases)
    moments = [np.zeros_like(p) for p in params], [np.zeros_like(p) for p in params]
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps + 1):
            loss, dWs, dbs = net.loss_and_gradients(X, T)
            losses[step] = loss
            if step == steps or not np.isfinite(loss):
                break
            grads = list(dWs) + list(dbs)
            if clip is not None:
                grads, norms[step] = clip_by_global_norm(grads, clip)
            elif not adam:
                norms[step] = float(np.sqrt(sum(np.sum(np.square(g)) for g in grads)))
            if adam:
                _adam_step(params, grads, moments, step + 1, lr, betas, eps)
            else:
                for p, g in zip(params, grads):
                    p -= lr * g
    return {"loss": losses, "grad_norm": norms}


def _adam_step(params, grads, moments, t: int, lr: float, betas, eps: float) -> None:
    """One Adam update in place: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − η m̂ / (√v̂ + ε)."""
    beta1, beta2 = betas
    step_size = lr / (1 - beta1**t)
    root_correction = np.sqrt(1 - beta2**t)
    for p, g, m, v in zip(params, grads, *moments):
        m *= beta1
        m += (1 - beta1) * g
        v *= beta2
        v += (1 - beta2) * g * g
        p -= step_size * m / (np.sqrt(v) / root_correction + eps)
