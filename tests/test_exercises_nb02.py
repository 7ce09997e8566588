"""Every exercise of notebook 02: a stub is not attempted, the solution is correct, each listed mistake is named."""
from __future__ import annotations

import math

import pytest
import sympy as sp

from course_utils.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED
from course_utils.exercises.nb02 import Q2_X, Q3_LOCAL_DERIVATIVES, q1, q2, q3, q4, q5

EXERCISES = [q1, q2, q3, q4, q5]
x = sp.symbols("x")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_a_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == NOT_ATTEMPTED


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_every_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert feedback.status == INCORRECT and message in feedback.message


def test_the_expected_answers_agree_with_sympy():
    answers = [
        (q1, sp.diff((3 * x + 1) ** 5, x).subs(x, 1)),
        (q2, sp.diff(sp.exp(sp.sin(x**2)), x).subs(x, Q2_X)),  # the point moved from 1, where x² = x
        (q5, sp.diff(sp.log(1 + sp.exp(x)), x).subs(x, 0)),
    ]
    for exercise, exact in answers:
        assert exercise.check(float(exact)).status == CORRECT, exercise.name


def test_q4_uses_the_sigmoid_identity():
    z = math.log(3.0)  # sigmoid(log 3) = 0.75
    sigma = 1 / (1 + sp.exp(-x))
    assert float(sigma.subs(x, z)) == pytest.approx(0.75)
    assert q4.check(float(sp.diff(sigma, x).subs(x, z))).status == CORRECT


def test_q3_is_the_sum_of_the_two_path_products():
    d = Q3_LOCAL_DERIVATIVES
    assert q3.check(d["dE/dy1"] * d["dy1/da"] + d["dE/dy2"] * d["dy2/da"]).status == CORRECT
