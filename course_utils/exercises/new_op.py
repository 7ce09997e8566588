"""Exercises that extend the autodiff engine: a new op (Value → Value, checked by gradcheck), and backward() itself.

``BackwardExercise`` is a ``NewOpExercise`` in kind (the learner's code becomes part of the engine), so the
course's property tests try every garbage function on it too.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from course_utils.autodiff import Value, maximum, topological_order
from course_utils.calculus import gradcheck
from course_utils.exercises.answers import error_text
from course_utils.exercises.base import CORRECT, INCORRECT, Exercise, Feedback

#: More nodes than any op of the course builds: a graph this large is not searched for the input.
MAX_NODES = 10_000


@dataclass(kw_only=True)
class NewOpExercise(Exercise):
    """The op must give the right value and slope at test points, then pass gradcheck inside a larger graph.

    The op may be one node or built from the engine's own operations: what counts is that the result
    depends on its input and that backward() gives the right slope there.
    """

    value_fn: Callable[[float], float]
    slope_fn: Callable[[float], float]
    test_points: Sequence[float]

    unfilled: ClassVar[str] = "fill in the function, then run the cell again."
    no_return: ClassVar[str] = "your function returns ... still; return a Value."

    def reference_answer(self):
        return self._op_with_slope(self.slope_fn)

    def mistake_answers(self) -> list[tuple[object, str]]:
        return [(self._op_with_slope(wrong), message) for wrong, message in self.mistakes]

    def _op_with_slope(self, slope: Callable[[float], float]) -> Callable[[Value], Value]:
        """An op with this exercise's value and the given local slope."""
        return lambda v: Value(self.value_fn(v.data), parents=(v,), local_grads=(slope(v.data),), op="new")

    def _judge(self, op) -> Feedback:
        """Try the op on a few inputs, then gradcheck it inside a composite expression."""
        if not callable(op):
            return self._say(INCORRECT, f"expected a function that takes a Value and returns a Value, got "
                                        f"{type(op).__name__}. Pass the function itself, without calling it.")
        for x in self.test_points:
            problem = self._problem_at(op, x)
            if problem is not None:
                return problem
        return self._gradcheck(op)

    def _problem_at(self, op, x: float) -> Feedback | None:
        """What is wrong with the op's node at x (its type, value, link or slope), or None."""
        leaf = Value(x)
        out, stopped = self._run(op, (leaf,), f"at x = {x:g} it")
        if stopped is not None:
            return stopped
        if not isinstance(out, Value):
            return self._say(INCORRECT, f"return a Value node, got {type(out).__name__}.")
        if out is leaf:
            return self._say(INCORRECT, "it returned its input node v itself. Build a new node: "
                                        "Value(math.sin(v.data), parents=(v,), local_grads=(…,)).")
        data = out.data
        if not _real(data) or not _close(data, self.value_fn(x)):
            return self._say(INCORRECT, f"at x = {x:g} the value is {_show(data)}, expected {self.value_fn(x):.6g}.")
        if not _depends_on(out, leaf):
            return self._say(INCORRECT, "the node has no link back to its input; pass parents=(v,).")
        try:
            out.backward()
        except Exception as error:  # the learner's node may carry anything
            return self._say(INCORRECT, f"backward() through your node raised {type(error).__name__}: "
                                        f"{error_text(error)}")
        slope = leaf.grad
        if _real(slope) and _close(slope, self.slope_fn(x)):
            return None
        return self._say(INCORRECT, f"at x = {x:g} the local slope is {_show(slope)}. {self._slip(slope, x)}")

    def _advice(self, error: Exception) -> str:
        """A math function given the node itself fails with a message naming Value: point to v.data."""
        text = error_text(error)
        if any(words in text for words in ("not Value", "not 'Value'", "operand 'Value'")):
            return ". Math functions need the node's number: use v.data, not v."
        return super()._advice(error)

    def _slip(self, slope, x: float) -> str:
        """The listed mistake that gives this slope at x, or the right slope and where the hint is."""
        if _real(slope):
            for wrong, message in self.mistakes:
                if _close(slope, wrong(x)):
                    return message
        return f"It should be {self.slope_fn(x):.6g}. {self._ask_for_hint()}"

    def _gradcheck(self, op) -> Feedback:
        """Correct if the op's gradient survives the chain rule and a node used twice around it."""
        def composite(x):
            return op(x * x + 1.0) * x

        def value(t):
            return composite(Value(float(t))).data

        def gradient(t):
            leaf = Value(float(t))
            composite(leaf).backward()
            return leaf.grad

        try:
            result = gradcheck(value, gradient, 0.7)
        except Exception as error:  # an op that only fails on a node that is not a leaf
            return self._say(INCORRECT, f"inside the larger expression sin(x² + 1)·x your op raised "
                                        f"{type(error).__name__}: {error_text(error)}{self._advice(error)}")
        if result.passed:
            return self._say(CORRECT, f"gradcheck passes (worst relative error {result.max_relative_error:.1e}).")
        return self._say(INCORRECT, "gradcheck fails inside a larger expression "
                                    f"(relative error {result.max_relative_error:.1e}).")


