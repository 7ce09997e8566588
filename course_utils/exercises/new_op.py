"""An exercise where the learner adds an op to the autodiff engine: a function Value → Value, checked by gradcheck."""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from course_utils.autodiff import Value
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
