"""Two checks of the walk-through's gradients that share no code with its chain rule.

SymPy differentiates the whole network, written out as one expression, and central
differences nudge each parameter and re-run the forward pass. If the chain rule in
``walkthrough.backward`` agrees with both, all three are very likely right.
"""
from __future__ import annotations

import numpy as np

from course_utils import walkthrough
from course_utils.calculus import numerical_gradient, relative_error


def symbolic_error():
    """E_total as one SymPy expression, and its symbols by name (inputs, parameters, targets)."""
    import sympy as sp

    s = {name: sp.Symbol(name, real=True) for name in walkthrough.NETWORK_KEYS}

    def sigma(v):
        return 1 / (1 + sp.exp(-v))

    y1a = sigma(s["x1"] * s["w1"] + s["x2"] * s["w3"] + s["c1"])
    y2a = sigma(s["x1"] * s["w2"] + s["x2"] * s["w4"] + s["c1"])
    z1a = sigma(y1a * s["w5"] + y2a * s["w7"] + s["c2"])
    z2a = sigma(y1a * s["w6"] + y2a * s["w8"] + s["c2"])
    error = sp.Rational(1, 2) * (s["t1"] - z1a) ** 2 + sp.Rational(1, 2) * (s["t2"] - z2a) ** 2
    return error, s


def sympy_gradients(p: dict) -> dict[str, float]:
    """∂E_total/∂θ for the ten parameters: SymPy differentiates the expression, then substitutes p."""
    import sympy as sp

    walkthrough.forward(p)  # a clear error for a bad network before any algebra
    error, s = symbolic_error()
    subs = {s[name]: sp.Float(float(p[name]), 30) for name in walkthrough.NETWORK_KEYS}
    return {
        f"dE/d{name}": float(sp.diff(error, s[name]).evalf(30, subs=subs))
        for name in walkthrough.PARAMETERS
    }


def finite_difference_gradients(p: dict, h: float = 1e-5, squash=None) -> dict[str, float]:
    """∂E_total/∂θ for the ten parameters by central differences of the forward pass (with its squash)."""
    walkthrough.forward(p, squash)  # a clear error for a bad network before any nudging

    def error_at(theta: np.ndarray) -> float:
        return walkthrough.forward(dict(p, **dict(zip(walkthrough.PARAMETERS, theta.tolist()))), squash)["E_total"]

    theta = np.array([float(p[name]) for name in walkthrough.PARAMETERS])
    grad = numerical_gradient(error_at, theta, h)
    return {f"dE/d{name}": float(g) for name, g in zip(walkthrough.PARAMETERS, grad)}


def gradient_comparison(p: dict) -> list[tuple[str, float, float, float, float, float]]:
    """One row per parameter: (name, chain rule, SymPy, finite differences,
    and the chain rule's relative error against each).
    """
    by_chain = walkthrough.backward(p)
    by_sympy = sympy_gradients(p)
    by_differences = finite_difference_gradients(p)
    rows = []
    for name in walkthrough.PARAMETERS:
        key = f"dE/d{name}"
        chain, sym, diff = by_chain[key], by_sympy[key], by_differences[key]
        rows.append((name, chain, sym, diff, relative_error(chain, sym), relative_error(chain, diff)))
    return rows


def per_parameter_errors(p: dict, squash=None) -> dict[str, tuple[float, float, float]]:
    """For each parameter: (chain rule, finite differences, relative error), with the forward pass's squash.

    A bug can pass the check on some parameters and fail on others, so the table lists every one.
    """
    chain = walkthrough.backward(p, squash=squash)
    differences = finite_difference_gradients(p, squash=squash)
    return {key.removeprefix("dE/d"): (chain[key], differences[key], relative_error(chain[key], differences[key]))
            for key in chain}
