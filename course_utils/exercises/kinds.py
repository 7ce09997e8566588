"""The two common kinds of exercise: a number (or array) to compute, and a function to write."""
from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from course_utils.exercises.answers import NotANumber, as_real, shown
from course_utils.exercises.base import CORRECT, INCORRECT, Exercise, Feedback
from course_utils.exercises.judging import (
    LOOSE,
    absolute_tolerance,
    accepted,
    as_float_array,
    distance,
    generic_slips,
    near_miss,
    nearest_mistake,
    permuted,
    radius,
    slip_messages,
)


@dataclass(kw_only=True)
class NumberExercise(Exercise):
    """An exercise whose answer is a number or an array of numbers.

    ``atol`` None scales the absolute tolerance with the answer (``judging.absolute_tolerance``);
    ``digits`` also accepts the answer rounded to that many significant digits; ``choices`` are the
    values the question offers (any other is told to pick one); ``order`` is said when the right
    entries come in the wrong order; ``explain(value)`` may name a slip only this question has;
    ``whole_number`` marks a count, where "you typed a rounded number" makes no sense.
    """

    expected: Callable[[], object]
    rtol: float = 1e-6
    atol: float | None = None
    digits: int | None = None
    choices: Sequence[float] = ()
    order: str | None = None
    explain: Callable[[np.ndarray], str | None] | None = None
    whole_number: bool = False

    def reference_answer(self):
        return self.expected()

    def _judge(self, answer) -> Feedback:
        """Compare the learner's answer with the computed one and say what is wrong."""
        try:
            value = as_real(answer)
        except NotANumber as refused:
            return self._say(INCORRECT, f"expected a number, got {refused.what}; {refused.advice}.")
        expected = np.asarray(self.expected(), dtype=float)
        if value.shape != expected.shape:
            return self._say(INCORRECT, self._wrong_shape(value, expected))
        if not np.all(np.isfinite(value)):
            return self._say(INCORRECT, "your answer contains inf or NaN; look for an overflow or 0/0.")
        if accepted(value, expected, self.rtol, self.atol, self.digits):
            return Feedback(CORRECT, f"{self.name}.")
        return self._say(INCORRECT, self._slip(value, expected))

    def _slip(self, value: np.ndarray, expected: np.ndarray) -> str:
        """The most specific thing that can be said about a wrong answer of the right shape."""
        tolerance = absolute_tolerance(expected, self.rtol, self.atol)
        named = nearest_mistake(value, expected, self.mistakes, tolerance)
        if named is None and self.choices and not self._is_a_choice(value):
            named = f"answer with one of the values the question lists: {', '.join(map(str, self.choices))}."
        if named is None and self.explain is not None:
            named = self.explain(value)
        if named is None:
            named = nearest_mistake(value, expected, generic_slips(expected, self.slips), tolerance)
        if named is None and self.order is not None and permuted(value, expected, tolerance):
            named = self.order
        if named is None and not self.whole_number:
            named = near_miss(value, expected, rtol=self.rtol, digits=self.digits)
        return named or f"that is not the value we get. {self._ask_for_hint()}"

    def _is_a_choice(self, value: np.ndarray) -> bool:
        return any(distance(value, np.asarray(choice, dtype=float)) <= 1e-9 * abs(choice) for choice in self.choices)

    def _wrong_shape(self, value: np.ndarray, expected: np.ndarray) -> str:
        tolerance = absolute_tolerance(expected, self.rtol, self.atol)
        named = nearest_mistake(value, expected, self.mistakes, tolerance)
        if named is not None:
            return named
        if expected.ndim == 0 and value.size == 1:
            inner = value.reshape(())
            verdict = ("the number inside is right" if accepted(inner, expected, self.rtol, self.atol, self.digits)
                       else "then check the number itself: it is not right yet")
            return f"pass one number, not a list: write the number without brackets (or take [0]); {verdict}."
        if expected.ndim == 0:
            return f"expected one number, got {value.size} of them: expected shape (), got {value.shape}."
        return f"expected shape {expected.shape}, got {value.shape}."


