"""Numerics of notebook 03: log-sum-exp and a cross-entropy that never overflows, GELU's tanh form,
one-sign weight gradients, and exact zeros in low precision.

GELU's tanh form stays here, outside the activation registry: registering it would add a tenth
activation to every table, menu and explorer that iterates the registry.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from course_utils import activations
from course_utils.calculus import as_plain
from course_utils.validation import as_float_array, check_number

# --- log-sum-exp and cross-entropy from the scores ---------------------------------------------------------


def _scores(x, name: str = "x") -> np.ndarray:
    """A vector of scores as floats (at least one, no NaN); ±inf is allowed and handled."""
    x = as_float_array(x, name)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"{name} must be a non-empty vector of scores such as [1.0, 2.0, 3.0], got shape {x.shape}.")
    if np.any(np.isnan(x)):
        raise ValueError(f"{name} contains NaN; every score must be a number.")
    return x


def logsumexp(x) -> float:
    """log Σ e^{x_i} computed as m + log Σ e^{x_i − m} with m = max x: every exponent is ≤ 0, so nothing overflows."""
    x = _scores(x)
    m = float(np.max(x))
    if math.isinf(m):
        return m  # +inf dominates; all −inf gives log 0 = −inf
    with np.errstate(over="ignore"):  # x − m < −1.8e308 rounds to −inf, and e^(−inf) = 0 is the right term
        shifted = x - m
    return m + float(np.log(np.sum(np.exp(shifted))))


def log_softmax(x) -> np.ndarray:
    """log s_i = x_i − logsumexp(x): the log-probabilities without ever forming a probability that underflows to 0."""
    x = _scores(x)
    with np.errstate(over="ignore"):  # a log-probability below −1.8e308 is −inf: that probability is 0 in float64
        return x - logsumexp(x)


def naive_cross_entropy(x, t) -> float:
    """−Σ t_i log s_i with s = e^x / Σ e^x exactly as written (overflow and log 0 included), warnings silenced."""
    x = _scores(x)
    t = _targets(t, x.shape)
    with np.errstate(all="ignore"):
        e = np.exp(x)
        s = e / e.sum()
        return float(-np.sum(np.where(t == 0, 0.0, t * np.log(s)))) + 0.0  # + 0.0: never −0.0


def cross_entropy_from_scores(x, t) -> float:
    """−Σ t_i log softmax(x)_i via log-softmax: finite for any finite scores (e.g. 800 for [0, −800], class 2)."""
    x = _scores(x)
    t = _targets(t, x.shape)
    logs = log_softmax(x)
    with np.errstate(invalid="ignore"):  # 0 · (−inf) where a score is −inf and its target 0
        return float(-np.sum(np.where(t == 0, 0.0, t * logs))) + 0.0  # 0 · log 0 counts as 0; never −0.0


def _targets(t, shape) -> np.ndarray:
    """Target probabilities of the scores' shape: finite, non-negative."""
    t = as_float_array(t, "t")
    if t.shape != shape:
        raise ValueError(f"t must have the scores' shape {shape} (one target per class), got {t.shape}.")
    if not np.all(np.isfinite(t)) or np.any(t < 0):
        raise ValueError("t must hold target probabilities: finite and not negative, e.g. one-hot [0, 1, 0].")
    return t


# --- GELU: the exact form and the tanh approximation --------------------------------------------------------

_TANH_C = math.sqrt(2.0 / math.pi)
_TANH_K = 0.044715
_sigmoid = activations.get("sigmoid")


def _tanh_argument(x: np.ndarray) -> np.ndarray:
    """u = √(2/π)(x + 0.044715x³), inf (not a warning) where x³ overflows."""
    with np.errstate(over="ignore"):
        return _TANH_C * (x + _TANH_K * x**3)


def gelu_tanh(x):
    """GELU's tanh approximation ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³), the form GPT-2 computes.

    Computed as x·σ(2u), the same number (1 + tanh u = 2σ(2u)) without the cancellation of 1 + tanh u ≈ 0
    in the left tail, where the formula as written keeps no correct digit.
    """
    x = as_float_array(x, "x")
    gate = _sigmoid.fn(2.0 * _tanh_argument(x))
    with np.errstate(invalid="ignore"):
        out = np.where(gate == 0.0, 0.0, x * gate)  # −inf · 0 would be NaN; the limit is 0
    return as_plain(np.where(np.isnan(x), np.nan, out))


def gelu_tanh_grad(x):
    """The tanh form's slope σ(2u) + x·2σ′(2u)·u′ with u′ = √(2/π)(1 + 3·0.044715x²), stable in both tails."""
    x = as_float_array(x, "x")
    u = _tanh_argument(x)
    with np.errstate(over="ignore", invalid="ignore"):
        du = _TANH_C * (1.0 + 3.0 * _TANH_K * x**2)
        bend = _sigmoid.grad(2.0 * u)
        tail = np.where(bend == 0.0, 0.0, x * 2.0 * bend * du)  # σ′ underflows to 0 before x·u′ overflows
    return as_plain(np.where(np.isnan(x), np.nan, _sigmoid.fn(2.0 * u) + tail))


class LargestGap(NamedTuple):
    """The largest |difference| between two curves on a grid, and where it occurs."""

    gap: float
    where: float


