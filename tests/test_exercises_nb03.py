"""Notebook 03's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.activations import ACTIVATIONS, softmax, softmax_jacobian
from course_utils.exercises import nb03

ALL = [nb03.q1, nb03.q2, nb03.q3, nb03.q4, nb03.q5, nb03.q6, nb03.q7_signs, nb03.q7]


def _leaky_grad(x, alpha):
    return np.where(x > 0, 1.0, alpha)


@pytest.mark.parametrize("exercise, answer", [
    (nb03.q1, _leaky_grad),
    (nb03.q2, max(act.grad(3.0) for act in ACTIVATIONS.values())),
    (nb03.q3, 4.585),
    (nb03.q4, np.zeros(3)),
    (nb03.q4, softmax_jacobian(nb03.JACOBIAN_INPUT).sum(axis=1)),
    (nb03.q5, softmax(nb03.LOGITS) - nb03.TARGET),
    (nb03.q6, lambda x: np.max(x) + np.log(np.sum(np.exp(x - np.max(x))))),
    (nb03.q7, nb03.UNIT_DELTA * nb03.UNIT_INPUTS),
    (nb03.q7_signs, np.array([-1.0, -1.0, -1.0])),
])
def test_the_right_answer_is_correct(exercise, answer):
    assert exercise.check(answer).correct


def test_the_answers_are_the_facts_the_notebook_teaches():
    assert nb03.q2.expected() == pytest.approx(ACTIVATIONS["silu"].grad(3.0))
    assert nb03.q2.expected() > 1.0
    assert ACTIVATIONS["sigmoid"].grad(nb03.q3.expected()) == pytest.approx(0.01)


@pytest.mark.parametrize("exercise", ALL)
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


def test_a_function_that_still_raises_not_implemented_is_not_attempted_yet():
    def stub(x, alpha):
        raise NotImplementedError

    assert nb03.q1.check(stub).status == "not attempted"


@pytest.mark.parametrize("wrong, words", [
    (lambda x, alpha: np.where(x > 0, x, alpha * x), "that is leaky ReLU itself"),
    (lambda x, alpha: np.where(x > 0, 1.0, 0.0), "that is ReLU's derivative"),
    (lambda x, alpha: np.where(x > 0, alpha, 1.0), "the two slopes are swapped"),
])
def test_q1_names_the_slip(wrong, words):
    feedback = nb03.q1.check(wrong)
    assert not feedback.correct and words in repr(feedback)


@pytest.mark.parametrize("answer, words", [
    (1.0, "steeper than 1"), (3.0, "the value f(3) of ReLU"), (math.log1p(math.exp(3.0)), "largest value f(3)"),
    (ACTIVATIONS["gelu"].grad(3.0), "that is GELU's slope"),
    (1.13, "GELU's steepest slope over all x"), (1.1, "SiLU's steepest slope over all x"),
])
def test_q2_names_the_slip(answer, words):
    assert words in repr(nb03.q2.check(answer))


def test_q2_names_both_activations_steeper_than_one():
    assert "GELU and SiLU are both steeper than 1" in repr(nb03.q2.check(1.0))


@pytest.mark.parametrize("answer, words", [
    (math.log(99.0), "σ(x) itself reaches 0.99"), (math.acosh(10.0), "tanh"), (4.58, "summary table's rounded value"),
    (4.59, "halfway between"), (4.6, "4.6 rounds both the right point, 4.585, and ln 99 ≈ 4.595"),
    (0.98990, "Now undo the sigmoid"), (-4.605, "two slips"),
    (-4.585, "the sign is flipped"),
])
def test_q3_names_the_slip(answer, words):
    assert words in repr(nb03.q3.check(answer))


def test_q3_one_decimal_answer_is_told_it_rounds_both_points():
    right, sigma_099 = nb03.q3.expected(), math.log(99.0)
    assert round(right, 1) == round(sigma_099, 1) == 4.6  # 4.6 cannot tell the two apart
    message = repr(nb03.q3.check(4.6))
    assert f"{right:.3f}" in message and f"{sigma_099:.3f}" in message and "three decimals" in message
    assert "that is where σ(x) itself reaches 0.99" not in message  # 4.6 is not an answer of ln 99 alone


@pytest.mark.parametrize("answer, words", [
    (softmax(nb03.JACOBIAN_INPUT), "softmax outputs s themselves"),
    (softmax(nb03.JACOBIAN_INPUT) * (1 - softmax(nb03.JACOBIAN_INPUT)), "only the diagonal"),
    (np.ones(3), "1 is the sum of the softmax outputs"),
])
def test_q4_names_the_slip(answer, words):
    assert words in repr(nb03.q4.check(answer))


@pytest.mark.parametrize("answer, words", [
    (softmax(nb03.LOGITS), "subtract the target"),
    (-nb03.TARGET / softmax(nb03.LOGITS), "with respect to the probabilities"),
    (nb03.TARGET - softmax(nb03.LOGITS), "sign is flipped"),
])
def test_q5_names_the_slip(answer, words):
    assert words in repr(nb03.q5.check(answer))


@pytest.mark.parametrize("exercise", ALL)
def test_hint_and_solution_are_available(exercise):
    assert repr(exercise.hint()).startswith("Hint: ") and repr(exercise.solution()).startswith("Solution: ")


def _naive_log_sum_exp(x):
    return np.log(np.sum(np.exp(x)))


@pytest.mark.parametrize("wrong, words", [
    (_naive_log_sum_exp, "overflows to inf above x ≈ 709.8"),
    (lambda x: np.max(x) + np.log(np.sum(np.exp(x))), "m is counted twice"),
    (lambda x: np.max(x), "the largest score m alone"),
    (lambda x: np.log(np.sum(np.exp(x - np.max(x)))), "never added it back"),
    (lambda x: np.max(x) + np.sum(np.exp(x - np.max(x))), "the log is missing"),
    (lambda x: np.max(x) - np.log(np.sum(np.exp(x - np.max(x)))), "the wrong sign"),
    (lambda x: np.max(x) + np.log(np.mean(np.exp(x - np.max(x)))), "np.mean"),
])
def test_q6_names_the_slip(wrong, words):
    feedback = nb03.q6.check(wrong)
    assert not feedback.correct and words in repr(feedback)


def test_q6_naive_function_is_told_its_scores_overflow_not_that_its_shift_was_wrong():
    message = repr(nb03.q6.check(_naive_log_sum_exp))  # fails first on [1000, 1001, 1002], which span only 2
    assert "[1000, 1001, 1002]" in message and "returned inf" in message and "span only 2" in message
    assert "clipping" in message and "Shift by the largest score m, not by" not in message
    assert "e^2" not in message and "log 0 = −inf" not in message


def test_q6_a_shift_by_max_of_scores_and_zero_is_told_log_0_not_overflow():
    def shift_by_max_and_zero(x):  # right for scores above 0, but on [−1000, −1000] every term is e^(−1000) = 0
        m = max(np.max(x), 0.0)
        return m + np.log(np.sum(np.exp(x - m)))

    message = repr(nb03.q6.check(shift_by_max_and_zero))
    assert "[-1000, -1000]" in message and "returned -inf" in message and "log 0 = −inf" in message
    assert "underflowed to 0" in message and "shift by the largest score m itself" in message
    assert "overflows to inf" not in message and "span" not in message


def test_q6_a_nan_from_inf_minus_inf_is_named():
    def inf_minus_inf(x):
        naive = np.log(np.sum(np.exp(x)))
        return naive - naive + np.max(x) + np.log(np.sum(np.exp(x - np.max(x))))

    message = repr(nb03.q6.check(inf_minus_inf))
    assert "returned nan" in message and "inf − inf" in message and "log 0 = −inf" not in message


def test_q6_a_nan_on_small_scores_is_blamed_on_the_arithmetic_not_on_overflow():
    def log_of_negative(x):
        return np.log(-np.sum(np.exp(x - np.max(x)))) + np.max(x)

    message = repr(nb03.q6.check(log_of_negative))
    assert "returned nan" in message and "own arithmetic" in message and "overflows to inf" not in message


def test_q6_shows_no_numpy_warning_for_an_overflowing_answer():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "overflows" in repr(nb03.q6.check(_naive_log_sum_exp))


@pytest.mark.parametrize("wrong", [
    lambda x: np.mean(x) + np.log(np.sum(np.exp(x - np.mean(x)))),  # overflows on [1000, −1000]
    lambda x: x[0] + np.log(np.sum(np.exp(x - x[0]))),  # overflows on [0, 1000]
])
def test_q6_rejects_a_shift_by_anything_but_the_largest_score(wrong):
    feedback = nb03.q6.check(wrong)
    assert not feedback.correct and "Shift by the largest score m" in repr(feedback)


def test_q6_underflow_alone_is_named_too():
    def shifts_down_only(x):  # safe for large scores, but e^(−1000) still underflows to 0
        return np.log(np.sum(np.exp(x - 1000.0))) + 1000.0

    assert "log 0 = −inf" in repr(nb03.q6.check(shifts_down_only))


@pytest.mark.parametrize("answer, words", [
    (-nb03.UNIT_DELTA * nb03.UNIT_INPUTS, "not −δ·a"),
    (nb03.UNIT_INPUTS, "those are the inputs"),
    (np.full(3, nb03.UNIT_DELTA), "the gradient of the bias"),
    (nb03.UNIT_INPUTS / nb03.UNIT_DELTA, "you divided by δ"),
])
def test_q7_names_the_slip(answer, words):
    assert words in repr(nb03.q7.check(answer))


def test_q7_answer_has_one_sign_as_the_notebook_says():
    assert np.all(np.sign(nb03.q7.expected()) == np.sign(nb03.UNIT_DELTA))


@pytest.mark.parametrize("answer, words", [
    (np.ones(3), "the signs of the inputs"),
    (np.array([-1.0, 1.0, -1.0]), "all entries share one sign"),
    (nb03.UNIT_DELTA * nb03.UNIT_INPUTS, "answer with signs only"),
])
def test_q7_signs_names_the_slip(answer, words):
    feedback = nb03.q7_signs.check(answer)
    assert not feedback.correct and words in repr(feedback)


def test_q7_inputs_differ_from_the_levers_example():
    assert not np.allclose(nb03.UNIT_INPUTS, [0.9, 0.2, 0.6])
