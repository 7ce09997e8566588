"""A chain of functions y = f_n(…f_2(f_1(x))) and its slope, the product of each link's local slope.

The chain rule says dy/dx = f_n'(u_{n−1}) · … · f_2'(u_1) · f_1'(x), where u_k is the
output of link k: every local slope is taken at that link's own input. A network with
one unit per layer is exactly such a chain, which is why backprop multiplies slopes.
Backprop also needs the slope with respect to each weight and bias: for an affine link
u_k = w·u_{k−1} + b it is the slope of y with respect to the link's output (the product of
the local slopes after it) times u_{k−1} for w, and times 1 for b (``parameter_slopes``).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from course_utils import activations
from course_utils.calculus import as_plain
from course_utils.formatting import format_number, format_table
from course_utils.validation import as_finite_array, call_on, check_number, require_callable


@dataclass(frozen=True)
class Link:
    """One function of a chain: its name, u ↦ f(u) and its slope u ↦ f'(u), both vectorized.

    A ``calculus.Differentiable``: ``fn`` and ``grad``, named as for an activation. ``fn`` must
    work elementwise on arrays (np.sin, not math.sin; ``lambda u: 1.0 + 0 * u`` for a constant);
    ``grad`` may return one number for a constant slope.
    """

    name: str
    fn: Callable
    grad: Callable

    def __post_init__(self):
        require_callable(self.fn, "fn")
        require_callable(self.grad, "grad")


@dataclass(frozen=True)
class AffineLink(Link):
    """u ↦ w·u + b as a Link that keeps its weight and bias, so slopes with respect to them can be taken."""

    w: float = 1.0
    b: float = 0.0


def affine_link(w: float, b: float = 0.0) -> AffineLink:
    """u ↦ w·u + b, whose slope is w everywhere (a one-unit layer before its activation)."""
    w, b = check_number(w, "w", example="1.5"), check_number(b, "b", example="-0.5")
    name = f"{format_number(w, 2)}u" + (f" + {format_number(b, 2)}" if b >= 0 else f" − {format_number(-b, 2)}")
    return AffineLink(name, lambda u: w * u + b, lambda u: w + 0.0 * u, w=w, b=b)


def power_link(p: float) -> Link:
    """u ↦ u^p, whose slope is p·u^(p−1)."""
    p = check_number(p, "p", example="2")
    return Link(f"u^{p:g}", lambda u: u**p, lambda u: p * u ** (p - 1))


def activation_link(name, **params) -> Link:
    """An activation (a name or an Activation) as a link, e.g. activation_link("tanh")."""
    activation = activations.get(name, **params)
    return Link(activation.name, activation.fn, activation.grad)


class ChainStep(NamedTuple):
    """What happens at one link: its input, its output, its local slope and the product of slopes so far."""

    name: str
    input: float
    output: float
    local_grad: float  # f'(u) at this link's own input u, as autodiff's Value.local_grads
    grad_so_far: float  # the product of the local grads up to here: d(output)/dx


def chain_steps(links: Sequence[Link], x: float) -> list[ChainStep]:
    """Run x through the chain, recording each link's value and local slope at its own input."""
    _require_links(links)
    u = check_number(x, "x", example="0.5")
    running = 1.0
    steps = []
    for k, link in enumerate(links, start=1):
        output, local = float(_value(link, k, u)), float(_slope(link, k, u))
        running *= local
        steps.append(ChainStep(link.name, u, output, local, running))
        u = output
    return steps


def chain_value(links: Sequence[Link], x):
    """y = f_n(…f_1(x)), for a number or an array of x."""
    _require_links(links)
    u = as_finite_array(x, "x")
    for k, link in enumerate(links, start=1):
        u = _value(link, k, u)
    return as_plain(u)


def link_slopes(links: Sequence[Link], x) -> np.ndarray:
    """Each link's local slope at its own input, one row per link (vectorized over x)."""
    _require_links(links)
    u = as_finite_array(x, "x")
    slopes = []
    for k, link in enumerate(links, start=1):
        slopes.append(_slope(link, k, u) + 0.0 * u)
        u = _value(link, k, u)
    return np.array(slopes)


