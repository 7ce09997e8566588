"""Activation functions and their derivatives, numerically stable for any float input.

Every function takes the pre-activation ``x`` (a number or an array) and works
elementwise. None of them warns for inputs as large as +-1e308 or +-inf, and a
NaN in gives a NaN out. ``grad`` is the derivative at the pre-activation; at the
kink of ReLU (x = 0) we use 0, the convention PyTorch uses.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

_INV_SQRT2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _as_float_array(x) -> np.ndarray:
    """Turn a learner's input into a float array, with a clear message if it is not numeric."""
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"activations work on numbers or numeric arrays, got {type(x).__name__}: {x!r}. "
            "Pass a float, a list of floats or a numpy array."
        ) from None


def _scalar_if_0d(out: np.ndarray):
    """Give back a plain float for a scalar input, so printed values stay readable."""
    return float(out) if out.ndim == 0 else out


def _times_vanishing(x: np.ndarray, g: np.ndarray) -> np.ndarray:
    """x * g where g -> 0 as x -> +-inf: a zero factor wins, so inf * 0 gives 0, not NaN."""
    return np.where(g == 0, 0.0, x) * g


def _keep_nan(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Put NaN back where the input was NaN (comparisons like x > 0 would hide it)."""
    return np.where(np.isnan(x), np.nan, out)


# --- the functions ---------------------------------------------------------

def _sigmoid(x):
    e = np.exp(-np.abs(x))  # never overflows: the exponent is <= 0
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_grad(x):
    e = np.exp(-np.abs(x))  # sigma' is even, and e / (1 + e)^2 keeps precision in both tails
    return e / (1.0 + e) ** 2


def _tanh(x):
    return np.tanh(x)


def _tanh_grad(x):
    e = np.exp(-np.abs(x))
    e2 = e * e  # exp(-2|x|) without computing 2|x|, which overflows at 1e308
    return 4.0 * e2 / (1.0 + e2) ** 2


def _relu(x):
    return np.maximum(x, 0.0)


def _relu_grad(x):
    return _keep_nan(x, (x > 0).astype(float))


def _linear(x):
    return x.copy()


def _linear_grad(x):
    return _keep_nan(x, np.ones_like(x))


def _softplus(x):
    return np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0.0)


def _elu(x, alpha):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def _elu_grad(x, alpha):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def _leaky_relu(x, alpha):
    return _keep_nan(x, np.where(x > 0, x, _times_vanishing(x, alpha)))  # alpha = 0 at -inf gives 0, not NaN


def _leaky_relu_grad(x, alpha):
    return _keep_nan(x, np.where(x > 0, 1.0, alpha))


def _std_normal_cdf(x):
    """Phi(x) via erfc, which stays accurate far into the left tail."""
    return np.asarray(0.5 * _erfc(-x * _INV_SQRT2), dtype=float)  # frompyfunc gives objects, or a bare float for 0-d


def _std_normal_pdf(x):
    xc = np.clip(x, -40.0, 40.0)  # phi(40) underflows to 0 anyway; clipping avoids x*x overflow
    return _INV_SQRT_2PI * np.exp(-0.5 * xc * xc)


def _gelu(x):
    return _times_vanishing(x, _std_normal_cdf(x))


def _gelu_grad(x):
    return _std_normal_cdf(x) + _times_vanishing(x, _std_normal_pdf(x))


def _silu(x):
    return _times_vanishing(x, _sigmoid(x))


def _silu_grad(x):
    return _sigmoid(x) + _times_vanishing(x, _sigmoid_grad(x))


# --- the Activation object ---------------------------------------------------

@dataclass(frozen=True)
class Activation:
    """One activation function with its derivative and the facts a learner compares."""

    name: str
    raw_fn: Callable = field(repr=False)
    raw_grad: Callable = field(repr=False)
    latex: str = field(repr=False)
    latex_grad: str = field(repr=False)
    output_range: tuple[float, float] = field(repr=False)
    zero_centered: bool = field(repr=False)
    params: dict = field(default_factory=dict)

    def fn(self, x):
        """f(x), elementwise."""
        return _scalar_if_0d(self.raw_fn(_as_float_array(x), **self.params))

    def grad(self, x):
        """f'(x), elementwise, at the pre-activation x."""
        return _scalar_if_0d(self.raw_grad(_as_float_array(x), **self.params))

    def __call__(self, x):
        return self.fn(x)


def _minimum_of(raw_fn) -> float:
    """The smallest value a function takes on [-6, 0], found on a fine grid (for GELU, SiLU)."""
    xs = np.linspace(-6.0, 0.0, 6001)
    return float(np.min(raw_fn(xs)))


_LEAKY_DEFAULT = 0.01
_ELU_DEFAULT = 1.0

ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Activation(
            "sigmoid", lambda x: _sigmoid(x), lambda x: _sigmoid_grad(x),
            r"\sigma(x) = \frac{1}{1 + e^{-x}}",
            r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
            (0.0, 1.0), False,
        ),
        Activation(
            "tanh", lambda x: _tanh(x), lambda x: _tanh_grad(x),
            r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
            r"\tanh'(x) = 1 - \tanh^2(x)",
            (-1.0, 1.0), True,
        ),
        Activation(
            "relu", lambda x: _relu(x), lambda x: _relu_grad(x),
            r"\mathrm{ReLU}(x) = \max(0, x)",
            r"\mathrm{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
            (0.0, math.inf), False,
        ),
        Activation(
            "leaky_relu", _leaky_relu, _leaky_relu_grad,
            r"\mathrm{LeakyReLU}(x) = \begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
            r"\mathrm{LeakyReLU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha & x \le 0 \end{cases}",
            (-math.inf, math.inf), False, {"alpha": _LEAKY_DEFAULT},
        ),
        Activation(
            "linear", lambda x: _linear(x), lambda x: _linear_grad(x),
            r"f(x) = x", r"f'(x) = 1",
            (-math.inf, math.inf), True,
        ),
        Activation(
            "softplus", lambda x: _softplus(x), lambda x: _sigmoid(x),
            r"\mathrm{softplus}(x) = \ln\bigl(1 + e^{x}\bigr)",
            r"\mathrm{softplus}'(x) = \sigma(x)",
            (0.0, math.inf), False,
        ),
        Activation(
            "elu", _elu, _elu_grad,
            r"\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
            r"\mathrm{ELU}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}",
            (-_ELU_DEFAULT, math.inf), False, {"alpha": _ELU_DEFAULT},
        ),
        Activation(
            "gelu", lambda x: _gelu(x), lambda x: _gelu_grad(x),
            r"\mathrm{GELU}(x) = x\,\Phi(x)",
            r"\mathrm{GELU}'(x) = \Phi(x) + x\,\varphi(x)",
            (_minimum_of(_gelu), math.inf), False,
        ),
        Activation(
            "silu", lambda x: _silu(x), lambda x: _silu_grad(x),
            r"\mathrm{SiLU}(x) = x\,\sigma(x)",
            r"\mathrm{SiLU}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
            (_minimum_of(_silu), math.inf), False,
        ),
    ]
}


