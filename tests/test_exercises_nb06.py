"""Notebook 06's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.activations import get
from course_utils.exercises import nb06

tanh = get("tanh")


def _tanh_chain(x, n):
    slope, a = 1.0, x
    for _ in range(n):
        slope *= tanh.grad(a)
        a = tanh.fn(a)
    return slope


def _dead_fraction(Z):
    return np.mean(np.all(np.asarray(Z) <= 0, axis=0))


@pytest.mark.parametrize("exercise, answer", [
    (nb06.q1, 0.25 ** 10), (nb06.q2, _tanh_chain), (nb06.q3, math.sqrt(2 / 16)), (nb06.q4, _dead_fraction),
])
def test_the_right_answer_is_correct(exercise, answer):
    assert exercise.check(answer).correct


@pytest.mark.parametrize("exercise", [nb06.q1, nb06.q2, nb06.q3, nb06.q4])
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


def _raises(*args):
    raise NotImplementedError


@pytest.mark.parametrize("exercise", [nb06.q2, nb06.q4])
def test_a_function_that_still_raises_not_implemented_is_not_attempted_yet(exercise):
    assert exercise.check(_raises).status == "not attempted"


@pytest.mark.parametrize("answer, words", [(2.5, "multiplied 0.25 by 10"), (0.5 ** 10, "σ(0)")])
def test_q1_names_the_slip(answer, words):
    assert words in repr(nb06.q1.check(answer))


def test_q2_names_a_slope_taken_at_the_first_input_only():
    feedback = nb06.q2.check(lambda x, n: tanh.grad(x) ** n)
    assert not feedback.correct and "tanh′(x) at every step" in repr(feedback)


def test_q2_names_a_slope_taken_after_the_layer():
    def after(x, n):
        slope, a = 1.0, x
        for _ in range(n):
            a = tanh.fn(a)
            slope *= tanh.grad(a)
        return slope
    assert "after applying tanh" in repr(nb06.q2.check(after))


@pytest.mark.parametrize("answer, words", [
    (2 / 16, "is the variance"), (math.sqrt(1 / 16), "He doubles the variance"),
])
def test_q3_names_the_slip(answer, words):
    assert words in repr(nb06.q3.check(answer))


@pytest.mark.parametrize("wrong, words", [
    (lambda Z: np.mean(np.any(np.asarray(Z) <= 0, axis=0)), "for SOME example"),
    (lambda Z: np.mean(np.asarray(Z) <= 0), "counted entries"),
])
def test_q4_names_the_slip(wrong, words):
    assert words in repr(nb06.q4.check(wrong))


def test_q4_counts_a_unit_stuck_at_exactly_zero_as_dead():
    feedback = nb06.q4.check(lambda Z: np.mean(np.all(np.asarray(Z) < 0, axis=0)))
    assert feedback.status == "incorrect" and "stuck at exactly 0" in repr(feedback)


@pytest.mark.parametrize("wrong, words", [
    (lambda Z: np.mean(np.all(np.asarray(Z) <= 0, axis=1)), "per example (row)"),
    (lambda Z: np.sum(np.all(np.asarray(Z) <= 0, axis=0)), "the number of dead units"),
    (lambda Z: np.mean(np.any(np.asarray(Z) > 0, axis=0)), "alive"),
])
def test_q4_names_the_other_usual_slips(wrong, words):
    feedback = nb06.q4.check(wrong)
    assert feedback.status == "incorrect" and words in repr(feedback)
