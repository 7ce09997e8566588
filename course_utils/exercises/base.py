"""The one base of every exercise: a check that never raises, a hint, a solution and the learner's code run safely."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from course_utils.exercises.answers import error_text
from course_utils.exercises.judging import Slips


class Status(StrEnum):
    """How a check went; each member equals its text, so ``status == "correct"`` also holds."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ATTEMPTED = "not attempted"


CORRECT, INCORRECT, NOT_ATTEMPTED = Status.CORRECT, Status.INCORRECT, Status.NOT_ATTEMPTED

_MARKS = {CORRECT: "✔ Correct", INCORRECT: "✘ Not yet", NOT_ATTEMPTED: "○ Not attempted yet"}

#: The start of the message when a check itself fails; the property tests make sure no answer reaches it.
CHECK_FAILED = "the check could not judge this answer"


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
    ``reference_answer`` and ``mistake_answers`` give a right answer and each listed mistake as a
    learner would pass them, so tests can try every exercise of the course without a hand-kept list.
    """

    name: str
    hint_text: str
    solution_text: str
    mistakes: Sequence[tuple[object, str]] = ()
    #: What a sign flip, a doubled or a halved answer means in this question; see ``judging.Slips``.
    slips: Slips = field(default_factory=Slips)
    #: The notebook's name for this exercise (``q1``), set by ``name_exercises``; feedback uses it.
    variable: str | None = field(default=None, repr=False, compare=False)

    #: What to do with an unfilled answer, and with learner code that returns nothing.
    unfilled: ClassVar[str] = "replace the ... with your answer, then run the cell again."
    no_return: ClassVar[str] = "your function returns nothing yet; add a return statement."

    def check(self, answer) -> Feedback:
        """Judge the learner's answer; an unfilled one is 'not attempted', so a stored notebook still runs."""
        if is_stub(answer):
            return self._say(NOT_ATTEMPTED, self.unfilled)
        try:
            return self._judge(answer)
        except Exception as error:  # a last guard: a check must never end in a traceback
            return self._say(INCORRECT, f"{CHECK_FAILED} ({type(error).__name__}: {error_text(error)}). "
                                        "Check that it is the kind of answer the question asks for.")

    def hint(self) -> Text:
        """A nudge that names the idea to use, not the answer."""
        return Text("Hint", self.hint_text)

    def solution(self) -> Text:
        """The worked answer, for after an honest try."""
        return Text("Solution", self.solution_text)

    @abstractmethod
    def reference_answer(self):
        """A right answer, as a learner would pass it to check."""

    def mistake_answers(self) -> list[tuple[object, str]]:
        """Each listed mistake as a learner would pass it, with the message it must get."""
        return list(self.mistakes)

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
            return None, self._say(
                INCORRECT, f"{where} raised {type(error).__name__}: {error_text(error)}{self._advice(error)}")
        if is_stub(result):
            return None, self._say(NOT_ATTEMPTED, self.no_return)
        return result, None

    def _advice(self, error: Exception) -> str:
        """A note added to a crash message when the error has a known beginner's cause."""
        text = error_text(error)
        if "truth value of an array" in text:
            return _ARRAY_IF_NOTE
        if "matmul" in text and "mismatch" in text:
            return _MATMUL_NOTE
        return ""


def name_exercises(namespace: dict) -> None:
    """Tell each exercise in a module its variable name (q1, q2, …), so feedback can say ``run q1.hint()``."""
    for variable, value in namespace.items():
        if isinstance(value, Exercise) and not variable.startswith("_"):
            value.variable = variable


def is_stub(answer) -> bool:
    """True for the placeholders a notebook hands out: ``...`` and ``None``."""
    return answer is Ellipsis or answer is None


#: Added when a learner's `if x > 0:` meets a whole array, numpy's most puzzling error for a beginner.
_ARRAY_IF_NOTE = (
    ". An `if` (or `and`/`or`) cannot decide for a whole array at once; "
    "use np.where(condition, value_if_true, value_if_false) to choose elementwise."
)
#: Added when `@` meets shapes that only an elementwise product fits.
_MATMUL_NOTE = ". @ is the matrix product; for an elementwise product (⊙) use *."
