"""Notebook 04's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils import walkthrough
from course_utils.activations import get
from course_utils.exercises import nb04

sigmoid = get("sigmoid")
p = walkthrough.starting_network()
f = walkthrough.forward(p)
d = walkthrough.deltas(p)
a = 1.0 / (1.0 + math.exp(-2.0))  # the neuron at w = 1: z = 2


def _hidden_delta(W2, delta2, z1):
    return (W2.T @ delta2) * sigmoid.grad(z1)


RIGHT = [
    (nb04.q1, 2 * (a - 1) * a * (1 - a) * 2),
    (nb04.q2, (f["z2a"] - p["t2"]) * f["z2a"] * (1 - f["z2a"]) * f["y1a"]),
    (nb04.q3, d["z1"] + d["z2"]),
    (nb04.q4, _hidden_delta),
    (nb04.q5, p["w5"] - nb04.STEP_LR * (f["z1a"] - p["t1"]) * f["z1a"] * (1 - f["z1a"]) * f["y1a"]),
]


@pytest.mark.parametrize("exercise, answer", RIGHT)
def test_the_right_answer_is_correct(exercise, answer):
    assert exercise.check(answer).correct


@pytest.mark.parametrize("exercise", [q for q, _ in RIGHT])
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


def test_a_function_that_still_raises_not_implemented_is_not_attempted_yet():
    def stub(W2, delta2, z1):
        raise NotImplementedError
    assert nb04.q4.check(stub).status == "not attempted"


@pytest.mark.parametrize("exercise", [q for q, _ in RIGHT])
def test_every_exercise_has_a_hint_and_a_solution(exercise):
    assert exercise.hint().body and exercise.solution().body


@pytest.mark.parametrize("exercise", [nb04.q1, nb04.q2, nb04.q3, nb04.q5])
def test_every_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert not feedback.correct and message in repr(feedback)


def test_q4_names_each_listed_slip():
    for wrong, message in nb04.q4.mistakes:
        feedback = nb04.q4.check(wrong)
        assert not feedback.correct and message in repr(feedback)


def test_q1_names_a_flipped_sign():
    assert "sign is flipped" in repr(nb04.q1.check(-RIGHT[0][1]))


def test_q4_reports_a_learner_function_that_crashes_without_raising():
    feedback = nb04.q4.check(lambda W2, delta2, z1: np.dot(W2, z1.T))
    assert not feedback.correct


def test_q5_cannot_be_copied_from_the_notebooks_update_table():
    table_value = walkthrough.step(p, 0.5)["w5"]
    feedback = nb04.q5.check(table_value)
    assert not feedback.correct and "η = 0.5" in feedback.message


def test_q1_recognises_the_value_of_part_one():
    part_one = 2 * (sigmoid.fn(1.0) - 1) * sigmoid.grad(1.0) * 2
    assert "z = w·x = 2" in nb04.q1.check(part_one).message


def test_q2_recognises_the_slope_taken_at_the_output():
    wrong = (f["z2a"] - p["t2"]) * sigmoid.grad(f["z2a"]) * f["y1a"]
    assert "not at the pre-activation z2" in nb04.q2.check(wrong).message
