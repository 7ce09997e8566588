"""A chain of functions y = f_n(…f_2(f_1(x))) and its slope, the product of each link's local slope.

The chain rule says dy/dx = f_n'(u_{n−1}) · … · f_2'(u_1) · f_1'(x), where u_k is the
output of link k: every local slope is taken at that link's own input. A network with
one unit per layer is exactly such a chain, which is why backprop multiplies slopes.
"""
from __future__ import annotations

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


def affine_link(w: float, b: float = 0.0) -> Link:
    """u ↦ w·u + b, whose slope is w everywhere (a one-unit layer before its activation)."""
    w, b = check_number(w, "w", example="1.5"), check_number(b, "b", example="-0.5")
    name = f"{format_number(w, 2)}u" + (f" + {format_number(b, 2)}" if b >= 0 else f" − {format_number(-b, 2)}")
    return Link(name, lambda u: w * u + b, lambda u: w + 0.0 * u)


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
