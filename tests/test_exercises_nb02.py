"""Every exercise of notebook 02: a stub is not attempted, the solution is correct, each listed mistake is named."""
from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from course_utils.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED
from course_utils.exercises.nb02 import (
    Q2_X,
    Q3_LOCAL_DERIVATIVES,
    Q7_X,
    Q8_X,
    Q9_X,
    Q10_W,
    Q10_X,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
    q7,
    q8,
    q9,
    q10,
)

EXERCISES = [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10]
x = sp.symbols("x")


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_a_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == NOT_ATTEMPTED


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_every_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert feedback.status == INCORRECT and message in feedback.message


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_the_reference_answer_passes_and_every_exercise_has_a_hint_and_a_solution(exercise):
    assert exercise.check(exercise.reference_answer()).status == CORRECT
    assert exercise.hint().body and exercise.solution().body


def test_the_expected_answers_agree_with_sympy():
    w = sp.symbols("w")
    sigma = 1 / (1 + sp.exp(-x))
    answers = [
        (q1, sp.diff((3 * x + 1) ** 5, x).subs(x, 1)),
        (q2, sp.diff(sp.exp(sp.sin(x**2)), x).subs(x, Q2_X)),  # the point moved from 1, where x² = x
        (q5, sp.diff(sp.log(1 + sp.exp(x)), x).subs(x, 0)),
        (q7, sp.diff(x**2 * sp.sin(3 * x), x).subs(x, Q7_X)),
        (q8, sp.diff(x * sp.exp(-x**2), x).subs(x, Q8_X)),
        (q9, sp.diff(x * sigma, x).subs(x, Q9_X)),
        (q10, sp.diff(w * sp.tanh(w * Q10_X), w).subs(w, Q10_W)),
    ]
    for exercise, exact in answers:
        assert exercise.check(float(exact)).status == CORRECT, exercise.name


@pytest.mark.parametrize("exercise, function, point", [
    (q7, lambda t: t**2 * math.sin(3 * t), Q7_X),
    (q8, lambda t: t * math.exp(-t * t), Q8_X),
    (q9, lambda t: t / (1 + math.exp(-t)), Q9_X),
], ids=["q7", "q8", "q9"])
def test_the_mixed_answers_agree_with_central_differences(exercise, function, point):
    h = 1e-5
    numeric = (function(point + h) - function(point - h)) / (2 * h)
    assert exercise.reference_answer() == pytest.approx(numeric, rel=1e-8)


def test_q10_is_the_sum_of_the_two_paths_from_w():
    through_outer_w = math.tanh(Q10_W * Q10_X)
    through_tanh = Q10_W * (1 - math.tanh(Q10_W * Q10_X) ** 2) * Q10_X
    assert q10.check(through_outer_w + through_tanh).status == CORRECT
    h = 1e-5
    numeric = ((Q10_W + h) * math.tanh((Q10_W + h) * Q10_X) - (Q10_W - h) * math.tanh((Q10_W - h) * Q10_X)) / (2 * h)
    assert q10.reference_answer() == pytest.approx(numeric, rel=1e-8)


def test_q4_uses_the_sigmoid_identity():
    z = math.log(3.0)  # sigmoid(log 3) = 0.75
    sigma = 1 / (1 + sp.exp(-x))
    assert float(sigma.subs(x, z)) == pytest.approx(0.75)
    assert q4.check(float(sp.diff(sigma, x).subs(x, z))).status == CORRECT


def test_q3_is_the_sum_of_the_two_path_products():
    d = Q3_LOCAL_DERIVATIVES
    assert q3.check(d["∂E/∂y1"] * d["∂y1/∂a"] + d["∂E/∂y2"] * d["∂y2/∂a"]).status == CORRECT


# --- q6: the sigmoid's slope by hand --------------------------------------------------------------------------------

@pytest.mark.parametrize("right", [
    lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2,
    lambda x: (1 / (1 + np.exp(-x))) * (1 - 1 / (1 + np.exp(-x))),
    lambda x: np.exp(x) / (1 + np.exp(x)) ** 2,
    lambda x: (-1 / (1 + np.exp(-x)) ** 2) * (-np.exp(-x)),  # the chain rule's product, not yet simplified
], ids=["e^-x form", "sigma(1 - sigma)", "e^x form", "unsimplified product"])
def test_q6_accepts_every_correct_way_of_writing_the_slope(right):
    assert q6.check(right).status == CORRECT


