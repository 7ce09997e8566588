"""Every exercise of notebook 01: a stub is not attempted, the solution is correct, each listed mistake is named."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.calculus import central_difference, forward_difference
from course_utils.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED
from course_utils.exercises.nb01 import STEP_CHOICES, best_choice, q1, q2, q3, q4, q5
from course_utils.lessons.nb01.curves import SINE
from course_utils.lessons.nb01.step_size_study import dominant_error, measured_errors


@pytest.mark.parametrize("exercise", [q1, q2, q3, q4, q5], ids=lambda q: q.name)
def test_a_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == NOT_ATTEMPTED


def test_q1_the_parenthesized_quotient_is_correct_and_the_seeds_is_named():
    fixed = lambda h: (3 * (2 + h) ** 2 + 4 * (2 + h) + 6 - (3 * 2**2 + 4 * 2 + 6)) / h  # noqa: E731
    seed = lambda h: (3 * (2 + h) ** 2 + 4 * (2 + h) + 6 - 3 * 2**2 + 4 * 2 + 6) / h  # noqa: E731
    assert q1.check(fixed).status == CORRECT
    feedback = q1.check(seed)
    assert feedback.status == INCORRECT and "source's slip" in feedback.message
    assert "divide it by the run h" in q1.check(lambda h: fixed(h) * h).message


def test_q2_central_difference_and_its_two_usual_slips():
    assert q2.check(lambda f, x, h: (f(x + h) - f(x - h)) / (2 * h)).status == CORRECT
    assert "divide by 2h" in q2.check(lambda f, x, h: (f(x + h) - f(x - h)) / h).message
    assert "forward difference" in q2.check(lambda f, x, h: (f(x + h) - f(x)) / h).message


def test_q3_the_slope_of_sine_at_pi_over_3():
    assert q3.check(central_difference(np.sin, np.pi / 3, 1e-5)).status == CORRECT
    assert q3.check(0.5).status == CORRECT
    assert "height of the curve" in q3.check(np.sin(np.pi / 3)).message
    assert "radians" in q3.check(central_difference(np.sin, 60.0, 1e-5)).message
    assert q3.check(forward_difference(np.sin, np.pi / 3, 1e-5)).status == INCORRECT  # only ~5 digits


def test_the_best_choices_are_the_measured_ones_near_root_eps():
    assert best_choice("forward") == 1e-8
    assert best_choice("central") == 1e-5


@pytest.mark.parametrize("exercise, method", [(q4, "forward"), (q5, "central")])
def test_q4_q5_correct_choice_and_every_wrong_choice_gets_a_reason(exercise, method):
    assert exercise.check(best_choice(method)).status == CORRECT
    for wrong in STEP_CHOICES:
        if wrong == best_choice(method):
            continue
        feedback = exercise.check(wrong)
        assert feedback.status == INCORRECT
        assert "hint" not in feedback.message, f"{wrong} has no targeted message"


@pytest.mark.parametrize("exercise, method", [(q4, "forward"), (q5, "central")])
def test_q4_q5_messages_name_the_regime_the_model_finds(exercise, method):
    for wrong, message in exercise.mistakes:
        if "round-off" in message and "forward difference's best" not in message:
            assert dominant_error(SINE, 1.0, wrong, method) == "round-off", wrong
        if "truncation error" in message and "still the larger" in message:
            assert dominant_error(SINE, 1.0, wrong, method) == "truncation", wrong


def test_q1_the_limit_itself_is_not_the_quotient():
    assert "16 + 3h" in q1.check(lambda h: 16.0).message


def test_q2_names_the_precedence_slip_and_the_backward_difference():
    assert "(a / 2) * h" in q2.check(lambda f, x, h: (f(x + h) - f(x - h)) / 2 * h).message
    assert "backward difference" in q2.check(lambda f, x, h: (f(x) - f(x - h)) / h).message


@pytest.mark.parametrize("exercise, method", [(q4, "forward"), (q5, "central")])
def test_q4_q5_compare_steps_relatively_so_a_step_5_percent_off_is_not_the_best_one(exercise, method):
    assert exercise.check(best_choice(method) * 1.05).status == INCORRECT


def test_q4_never_calls_a_choice_the_worst_unless_it_is():
    forward, _ = measured_errors(SINE, 1.0, np.array(STEP_CHOICES))
    worst = STEP_CHOICES[int(np.argmax(forward))]
    for wrong, message in q4.mistakes:
        if "worst" in message:
            assert wrong == worst
