"""A tiny reverse-mode autodiff engine on scalars: every operation records its inputs and local slopes.

Build an expression from ``Value`` objects with ordinary Python operators,
``L = (x * w + b).tanh()``, then call ``L.backward()``: every node of the graph
gets ``.grad = ∂L/∂node``. Each node stores the *local* slope of its output with
respect to each input (``local_grads``), computed during the forward pass, so the
backward pass is nothing but the chain rule: visit the nodes from the output back
to the inputs (reverse topological order) and add ``local slope × upstream grad``
into each input's ``grad``.

Conventions: ReLU′(0) = 0 (as activations.py and PyTorch); ``maximum(a, b)``
sends the whole gradient to ``a`` on a tie; sigmoid, tanh and exp compute their
slopes from their own outputs, σ(1 − σ), 1 − tanh² and eˣ, as frameworks do.

A Value is a graph node, not a number, and says so rather than answer wrongly:

- ``v == w`` for two Values asks "the same node?" (identity, with hashing to match), so Values
  work in sets, as dict keys and in ``in`` checks. ``v == 2``, ``v < 1`` and the other
  comparisons with a number raise a TypeError: compare the number, ``v.data == 2``.
- ``bool(v)`` (``if v:``, ``v and w``) raises a TypeError: write ``if v.data != 0:``.
- ``v.data`` is read-only. The nodes built from v hold local slopes computed from its value
  then (w = v·v stores 2v), so changing it would leave stale slopes and a wrong gradient
  without a word. Build a new graph instead: ``v = Value(v.data - lr * v.grad)``, then
  recompute the loss from it.
- ``backward()`` refuses a gradient that overflows float64 (inf or NaN), naming the node where
  it happened, instead of handing out inf.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from course_utils.activations import get

_sigmoid = get("sigmoid")


class Value:
    """One scalar node of a computational graph: its number, its gradient, and how it was made.

    ``parents`` are the nodes this one was computed from and ``local_grads`` the slopes
    ∂self/∂parent at the current numbers, in the same order; a leaf has neither.
    ``data`` is read-only, ``==`` between Values is identity, and comparing with a number
    or asking for a truth value is a TypeError (see the module docstring for why).
    """

    __array_ufunc__ = None  # numpy scalars defer to Value's reflected operators: np.float64(2) * v works
    __hash__ = object.__hash__  # a node is its identity: sets and dict keys of Values work

    def __init__(self, data, parents: tuple = (), local_grads: tuple = (), op: str = "", label: str = ""):
        self._data = _finite_float(data, "Value", op)
        self.grad = 0.0
        self.parents = _as_tuple(parents, "parents", "(v,)")
        self.local_grads = tuple(_finite_float(g, "a local slope") for g in _as_tuple(local_grads, "local_grads",
                                                                                       "(slope,)"))
        self.op = str(op)
        self.label = str(label)
        if not all(isinstance(parent, Value) for parent in self.parents):
            raise TypeError("parents must be Value nodes; wrap plain numbers first, e.g. Value(2.0).")
        if len(self.local_grads) != len(self.parents):
            raise ValueError(
                f"give one local slope per parent: got {len(self.parents)} parents and "
                f"{len(self.local_grads)} local_grads."
            )

    @property
    def data(self) -> float:
        """The node's number, fixed when the node is made (any node built from it computes its local slopes from it)."""
        return self._data

    @data.setter
    def data(self, value) -> None:
        raise AttributeError(
            "Value.data is read-only: a node's number is fixed when it is made, because every node built from it "
            "stores local slopes computed from that number (changing it would leave them stale, and a wrong gradient "
            "with them). Make a new leaf instead, e.g. v = Value(v.data - lr * v.grad), and recompute the loss from it."
        )

    def __repr__(self) -> str:
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self._data:.6g}, grad={self.grad:.6g})"

    # --- comparisons: a node is not a number ----------------------------------------

    def __eq__(self, other):
        if isinstance(other, Value):
            return self is other
        return _refuse_comparison(self, other, "==")

    def __ne__(self, other):
        if isinstance(other, Value):
            return self is not other
        return _refuse_comparison(self, other, "!=")

    def __lt__(self, other):
        return _refuse_comparison(self, other, "<")

    def __le__(self, other):
        return _refuse_comparison(self, other, "<=")

    def __gt__(self, other):
        return _refuse_comparison(self, other, ">")

    def __ge__(self, other):
        return _refuse_comparison(self, other, ">=")

    def __bool__(self):
        raise TypeError(f"the truth of a Value is ambiguous (a node, not a number): test its number instead, "
                        f"e.g. `if v.data != 0:` (here v.data = {self._data:g}).")

    # --- arithmetic ---------------------------------------------------------------

    def __add__(self, other) -> Value:
        other = _as_value(other)
        if other is NotImplemented:
            return other
        return Value(self._data + other._data, (self, other), (1.0, 1.0), "+")

    def __sub__(self, other) -> Value:
        other = _as_value(other)
        if other is NotImplemented:
            return other
        return Value(self._data - other._data, (self, other), (1.0, -1.0), "-")

    def __mul__(self, other) -> Value:
        other = _as_value(other)
        if other is NotImplemented:
            return other
        return Value(self._data * other._data, (self, other), (other._data, self._data), "*")

    def __truediv__(self, other) -> Value:
        other = _as_value(other)
        if other is NotImplemented:
            return other
        if other._data == 0:
            raise ZeroDivisionError(
                f"division by a Value equal to 0 (numerator {self._data:g}): the quotient and its slope "
                "are undefined there. Keep the denominator away from 0, e.g. add a small epsilon."
            )
        quotient = self._data / other._data
        return Value(quotient, (self, other), (1.0 / other._data, -quotient / other._data), "/")

    def __pow__(self, exponent) -> Value:
        p = _number_exponent(exponent)
        x = self._data
        if x < 0 and not p.is_integer():
            raise ValueError(
                f"({x:g}) ** {p:g} is not a real number: a negative base needs a whole-number exponent."
            )
        if x == 0 and p < 0:
            raise ZeroDivisionError(f"0 ** {p:g} divides by zero; a negative exponent needs a nonzero base.")
        if x == 0 and 0 < p < 1:
            raise ValueError(f"x ** {p:g} has an infinite slope at x = 0; use it only where x > 0.")
        try:
            local = 0.0 if p == 0 else p * x ** (p - 1)
            return Value(x**p, (self,), (local,), f"**{p:g}")
        except OverflowError:
            raise ValueError(f"({x:g}) ** {p:g} overflows float64.") from None

    def __neg__(self) -> Value:
        return Value(-self._data, (self,), (-1.0,), "neg")

    def __radd__(self, other) -> Value:
        return _reversed(other, self, "__add__")

    def __rsub__(self, other) -> Value:
        return _reversed(other, self, "__sub__")

    def __rmul__(self, other) -> Value:
        return _reversed(other, self, "__mul__")

    def __rtruediv__(self, other) -> Value:
        return _reversed(other, self, "__truediv__")

    def __rpow__(self, base):
        raise TypeError(
            f"{base!r} ** Value is not supported: the engine's ** takes a plain-number exponent. "
            "For c ** v with c > 0 write (v * math.log(c)).exp()."
        )

    # --- functions ----------------------------------------------------------------

    def exp(self) -> Value:
        """eˣ; its slope is its own output."""
        try:
            out = math.exp(self._data)
        except OverflowError:
            raise ValueError(f"exp({self._data:g}) overflows float64 (the limit is x ≈ 709.78).") from None
        return Value(out, (self,), (out,), "exp")

    def log(self) -> Value:
        """The natural logarithm, defined for positive values only; slope 1/x."""
        if self._data <= 0:
            raise ValueError(
                f"log is defined only for positive numbers, got {self._data:g}. "
                "Check what feeds the log (a probability that reached 0? add a small epsilon)."
            )
        return Value(math.log(self._data), (self,), (1.0 / self._data,), "log")

    def tanh(self) -> Value:
        """tanh(x); its slope 1 − tanh² comes from its own output."""
        t = math.tanh(self._data)
        return Value(t, (self,), (1.0 - t * t,), "tanh")

    def sigmoid(self) -> Value:
        """σ(x) = 1/(1 + e⁻ˣ); its slope σ(1 − σ) comes from its own output."""
        s = _sigmoid.fn(self._data)
        return Value(s, (self,), (s * (1.0 - s),), "sigmoid")

    def relu(self) -> Value:
        """max(0, x); slope 1 where x > 0 and 0 elsewhere (0 at the kink, as PyTorch)."""
        positive = self._data > 0
        return Value(self._data if positive else 0.0, (self,), (1.0 if positive else 0.0,), "relu")

    def max(self, other) -> Value:
        """The larger of two values; the gradient is routed to the winner (to self on a tie)."""
        return maximum(self, other)

    # --- the backward pass --------------------------------------------------------

    def backward(self) -> None:
        """Set every node's ``grad`` to ∂self/∂node, visiting nodes in reverse topological order.

        Every call starts afresh: it first resets ``grad`` to 0 on each node of this graph,
        then seeds ``self.grad = 1``. So calling ``backward()`` twice gives the same gradients
        (they are not doubled). Within one call, a node used several times sums the gradient
        from each use. To combine two losses, call backward on their sum. Only this graph is reset: a
        node built *from* self is not in it and keeps the grad of an earlier call.
        """
        backward_along(self, reversed(topological_order(self)))


