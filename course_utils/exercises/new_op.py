"""An exercise where the learner adds an op to the autodiff engine: a function Value → Value, checked by gradcheck."""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from course_utils.autodiff import Value
from course_utils.calculus import gradcheck
from course_utils.exercises import CORRECT, INCORRECT, Exercise, Feedback


@dataclass(kw_only=True)
class NewOpExercise(Exercise):
    """The op must give the right value and local slope at test points, then pass gradcheck inside a larger graph."""

    value_fn: Callable[[float], float]
    slope_fn: Callable[[float], float]
    test_points: Sequence[float]

    unfilled: ClassVar[str] = "fill in the function, then run the cell again."
    no_return: ClassVar[str] = "your function returns ... still; return a Value."

    def _judge(self, op) -> Feedback:
        """Try the op on a few inputs, then gradcheck it inside a composite expression."""
        for x in self.test_points:
            problem = self._problem_at(op, x)
            if problem is not None:
                return problem
        return self._gradcheck(op)

    def _problem_at(self, op, x: float) -> Feedback | None:
        """What is wrong with the op's node at x (its type, value, link or local slope), or None."""
        leaf = Value(x)
        out, stopped = self._run(op, (leaf,), f"at x = {x:g} it")
        if stopped is not None:
            return stopped
        if not isinstance(out, Value):
            return self._say(INCORRECT, f"return a Value node, got {type(out).__name__}.")
        if not _close(out.data, self.value_fn(x)):
            return self._say(INCORRECT, f"at x = {x:g} the value is {out.data:.6g}, expected {self.value_fn(x):.6g}.")
        if not any(parent is leaf for parent in out.parents):
            return self._say(INCORRECT, "the node has no link back to its input; pass parents=(v,).")
        out.backward()
        if _close(leaf.grad, self.slope_fn(x)):
            return None
        return self._say(INCORRECT, f"at x = {x:g} the local slope is {leaf.grad:.6g}. {self._slip(leaf.grad, x)}")

    def _advice(self, error: Exception) -> str:
        """A math function given the node itself fails with a message naming Value: point to v.data."""
        return " math functions need the node's number: use v.data, not v." if "Value" in str(error) else ""

    def _slip(self, slope: float, x: float) -> str:
        """The listed mistake that gives this slope at x, or the right slope and where the hint is."""
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

        result = gradcheck(value, gradient, 0.7)
        if result.passed:
            return self._say(CORRECT, f"gradcheck passes (worst relative error {result.max_relative_error:.1e}).")
        return self._say(INCORRECT, "gradcheck fails inside a larger expression "
                                    f"(relative error {result.max_relative_error:.1e}).")


def _close(a: float, b: float) -> bool:
    """Equal up to float round-off: an op's value and slope are exact formulas, so the tolerance is tight."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