def _depends_on(out: Value, leaf: Value) -> bool:
    """Whether leaf is among the nodes out was computed from (directly or through the engine's ops)."""
    stack, seen = list(_parents(out)), set()
    while stack and len(seen) < MAX_NODES:
        node = stack.pop()
        if node is leaf:
            return True
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_parents(node))
    return False


def _parents(node) -> tuple:
    parents = getattr(node, "parents", ())
    return tuple(parents) if isinstance(parents, (tuple, list)) else ()


def _real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _show(value) -> str:
    return f"{value:.6g}" if _real(value) else repr(value)[:60]


def _close(a: float, b: float) -> bool:
    """Equal up to float round-off: an op's value and slope are exact formulas, so the tolerance is tight."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _chain() -> Value:
    return (3.0 * Value(0.5, label="x")).tanh()


def _reused() -> Value:
    x = Value(3.0, label="x")
    return x * x + x


def _order_trap() -> Value:
    a = 2.0 * Value(0.5, label="x")
    return a + a.tanh()


def _routing() -> Value:
    x, y, z = Value(1.0, label="x"), Value(-0.5, label="y"), Value(0.3, label="z")
    return (x * y + maximum(y, z)).tanh()


def _mirrored_trap() -> Value:
    a = 2.0 * Value(0.5, label="x")
    return a.tanh() + a


def _uneven_diamond() -> Value:
    u = 2.0 * Value(0.5, label="x")
    return u.tanh() * (u.exp() * u).sigmoid()


#: The graphs a learner's backward pass is tried on: (how the question names it, a builder of a fresh copy).
#: The two orders of L = a + tanh(a) and the uneven diamond together catch every order that lets a node pass its
#: gradient on too early: by distance from the output (either way round), and depth-first with a node before its
#: parents (with a stack or recursion).
BACKWARD_GRAPHS = (
    ("L = tanh(3x) at x = 0.5", _chain),
    ("f = x·x + x at x = 3 (x used three times)", _reused),
    ("L = a + tanh(a), a = 2x at x = 0.5 (a used twice)", _order_trap),
    ("L = tanh(a) + a, a = 2x at x = 0.5 (the same graph, inputs swapped)", _mirrored_trap),
    ("L = tanh(u)·σ(eᵘ·u), u = 2x at x = 0.5 (u used three times, along paths of different lengths)",
     _uneven_diamond),
    ("L = tanh(x·y + max(y, z)) at x = 1, y = −0.5, z = 0.3", _routing),
)


@dataclass(kw_only=True)
class BackwardExercise(NewOpExercise):
    """The learner writes backward(root): every node's .grad must be ∂root/∂node, on every graph, twice in a row.

    Each graph is built afresh for the learner, the reference and each listed mistake (a function with one
    slip), and the backward pass is called twice on it, so forgetting to reset shows as well. A listed
    mistake is named only when the learner's gradients match it on every graph.
    """

    reference: Callable[[Value], None]
    #: Backward passes that visit the nodes in a wrong order (each right otherwise), and what to say to any of
    #: them: a learner whose gradients match, graph by graph, the right ones or one of these is told order_message.
    order_slips: Sequence[Callable[[Value], None]] = ()
    order_message: str = ""
    value_fn: Callable[[float], float] | None = None
    slope_fn: Callable[[float], float] | None = None
    test_points: Sequence[float] = ()

    #: The engine's own passes: calling them would make the check test the engine, not the learner's loop.
    forbidden: ClassVar[tuple[str, ...]] = ("backward", "backward_along")

    def reference_answer(self):
        return lambda root: (self.reference(root), root)[1]

    def mistake_answers(self) -> list[tuple[object, str]]:
        return list(self.mistakes) + [(slip, self.order_message) for slip in self.order_slips]

    def _judge(self, learner) -> Feedback:
        if not callable(learner):
            return self._say(INCORRECT, f"expected a function that takes the output node, got "
                                        f"{type(learner).__name__}. Pass the function itself, without calling it.")
        if _calls(learner, self.forbidden):
            return self._say(INCORRECT, "your function calls the engine's own backward() (or backward_along): "
                                        "then the check would test the engine, not you. Write the loop yourself.")
        got = []
        for description, build in BACKWARD_GRAPHS:
            grads, stopped = self._twice(learner, build, f"on {description} it")
            if stopped is not None:
                return stopped
            got.append(grads)
        want = [self._twice(self.reference, build, "")[0] for _, build in BACKWARD_GRAPHS]
        if all(_same(g, w) for g, w in zip(got, want)):
            return self._say(CORRECT, f"every node's gradient is right on all {len(BACKWARD_GRAPHS)} graphs, "
                                      "and a second call gives the same gradients.")
        for wrong, message in self.mistakes:
            outputs = [self._twice(wrong, build, "")[0] for _, build in BACKWARD_GRAPHS]
            if all(o is not None and _same(g, o) for g, o in zip(got, outputs)):
                return self._say(INCORRECT, message)
        if self.order_slips and self._wrong_order(got, want):
            return self._say(INCORRECT, f"{self.order_message} For example, {self._first_difference(got, want)}")
        return self._say(INCORRECT, self._first_difference(got, want))

    def _wrong_order(self, got: list, want: list) -> bool:
        """Whether, on every graph, the learner's gradients are the right ones or those of one wrong order."""
        for (_, build), g, w in zip(BACKWARD_GRAPHS, got, want):
            if not _same(g, w) and not any(_same(g, self._twice(slip, build, "")[0]) for slip in self.order_slips):
                return False
        return True

    def _twice(self, fn, build, where: str):
        """Build the graph, run fn on it twice; the leaf and node gradients after each call, or feedback."""
        root = build()
        nodes = topological_order(root)
        found = []
        for _ in range(2):
            _, stopped = self._run(lambda r: (fn(r), True)[1], (root,), where)
            if stopped is not None:
                return None, stopped
            found.append([node.grad for node in nodes])
        return found, None

    def _first_difference(self, got: list, want: list) -> str:
        """Where the learner's gradients first differ from the right ones, named by graph and node."""
        for (description, build), g, w in zip(BACKWARD_GRAPHS, got, want):
            nodes = topological_order(build())
            for call, (gs, ws) in enumerate(zip(g, w)):
                named_first = sorted(zip(nodes, gs, ws), key=lambda item: not _is_input(item[0]))
                for node, a, b in named_first:  # a named input, such as x, is the clearest node to name
                    if not (_real(a) and _close(a, b)):
                        name = _grad_name(node)
                        when = "after the second call" if call else "after one call"
                        return (f"on {description}, {name} is {_show(a)} {when}, expected {b:.6g}. "
                                f"{self._ask_for_hint()}")
        return f"the gradients are not right yet. {self._ask_for_hint()}"


def _grad_name(node: Value) -> str:
    """How a message names a node's gradient: x.grad for a named input, words for a constant or an operation."""
    if not node.parents and _is_number(node.label):
        return f"the grad of the constant {node.label}"
    return f"{node.label}.grad" if node.label else f"the grad of the '{node.op}' node"


def _is_input(node: Value) -> bool:
    """A leaf the question names (x, y, z), not a constant such as the 2 of 2·x."""
    return not node.parents and bool(node.label) and not _is_number(node.label)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _same(got, want) -> bool:
    """Two runs' gradients agree on every node, after both calls, up to round-off."""
    return all(len(g) == len(w) and all(_real(a) and _close(a, b) for a, b in zip(g, w)) for g, w in zip(got, want))


def _calls(fn, names: tuple[str, ...]) -> bool:
    """Whether fn's code (or code nested in it) names one of these attributes or globals."""
    stack, seen = [getattr(fn, "__code__", None)], 0
    while stack and seen < 100:
        code, seen = stack.pop(), seen + 1
        if code is None:
            continue
        if any(name in code.co_names for name in names):
            return True
        stack += [const for const in code.co_consts if hasattr(const, "co_names")]
    return False
