"""Activation functions and their derivatives, numerically stable for any float input.

Every function takes the pre-activation ``x`` (a number or an array) and works
elementwise. None of them warns for inputs as large as +-1e308 or +-inf, and a
NaN in gives a NaN out. ``grad`` is the derivative at the pre-activation; at the
kink of ReLU (x = 0) we use 0, the convention PyTorch uses.

Each activation is written down once, in the registry below, with every fact the course
states about it (its name in prose, its TeX and SymPy forms, its parameters, its range).
The facts table, the symbolic check, the explorers' menus and the tests all read it from
there, so adding an activation is one ``register(Activation(...))`` entry in this file.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from course_utils.calculus import as_plain
from course_utils.validation import as_float_array, check_number

_INV_SQRT2 = 1.0 / math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _as_float_array(x) -> np.ndarray:
    """A learner's input as a float array (10**400 as inf, where every activation has its limit), or a TypeError."""
    try:
        return as_float_array(x, "x")
    except TypeError as error:
        raise TypeError(f"activations work on numbers or numeric arrays: {error} "
                        "Pass a float, a list of floats or a numpy array.") from None


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

@dataclass(frozen=True, kw_only=True)
class Parameter:
    """A parameter such as α, with the values that keep its function what the course says it is."""

    default: float
    low: float
    high: float
    include_low: bool = True  # False: low itself is refused, as α = 0 would make ELU flat on the left
    include_high: bool = True
    slider: tuple[float, float, float]  # the comparison explorer's (min, max, start): the range worth exploring
    symbol: str = "α"  # how readouts and table rows write it

    def check(self, value, name: str) -> float:
        """The value as a float, or a TypeError (not a number) or ValueError (outside the allowed range)."""
        return check_number(value, name, low=self.low, high=self.high, include_low=self.include_low,
                            include_high=self.include_high, example=f"{self.default:g}")


@dataclass(frozen=True, kw_only=True)
class Activation:
    """One activation function with its derivative and every fact the course states about it.

    It is a ``calculus.Differentiable`` (``name``, ``fn``, ``grad``). The TeX is written as the
    function's name (``tex_name``) and the two right-hand sides, from which ``latex`` and
    ``latex_grad`` are built, so the name cannot differ between f and f′.
    """

    name: str  # the registry key: lower case with underscores, e.g. "leaky_relu"
    display_name: str = field(repr=False)  # as prose, tables and menus write it, e.g. "leaky ReLU"
    raw_fn: Callable = field(repr=False)  # f(x, **params) on a float array, numerically stable
    raw_grad: Callable = field(repr=False)  # f'(x, **params) likewise
    tex_name: str = field(repr=False)  # the function's name in math text, e.g. r"\sigma", r"\mathrm{ReLU}"
    tex: str = field(repr=False)  # the right-hand side of f(x) = ...
    tex_grad: str = field(repr=False)  # the right-hand side of f'(x) = ...
    sympy_form: Callable = field(repr=False)  # (sympy, x, **params) -> the textbook formula, typed apart from raw_fn
    output_range_of: Callable = field(repr=False)  # (**params) -> (lowest, highest) value f takes or approaches
    zero_centered: bool = field(repr=False)  # strictly: f is odd, so inputs symmetric about 0 give outputs of mean 0
    kinks: tuple[float, ...] = field(default=(), repr=False)  # where a piecewise formula switches branch
    parameters: dict[str, Parameter] = field(default_factory=dict, repr=False)
    params: dict[str, float] = field(default_factory=dict)  # the values in use; a missing one takes its default

    def __post_init__(self):
        """Fill in each parameter's default, so a registry entry need not repeat it."""
        defaults = {key: p.default for key, p in self.parameters.items()}
        object.__setattr__(self, "params", {**defaults, **self.params})  # frozen: the documented way to finish init

    @property
    def latex(self) -> str:
        """f(x) = ... in TeX."""
        return f"{self.tex_name}(x) = {self.tex}"

    @property
    def latex_grad(self) -> str:
        """f'(x) = ... in TeX."""
        return f"{self.tex_name}'(x) = {self.tex_grad}"

    @property
    def output_range(self) -> tuple[float, float]:
        """(lowest, highest) value of f for these parameters, e.g. (-α, ∞) for ELU."""
        return self.output_range_of(**self.params)

    def fn(self, x):
        """f(x), elementwise."""
        return as_plain(self.raw_fn(_as_float_array(x), **self.params))

    def grad(self, x):
        """f'(x), elementwise, at the pre-activation x."""
        return as_plain(self.raw_grad(_as_float_array(x), **self.params))

    def __call__(self, x):
        """act(x) is act.fn(x), so an activation can be passed wherever a function is expected."""
        return self.fn(x)


