"""A small vectorized multilayer perceptron in numpy: forward, backward and gradient descent.

Conventions (the course's notation): a batch X has shape (n_samples, n_in), one example
per row; layer l has a weight matrix W_l of shape (n_out, n_in) and a bias b_l of shape
(n_out,), and computes Z_l = A_{l-1} W_lᵀ + b_l, A_l = f(Z_l), with A_0 = X. Hidden layers
use ``activation``; the last layer uses ``output_activation`` (None = the identity).

Losses, for a batch of n samples with outputs Ŷ and targets T:

- ``"sse"``: ½·Σ (t − ŷ)², summed over the outputs, averaged over the samples (for one
  sample it is notebook 04's E = Σ ½ (t − out)²);
- ``"mse"``: the mean of (t − ŷ)² over every entry (PyTorch's MSELoss);
- ``"cross_entropy"``: −Σ t·log ŷ over the outputs, averaged over the samples; it needs
  ``output_activation="softmax"`` and target rows that are probability distributions.

Weights start from ``init``: ``"normal"`` (naive N(0, 1)), ``"xavier"`` (Glorot, normal with
variance 2 / (n_in + n_out)) or ``"he"`` (normal with variance 2 / n_in); biases start at 0.
Both are assignable, whole (``net.weights = [W1, W2]``) or per layer (``net.weights[0] = W1``),
and every assignment is checked for shape. A worked example with hand-set parameters and
frozen biases (Mazur's 2-2-2 network, sigmoid everywhere)::

    net = MLP([2, 2, 2], activation="sigmoid", output_activation="sigmoid")
    net.weights = [np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])]
    net.biases = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]
    net.train(np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]]), steps=1, lr=0.5, update_biases=False)
"""
from __future__ import annotations

from collections.abc import Callable, MutableSequence
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np

from course_utils import activations
from course_utils.formatting import format_loss
from course_utils.progress import TextProgress
from course_utils.validation import as_finite_array, choose, require_count, require_positive

LOSSES = ("sse", "mse", "cross_entropy")
INITS = ("normal", "xavier", "he")

#: ``train`` shows a progress bar by itself for runs at least this long (progress=None).
LONG_RUN_STEPS = 1000
#: The most steps or units one call takes: a typo such as 10**400 is refused instead of hanging or exhausting memory.
MAX_COUNT = 100_000_000


def init_std(init: str, n_in: int, n_out: int) -> float:
    """The standard deviation each initialization draws a layer's weights with (init in any case: "He")."""
    init = choose(init, INITS, "init")
    n_in, n_out = require_count(n_in, "n_in"), require_count(n_out, "n_out")
    return {"normal": 1.0, "xavier": np.sqrt(2.0 / (n_in + n_out)), "he": np.sqrt(2.0 / n_in)}[init]



def _check_sizes(sizes) -> tuple[int, ...]:
    """[n_in, hidden…, n_out] as a tuple of positive whole numbers."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise ValueError(
            f"sizes must list the width of every layer, [n_in, hidden..., n_out], at least two numbers "
            f"(e.g. [2, 2, 2]); got {sizes!r}."
        )
    return tuple(require_count(n, f"sizes[{i}]", maximum=MAX_COUNT) for i, n in enumerate(sizes))


@contextmanager
def _overflow_means_divergence(step: int, lr: float):
    """Turn an overflow during training into a clear error instead of warnings and NaN."""
    with np.errstate(over="raise", invalid="raise"):
        try:
            yield
        except FloatingPointError:
            raise ValueError(
                f"training diverged at step {step}: the numbers overflowed. "
                f"Try a smaller learning rate than lr = {lr} or a smaller initialization."
            ) from None


class Trace(NamedTuple):
    """Every intermediate of a forward pass: Z_1 … Z_L and A_0 = X, A_1 … A_L = Ŷ."""

    pre_activations: list
    activations: list


class _Elementwise:
    """An output layer applying an activation elementwise."""

    def __init__(self, activation):
        self.activation = activation
        self.name = activation.name

    def fn(self, Z):
        return self.activation.fn(Z)

    def backprop(self, Z, A, dA):
        """dL/dZ from dL/dA: multiply by f'(Z), entry by entry."""
        return dA * self.activation.grad(Z)


