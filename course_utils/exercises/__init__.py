"""Exercise checks with targeted feedback: ``q.check(answer)``, ``q.hint()``, ``q.solution()``.

An answer left as ``...`` (or a function that still raises NotImplementedError or
returns nothing) is reported as "not attempted yet", never as an error, so a stored
notebook with unfilled exercises still runs top to bottom. A wrong answer gets a
message that names the likely slip: a flipped sign, a factor of 2, a wrong shape,
or one of the mistakes the exercise itself lists.

Every exercise is an ``Exercise``, the one base that owns check, hint and solution;
``NumberExercise``, ``FunctionExercise`` and ``new_op.NewOpExercise`` only say how an answer
is judged. Each ``nbNN`` module ends with ``name_exercises(globals())``, so feedback can
point to ``q1.hint()`` by name.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

import numpy as np


class Status(StrEnum):
    """How a check went; each member equals its text, so ``status == "correct"`` also holds."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not attempted"


CORRECT, INCORRECT, NOT_ATTEMPTED = Status.CORRECT, Status.INCORRECT, Status.NOT_ATTEMPTED

_MARKS = {CORRECT: "✔ Correct", INCORRECT: "✘ Not yet", NOT_ATTEMPTED: "○ Not attempted yet"}


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check; it prints as one readable paragraph."""

    status: Status
    message: str

    def __repr__(self) -> str:
        return f"{_MARKS[self.status]}: {self.message}"

    @property
    def correct(self) -> bool:
        return self.status == CORRECT


@dataclass(frozen=True)
class Text:
    """A hint or a solution, shown as plain text."""

    heading: str
    body: str

    def __repr__(self) -> str:
        return f"{self.heading}: {self.body}"


@dataclass(kw_only=True)
class Exercise(ABC):
    """What every exercise shares: a check that never raises, a hint and a solution (learntools' ``Problem``).

    A subclass says what an unfilled answer means (``unfilled``) and judges a filled one in
    ``_judge``; the learner's own code runs through ``_run``, so a stub or a crash becomes feedback.
    """

    name: str
    hint_text: str
    solution_text: str
    mistakes: Sequence[tuple[object, str]] = ()
    #: The notebook's name for this exercise (``q1``), set by ``name_exercises``; feedback uses it.
    variable: str | None = field(default=None, repr=False, compare=False)

    #: What to do with an unfilled answer, and with learner code that returns nothing.
    unfilled: ClassVar[str] = "replace the ... with your answer, then run the cell again."
    no_return: ClassVar[str] = "your function returns nothing yet; add a return statement."

    def check(self, answer) -> Feedback:
        """Judge the learner's answer; an unfilled one is 'not attempted', so a stored notebook still runs."""
        if is_stub(answer):
            return self._say(NOT_ATTEMPTED, self.unfilled)
        return self._judge(answer)

    def hint(self) -> Text:
        """A nudge that names the idea to use, not the answer."""
        return Text("Hint", self.hint_text)

    def solution(self) -> Text:
        """The worked answer, for after an honest try."""
        return Text("Solution", self.solution_text)

    @abstractmethod
    def _judge(self, answer) -> Feedback:
        """The feedback for a filled-in answer."""

    def _say(self, status: Status, text: str) -> Feedback:
        """Feedback that starts with the exercise's name, so a printed result says which exercise it is."""
        return Feedback(status, f"{self.name}: {text}")

    def _ask_for_hint(self) -> str:
        """Where the hint is, in words that hold wherever the learner's cells are."""
        call = f"run {self.variable}.hint()" if self.variable else "call .hint() on this exercise"
        return f"For a hint, {call}."

    def _run(self, code: Callable, args: tuple, where: str):
        """Call the learner's code: (result, None), or (None, feedback) for a stub, a missing return or a crash."""
        try:
            result = code(*args)
        except NotImplementedError:
            return None, self._say(NOT_ATTEMPTED, "replace the `raise NotImplementedError` with your code.")
        except Exception as error:  # a learner's bug is feedback, not a traceback
            return None, self._say(INCORRECT, f"{where} raised {type(error).__name__}: {error}{self._advice(error)}")
        if is_stub(result):
            return None, self._say(NOT_ATTEMPTED, self.no_return)
        return result, None

    def _advice(self, error: Exception) -> str:
        """A note added to a crash message when the error has a known beginner's cause."""
        return _ARRAY_IF_NOTE if "truth value of an array" in str(error) else ""


def name_exercises(namespace: dict) -> None:
    """Tell each exercise in a module its variable name (q1, q2, …), so feedback can say ``run q1.hint()``."""
    for variable, value in namespace.items():
        if isinstance(value, Exercise) and not variable.startswith("_"):
            value.variable = variable


def is_stub(answer) -> bool:
    """True for the placeholders a notebook hands out: ``...`` and ``None``."""
    return answer is Ellipsis or answer is None


def _close(a, b, rtol: float, atol: float) -> bool:
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=False))


