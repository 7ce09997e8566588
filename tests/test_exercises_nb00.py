"""The exercise of notebook 00: the slope of the sigmoid at 0, with feedback in its own terms."""
from __future__ import annotations

from course_utils.exercises import CORRECT, INCORRECT
from course_utils.exercises.nb00 import q1


def test_the_slope_is_a_quarter():
    assert q1.check(0.25).status == CORRECT


def test_the_slips_are_named_without_loss_talk():
    assert "height of the curve" in q1.check(0.5).message
    assert "x = 1" in q1.check(q1.mistakes[2][0]).message
    negated = q1.check(-0.25)
    assert negated.status == INCORRECT and "rises everywhere" in negated.message
    assert "a − t" not in negated.message and "loss" not in negated.message


def test_a_list_of_one_number_is_told_to_drop_the_brackets():
    assert "not a list" in q1.check([0.25]).message


def test_a_slider_one_or_two_steps_from_zero_is_named():
    from course_utils.exercises.nb00 import sigmoid

    for x_off in (0.05, -0.05, 0.1):
        for value in (sigmoid.grad(x_off), round(sigmoid.grad(x_off), 4)):
            message = q1.check(value).message
            assert "is the slider exactly at x = 0" in message, (x_off, value)