def maximum(a, b) -> Value:
    """max(a, b) as a graph node: local slope 1 for the winner and 0 for the other (a wins ties)."""
    a, b = _as_value(a), _as_value(b)
    if a is NotImplemented or b is NotImplemented:
        raise TypeError("maximum takes two Values or plain numbers.")
    a_wins = a._data >= b._data
    return Value(a._data if a_wins else b._data, (a, b), (1.0, 0.0) if a_wins else (0.0, 1.0), "max")


def topological_order(root: Value) -> list[Value]:
    """Every node root depends on, each once, inputs first and root last (each node after its parents)."""
    if not isinstance(root, Value):
        raise TypeError(f"topological_order needs a Value (the output of a graph), got {type(root).__name__}.")
    order, visited = [], {id(root)}
    stack = [(root, iter(root.parents))]
    while stack:  # depth-first, without recursion, so long chains do not hit Python's recursion limit
        node, parents = stack[-1]
        parent = next(parents, None)
        if parent is None:
            order.append(node)
            stack.pop()
        elif id(parent) not in visited:
            visited.add(id(parent))
            stack.append((parent, iter(parent.parents)))
    return order


def backward_along(root: Value, order: Iterable[Value], accumulate: bool = True) -> None:
    """The chain rule, node by node in the given order; only a reverse topological order is right.

    Resets every grad in root's graph to 0, seeds root.grad = 1, then each node in ``order``
    passes ``local slope × its grad`` to its parents. ``accumulate=False`` replaces ``+=`` by
    ``=``, the classic bug that loses all but one use of a node that is used twice.
    """
    nodes = topological_order(root)
    try:
        order = list(order)
    except TypeError:
        raise TypeError("order must list the graph's nodes, e.g. reversed(topological_order(root)).") from None
    if {id(n) for n in order} != {id(n) for n in nodes} or len(order) != len(nodes):
        raise ValueError(
            "order must list every node of root's graph exactly once, e.g. reversed(topological_order(root))."
        )
    for node in nodes:
        node.grad = 0.0
    root.grad = 1.0
    for node in order:
        for parent, local in zip(node.parents, node.local_grads):
            if accumulate:
                parent.grad += local * node.grad
            else:
                parent.grad = local * node.grad
    if not all(math.isfinite(node.grad) for node in nodes):
        _overflow_error(order)


