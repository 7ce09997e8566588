"""Notebook 03's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.activations import ACTIVATIONS, softmax, softmax_jacobian
from course_utils.exercises import nb03

ALL = [nb03.q1, nb03.q2, nb03.q3, nb03.q4, nb03.q5]


def _leaky_grad(x, alpha):
    return np.where(x > 0, 1.0, alpha)


@pytest.mark.parametrize("exercise, answer", [
    (nb03.q1, _leaky_grad),
    (nb03.q2, max(act.grad(3.0) for act in ACTIVATIONS.values())),
    (nb03.q3, 4.585),
    (nb03.q4, np.zeros(3)),
    (nb03.q4, softmax_jacobian(nb03.JACOBIAN_INPUT).sum(axis=1)),
    (nb03.q5, softmax(nb03.LOGITS) - nb03.TARGET),
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
])
def test_q2_names_the_slip(answer, words):
    assert words in repr(nb03.q2.check(answer))


@pytest.mark.parametrize("answer, words", [
    (math.log(99.0), "σ(x) itself reaches 0.99"), (math.acosh(10.0), "tanh"), (4.58, "summary table's rounded value"),
])
def test_q3_names_the_slip(answer, words):
    assert words in repr(nb03.q3.check(answer))


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