@dataclass(kw_only=True)
class FunctionExercise(Exercise):
    """An exercise where the learner writes a function; it is compared with a reference on test inputs.

    A listed mistake is named only when the learner's function behaves like it on every test input,
    so one input that cannot tell two mistakes apart does not produce a wrong diagnosis.
    ``close_text`` replaces the generic "close" message (for a question whose near answers mean one thing).
    """

    reference: Callable
    test_inputs: Sequence[tuple]
    rtol: float = 1e-6
    atol: float | None = None
    close_text: str | None = None

    unfilled: ClassVar[str] = "fill in the function, then run the cell again."

    def __post_init__(self):
        # The stored inputs are read-only: only copies ever reach learner code, references or mistakes.
        self.test_inputs = tuple(tuple(_frozen(arg) for arg in args) for args in self.test_inputs)

    def reference_answer(self):
        return self.reference

    def _judge(self, learner_fn) -> Feedback:
        """Call the learner's function on every test input; report the first input where it goes wrong."""
        if not callable(learner_fn):
            return self._say(INCORRECT, f"expected a function, got {type(learner_fn).__name__}. Pass the function "
                                        "itself (its name, without calling it), not a value it returns.")
        runs = [self._run(learner_fn, _copied(args), f"calling it with {_show_args(args)}")
                for args in self.test_inputs]
        references = [np.asarray(self.reference(*_copied(args)), dtype=float) for args in self.test_inputs]
        values = []
        for args, (got, stopped) in zip(self.test_inputs, runs):
            if stopped is not None:
                values.append(stopped)
                continue
            try:
                values.append(as_real(got, returned=True))
            except NotANumber as refused:
                values.append(self._say(INCORRECT, f"for the input {_show_args(args)} it returned {refused.what}; "
                                                   f"{refused.advice}."))
        for index, (value, expected) in enumerate(zip(values, references)):
            if isinstance(value, Feedback):
                return value
            if not accepted(value, expected, self.rtol, self.atol):
                return self._mismatch(index, values, references)
        return self._say(CORRECT, f"matches the reference on {len(self.test_inputs)} inputs.")

    def _mismatch(self, index: int, values: list, references: list[np.ndarray]) -> Feedback:
        """What differs at the first failing input, named after a mistake the function matches everywhere."""
        args, value, expected = self.test_inputs[index], values[index], references[index]
        slip = self._matching_mistake(values, references, index)
        if slip is None and value.shape != expected.shape:
            slip = (f"it returned shape {value.shape}, expected {expected.shape}"
                    + ("; return one number, not a list or array of one." if expected.ndim == 0 and value.size == 1
                       else "."))
        if slip is None and not np.all(np.isfinite(value)):
            slip = f"it returned {_show_value(value)}, which contains inf or NaN; look for an overflow or 0/0."
        if slip is None and distance(value, expected) <= LOOSE * float(np.max(np.abs(expected), initial=0.0)):
            slip = self.close_text or (f"it returned {_show_value(value)}, close to the expected "
                                       f"{_show_value(expected)} but not within the check's tolerance; "
                                       "look for a small slip.")
        slip = slip or f"it returned {_show_value(value)}, expected {_show_value(expected)}."
        return self._say(INCORRECT, f"for the input {_show_args(args)}: {slip}")

    def _matching_mistake(self, values: list, references: list[np.ndarray], failing: int) -> str | None:
        """The listed mistake (else −f, 2f or f/2) that the learner's function matches on every test input."""
        listed = [(self._on_inputs(wrong), message) for wrong, message in self.mistakes]
        generic = [([factor * expected for expected in references], message)
                   for factor, message in slip_messages(self.slips)]
        for candidates in (listed, generic):
            best = None
            for outputs, message in candidates:
                gap = self._gap(values, references, outputs, failing)
                if gap is not None and (best is None or gap < best[0]):
                    best = (gap, message)
            if best is not None:
                return best[1]
        return None

    def _on_inputs(self, wrong: Callable) -> list[np.ndarray | None]:
        """A mistake's outputs on every test input (on copies); None where it cannot be evaluated."""
        outputs = []
        for args in self.test_inputs:
            try:
                outputs.append(as_float_array(wrong(*_copied(args))))
            except Exception:  # a slip such as W2 @ delta2 crashes on some shapes, just as the learner's does
                outputs.append(None)
        return outputs

    def _gap(self, values, references, outputs, failing: int) -> float | None:
        """The learner's worst scaled distance from a mistake's outputs, or None if it leaves them anywhere.

        Where the mistake cannot be evaluated (it crashes), the learner's function must crash too.
        """
        wrong_there = outputs[failing]
        if wrong_there is None or accepted(wrong_there, references[failing], self.rtol, self.atol):
            return None
        worst = 0.0
        for value, expected, wrong in zip(values, references, outputs):
            if wrong is None or not isinstance(value, np.ndarray):
                if wrong is None and not isinstance(value, np.ndarray):
                    continue
                return None
            tolerance = absolute_tolerance(expected, self.rtol, self.atol)
            allowed = max(radius(wrong, expected, tolerance),
                          float(np.max(self.rtol * np.abs(expected), initial=0.0)) + tolerance)
            gap = distance(value, wrong)
            if gap > allowed:
                return None
            worst = max(worst, gap / allowed if allowed else 0.0)
        return worst


def _frozen(arg):
    """A read-only copy of an array input, so a reference computed from it cannot be edited afterwards."""
    if isinstance(arg, np.ndarray):
        arg = arg.copy()
        arg.setflags(write=False)
    return arg


def _copied(args: tuple) -> tuple:
    """Fresh, writable copies of the inputs: whatever the callee does to them stays with it."""
    return tuple(np.array(arg) if isinstance(arg, np.ndarray) else copy.deepcopy(arg) for arg in args)


def _show_value(value: np.ndarray) -> str:
    """One line per value, even for a matrix, so feedback reads as one sentence."""
    if value.ndim == 0:
        return f"{float(value):.6g}"
    text = np.array2string(value, separator=", ", formatter={"float_kind": lambda v: f"{v:.6g}"})
    return " ".join(text.split())


def _show_arg(arg) -> str:
    if isinstance(arg, (bool, np.bool_)):
        return repr(arg)
    if isinstance(arg, (int, float, np.number, np.ndarray)):
        return _show_value(np.asarray(arg, dtype=float))
    if isinstance(arg, np.ufunc):
        return f"np.{arg.__name__}"
    if callable(arg) and hasattr(arg, "__name__"):
        return arg.__name__
    return shown(arg)


def _show_args(args: tuple) -> str:
    return ", ".join(_show_arg(arg) for arg in args)
