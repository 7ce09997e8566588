"""Exercise checks with targeted feedback: ``q.check(answer)``, ``q.hint()``, ``q.solution()``.

An answer left as ``...`` (or a function that still raises NotImplementedError or
returns nothing) is reported as "not attempted yet", never as an error, so a stored
notebook with unfilled exercises still runs top to bottom. A wrong answer gets a
message that names the likely slip: one of the mistakes the exercise lists, a
flipped sign or a factor of 2 (in the question's own words), or a wrong shape.

No answer makes a check raise: text, bools, complex numbers, objects that refuse conversion and
learner code that crashes all become feedback (``answers.as_real`` says what counts as a number).
A learner's function is called on copies of the test inputs, and the reference on other copies,
so a function that edits its inputs in place cannot change a later check.

Every exercise is an ``Exercise``, the one base that owns check, hint and solution;
``NumberExercise``, ``FunctionExercise`` and ``new_op.NewOpExercise`` only say how an answer
is judged. Each ``nbNN`` module ends with ``name_exercises(globals())``, so feedback can
point to ``q1.hint()`` by name.
"""
from course_utils.exercises.base import (
    CHECK_FAILED,
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercise,
    Feedback,
    Status,
    Text,
    is_stub,
    name_exercises,
)
from course_utils.exercises.judging import SILENT, Slips, diagnose, near_miss
from course_utils.exercises.kinds import FunctionExercise, NumberExercise

__all__ = [
    "CHECK_FAILED", "CORRECT", "INCORRECT", "NOT_ATTEMPTED", "SILENT", "Exercise", "Feedback", "FunctionExercise",
    "NumberExercise", "Slips", "Status", "Text", "diagnose", "is_stub", "name_exercises", "near_miss",
]