def _overflow_error(order: list[Value]) -> None:
    """Name the first node (in the order visited) whose gradient overflowed, and the edge it came along."""
    node = next(n for n in order if not math.isfinite(n.grad))
    edges = [(consumer, local) for consumer in order for parent, local in zip(consumer.parents, consumer.local_grads)
             if parent is node]
    consumer, local = max(edges, key=lambda edge: abs(edge[1] * edge[0].grad) if math.isfinite(edge[0].grad)
                          else math.inf, default=(None, 0.0))
    via = (f", reached through {_describe(consumer)} (local slope {local:.3g} × its gradient {consumer.grad:.3g})"
           if consumer is not None else "")
    raise ValueError(
        f"a gradient overflowed float64 at {_describe(node)}: ∂/∂node = {node.grad}{via}. The numbers are too "
        "large for this expression: scale the inputs (or the weights) down, or rewrite it to avoid huge slopes."
    )


def _describe(node: Value) -> str:
    """A node as a message names it: its label or op, and its value."""
    name = node.label or (f"the '{node.op}' node" if node.op else "a leaf")
    return f"{name} (data = {node._data:.3g})"


class OperationCounts(NamedTuple):
    """Arithmetic done for one graph: forward values, local slopes, and backward operations
    (a multiply and an add per edge).
    """

    forward: int
    local_slopes: int
    backward: int