@pytest.mark.parametrize("wrong, named", [
    (lambda x: -np.exp(-x) / (1 + np.exp(-x)) ** 2, "two minus signs"),
    (lambda x: (1 / (1 + np.exp(-x))) * (1 + 1 / (1 + np.exp(-x))), "σ(1 + σ)"),
    (lambda x: np.exp(-x) / (1 + np.exp(-x)), "the square is missing"),
    (lambda x: -1 / (1 + np.exp(-x)) ** 2, "only the outer slope"),
    (lambda x: 1 - (1 / (1 + np.exp(-x))) ** 2, "tanh"),
    (lambda x: np.exp(x) / (1 + np.exp(-x)) ** 2, "e^(+x)"),
], ids=["sign", "sigma(1+sigma)", "no square", "outer only", "tanh rule", "e^x numerator"])
def test_q6_names_each_likely_slip_in_the_derivation(wrong, named):
    feedback = q6.check(wrong)
    assert feedback.status == INCORRECT and named in feedback.message


def test_q6_a_value_instead_of_a_function_is_told_to_pass_the_function():
    feedback = q6.check(0.25)
    assert feedback.status == INCORRECT and "expected a function" in feedback.message


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda q: q.name)
def test_the_printed_solution_runs_and_passes(exercise):
    namespace = {"np": np, "sp": sp, "math": math, "x": sp.symbols("x"), "Q3_LOCAL_DERIVATIVES": Q3_LOCAL_DERIVATIVES}
    exec(exercise.solution_text, namespace)
    answer = namespace.get("answer", namespace.get("sigmoid_slope_by_hand"))
    assert exercise.check(answer).status == CORRECT


@pytest.mark.parametrize("exercise", [q8, q9, q10], ids=["q8", "q9", "q10"])
def test_a_flipped_sign_is_explained_in_the_question_s_terms(exercise):
    feedback = exercise.check(-exercise.reference_answer())
    assert feedback.status == INCORRECT and "negative of the expected value" not in feedback.message


# --- slips the second review found, each named in its question's terms ------------------------------------------

_S9 = 1 / (1 + math.exp(-Q9_X))


@pytest.mark.parametrize("exercise, answer, named", [
    (q1, 4**4 * 3, "the factor 5 is missing"),
    (q2, math.exp(math.sin(Q2_X**2)) * math.cos(Q2_X**2) * Q2_X, "the slope of x² is 2x, not x"),
    (q4, 0.19, "rounded to two digits"),
    (q4, 1 - 0.75**2, "tanh's rule 1 − tanh², applied to σ"),
    (q4, 0.75 * 1.75, "you wrote σ(1 + σ)"),
    (q3, (0.6 - 0.3) * (0.4 + 0.9), "multiplied the two sums"),
    (q3, 0.6 + 0.4 - 0.3 + 0.9, "you added all four local derivatives"),
    (q7, 2 * Q7_X * math.sin(3 * Q7_X) - Q7_X**2 * 3 * math.cos(3 * Q7_X), "the second term has the wrong sign"),
    (q7, 2 * Q7_X * math.sin(3 * Q7_X) - Q7_X**2 * 3 * math.sin(3 * Q7_X), "you used −sin for the slope of sin"),
    (q9, _S9 + Q9_X * (1 - _S9**2), "you used 1 − σ² for σ′"),
], ids=["q1 no 5", "q2 x for 2x", "q4 0.19", "q4 tanh rule", "q4 sigma(1+sigma)", "q3 sums multiplied",
        "q3 all four added", "q7 minus", "q7 -sin", "q9 tanh rule"])
def test_each_likely_slip_gets_its_own_message(exercise, answer, named):
    feedback = exercise.check(answer)
    assert feedback.status == INCORRECT and named in feedback.message, feedback.message


def test_q6_with_math_exp_is_told_to_use_np_exp():
    feedback = q6.check(lambda t: math.exp(-t) / (1 + math.exp(-t)) ** 2)
    assert feedback.status == INCORRECT and "use np.exp" in feedback.message


@pytest.mark.parametrize("learner", [
    lambda t: sp.exp(-x) / (1 + sp.exp(-x)) ** 2,  # a SymPy formula in x, never evaluated
    lambda t: sp.exp(-t) / (1 + sp.exp(-t)) ** 2,  # SymPy functions handed an array
    lambda t: (sp.exp(-x) / (1 + sp.exp(-x)) ** 2).subs(x, t),  # .subs with an array
], ids=["expression", "sp.exp on an array", "subs an array"])
def test_q6_with_sympy_is_told_to_use_np_exp_or_lambdify_not_subs(learner):
    feedback = q6.check(learner)
    assert feedback.status == INCORRECT
    assert "np.exp" in feedback.message and "lambdify" in feedback.message and ".subs(" not in feedback.message


def test_q3_and_its_derivatives_use_the_partial_symbol():
    assert all(key.count("∂") == 2 for key in Q3_LOCAL_DERIVATIVES)
    assert q3.name.startswith("∂E/∂a")