class _Softmax:
    """An output layer applying softmax to each row."""

    name = "softmax"

    def fn(self, Z):
        return activations.softmax(Z, axis=1)

    def backprop(self, Z, A, dA):
        """dL/dZ = Jᵀ dL/dA with J = diag(s) − s sᵀ, row by row, without building J."""
        return A * (dA - np.sum(dA * A, axis=1, keepdims=True))


def _output_layer(output_activation):
    """The last layer's function: None is the identity, "softmax" the row-wise softmax."""
    if output_activation is None:
        return _Elementwise(activations.get("linear"))
    if isinstance(output_activation, str) and activations.name_key(output_activation) == "softmax":
        return _Softmax()
    return _Elementwise(activations.get(output_activation))


_FIXED_LAYERS = "a network's number of layers is fixed by its sizes; build a new MLP to change it."


class LayerParameters(MutableSequence):
    """One array per layer; assigning ``params[l] = array`` checks its shape. The number of layers is fixed."""

    def __init__(self, arrays, check: Callable):
        self._check = check
        self._arrays = [check(index, array) for index, array in enumerate(arrays)]

    def __getitem__(self, index):
        return self._arrays[index]

    def __setitem__(self, index, array):
        if not isinstance(index, (int, np.integer)):
            raise TypeError("assign one layer at a time (net.weights[0] = W) or every layer (net.weights = [...]).")
        n_layers = len(self._arrays)
        if not -n_layers <= index < n_layers:
            raise IndexError(f"the network has {n_layers} layers, indices 0 to {n_layers - 1}; got index {index}.")
        position = index % n_layers
        self._arrays[position] = self._check(position, array)

    def __delitem__(self, index):
        raise TypeError(_FIXED_LAYERS)

    def insert(self, index, array):
        raise TypeError(_FIXED_LAYERS)

    def __len__(self) -> int:
        return len(self._arrays)

    def __repr__(self) -> str:
        return repr(self._arrays)