def operation_counts(root: Value) -> OperationCounts:
    """Count the work: one operation per node's value, one per local slope, a multiply and an add per edge."""
    operations = [node for node in topological_order(root) if node.parents]
    edges = sum(len(node.parents) for node in operations)
    return OperationCounts(forward=len(operations), local_slopes=edges, backward=2 * edges)


def _reversed(other, value: Value, method: str) -> Value:
    """number ⊕ value: wrap the number as a constant leaf, then apply the operation in the right order."""
    other = _as_value(other)
    if other is NotImplemented:
        return other
    return getattr(other, method)(value)


def _as_value(x):
    """A Value for a Value or a plain real number (a constant leaf), NotImplemented for anything else."""
    if isinstance(x, Value):
        return x
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return Value(x, label=f"{float(x):g}")
    return NotImplemented


def _number_exponent(exponent) -> float:
    """The exponent of ** as a float, or a clear TypeError naming what is supported."""
    if isinstance(exponent, Value):
        raise TypeError(
            "the exponent of ** must be a plain number, not a Value. "
            "For x ** y with both as Values write (y * x.log()).exp() (needs x > 0)."
        )
    if isinstance(exponent, bool) or not isinstance(exponent, numbers.Real):
        raise TypeError(f"the exponent of ** must be a real number such as 2 or 0.5, got {type(exponent).__name__}.")
    return _finite_float(exponent, "the exponent")


def _as_tuple(items, what: str, example: str) -> tuple:
    """A tuple or list as a tuple; a lone item is a clear TypeError (the usual slip: (v) without its comma)."""
    if not isinstance(items, (tuple, list)):
        raise TypeError(f"{what} must be a tuple with one entry per input, e.g. {what}={example} "
                        f"(mind the comma), got {type(items).__name__}.")
    return tuple(items)


def _finite_float(x, what: str, op: str = "") -> float:
    """x as a float, or a clear error if it is not a finite real number (a 0-d numpy array counts as one)."""
    if type(x) is float and math.isfinite(x):  # the common case, first: every node of a graph comes through here
        return x
    what = f"the result of {op!r}" if op else what
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind in "iuf":
        x = x.item()
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        item = " (for a tensor or an array element, pass x.item())" if hasattr(x, "item") else ""
        raise TypeError(f"{what} needs a real number such as 2.0, got {type(x).__name__}: {x!r}{item}.")
    try:
        x = float(x)
    except OverflowError:  # a whole number such as 10**400
        raise ValueError(f"{what} needs a finite number, got one beyond the float range (±1.8e308).") from None
    if not math.isfinite(x):
        raise ValueError(f"{what} needs a finite number, got {x}: it overflowed float64 (beyond ±1.8e308), or a "
                         "0/0 earlier on gave NaN.")
    return x


def _refuse_comparison(value: Value, other, symbol: str):
    """Comparing a node with a number: a TypeError that says to compare its number (NotImplemented otherwise)."""
    if isinstance(other, Value):  # only an order is left here: == and != between Values are identity
        raise TypeError(f"Values are graph nodes, so `a {symbol} b` does not compare numbers: write a.data {symbol} "
                        "b.data, or maximum(a, b) for the larger one as a node.")
    if isinstance(other, numbers.Number) or isinstance(other, np.ndarray) and other.ndim == 0:
        raise TypeError(f"a Value is a graph node, not a number, so `v {symbol} {other!r}` does not compare numbers: "
                        f"write v.data {symbol} {other!r} (here v.data = {value._data:g}).")
    return NotImplemented
