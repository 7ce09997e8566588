"""Forward-mode autodiff with dual numbers, beside the reverse-mode engine, and what each costs.

A ``Dual`` carries a number and its tangent (the derivative along one chosen input direction), and
every operation updates both at once: the forward rule and the derivative rule sit on the same line.
One pass gives one Jacobian-vector product (JVP); reverse mode's one backward pass gives one
vector-Jacobian product (VJP). So the full gradient of a function with n inputs and one output takes
n forward-mode passes but one reverse pass, and a function with one input and m outputs the other
way round. The functions below work on ``Dual`` and on ``Value`` alike (both have the same methods).
"""
from __future__ import annotations

import gc
import math
import numbers
import time
from collections.abc import Callable, Sequence
from typing import NamedTuple

from course_utils.activations import get
from course_utils.autodiff import Value
from course_utils.validation import check_number, require_callable, require_count

_sigmoid = get("sigmoid")


class Dual:
    """a + ȧ·ε with ε² = 0: ``value`` is a, ``tangent`` is ȧ, the derivative along the seeded direction."""

    __slots__ = ("value", "tangent")

    def __init__(self, value: float, tangent: float = 0.0):
        # the common case first: every operation of a pass comes through here with two floats
        self.value = value if type(value) is float and math.isfinite(value) else check_number(value, "value")
        self.tangent = (tangent if type(tangent) is float and math.isfinite(tangent)
                        else check_number(tangent, "tangent"))

    def __repr__(self) -> str:
        return f"Dual(value={self.value:.6g}, tangent={self.tangent:.6g})"

    def __add__(self, other) -> Dual:
        other = _as_dual(other)
        return Dual(self.value + other.value, self.tangent + other.tangent)

    def __sub__(self, other) -> Dual:
        other = _as_dual(other)
        return Dual(self.value - other.value, self.tangent - other.tangent)

    def __mul__(self, other) -> Dual:
        other = _as_dual(other)
        return Dual(self.value * other.value, self.tangent * other.value + self.value * other.tangent)

    def __truediv__(self, other) -> Dual:
        other = _as_dual(other)
        quotient = self.value / other.value
        return Dual(quotient, (self.tangent - quotient * other.tangent) / other.value)

    def __pow__(self, p) -> Dual:
        p = check_number(p, "the exponent")
        return Dual(self.value**p, p * self.value ** (p - 1) * self.tangent)

    def __neg__(self) -> Dual:
        return Dual(-self.value, -self.tangent)

    def __radd__(self, other) -> Dual:
        return _as_dual(other) + self

    def __rsub__(self, other) -> Dual:
        return _as_dual(other) - self

    def __rmul__(self, other) -> Dual:
        return _as_dual(other) * self

    def __rtruediv__(self, other) -> Dual:
        return _as_dual(other) / self

    def exp(self) -> Dual:
        out = math.exp(self.value)
        return Dual(out, out * self.tangent)

    def tanh(self) -> Dual:
        t = math.tanh(self.value)
        return Dual(t, (1.0 - t * t) * self.tangent)

    def sigmoid(self) -> Dual:
        s = float(_sigmoid.fn(self.value))
        return Dual(s, s * (1.0 - s) * self.tangent)


def _as_dual(x) -> Dual:
    """A Dual for a Dual or a plain number (a constant: tangent 0)."""
    if isinstance(x, Dual):
        return x
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return Dual(float(x), 0.0)
    raise TypeError(f"a Dual combines with Duals and plain numbers, got {type(x).__name__}.")


def jvp(f: Callable, point: Sequence[float], direction: Sequence[float]):
    """f at point and its derivative along direction, in one forward pass of dual numbers (a JVP)."""
    require_callable(f, "f")
    if len(point) != len(direction):
        raise ValueError(f"point and direction need the same length, got {len(point)} and {len(direction)}.")
    out = f(*(Dual(p, d) for p, d in zip(point, direction)))
    if isinstance(out, Dual):
        return out.value, out.tangent
    return [o.value for o in out], [o.tangent for o in out]


def gradient_forward_mode(f: Callable, point: Sequence[float]) -> list[float]:
    """The gradient of a scalar f by forward mode: one dual pass per input, each seeded with a unit direction."""
    n = len(point)
    return [jvp(f, point, [1.0 if j == i else 0.0 for j in range(n)])[1] for i in range(n)]


def gradient_reverse_mode(f: Callable, point: Sequence[float]) -> list[float]:
    """The gradient of a scalar f by reverse mode: one forward pass building the graph, one backward pass."""
    leaves = [Value(p) for p in point]
    f(*leaves).backward()
    return [leaf.grad for leaf in leaves]


def neuron_loss(*weights):
    """½(1 − σ(Σ wᵢxᵢ))² with fixed inputs xᵢ = cos(i): n inputs (the weights), one output; Dual or Value."""
    z = 0.0
    for i, w in enumerate(weights):
        z = w * math.cos(i) + z
    return 0.5 * (1.0 - z.sigmoid()) ** 2


def fan_out(t, m: int = 50):
    """m outputs tanh(k·t), k = 1 … m, of one input t: the case forward mode wins."""
    return [(k * t).tanh() for k in range(1, m + 1)]


class Timing(NamedTuple):
    """The best of several runs, in seconds, of the whole gradient by each mode."""

    forward_mode: float
    reverse_mode: float

    @property
    def ratio(self) -> float:
        return self.forward_mode / self.reverse_mode


def time_gradient_modes(f: Callable, point: Sequence[float], repeats: int = 5) -> Timing:
    """Wall-clock of the full gradient by forward and by reverse mode (best of ``repeats``: least disturbed)."""
    repeats = require_count(repeats, "repeats", maximum=100)

    def best(mode):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            mode(f, point)
            times.append(time.perf_counter() - start)
        return min(times)

    return Timing(best(gradient_forward_mode), best(gradient_reverse_mode))


def backward_forward_time_ratio(f: Callable, point: Sequence[float], repeats: int = 9) -> float:
    """Wall-clock of reverse mode's backward pass over its forward pass (building the graph), best of each.

    The garbage collector is paused while timing, so a collection cannot land in one phase and not the other.
    """
    repeats = require_count(repeats, "repeats", maximum=100)
    forward, backward = [], []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            leaves = [Value(p) for p in point]
            start = time.perf_counter()
            out = f(*leaves)
            middle = time.perf_counter()
            out.backward()
            forward.append(middle - start)
            backward.append(time.perf_counter() - middle)
    finally:
        if collecting:
            gc.enable()
    return min(backward) / min(forward)