class MLP:
    """A fully connected network; see the module docstring for shapes, losses and initializations."""

    def __init__(self, sizes, activation="sigmoid", output_activation=None, init: str = "xavier", seed: int = 0):
        self.sizes = _check_sizes(sizes)
        self.activation = activations.get(activation)
        self.output_activation = output_activation
        self._output = _output_layer(output_activation)
        self.init = choose(init, INITS, "init")
        self.seed = require_count(seed, "seed", minimum=0)
        rng = np.random.default_rng(self.seed)
        shapes = self.weight_shapes
        self.weights = [rng.standard_normal(shape) * init_std(self.init, shape[1], shape[0]) for shape in shapes]
        self.biases = [np.zeros(n_out) for n_out, _ in shapes]

    # --- parameters ---------------------------------------------------------------

    @property
    def weight_shapes(self) -> list[tuple[int, int]]:
        """(n_out, n_in) of every layer's W, first layer first."""
        return [(n_out, n_in) for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:])]

    @property
    def weights(self) -> LayerParameters:
        """W_1 … W_L, each of shape (n_out, n_in); assign a whole list or one layer at a time."""
        return self._weights

    @weights.setter
    def weights(self, arrays) -> None:
        self._weights = LayerParameters(self._one_per_layer(arrays, "weights"), self._checked_weight)

    @property
    def biases(self) -> LayerParameters:
        """b_1 … b_L, each of shape (n_out,); assign a whole list or one layer at a time."""
        return self._biases

    @biases.setter
    def biases(self, arrays) -> None:
        self._biases = LayerParameters(self._one_per_layer(arrays, "biases"), self._checked_bias)

    def _one_per_layer(self, arrays, what: str) -> list:
        n_layers = len(self.sizes) - 1
        if isinstance(arrays, np.ndarray) or not isinstance(arrays, (list, tuple, MutableSequence)):
            raise TypeError(
                f"{what} must be a list with one array per layer ({n_layers} for sizes {list(self.sizes)}), "
                f"got {type(arrays).__name__}."
            )
        if len(arrays) != n_layers:
            raise ValueError(
                f"{what} needs one array per layer: {n_layers} for sizes {list(self.sizes)}, got {len(arrays)}."
            )
        return list(arrays)

    def _checked_weight(self, index: int, W) -> np.ndarray:
        W = as_finite_array(W, f"weights[{index}]").copy()
        n_out, n_in = self.weight_shapes[index]
        if W.shape != (n_out, n_in):
            transposed = " It looks transposed: pass W, not Wᵀ." if W.shape == (n_in, n_out) else ""
            raise ValueError(
                f"weights[{index}] must have shape (n_out, n_in) = ({n_out}, {n_in}): layer {index + 1} maps "
                f"{n_in} inputs to {n_out} outputs (Z = X Wᵀ + b). Got shape {W.shape}.{transposed}"
            )
        return W

    def _checked_bias(self, index: int, b) -> np.ndarray:
        b = as_finite_array(b, f"biases[{index}]").copy()
        n_out = self.sizes[index + 1]
        if b.shape != (n_out,):
            raise ValueError(
                f"biases[{index}] must have shape ({n_out},), one entry per output of layer {index + 1}; "
                f"got shape {b.shape}."
            )
        return b

    # --- forward and backward ------------------------------------------------------------

    def forward_trace(self, X) -> Trace:
        """The forward pass keeping every Z_l and A_l, the values backprop needs."""
        A = self._checked_inputs(X)
        Zs, As = [], [A]
        last = len(self.weights) - 1
        for index, (W, b) in enumerate(zip(self.weights, self.biases)):
            Z = A @ W.T + b
            A = self._output.fn(Z) if index == last else self.activation.fn(Z)
            Zs.append(Z)
            As.append(A)
        return Trace(Zs, As)

    def forward(self, X) -> np.ndarray:
        """The outputs Ŷ, shape (n_samples, n_out), for a batch X of shape (n_samples, n_in)."""
        return self.forward_trace(X).activations[-1]

    def loss(self, X, T, loss: str = "sse") -> float:
        """The loss of the network's outputs on X against the targets T."""
        loss = choose(loss, LOSSES, "loss")
        trace = self.forward_trace(X)
        value, _ = self._loss_and_output_delta(trace, self._checked_targets(T, len(trace.activations[0]), loss), loss)
        return value

    def loss_and_gradients(self, X, T, loss: str = "sse"):
        """(loss, [∂L/∂W_1 … ∂L/∂W_L], [∂L/∂b_1 … ∂L/∂b_L]) by backpropagation."""
        loss = choose(loss, LOSSES, "loss")
        trace = self.forward_trace(X)
        T = self._checked_targets(T, len(trace.activations[0]), loss)
        value, delta = self._loss_and_output_delta(trace, T, loss)
        dWs, dbs = [], []
        for index in range(len(self.weights) - 1, -1, -1):
            dWs.append(delta.T @ trace.activations[index])
            dbs.append(delta.sum(axis=0))
            if index > 0:
                delta = (delta @ self.weights[index]) * self.activation.grad(trace.pre_activations[index - 1])
        return value, dWs[::-1], dbs[::-1]

    def _loss_and_output_delta(self, trace: Trace, T: np.ndarray, loss: str):
        """The loss and δ_L = ∂L/∂Z_L at the output layer."""
        Z, Y = trace.pre_activations[-1], trace.activations[-1]
        n = len(Y)
        if loss == "cross_entropy":
            log_probs = Z - Z.max(axis=1, keepdims=True)
            log_probs -= np.log(np.sum(np.exp(log_probs), axis=1, keepdims=True))
            return float(-np.sum(T * log_probs) / n), (Y - T) / n
        if loss == "sse":
            value, dY = 0.5 * np.sum((Y - T) ** 2) / n, (Y - T) / n
        else:
            value, dY = np.mean((Y - T) ** 2), 2.0 * (Y - T) / Y.size
        return float(value), self._output.backprop(Z, Y, dY)

    # --- input checks --------------------------------------------------------------

    def _checked_inputs(self, X) -> np.ndarray:
        X = as_finite_array(X, "X")
        if X.ndim != 2:
            raise ValueError(
                f"X must be 2-D, shape (n_samples, n_in), one example per row; got shape {X.shape}. "
                "For a single example x write np.atleast_2d(x)."
            )
        if X.shape[1] != self.sizes[0]:
            raise ValueError(
                f"X has {X.shape[1]} columns but the network takes n_in = {self.sizes[0]} inputs "
                f"(sizes {list(self.sizes)}): one column per input."
            )
        if X.shape[0] == 0:
            raise ValueError(f"X has no rows: pass at least one example, shape (n_samples, {self.sizes[0]}).")
        return X

    def _checked_targets(self, T, n_samples: int, loss: str) -> np.ndarray:
        T = as_finite_array(T, "T")
        n_out = self.sizes[-1]
        if T.ndim != 2:
            raise ValueError(
                f"T must be 2-D, shape (n_samples, n_out) = ({n_samples}, {n_out}); got shape {T.shape}. "
                "For one output per example write t[:, None]."
            )
        if T.shape[0] != n_samples:
            raise ValueError(f"T has {T.shape[0]} rows but X has {n_samples}: give one target row per example.")
        if T.shape[1] != n_out:
            raise ValueError(f"T has {T.shape[1]} columns but the network has n_out = {n_out} outputs.")
        if loss == "cross_entropy":
            self._require_distributions(T)
        return T

    def _require_distributions(self, T: np.ndarray) -> None:
        if not isinstance(self._output, _Softmax):
            raise ValueError(
                "loss='cross_entropy' compares probabilities: build the network with output_activation='softmax'."
            )
        if np.any(T < 0) or not np.allclose(T.sum(axis=1), 1.0, rtol=0.0, atol=1e-9):
            raise ValueError(
                "cross_entropy needs every target row to be a probability distribution (entries ≥ 0 "
                "summing to 1), e.g. one-hot rows such as [0, 1, 0]."
            )

    # --- training ------------------------------------------------------------------

    def train(self, X, T, steps: int, lr: float, loss: str = "sse", update_biases: bool = True,
              progress: bool | None = None, label: str = "training", callback: Callable | None = None) -> np.ndarray:
        """Full-batch gradient descent, W ← W − η ∂L/∂W; returns the loss before step 1 and after every step.

        ``update_biases=False`` keeps every bias at its current value (as in Mazur's worked
        example). ``progress``: True prints a text bar, False prints nothing, None prints one
        for runs of at least LONG_RUN_STEPS steps; the bar's text is the same on every run.
        ``callback(step, loss, dW, db)``, if given, runs after each update with the loss
        before it and the gradients used. An overflow anywhere in a step (the callback
        included) stops training with a ValueError that names the step.
        """
        steps = require_count(steps, "steps", maximum=MAX_COUNT)
        lr = require_positive(lr, "lr")
        loss = choose(loss, LOSSES, "loss")
        show = steps >= LONG_RUN_STEPS if progress is None else bool(progress)
        bar = TextProgress(steps, label) if show else None
        losses = np.empty(steps + 1)
        if bar:
            bar.start()
        try:
            for step in range(steps):
                losses[step] = self._descend(X, T, lr, loss, update_biases, step, callback)
                if bar:
                    bar.advance(step + 1)
            with _overflow_means_divergence(steps, lr):
                losses[steps] = self.loss(X, T, loss)
        except Exception:
            if bar:
                bar.finish("stopped")
            raise
        if bar:
            bar.finish(f"loss {format_loss(losses[0])} → {format_loss(losses[-1])}")
        return losses

    def _descend(self, X, T, lr: float, loss: str, update_biases: bool, step: int, callback) -> float:
        """One gradient-descent step in place, then the callback."""
        with _overflow_means_divergence(step + 1, lr):
            value, dWs, dbs = self.loss_and_gradients(X, T, loss)
            for W, dW in zip(self.weights, dWs):
                W -= lr * dW
            if update_biases:
                for b, db in zip(self.biases, dbs):
                    b -= lr * db
            if callback is not None:
                callback(step, value, dWs, dbs)
        return value

    def __repr__(self) -> str:
        output = None if self.output_activation is None else self._output.name
        return (f"MLP(sizes={list(self.sizes)}, activation={self.activation.name!r}, "
                f"output_activation={output!r}, init={self.init!r})")
