"""Exercise checks with targeted feedback: ``q.check(answer)``, ``q.hint()``, ``q.solution()``.

An answer left as ``...`` (or a function that still raises NotImplementedError or
returns nothing) is reported as "not attempted yet", never as an error, so a stored
notebook with unfilled exercises still runs top to bottom. A wrong answer gets a
message that names the likely slip: a flipped sign, a factor of 2, a wrong shape,
or one of the mistakes the exercise itself lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"

_MARKS = {CORRECT: "✔ Correct", INCORRECT: "✘ Not yet", NOT_ATTEMPTED: "○ Not attempted yet"}


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check; it prints as one readable paragraph."""

    status: str
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


def is_stub(answer) -> bool:
    """True for the placeholders a notebook hands out: ``...`` and ``None``."""
    return answer is Ellipsis or answer is None


def _close(a, b, rtol: float, atol: float) -> bool:
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=False))


def diagnose(answer, expected, mistakes: Sequence[tuple[object, str]] = (), rtol: float = 1e-6, atol: float = 1e-9) -> str | None:
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


@dataclass
class NumberExercise:
    """An exercise whose answer is a number or an array of numbers."""

    name: str
    expected: Callable[[], object]
    hint_text: str
    solution_text: str
    mistakes: Sequence[tuple[object, str]] = field(default_factory=tuple)
    rtol: float = 1e-6
    atol: float = 1e-9

    def check(self, answer) -> Feedback:
        """Compare the learner's answer with the computed one and say what is wrong."""
        if is_stub(answer):
            return Feedback(NOT_ATTEMPTED, f"{self.name}: replace the ... with your answer, then run the cell again.")
        if isinstance(answer, (str, bytes)):
            return Feedback(INCORRECT, f"{self.name}: expected a number, got the text {answer!r}; remove the quotes.")
        try:
            value = np.asarray(answer, dtype=float)
        except (TypeError, ValueError):
            return Feedback(INCORRECT, f"{self.name}: expected a number, got {type(answer).__name__} {answer!r}.")
        expected = np.asarray(self.expected(), dtype=float)
        if value.shape != expected.shape:
            named = diagnose(value, expected, self.mistakes, self.rtol, self.atol)
            shape_note = f"expected shape {expected.shape}, got {value.shape}."
            return Feedback(INCORRECT, f"{self.name}: {named or shape_note}")
        if not np.all(np.isfinite(value)):
            return Feedback(INCORRECT, f"{self.name}: your answer contains inf or NaN; look for an overflow or 0/0.")
        if _close(value, expected, self.rtol, self.atol):
            return Feedback(CORRECT, f"{self.name}.")
        slip = diagnose(value, expected, self.mistakes, self.rtol, self.atol) or near_miss(value, expected)
        return Feedback(INCORRECT, f"{self.name}: {slip or 'that is not the value we get. For a hint, remove the # before .hint() in the cell below.'}")

    def hint(self) -> Text:
        return Text("Hint", self.hint_text)

    def solution(self) -> Text:
        return Text("Solution", self.solution_text)


@dataclass
class FunctionExercise:
    """An exercise where the learner writes a function; it is compared with a reference on test inputs."""

    name: str
    reference: Callable
    test_inputs: Sequence[tuple]
    hint_text: str
    solution_text: str
    mistakes: Sequence[tuple[Callable, str]] = field(default_factory=tuple)
    rtol: float = 1e-6
    atol: float = 1e-9

    def check(self, learner_fn) -> Feedback:
        """Call the learner's function on every test input; report the first input where it goes wrong."""
        if is_stub(learner_fn):
            return Feedback(NOT_ATTEMPTED, f"{self.name}: fill in the function, then run the cell again.")
        if not callable(learner_fn):
            return Feedback(INCORRECT, f"{self.name}: expected a function, got {type(learner_fn).__name__}.")
        for args in self.test_inputs:
            try:
                got = learner_fn(*args)
            except NotImplementedError:
                return Feedback(NOT_ATTEMPTED, f"{self.name}: replace the `raise NotImplementedError` with your code.")
            except Exception as error:  # a learner's bug is feedback, not a traceback
                message = f"{self.name}: calling it with {_show_args(args)} raised {type(error).__name__}: {error}"
                if "truth value of an array" in str(error):
                    message += _ARRAY_IF_NOTE
                return Feedback(INCORRECT, message)
            if is_stub(got):
                return Feedback(NOT_ATTEMPTED, f"{self.name}: your function returns nothing yet; add a return statement.")
            feedback = self._compare(args, got)
            if feedback is not None:
                return feedback
        return Feedback(CORRECT, f"{self.name}: matches the reference on {len(self.test_inputs)} inputs.")

    def _compare(self, args: tuple, got) -> Feedback | None:
        expected = np.asarray(self.reference(*args), dtype=float)
        try:
            value = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return Feedback(INCORRECT, f"{self.name}: for {_show_args(args)} it returned {got!r}, not a number.")
        if value.shape == expected.shape and _close(value, expected, self.rtol, self.atol):
            return None
        wrong_values = [(wrong(*args), message) for wrong, message in self.mistakes]
        slip = diagnose(value, expected, wrong_values, self.rtol, self.atol)
        if slip is None and value.shape != expected.shape:
            slip = f"it returned shape {value.shape}, expected {expected.shape}."
        where = f"for the input {_show_args(args)}:"
        return Feedback(INCORRECT, f"{self.name}: {where} {slip or f'it returned {_show_value(value)}, expected {_show_value(expected)}.'}")

    def hint(self) -> Text:
        return Text("Hint", self.hint_text)

    def solution(self) -> Text:
        return Text("Solution", self.solution_text)


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
