"""One sigmoid neuron with one weight: z = w·x, a = σ(z), E = (a − t)², the smallest backprop there is.

Notebook 04 starts here, with the worked example below. Note this error has no ½ in front,
so ∂E/∂a = 2(a − t); the 2-2-2 network later uses ½(t − a)², whose slope is a − t.
"""
from __future__ import annotations

import numpy as np

from course_utils import activations
from course_utils.validation import as_finite_array, check_number

_sigmoid = activations.get("sigmoid")

#: The notebook's worked example, the defaults of every function here: the input x, the starting w, the target t.
INPUT, START_WEIGHT, TARGET = 2.0, 0.5, 1.0


def error(w, x: float = INPUT, t: float = TARGET):
    """E(w) = (σ(w·x) − t)², for one w or an array of them."""
    w, x, t = as_finite_array(w, "w"), check_number(x, "x", example="2.0"), check_number(t, "t", example="1.0")
    return (_sigmoid.fn(w * x) - t) ** 2


def error_slope(w, x: float = INPUT, t: float = TARGET):
    """dE/dw = 2(a − t) · σ'(z) · x, for one w or an array of them."""
    w, x, t = as_finite_array(w, "w"), check_number(x, "x", example="2.0"), check_number(t, "t", example="1.0")
    z = w * x
    return 2.0 * (_sigmoid.fn(z) - t) * _sigmoid.grad(z) * x


def walk(w: float = START_WEIGHT, x: float = INPUT, t: float = TARGET) -> dict[str, float]:
    """Every number of one forward and backward pass, by name: z, a, E and the three local slopes."""
    for name, value in (("w", w), ("x", x), ("t", t)):
        point = as_finite_array(value, name)
        if point.ndim != 0:
            raise ValueError(
                f"{name} must be a single number here, got shape {np.shape(value)}; use error() for arrays."
            )
        check_number(point.item() if isinstance(value, np.ndarray) else value, name)  # and not True
    z = float(w) * float(x)
    a = _sigmoid.fn(z)
    slopes = {"dE/da": 2.0 * (a - t), "da/dz": a * (1.0 - a), "dz/dw": float(x)}
    return {"z": z, "a": a, "E": (a - t) ** 2, **slopes,
            "dE/dw": slopes["dE/da"] * slopes["da/dz"] * slopes["dz/dw"]}



def descend(w: float, eta: float, steps: int, x: float = INPUT, t: float = TARGET) -> list[float]:
    """The weights of ``steps`` gradient-descent steps w ← w − η·dE/dw from w (the start included)."""
    weights = [float(check_number(w, "w", example="0.5"))]
    eta = check_number(eta, "eta", low=0, include_low=False, example="0.5")
    for _ in range(int(check_number(steps, "steps", integer=True, low=0, example="10"))):
        weights.append(weights[-1] - eta * float(error_slope(weights[-1], x, t)))
    return weights