def diagnose(answer, expected, mistakes: Sequence[tuple[object, str]] = (), rtol: float = 1e-6,
             atol: float = 1e-9) -> str | None:
    """Name the likely slip behind a wrong numeric answer, or None if nothing matches."""
    answer = np.asarray(answer, dtype=float)
    expected = np.asarray(expected, dtype=float)
    for wrong, message in mistakes:
        wrong = np.asarray(wrong, dtype=float)
        if wrong.shape == answer.shape and _close(answer, wrong, rtol, atol):
            return message
    if answer.shape != expected.shape:
        return None
    if np.any(expected != 0) and _close(answer, -expected, rtol, atol):
        return "the sign is flipped. Check the direction of each difference (e.g. a − t versus t − a)."
    if np.any(expected != 0) and _close(answer, 2 * expected, rtol, atol):
        return "your answer is twice the expected value. Look for a factor of 2 (e.g. from ½ in the loss)."
    if np.any(expected != 0) and _close(answer, expected / 2, rtol, atol):
        return "your answer is half the expected value. Did you drop a factor of 2?"
    return None


def near_miss(answer, expected, within: float = 1e-2) -> str | None:
    """Say so when a wrong answer is within 1 % of the right one: usually a rounded value typed in by hand."""
    answer = np.asarray(answer, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if answer.shape != expected.shape or np.any(expected == 0):
        return None
    off = float(np.max(np.abs(answer - expected) / np.abs(expected)))
    if off > within:
        return None
    return (
        f"close, but off by {100 * off:.2g} %, more than the check allows. If you typed a rounded number, "
        "compute it in Python and pass the full value; otherwise look for a small slip."
    )


@dataclass(kw_only=True)
class NumberExercise(Exercise):
    """An exercise whose answer is a number or an array of numbers."""

    expected: Callable[[], object]
    rtol: float = 1e-6
    atol: float = 1e-9

    def _judge(self, answer) -> Feedback:
        """Compare the learner's answer with the computed one and say what is wrong."""
        if isinstance(answer, (str, bytes)):
            return self._say(INCORRECT, f"expected a number, got the text {answer!r}; remove the quotes.")
        try:
            value = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return self._say(INCORRECT, f"expected a number, got {type(answer).__name__} {answer!r}.")
        expected = np.asarray(self.expected(), dtype=float)
        if value.shape != expected.shape:
            named = diagnose(value, expected, self.mistakes, self.rtol, self.atol)
            return self._say(INCORRECT, named or f"expected shape {expected.shape}, got {value.shape}.")
        if not np.all(np.isfinite(value)):
            return self._say(INCORRECT, "your answer contains inf or NaN; look for an overflow or 0/0.")
        if _close(value, expected, self.rtol, self.atol):
            return Feedback(CORRECT, f"{self.name}.")
        slip = diagnose(value, expected, self.mistakes, self.rtol, self.atol) or near_miss(value, expected)
        return self._say(INCORRECT, slip or f"that is not the value we get. {self._ask_for_hint()}")


@dataclass(kw_only=True)
class FunctionExercise(Exercise):
    """An exercise where the learner writes a function; it is compared with a reference on test inputs."""

    reference: Callable
    test_inputs: Sequence[tuple]
    rtol: float = 1e-6
    atol: float = 1e-9

    unfilled: ClassVar[str] = "fill in the function, then run the cell again."

    def _judge(self, learner_fn) -> Feedback:
        """Call the learner's function on every test input; report the first input where it goes wrong."""
        if not callable(learner_fn):
            return self._say(INCORRECT, f"expected a function, got {type(learner_fn).__name__}.")
        for args in self.test_inputs:
            got, stopped = self._run(learner_fn, args, f"calling it with {_show_args(args)}")
            feedback = stopped or self._compare(args, got)
            if feedback is not None:
                return feedback
        return self._say(CORRECT, f"matches the reference on {len(self.test_inputs)} inputs.")

    def _compare(self, args: tuple, got) -> Feedback | None:
        """None if the learner's result matches the reference at args, else what differs."""
        expected = np.asarray(self.reference(*args), dtype=float)
        try:
            value = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return self._say(INCORRECT, f"for {_show_args(args)} it returned {got!r}, not a number.")
        if value.shape == expected.shape and _close(value, expected, self.rtol, self.atol):
            return None
        wrong_values = [(wrong(*args), message) for wrong, message in self.mistakes]
        slip = diagnose(value, expected, wrong_values, self.rtol, self.atol)
        if slip is None and value.shape != expected.shape:
            slip = f"it returned shape {value.shape}, expected {expected.shape}."
        slip = slip or f"it returned {_show_value(value)}, expected {_show_value(expected)}."
        return self._say(INCORRECT, f"for the input {_show_args(args)}: {slip}")


#: Added when a learner's `if x > 0:` meets a whole array, numpy's most puzzling error for a beginner.
_ARRAY_IF_NOTE = (
    ". An `if` (or `and`/`or`) cannot decide for a whole array at once; "
    "use np.where(condition, value_if_true, value_if_false) to choose elementwise."
)


def _show_value(value: np.ndarray) -> str:
    """One line per value, even for a matrix, so feedback reads as one sentence."""
    if value.ndim == 0:
        return f"{float(value):.6g}"
    text = np.array2string(value, separator=", ", formatter={"float_kind": lambda v: f"{v:.6g}"})
    return " ".join(text.split())


def _show_args(args: tuple) -> str:
    return ", ".join(_show_value(np.asarray(a)) if isinstance(a, (int, float, np.ndarray)) else repr(a) for a in args)