#: Every activation by name, in the order the course presents them. Add one with register().
ACTIVATIONS: dict[str, Activation] = {}


def name_key(name) -> str:
    """The registry key of a name as a learner may type it: "ReLU", "Leaky-ReLU", "leaky relu"."""
    if not isinstance(name, str):
        raise TypeError(f"activation name must be a string such as 'relu', got {type(name).__name__}.")
    return name.strip().lower().replace("-", "_").replace(" ", "_")  # the rule validation.choose applies too


def register(activation: Activation) -> Activation:
    """Add an activation to ACTIVATIONS: the one place its facts are written, read by every table, menu and check."""
    if not isinstance(activation, Activation):
        raise TypeError(f"register takes an Activation(...), got {type(activation).__name__}.")
    if activation.name != name_key(activation.name):
        raise ValueError(f"write the name as lower case with underscores, e.g. {name_key(activation.name)!r}.")
    if activation.name in ACTIVATIONS:
        raise ValueError(f"{activation.name!r} is already registered; pick another name.")
    ACTIVATIONS[activation.name] = activation
    return activation


def _minimum_of(raw_fn) -> float:
    """The smallest value a function takes on [-6, 0], found on a fine grid (for GELU, SiLU)."""
    xs = np.linspace(-6.0, 0.0, 6001)
    return float(np.min(raw_fn(xs)))


_GELU_MINIMUM = _minimum_of(_gelu)
_SILU_MINIMUM = _minimum_of(_silu)

register(Activation(
    name="sigmoid", display_name="sigmoid", raw_fn=_sigmoid, raw_grad=_sigmoid_grad,
    tex_name=r"\sigma", tex=r"\frac{1}{1 + e^{-x}}", tex_grad=r"\sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
    sympy_form=lambda sp, x: 1 / (1 + sp.exp(-x)),
    output_range_of=lambda: (0.0, 1.0), zero_centered=False,
))
register(Activation(
    name="tanh", display_name="tanh", raw_fn=np.tanh, raw_grad=_tanh_grad,
    tex_name=r"\tanh", tex=r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", tex_grad=r"1 - \tanh^2(x)",
    sympy_form=lambda sp, x: sp.tanh(x),
    output_range_of=lambda: (-1.0, 1.0), zero_centered=True,
))
register(Activation(
    name="relu", display_name="ReLU", raw_fn=_relu, raw_grad=_relu_grad,
    tex_name=r"\mathrm{ReLU}", tex=r"\max(0, x)",
    tex_grad=r"\begin{cases} 1 & x > 0 \\ 0 & x < 0 \\ \text{none; code uses } 0 & x = 0 \end{cases}",
    sympy_form=lambda sp, x: sp.Piecewise((x, x > 0), (0, True)),
    output_range_of=lambda: (0.0, math.inf), zero_centered=False, kinks=(0.0,),
))
register(Activation(
    name="leaky_relu", display_name="leaky ReLU", raw_fn=_leaky_relu, raw_grad=_leaky_relu_grad,
    tex_name=r"\mathrm{LeakyReLU}", tex=r"\begin{cases} x & x > 0 \\ \alpha x & x \le 0 \end{cases}",
    tex_grad=r"\begin{cases} 1 & x > 0 \\ \alpha & x < 0 \\ \text{none; code uses } \alpha & x = 0 \end{cases}",
    sympy_form=lambda sp, x, alpha: sp.Piecewise((x, x > 0), (alpha * x, True)),
    output_range_of=lambda alpha: (0.0, math.inf) if alpha == 0 else (-math.inf, math.inf),  # alpha = 0: ReLU
    zero_centered=False, kinks=(0.0,),
    parameters={"alpha": Parameter(default=0.01, low=0, high=1, include_high=False, slider=(0.0, 0.5, 0.1))},
))
register(Activation(
    name="linear", display_name="linear", raw_fn=_linear, raw_grad=_linear_grad,
    tex_name="f", tex="x", tex_grad="1",
    sympy_form=lambda sp, x: x,
    output_range_of=lambda: (-math.inf, math.inf), zero_centered=True,
))
register(Activation(
    name="softplus", display_name="softplus", raw_fn=_softplus, raw_grad=_sigmoid,
    tex_name=r"\mathrm{softplus}", tex=r"\ln\bigl(1 + e^{x}\bigr)", tex_grad=r"\sigma(x)",
    sympy_form=lambda sp, x: sp.log(1 + sp.exp(x)),
    output_range_of=lambda: (0.0, math.inf), zero_centered=False,
))
register(Activation(
    name="elu", display_name="ELU", raw_fn=_elu, raw_grad=_elu_grad,
    tex_name=r"\mathrm{ELU}", tex=r"\begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
    tex_grad=(r"\begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x < 0 \\ "
              r"\text{none unless } \alpha = 1\text{; code uses } \alpha & x = 0 \end{cases}"),
    sympy_form=lambda sp, x, alpha: sp.Piecewise((x, x > 0), (alpha * (sp.exp(x) - 1), True)),
    output_range_of=lambda alpha: (-alpha, math.inf), zero_centered=False, kinks=(0.0,),  # f' jumps unless alpha = 1
    parameters={"alpha": Parameter(default=1.0, low=0, high=10, include_low=False, slider=(0.1, 2.0, 1.0))},
))
register(Activation(
    name="gelu", display_name="GELU", raw_fn=_gelu, raw_grad=_gelu_grad,
    tex_name=r"\mathrm{GELU}", tex=r"x\,\Phi(x)", tex_grad=r"\Phi(x) + x\,\varphi(x)",
    sympy_form=lambda sp, x: x * (1 + sp.erf(x / sp.sqrt(2))) / 2,
    output_range_of=lambda: (_GELU_MINIMUM, math.inf), zero_centered=False,
))
register(Activation(
    name="silu", display_name="SiLU", raw_fn=_silu, raw_grad=_silu_grad,
    tex_name=r"\mathrm{SiLU}", tex=r"x\,\sigma(x)", tex_grad=r"\sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
    sympy_form=lambda sp, x: x / (1 + sp.exp(-x)),
    output_range_of=lambda: (_SILU_MINIMUM, math.inf), zero_centered=False,
))