def chain_derivative(links: Sequence[Link], x):
    """dy/dx by the chain rule: the product of the local slopes."""
    return np.prod(link_slopes(links, x), axis=0)


def chain_table(links: Sequence[Link], x: float, digits: int = 4) -> str:
    """The chain at x as a printable table: one row per link, the last column the running product."""
    rows = [
        [str(k), step.name, format_number(step.input, digits), format_number(step.output, digits),
         format_number(step.local_grad, digits), format_number(step.grad_so_far, digits)]
        for k, step in enumerate(chain_steps(links, x), start=1)
    ]
    return format_table(["link", "function", "input", "output", "local slope", "product so far"], rows)


class ParameterSlope(NamedTuple):
    """∂y/∂(one weight or bias) of a chain: downstream slope × the parameter's own local slope."""

    name: str  # w1, b1 for the first affine link, w2, b2 for the second, …
    link: int  # the link (counted from 1) the parameter belongs to
    value: float
    downstream: float  # ∂y/∂(that link's output): the product of the local slopes after the link
    local: float  # ∂(link output)/∂(parameter): the link's input u for w, 1 for b
    slope: float  # ∂y/∂(parameter) = downstream × local


def parameter_slopes(links: Sequence[Link], x: float) -> list[ParameterSlope]:
    """∂y/∂w and ∂y/∂b for every affine link, by the chain rule, at the input x (what backprop needs)."""
    steps = chain_steps(links, x)
    downstream = [math.prod(step.local_grad for step in steps[k + 1:]) for k in range(len(steps))]
    found = []
    for k, (link, step, after) in enumerate(zip(links, steps, downstream), start=1):
        if isinstance(link, AffineLink):
            layer = sum(isinstance(other, AffineLink) for other in links[:k])
            found.append(ParameterSlope(f"w{layer}", k, link.w, after, step.input, after * step.input))
            found.append(ParameterSlope(f"b{layer}", k, link.b, after, 1.0, after))
    return found


def parameter_table(links: Sequence[Link], x: float, digits: int = 4) -> str:
    """The slopes of y with respect to every weight and bias of the chain at x, as a printable table."""
    rows = [
        [p.name, str(p.link), format_number(p.value, digits), format_number(p.downstream, digits),
         format_number(p.local, digits), format_number(p.slope, digits)]
        for p in parameter_slopes(links, x)
    ]
    return format_table(["parameter", "link", "value", "∂y/∂(link output)", "× ∂(link output)/∂parameter",
                         "= ∂y/∂parameter"], rows)


def with_parameter(links: Sequence[Link], name: str, value: float) -> list[Link]:
    """A copy of the chain with one weight or bias (named as in parameter_slopes) set to value: for nudging it."""
    _require_links(links)
    value = check_number(value, name if isinstance(name, str) else "value", example="1.5")
    changed = list(links)
    affine = [k for k, link in enumerate(links) if isinstance(link, AffineLink)]
    names = [f"{kind}{layer}" for layer in range(1, len(affine) + 1) for kind in "wb"]
    if name not in names:
        raise ValueError(f"{name!r} is not a parameter of this chain; its parameters are {names}.")
    k = affine[int(name[1:]) - 1]
    w, b = (value, links[k].b) if name[0] == "w" else (links[k].w, value)
    changed[k] = affine_link(w, b)
    return changed


def _value(link: Link, k: int, u: np.ndarray) -> np.ndarray:
    """f_k(u), elementwise, or a message naming the link and the slip (no return, math.sin, a scalar out)."""
    return call_on(link.fn, u, f"link {k} ({link.name}): fn", same_shape=True)


def _slope(link: Link, k: int, u: np.ndarray) -> np.ndarray:
    """f_k'(u); a constant slope may come back as one number."""
    return call_on(link.grad, u, f"link {k} ({link.name}): grad")


def _require_links(links) -> None:
    if not isinstance(links, (list, tuple)) or not links or not all(isinstance(link, Link) for link in links):
        raise TypeError(
            "links must be a non-empty list of Link objects, e.g. [affine_link(1.5, -0.5), activation_link('tanh')]."
        )
