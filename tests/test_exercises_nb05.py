"""Notebook 05's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import Value
from course_utils.exercises import nb05

ALL = [nb05.q1, nb05.q2, nb05.q3, nb05.q4, nb05.q5]


def value_sin(v):
    return Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data),), op="sin")


@pytest.mark.parametrize("exercise, answer", [
    (nb05.q1, 7), (nb05.q2, [0, 3, 5]), (nb05.q3, value_sin),
    (nb05.q4, np.outer([0.5, -1.0, 2.0], [1.0, 2.0, 0.0, -1.0])), (nb05.q5, 2_000_000),
])
def test_the_right_answer_is_correct(exercise, answer):
    feedback = exercise.check(answer)
    assert feedback.correct, feedback


@pytest.mark.parametrize("exercise", ALL)
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


@pytest.mark.parametrize("exercise", ALL)
def test_every_exercise_has_a_hint_and_a_solution(exercise):
    assert repr(exercise.hint()).startswith("Hint: ") and repr(exercise.solution()).startswith("Solution: ")


@pytest.mark.parametrize("exercise", [nb05.q1, nb05.q2, nb05.q4, nb05.q5])
def test_each_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert feedback.status == "incorrect" and message in repr(feedback)


def _op_with_slope(slope):
    return lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(slope(v.data),), op="sin")


@pytest.mark.parametrize("slope, message", [(wrong, message) for wrong, message in nb05.q3.mistakes])
def test_each_wrong_slope_of_the_new_op_gets_its_own_message(slope, message):
    feedback = nb05.q3.check(_op_with_slope(slope))
    assert feedback.status == "incorrect" and message in repr(feedback)


def test_an_op_that_returns_ellipsis_or_raises_not_implemented_is_not_attempted():
    def raises(v):
        raise NotImplementedError

    assert nb05.q3.check(lambda v: ...).status == "not attempted"
    assert nb05.q3.check(raises).status == "not attempted"


@pytest.mark.parametrize("op, message", [
    (lambda v: math.sin(v.data), "return a Value node, got float"),
    (lambda v: Value(math.cos(v.data), parents=(v,), local_grads=(1.0,)), "the value is"),
    (lambda v: Value(math.sin(v.data)), "no link back to its input"),
    (lambda v: 1 / (v - 0.5), "raised ZeroDivisionError"),
])
def test_a_broken_op_is_explained(op, message):
    feedback = nb05.q3.check(op)
    assert feedback.status == "incorrect" and message in repr(feedback)


def test_a_new_op_that_passes_the_node_to_math_is_told_to_use_its_data():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v), parents=(v,), local_grads=(math.cos(v),)))
    assert feedback.status == "incorrect" and "use v.data, not v" in repr(feedback)


def test_a_new_op_whose_local_grads_lack_the_comma_is_told_so():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data))))
    assert feedback.status == "incorrect" and "mind the comma" in repr(feedback)
