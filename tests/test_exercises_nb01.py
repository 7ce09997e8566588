"""Every exercise of notebook 01: a stub is not attempted, the solution is correct, each listed mistake is named."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.calculus import central_difference, forward_difference
from course_utils.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED
from course_utils.exercises.nb01 import STEP_CHOICES, best_choice, kinked, q1, q2, q3, q4, q5, q6, q7, with_log
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
    assert feedback.status == INCORRECT and "section 3's slip" in feedback.message
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


def test_q6_the_left_and_right_slopes_of_the_kink():
    assert q6.check([1, 3]).status == CORRECT
    assert q6.check(np.array([1.0, 3.0])).status == CORRECT
    assert q6.reference_answer() == [1.0, 3.0]


@pytest.mark.parametrize("answer, words", [
    ([3, 1], "swapped"), ([-1, 1], "|x| alone"), ([2, 2], "2x alone"), ([-1, 3], "on the left"),
    (2.0, "central difference"), ([-1, -3], "2x outweighs"),
])
def test_q6_each_slip_is_named_in_the_terms_of_the_kink(answer, words):
    feedback = q6.check(answer)
    assert feedback.status == INCORRECT and words in feedback.message, feedback.message


def test_q6_the_function_is_the_one_the_question_names():
    assert kinked(-2.0) == -2.0 + 0 and kinked(2.0) == 6.0  # |x| + 2x


def test_q7_the_product_rule_value_and_a_central_difference_both_pass():
    assert q7.check(6 * np.log(3) + 3).status == CORRECT
    assert q7.check(central_difference(with_log, 3.0)).status == CORRECT
    assert q7.check(9.592).status == CORRECT  # four significant digits, as asked
    assert q7.check(9.59).status == INCORRECT


@pytest.mark.parametrize("answer, words", [
    (2.0, "product of the two derivatives"), (6 * np.log(3), "only g′·k"), (3.0, "only g·k′"),
    (9 * np.log(3), "height of the curve"), (6 * np.log(3) - 3, "added, not subtracted"),
    (6 * np.log10(3) + 3 / np.log(10), "base-10"), (-(6 * np.log(3) + 3), "positive"),
])
def test_q7_each_slip_is_named_in_the_terms_of_the_product_rule(answer, words):
    feedback = q7.check(answer)
    assert feedback.status == INCORRECT and words in feedback.message, feedback.message


def test_q7_a_doubled_answer_gets_no_loss_talk():
    message = q7.check(2 * (6 * np.log(3) + 3)).message
    assert "loss" not in message and "½" not in message


def test_q3_the_slope_at_zero_and_the_slope_of_cos_are_named():
    assert "slope of sin at x = 0" in q3.check(1.0).message  # named after the likelier 1/h slip
    assert "slope of cos x" in q3.check(-np.sin(np.pi / 3)).message
    assert "positive" in q3.check(-0.5).message


def test_sign_slips_are_told_in_each_questions_terms():
    assert "f(2 + h) − f(2)" in q1.check(lambda h: -(16 + 3 * h)).message
    assert "f(x + h) − f(x − h)" in q2.check(lambda f, x, h: (f(x - h) - f(x + h)) / (2 * h)).message


def test_q3_one_is_first_named_as_the_central_difference_divided_by_h():
    message = q3.check(1.0).message
    assert "twice the answer" in message and "divide by h" in message and "cos 0" in message
    divided_by_h = (np.sin(np.pi / 3 + 1e-5) - np.sin(np.pi / 3 - 1e-5)) / 1e-5
    assert "twice the answer" in q3.check(divided_by_h).message


def test_q1_the_backward_difference_is_a_named_slip():
    f = lambda x: 3 * x**2 + 4 * x + 6  # noqa: E731
    message = q1.check(lambda h: (f(2) - f(2 - h)) / h).message
    assert "backward difference" in message and "2 + h" in message


def test_q7_a_truncated_answer_is_told_to_round():
    message = q7.check(9.591).message
    assert "Round rather than truncate" in message and "9.592" in message
    assert q7.check(9.592).status == CORRECT


def test_q6_a_list_in_quotes_is_told_to_drop_the_quotes():
    for typed in ("[1, 3]", " (1, 3)"):
        feedback = q6.check(typed)
        assert feedback.status == INCORRECT and "remove the quotes" in feedback.message
    assert "not a name or a description" in q6.check("one and three").message


def test_q2_swapped_arguments_are_named_and_no_warning_reaches_the_learner():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feedback = q2.check(lambda f, h, x: (f(x + h) - f(x - h)) / (2 * h))
        overflowing = q2.check(lambda f, x, h: np.float64(1e308) * 10 + f(x))
    assert feedback.status == INCORRECT and "takes the step before the point" in feedback.message
    assert overflowing.status == INCORRECT
    assert np.geterr()["divide"] == "warn"  # the silence ends with the check


def test_q5_round_off_is_named_with_the_central_differences_2h():
    assert "ε·|f(x)|/(2h)" in q5.check(1e-14).message and "(2h)" in q5.hint().body
    assert "ε·|f(x)|/h," in q4.check(1e-14).message
