"""The 2-2-2 walk-through network of notebook 04, computed one scalar at a time.

Two inputs x1, x2 feed two sigmoid hidden units (pre-activations y1, y2, activations
y1a, y2a), which feed two sigmoid outputs (z1, z2 → z1a, z2a); the error is
E_total = ½(t1 − z1a)² + ½(t2 − z2a)². The wiring (the transpose of Mazur's published
layout, see ``lessons.nb04.mazur``) is:

    y1 = x1·w1 + x2·w3 + c1        z1 = y1a·w5 + y2a·w7 + c2
    y2 = x1·w2 + x2·w4 + c1        z2 = y1a·w6 + y2a·w8 + c2

so each bias is shared by the two units of its layer. Every function takes and
returns plain dicts of floats, so a notebook can print any intermediate by name.
"""
from __future__ import annotations

import numpy as np

from course_utils import activations
from course_utils.validation import call_on, check_number, require_callable, require_count, require_positive

INPUTS = ("x1", "x2")
TARGETS = ("t1", "t2")
WEIGHTS = ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")
BIASES = ("c1", "c2")
#: The ten trainable parameters, in the order the notebook lists them.
PARAMETERS = WEIGHTS + BIASES
#: Every number the network needs: inputs, parameters and targets.
NETWORK_KEYS = INPUTS + PARAMETERS + TARGETS
#: Each unit's pre-activation as ((input, weight), (input, weight), bias): y1 = x1·w1 + x2·w3 + c1, …
WIRING = {
    "y1": (("x1", "w1"), ("x2", "w3"), "c1"),
    "y2": (("x1", "w2"), ("x2", "w4"), "c1"),
    "z1": (("y1a", "w5"), ("y2a", "w7"), "c2"),
    "z2": (("y1a", "w6"), ("y2a", "w8"), "c2"),
}

_sigmoid = activations.get("sigmoid")
#: More steps than anyone waits for in a notebook; a typo such as 10**400 is refused instead of hanging.
MAX_STEPS = 10_000_000


def starting_network() -> dict[str, float]:
    """The walk-through's inputs, starting parameters and targets: Mazur's inputs and weights, targets 0.10 and 0.99."""
    return {
        "x1": 0.05, "x2": 0.10,
        "w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30,
        "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
        "c1": 0.35, "c2": 0.60,
        "t1": 0.10, "t2": 0.99,
    }


def formulas() -> dict[str, str]:
    """How each value of forward() is computed, as text for tables (in forward()'s order)."""
    table = {}
    for unit, (*pairs, bias) in WIRING.items():
        table[unit] = " + ".join(f"{value}·{weight}" for value, weight in pairs) + f" + {bias}"
        table[unit + "a"] = f"σ({unit})"
    return {**table, "E1": "½(t1 − z1a)²", "E2": "½(t2 − z2a)²", "E_total": "E1 + E2"}


def latex_name(name: str) -> str:
    """How the lessons typeset a name of this network, so every figure and formula agrees: z1a → z_1^a, w5 → w_5."""
    if name == "E":
        return "E"
    return f"{name[0]}_{name[1]}^a" if name.endswith("a") else f"{name[0]}_{name[1]}"


def forward(p: dict, squash=None) -> dict[str, float]:
    """Every intermediate of the forward pass, from the pre-activations to E_total.

    ``squash`` replaces the sigmoid (e.g. the sign-flipped 1/(1 + e^{+v}) behind a mistaken
    published table, to reproduce it); backward() keeps the sigmoid's slope a(1 − a), so with any other squash the
    two disagree, exactly as a buggy implementation's would.
    """
    return _forward(checked_network(p), _squash(squash))


def deltas(p: dict, squash=None) -> dict[str, float]:
    """δ = ∂E_total/∂(pre-activation) of each unit: the numbers the ten gradients reuse."""
    p = checked_network(p)
    return _deltas(p, _forward(p, _squash(squash)))


def backward(p: dict, squash=None) -> dict[str, float]:
    """∂E_total/∂ of all ten parameters by the chain rule, keyed 'dE/dw1' … 'dE/dc2'."""
    p = checked_network(p)
    return _gradients(p, _forward(p, _squash(squash)))


def step(p: dict, lr: float) -> dict[str, float]:
    """One gradient-descent step on all ten parameters: θ ← θ − lr·∂E/∂θ (inputs, targets kept)."""
    lr = require_positive(lr, "the learning rate lr")
    p = checked_network(p)
    return _step(p, _gradients(p, _forward(p, _sigmoid.fn)), lr)


