"""One sigmoid neuron with one weight: z = w·x, a = σ(z), E = (a − t)², the smallest backprop there is.

Notebook 04 starts here (x = 2, w = 0.5, target 1). Note this error has no ½ in front,
so ∂E/∂a = 2(a − t); the 2-2-2 network later uses ½(t − a)², whose slope is a − t.
"""
from __future__ import annotations

import numpy as np

from course_utils.activations import get
from course_utils.validation import as_finite_array

_sigmoid = get("sigmoid")

#: The worked example of the notebook.
EXAMPLE = {"x": 2.0, "w": 0.5, "t": 1.0}


def error(w, x: float = 2.0, t: float = 1.0):
    """E(w) = (σ(w·x) − t)², for one w or an array of them."""
    w = as_finite_array(w, "w")
    return (_sigmoid.fn(w * x) - t) ** 2


def error_slope(w, x: float = 2.0, t: float = 1.0):
    """dE/dw = 2(a − t) · σ'(z) · x, for one w or an array of them."""
    w = as_finite_array(w, "w")
    z = w * x
    return 2.0 * (_sigmoid.fn(z) - t) * _sigmoid.grad(z) * x


def walk(w: float = 0.5, x: float = 2.0, t: float = 1.0) -> dict[str, float]:
    """Every number of one forward and backward pass, by name: z, a, E and the three local slopes."""
    for name, value in (("w", w), ("x", x), ("t", t)):
        as_finite_array(value, name)
        if np.ndim(value) != 0:
            raise ValueError(f"{name} must be a single number here, got shape {np.shape(value)}; use error() for arrays.")
    z = float(w) * float(x)
    a = _sigmoid.fn(z)
    slopes = {"dE/da": 2.0 * (a - t), "da/dz": a * (1.0 - a), "dz/dw": float(x)}
    return {"z": z, "a": a, "E": (a - t) ** 2, **slopes,
            "dE/dw": slopes["dE/da"] * slopes["da/dz"] * slopes["dz/dw"]}