def get(name, **params) -> Activation:
    """Look an activation up by name, in any case ("ReLU", "Leaky_ReLU"), e.g. ``get("leaky_relu", alpha=0.1)``."""
    base = name if isinstance(name, Activation) else _registered(name)
    if not params:
        return base
    unknown = set(params) - set(base.parameters)
    if unknown:
        accepted = ", ".join(sorted(base.parameters)) or "none"
        raise ValueError(
            f"{base.name} does not take parameter(s) {', '.join(sorted(unknown))}; it accepts: {accepted}."
        )
    checked = {key: base.parameters[key].check(value, f"{base.name}: {key}") for key, value in params.items()}
    return replace(base, params={**base.params, **checked})  # parameters given with an object are applied, not dropped


def _registered(name) -> Activation:
    """The registered activation of that name, or a ValueError that lists the valid ones."""
    key = name_key(name)
    if key not in ACTIVATIONS:
        raise ValueError(f"unknown activation {name!r}. Choose one of: {', '.join(sorted(ACTIVATIONS))}.")
    return ACTIVATIONS[key]


# --- softmax: a vector function ------------------------------------------------

def softmax(x, axis: int | None = None):
    """exp(x_i) / sum_j exp(x_j) along ``axis`` (the last unless given), after subtracting the max (never overflows).

    A +inf entry takes all the probability (shared equally among ties); a slice that is
    all -inf, or contains NaN, gives NaN. A column vector, shape (n, 1), is refused unless
    ``axis`` is given: over its last axis every "distribution" has one entry, so all come out 1,
    which is almost never what was meant.
    """
    x = _as_float_array(x)
    if x.ndim == 0:
        raise ValueError("softmax needs a vector (1-D or more), got a single number; pass e.g. [1.0, 2.0, 3.0].")
    if axis is None and x.ndim >= 2 and x.shape[-1] == 1 and x.shape[0] > 1:
        raise ValueError(
            f"softmax of shape {x.shape} normalises along the last axis, which holds one number per row, so "
            "every output would be 1. For a column vector pass softmax(x, axis=0) or softmax(x.ravel()); "
            "if one entry per row is really meant, say so with axis=-1."
        )
    axis = -1 if axis is None else check_number(axis, "axis", low=-x.ndim, high=x.ndim - 1, integer=True,
                                                 example="-1 (the last axis)")
    if x.shape[axis] == 0:
        raise ValueError(f"softmax needs at least one number along axis {axis}, got shape {x.shape}; "
                         "pass e.g. [1.0, 2.0, 3.0].")
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
    """The matrix of d softmax_i / d x_j = diag(s) - s s^T (a stack of them for a batch, one per row)."""
    s = softmax(x)
    return s[..., :, None] * np.eye(s.shape[-1]) - s[..., :, None] * s[..., None, :]