def train(p: dict, lr: float, steps: int) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """``steps`` gradient-descent steps; returns the final network
    and every forward value before each step and after the last.
    """
    lr = require_positive(lr, "the learning rate lr")
    steps = require_count(steps, "steps", minimum=0, maximum=MAX_STEPS)
    p = checked_network(p)
    history = []
    for _ in range(steps):
        f = _forward(p, _sigmoid.fn)
        history.append(f)
        p = _step(p, _gradients(p, f), lr)
    history.append(_forward(p, _sigmoid.fn))
    return p, {key: np.array([f[key] for f in history]) for key in history[0]}


def _forward(p: dict, squash) -> dict[str, float]:
    y1 = p["x1"] * p["w1"] + p["x2"] * p["w3"] + p["c1"]
    y2 = p["x1"] * p["w2"] + p["x2"] * p["w4"] + p["c1"]
    y1a, y2a = squash(y1), squash(y2)
    z1 = y1a * p["w5"] + y2a * p["w7"] + p["c2"]
    z2 = y1a * p["w6"] + y2a * p["w8"] + p["c2"]
    z1a, z2a = squash(z1), squash(z2)
    e1 = 0.5 * (p["t1"] - z1a) ** 2
    e2 = 0.5 * (p["t2"] - z2a) ** 2
    return {
        "y1": y1, "y1a": y1a, "y2": y2, "y2a": y2a,
        "z1": z1, "z1a": z1a, "z2": z2, "z2a": z2a,
        "E1": e1, "E2": e2, "E_total": e1 + e2,
    }


def _deltas(p: dict, f: dict) -> dict[str, float]:
    """Output deltas (error × sigmoid slope), then hidden deltas (weighted sum of them × slope).

    Each delta is (upstream gradient) × (local slope a(1 − a)), grouped in that order, as a
    reverse-mode engine multiplies them, so notebook 05's engine agrees to the last bit.
    """
    delta_z1 = (f["z1a"] - p["t1"]) * _slope(f["z1a"])
    delta_z2 = (f["z2a"] - p["t2"]) * _slope(f["z2a"])
    delta_y1 = (delta_z1 * p["w5"] + delta_z2 * p["w6"]) * _slope(f["y1a"])
    delta_y2 = (delta_z1 * p["w7"] + delta_z2 * p["w8"]) * _slope(f["y2a"])
    return {"z1": delta_z1, "z2": delta_z2, "y1": delta_y1, "y2": delta_y2}


def _slope(a: float) -> float:
    """σ'(z) written with the unit's output a = σ(z): a(1 − a)."""
    return a * (1.0 - a)


def _gradients(p: dict, f: dict) -> dict[str, float]:
    """Each weight's gradient is its unit's delta times its input; a bias's is the sum over the units it feeds."""
    d = _deltas(p, f)
    return {
        "dE/dw1": d["y1"] * p["x1"], "dE/dw2": d["y2"] * p["x1"],
        "dE/dw3": d["y1"] * p["x2"], "dE/dw4": d["y2"] * p["x2"],
        "dE/dw5": d["z1"] * f["y1a"], "dE/dw6": d["z2"] * f["y1a"],
        "dE/dw7": d["z1"] * f["y2a"], "dE/dw8": d["z2"] * f["y2a"],
        "dE/dc1": d["y1"] + d["y2"], "dE/dc2": d["z1"] + d["z2"],
    }


def _step(p: dict, grads: dict, lr: float) -> dict[str, float]:
    updated = dict(p)
    for name in PARAMETERS:
        updated[name] = p[name] - lr * grads[f"dE/d{name}"]
    return updated


def _squash(squash):
    """The sigmoid unless another activation is given; it must be callable."""
    if squash is None:
        return _sigmoid.fn
    require_callable(squash, "squash")
    return lambda v: float(call_on(squash, v, "squash"))  # a forgotten return is named, not a TypeError deep inside


def checked_network(p) -> dict[str, float]:
    """The network's numbers as floats, or a clear error naming what is missing or broken."""
    if not isinstance(p, dict):
        raise TypeError(
            f"pass the network as a dict of numbers such as starting_network(), got {type(p).__name__}."
        )
    missing = [key for key in NETWORK_KEYS if key not in p]
    if missing:
        raise ValueError(
            f"the network dict is missing {', '.join(missing)}; it needs {', '.join(NETWORK_KEYS)}. "
            "Start from starting_network() and change the values you want."
        )
    return {**p, **{key: check_number(p[key], key) for key in NETWORK_KEYS}}