def _check_alpha(name: str, alpha) -> float:
    """Accept the alpha of leaky ReLU / ELU only where the function stays what it claims to be."""
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float, np.floating, np.integer)):
        raise TypeError(f"{name}: alpha must be a number, got {type(alpha).__name__}.")
    alpha = float(alpha)
    if name == "leaky_relu" and not 0.0 <= alpha < 1.0:
        raise ValueError(f"leaky_relu: alpha must be in [0, 1), e.g. 0.01; got {alpha}.")
    if name == "elu" and not (0.0 < alpha <= 10.0):
        raise ValueError(f"elu: alpha must be in (0, 10], e.g. 1.0; got {alpha}.")
    return alpha


def get(name, **params) -> Activation:
    """Look an activation up by name, e.g. ``get("leaky_relu", alpha=0.1)``."""
    if isinstance(name, Activation):
        if not params:
            return name
        name, params = name.name, {**name.params, **params}  # new parameters must not be dropped silently
    if not isinstance(name, str):
        raise TypeError(f"activation name must be a string such as 'relu', got {type(name).__name__}.")
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in ACTIVATIONS:
        valid = ", ".join(sorted(ACTIVATIONS))
        raise ValueError(f"unknown activation {name!r}. Choose one of: {valid}.")
    base = ACTIVATIONS[key]
    unknown = set(params) - set(base.params)
    if unknown:
        accepted = ", ".join(sorted(base.params)) or "none"
        raise ValueError(
            f"{key} does not take parameter(s) {', '.join(sorted(unknown))}; it accepts: {accepted}."
        )
    if not params:
        return base
    checked = {k: _check_alpha(key, v) for k, v in params.items()}
    output_range = base.output_range
    if key == "elu":
        output_range = (-checked["alpha"], math.inf)
    elif key == "leaky_relu" and checked["alpha"] == 0.0:
        output_range = (0.0, math.inf)  # with alpha = 0 it is ReLU
    return replace(base, params={**base.params, **checked}, output_range=output_range)


# --- softmax: a vector function ------------------------------------------------

def softmax(x, axis: int = -1):
    """exp(x_i) / sum_j exp(x_j) along ``axis``, computed after subtracting the max (never overflows).

    A +inf entry takes all the probability (shared equally among ties); a slice that is
    all -inf, or contains NaN, gives NaN.
    """
    x = _as_float_array(x)
    if x.ndim == 0:
        raise ValueError("softmax needs a vector (1-D or more), got a single number; pass e.g. [1.0, 2.0, 3.0].")
    with np.errstate(over="ignore", invalid="ignore"):
        m = np.max(x, axis=axis, keepdims=True)
        shifted = x - m  # -inf - (-inf) and inf - inf are NaN, fixed below
        e = np.exp(shifted)
        out = e / np.sum(e, axis=axis, keepdims=True)
        top_is_inf = np.isposinf(m)
        is_top = np.isposinf(x)
        ties = np.sum(is_top, axis=axis, keepdims=True)
        inf_share = np.where(is_top, 1.0, 0.0) / np.maximum(ties, 1)
    has_nan = np.any(np.isnan(x), axis=axis, keepdims=True)
    out = np.where(top_is_inf, inf_share, out)
    return np.where(has_nan, np.nan, out)


def softmax_jacobian(x):
    """The matrix of d softmax_i / d x_j = diag(s) - s s^T (a stack of them for a batch)."""
    s = softmax(x, axis=-1)
    return s[..., :, None] * np.eye(s.shape[-1]) - s[..., :, None] * s[..., None, :]
