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


# --- Q5 to Q7: variance through a ReLU layer, residual slopes, clipping by norm ------------------

def _residual_slope(x, w, n):
    slope, a = 1.0, x
    for _ in range(n):
        slope *= 1 + w * tanh.grad(w * a)
        a = a + tanh.fn(w * a)
    return slope


def _residual_by_differences(x, w, n):
    def chain(u):
        for _ in range(n):
            u = u + tanh.fn(w * u)
        return u
    h = 1e-5
    return (chain(x + h) - chain(x - h)) / (2 * h)


def _clip_by_norm(g, max_norm):
    norm = np.linalg.norm(g)
    return g * min(1.0, max_norm / norm)


@pytest.mark.parametrize("exercise, answer", [
    (nb06.q5, 64 * 0.1**2 * 0.5), (nb06.q5, 0.32), (nb06.q6, _residual_slope), (nb06.q7, _clip_by_norm),
])
def test_the_new_exercises_accept_their_right_answers(exercise, answer):
    assert exercise.check(answer).correct


def test_the_residual_slope_agrees_with_central_differences():
    # two independent ways to the same derivative: the chain rule (the reference) and a central difference
    for x, w, n in [(0.3, 1.0, 3), (-1.0, 2.0, 5), (2.0, -0.7, 4)]:
        assert nb06.q6.reference_answer()(x, w, n) == pytest.approx(_residual_by_differences(x, w, n), rel=1e-8)


@pytest.mark.parametrize("answer, words", [
    (0.64, "factor ½"), (3.2, "standard deviation 0.1"), (math.sqrt(0.32), "square root"), (0.005, "n_in"),
    (0.16, "twice"), (-0.32, "never negative"),
])
def test_q5_names_each_slip_in_the_terms_of_the_question(answer, words):
    feedback = nb06.q5.check(answer)
    assert not feedback.correct and words in feedback.message


def test_q6_never_crashes_on_a_function_that_returns_nothing_for_some_inputs():
    feedback = nb06.q6.check(lambda x, w, n: 1 + w * tanh.grad(w * x) if n == 1 else None)
    assert not feedback.correct and "returns nothing" in feedback.message


def test_q6_tells_a_missing_skip_from_a_missing_inner_factor():
    def plain(x, w, n):
        slope, a = 1.0, x
        for _ in range(n):
            slope *= w * tanh.grad(w * a)
            a = a + tanh.fn(w * a)
        return slope

    def no_w(x, w, n):
        slope, a = 1.0, x
        for _ in range(n):
            slope *= 1 + tanh.grad(w * a)
            a = a + tanh.fn(w * a)
        return slope

    assert "skip" in nb06.q6.check(plain).message
    assert "inner factor w" in nb06.q6.check(no_w).message


def test_q7_names_elementwise_clipping_and_always_rescaling():
    assert "np.clip" in nb06.q7.check(lambda g, m: np.clip(g, -m, m)).message
    assert "short ones too" in nb06.q7.check(lambda g, m: g * m / np.linalg.norm(g)).message


def test_q7_leaves_the_test_inputs_alone_when_the_learner_edits_g_in_place():
    def in_place(g, max_norm):
        norm = np.linalg.norm(g)
        if norm > max_norm:
            g *= max_norm / norm
        return g

    assert nb06.q7.check(in_place).correct
    assert nb06.q7.check(in_place).correct  # a second run sees the original inputs
