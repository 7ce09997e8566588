"""Exercise checks: stubs are 'not attempted', right answers pass, and wrong ones are told the likely slip."""
from __future__ import annotations

import importlib
import re

import numpy as np
import pytest

from course_utils.exercises import (
    CORRECT,
    INCORRECT,
    NOT_ATTEMPTED,
    Exercise,
    FunctionExercise,
    NumberExercise,
    Status,
    diagnose,
)
from course_utils.exercises.nb00 import q1 as start_here_q1


@pytest.fixture
def slope_question():
    return NumberExercise(
        name="slope", expected=lambda: 0.25, hint_text="h", solution_text="s",
        mistakes=[(0.5, "0.5 is the height, not the slope.")],
    )


@pytest.fixture
def square_question():
    return FunctionExercise(
        name="square", reference=lambda x: x**2, test_inputs=[(2.0,), (np.array([1.0, -3.0]),)],
        hint_text="h", solution_text="s",
        mistakes=[(lambda x: 2 * x, "that is the derivative of x², not x².")],
    )


@pytest.mark.parametrize("stub", [..., None])
def test_an_unfilled_answer_is_not_attempted(slope_question, stub):
    feedback = slope_question.check(stub)
    assert feedback.status == NOT_ATTEMPTED
    assert "replace the ..." in repr(feedback)


def test_the_right_answer_is_correct(slope_question):
    assert slope_question.check(0.25).correct
    assert repr(slope_question.check(0.25)).startswith("✔ Correct")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (0.5, "0.5 is the height"),
        (-0.25, "sign is flipped"),
        (0.125, "half the expected value"),
        (0.3, r"not the value we get. For a hint, call \.hint\(\) on this exercise"),
        ("a quarter", "expected a number, got the text 'a quarter'"),
        ("0.25", "remove the quotes"),
        (float("nan"), "inf or NaN"),
        ([0.25, 0.25], r"expected shape \(\), got \(2,\)"),
    ],
)
def test_a_wrong_answer_names_the_slip(slope_question, answer, message):
    feedback = slope_question.check(answer)
    assert feedback.status == INCORRECT
    assert re.search(message, feedback.message), feedback.message


def test_a_notebook_exercise_points_to_its_own_hint_by_its_variable_name():
    feedback = start_here_q1.check(0.3)
    assert "For a hint, run q1.hint()." in feedback.message and "cell below" not in feedback.message


def test_statuses_are_an_enum_whose_members_equal_their_text():
    assert isinstance(CORRECT, Status) and CORRECT == "correct" and NOT_ATTEMPTED == "not attempted"
    assert {status.name for status in Status} == {"CORRECT", "INCORRECT", "NOT_ATTEMPTED"}


def test_twice_the_answer_points_at_a_factor_of_two():
    assert "twice" in diagnose(0.5, 0.25)


def test_diagnose_stays_silent_when_nothing_matches():
    assert diagnose(0.3, 0.25) is None


def test_hint_and_solution_print_as_text(slope_question):
    assert repr(slope_question.hint()) == "Hint: h"
    assert repr(slope_question.solution()) == "Solution: s"


def test_a_function_matching_the_reference_is_correct(square_question):
    feedback = square_question.check(lambda x: x * x)
    assert feedback.correct and "2 inputs" in feedback.message


def test_a_function_still_raising_not_implemented_is_not_attempted(square_question):
    def stub(x):
        raise NotImplementedError

    assert square_question.check(stub).status == NOT_ATTEMPTED


def test_a_function_returning_nothing_is_not_attempted(square_question):
    def stub(x):
        pass

    assert "add a return statement" in square_question.check(stub).message


def test_a_crashing_function_is_feedback_not_a_traceback(square_question):
    feedback = square_question.check(lambda x: x / undefined_name)  # noqa: F821
    assert feedback.status == INCORRECT
    assert "raised NameError" in feedback.message and "2" in feedback.message


def test_a_listed_wrong_function_gets_its_message(square_question):
    assert "derivative of x²" in square_question.check(lambda x: 2 * x).message


def test_a_wrong_shape_is_named(square_question):
    feedback = square_question.check(lambda x: np.atleast_1d(x**2)[:1] if np.ndim(x) else x**2)
    assert "shape (1,), expected (2,)" in feedback.message


def test_a_non_function_answer_is_incorrect(square_question):
    assert "expected a function, got float" in square_question.check(4.0).message


def test_the_start_here_exercise_knows_the_sigmoid_slope_and_its_mix_ups():
    assert start_here_q1.check(...).status == NOT_ATTEMPTED
    assert start_here_q1.check(0.25).status == CORRECT
    assert "height of the curve" in start_here_q1.check(0.5).message
    assert "slope of tanh" in start_here_q1.check(1.0).message


@pytest.mark.parametrize("answer", [0.2501, 0.2499, 0.2513])
def test_an_answer_within_one_percent_is_called_close_not_wrong(slope_question, answer):
    feedback = slope_question.check(answer)
    assert feedback.status == INCORRECT
    assert "close, but off by" in feedback.message and "rounded" in feedback.message


def test_a_listed_mistake_outranks_being_close():
    question = NumberExercise(
        name="q", expected=lambda: 1.0, hint_text="h", solution_text="s", mistakes=[(1.005, "the named slip")],
    )
    assert "the named slip" in question.check(1.005).message


def test_near_miss_stays_silent_for_a_zero_answer_or_a_far_answer():
    from course_utils.exercises import near_miss

    assert near_miss(0.001, 0.0) is None
    assert near_miss(0.3, 0.25) is None
    assert "0.4 %" in near_miss(0.251, 0.25)


def test_the_start_here_exercise_names_the_slope_where_the_explorer_starts():
    for read_off in (0.19661193324148185, 0.1966):  # the full value and the readout's four digits
        assert "Drag the slider to x = 0" in start_here_q1.check(read_off).message


def test_function_feedback_shows_matrix_inputs_on_one_line_before_the_message():
    question = FunctionExercise(
        name="transpose", reference=lambda M: M.T, test_inputs=[(np.array([[1.0, 2.0], [3.0, 4.0]]),)],
        hint_text="h", solution_text="s", mistakes=[(lambda M: M, "that is M itself.")],
    )
    message = question.check(lambda M: M).message
    assert "\n" not in message
    assert "for the input [[1, 2], [3, 4]]: that is M itself." in message


def test_an_if_on_a_whole_array_is_pointed_to_np_where():
    question = FunctionExercise(
        name="relu slope", reference=lambda x: np.where(x > 0, 1.0, 0.0), test_inputs=[(np.array([-1.0, 2.0]),)],
        hint_text="h", solution_text="s",
    )
    feedback = question.check(lambda x: 1.0 if x > 0 else 0.0)
    assert feedback.status == INCORRECT and "use np.where(" in feedback.message


def test_other_crashes_get_no_np_where_note(square_question):
    feedback = square_question.check(lambda x: x.undefined_attribute)
    assert "np.where" not in feedback.message


@pytest.mark.parametrize("notebook", ["nb00", "nb01", "nb02", "nb03", "nb04", "nb05", "nb06"])
def test_every_notebook_exercise_shares_the_one_base_and_knows_its_variable_name(notebook):
    module = importlib.import_module(f"course_utils.exercises.{notebook}")
    exercises = {name: value for name, value in vars(module).items() if isinstance(value, Exercise)}
    assert exercises and all(exercise.variable == name for name, exercise in exercises.items())
