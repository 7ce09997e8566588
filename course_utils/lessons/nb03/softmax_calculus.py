"""The derivatives of softmax, derived with SymPy and checked with numbers:
its Jacobian and the s − t of cross-entropy.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy

from course_utils.calculus import numerical_gradient
from course_utils.lessons.nb03.numerics import cross_entropy_from_scores
from course_utils.validation import as_finite_array, call_on, check_number, require_callable

#: SymPy's formulas grow like n²: beyond this many classes they take minutes, and show nothing new.
MAX_CLASSES = 12


def _require_size(n) -> int:
    """Softmax over n classes needs a whole number n of at least 2."""
    n = check_number(n, "n (the number of classes)", low=2, integer=True, example="3")
    return check_number(n, "n (the number of classes)", high=MAX_CLASSES, integer=True, example="3")


def symbolic_softmax(n: int) -> tuple[sympy.Matrix, sympy.Matrix]:
    """The inputs x1…xn and the column vector s with s_i = e^{x_i} / Σ_j e^{x_j}, as SymPy objects."""
    x = sympy.Matrix(sympy.symbols(f"x1:{_require_size(n) + 1}", real=True))
    exps = x.applyfunc(sympy.exp)
    return x, exps / sum(exps)


def symbolic_softmax_jacobian(n: int) -> tuple[sympy.Matrix, sympy.Matrix, sympy.Matrix]:
    """(x, J, diag(s) − s sᵀ): J differentiates every s_i by every x_j; the last is the claimed closed form."""
    x, s = symbolic_softmax(n)
    return x, s.jacobian(x), sympy.diag(*s) - s * s.T


def symbolic_cross_entropy_gradient(n: int) -> tuple[sympy.Matrix, sympy.Matrix, sympy.Matrix, sympy.Matrix]:
    """(x, t, ∂L/∂x, s − t) for L = −Σ t_i log s_i, with targets t that sum to 1 (t_n = 1 − the others)."""
    x, s = symbolic_softmax(n)
    free = sympy.symbols(f"t1:{n}", real=True)
    t = sympy.Matrix([*free, 1 - sum(free)])
    loss = -sum(t[i] * sympy.log(s[i]) for i in range(n))
    return x, t, sympy.Matrix([loss]).jacobian(x).T, s - t


def is_zero_matrix(matrix: sympy.Matrix) -> bool:
    """True if every entry simplifies to 0: how two symbolic results are compared (not by their printing)."""
    return all(sympy.simplify(entry) == 0 for entry in matrix)


def numerical_jacobian(f: Callable, x, h: float = 1e-6) -> np.ndarray:
    """J[i, j] = ∂f_i/∂x_j by central differences, one output at a time (f maps a vector to a vector)."""
    require_callable(f, "f")
    x = as_finite_array(x, "x")
    n_out = call_on(f, x).size
    return np.array([numerical_gradient(lambda v, i=i: call_on(f, v).ravel()[i], x, h)
                     for i in range(n_out)])


def cross_entropy(s, t) -> float:
    """L = −Σ t_i log s_i: the loss of predicted probabilities s against targets t."""
    s, t = as_finite_array(s, "s"), as_finite_array(t, "t")
    if s.shape != t.shape:
        raise ValueError(f"s and t must have the same shape (one probability per class), got {s.shape} and {t.shape}.")
    if np.any(s < 0) or np.any((s == 0) & (t > 0)):
        raise ValueError("s must hold probabilities, greater than 0 wherever t is (log 0 is −∞). If s came from "
                         "softmax and underflowed to 0, compute the loss from the scores: softmax_cross_entropy(x, t).")
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(np.where(t == 0, 0.0, t * np.log(s)))) + 0.0  # 0 · log 0 counts as 0; never −0.0


def softmax_cross_entropy(x, t) -> float:
    """Cross-entropy of softmax(x) against t, computed from the scores with log-softmax, so it never overflows:
    the loss whose gradient with respect to x is s − t.
    """
    return cross_entropy_from_scores(as_finite_array(x, "x"), t)