def largest_gap(f, g, xs) -> LargestGap:
    """max |f(x) − g(x)| over the grid xs and its location: how far an approximation strays."""
    xs = as_float_array(xs, "xs")
    diff = np.abs(np.asarray(f(xs), dtype=float) - np.asarray(g(xs), dtype=float))
    i = int(np.argmax(diff))
    return LargestGap(float(diff[i]), float(xs[i]))


#: Where the two GELU forms are compared: steps of 0.001 on [0, 6]. Both forms satisfy f(x) − f(−x) = x, so their
#: difference in value is even and in slope odd: each extreme has a twin at −x, and only x ≥ 0 is searched (a search
#: over both signs would pick one of the twins by round-off, differently on different CPUs).
GELU_GRID = np.linspace(0.0, 6.0, 6001)


def gelu_value_gap_above(bound: float, xs=GELU_GRID) -> list[tuple[float, float]]:
    """The stretches (first x, last x) of the grid where |tanh form − exact GELU| in value exceeds bound."""
    bound = check_number(bound, "bound", low=0, include_low=False, example="1e-4")
    xs = as_float_array(xs, "xs")
    above = np.abs(gelu_tanh(xs) - activations.get("gelu").fn(xs)) > bound
    edges = np.diff(np.concatenate([[0], above.astype(int), [0]]))
    return [(float(xs[i]), float(xs[j - 1])) for i, j in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))]


def gelu_forms_gap() -> tuple[LargestGap, LargestGap]:
    """(value gap, slope gap) between exact GELU xΦ(x) and its tanh form on GELU_GRID (x ≥ 0; the same at −x)."""
    exact = activations.get("gelu")
    return largest_gap(exact.fn, gelu_tanh, GELU_GRID), largest_gap(exact.grad, gelu_tanh_grad, GELU_GRID)


# --- zero-centring: one-sign weight gradients -----------------------------------------


def weight_gradients(inputs, delta) -> np.ndarray:
    """∂L/∂w_i = δ·a_i for a unit z = Σ w_i a_i + b, one row per example: the gradient copies the inputs' signs."""
    inputs = as_float_array(inputs, "inputs")
    delta = as_float_array(delta, "delta")
    if inputs.ndim != 2 or delta.shape != (inputs.shape[0],):
        raise ValueError(f"inputs must be (examples, inputs) and delta one number per example, got {inputs.shape} "
                         f"and {delta.shape}.")
    return delta[:, None] * inputs


def one_sign_rows(gradients) -> np.ndarray:
    """True for each row whose entries are all > 0 or all < 0: a step that must move every weight the same way."""
    g = as_float_array(gradients, "gradients")
    return np.all(g > 0, axis=1) | np.all(g < 0, axis=1)


# --- ReLU′(0): exact zeros in low precision ------------------------------------------------------------------


def exact_zero_counts(n_samples: int = 1_000_000, n_inputs: int = 2, seed: int = 0) -> dict[str, int]:
    """How many pre-activations z = Σ w_i a_i come out exactly 0.0 in float16, float32 and float64 (same draws).

    The sum is accumulated term by term, each product and sum rounded to the format (IEEE rounding, so the
    counts are the same on every CPU).
    """
    n_samples = check_number(n_samples, "n_samples", low=1, integer=True, example="1_000_000")
    n_inputs = check_number(n_inputs, "n_inputs", low=1, integer=True, example="2")
    rng = np.random.default_rng(seed)
    a64, w64 = rng.normal(size=(n_samples, n_inputs)), rng.normal(size=n_inputs)
    counts = {}
    for dtype in (np.float16, np.float32, np.float64):
        a, w = a64.astype(dtype), w64.astype(dtype)
        z = np.zeros(n_samples, dtype=dtype)
        for i in range(n_inputs):
            z = z + a[:, i] * w[i]
        counts[np.dtype(dtype).name] = int(np.count_nonzero(z == 0))
    return counts


def per_example_descent(inputs, targets, w0, lr: float) -> np.ndarray:
    """The weights before and after each per-example gradient step on ½(w·a − y)², one row per step.

    Each step is w ← w − η·δ·a with δ = w·a − y: with inputs a of one sign, all weights move the same way.
    """
    inputs = as_float_array(inputs, "inputs")
    targets = as_float_array(targets, "targets")
    w = as_float_array(w0, "w0").copy()
    lr = check_number(lr, "lr", low=0, include_low=False, example="0.5")
    if inputs.ndim != 2 or targets.shape != (inputs.shape[0],) or w.shape != (inputs.shape[1],):
        raise ValueError(f"inputs must be (examples, weights), targets one per example and w0 one per weight, got "
                         f"{inputs.shape}, {targets.shape} and {w.shape}.")
    path = [w.copy()]
    for a, y in zip(inputs, targets):
        w = w - lr * (w @ a - y) * a
        path.append(w.copy())
    return np.array(path)


def unit_levers(w, a, b: float, y: float) -> dict:
    """A unit z = w·a + b with loss ½(z − y)²: δ = z − y and its three levers ∂L/∂b = δ, ∂L/∂w = δ·a, ∂L/∂a = δ·w."""
    w, a = as_float_array(w, "w"), as_float_array(a, "a")
    if w.ndim != 1 or w.shape != a.shape:
        raise ValueError(f"w and a must be vectors of one length (one weight per input), got {w.shape} and {a.shape}.")
    b, y = check_number(b, "b", example="0.1"), check_number(y, "y", example="1.0")
    delta = float(w @ a + b - y)
    return {"delta": delta, "b": delta, "w": delta * a, "a": delta * w}
