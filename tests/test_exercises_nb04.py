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
q_net = nb04.exercise_network()
qf = walkthrough.forward(q_net)
qd = walkthrough.deltas(q_net)
a = 1.0 / (1.0 + math.exp(-2.0))  # the neuron at w = 1: z = 2


def _hidden_delta(W2, delta2, z_hidden):
    return (W2.T @ delta2) * sigmoid.grad(z_hidden)


def _first_layer_gradient(W1, b1, W2, b2, x, t):
    z1 = W1 @ x + b1
    a1 = sigmoid.fn(z1)
    z2 = W2 @ a1 + b2
    a2 = sigmoid.fn(z2)
    delta2 = (a2 - t) * sigmoid.grad(z2)
    return ((W2.T @ delta2) * sigmoid.grad(z1)) @ x.T


RIGHT = [
    (nb04.q1, 2 * (a - 1) * a * (1 - a) * 2),
    (nb04.q2, (qf["z2a"] - q_net["t2"]) * qf["z2a"] * (1 - qf["z2a"]) * qf["y1a"]),
    (nb04.q3, qd["z1"] + qd["z2"]),
    (nb04.q4, _hidden_delta),
    (nb04.q5, p["w5"] - nb04.STEP_LR * (f["z1a"] - p["t1"]) * f["z1a"] * (1 - f["z1a"]) * f["y1a"]),
    (nb04.q6, qd["y1"] + qd["y2"]),
    (nb04.q7, np.array([[qd["y1"]], [qd["y2"]]]) @ np.array([[q_net["x1"], q_net["x2"]]])),
    (nb04.q8, 1),
    (nb04.q9, _first_layer_gradient),
]


@pytest.mark.parametrize("exercise, answer", RIGHT)
def test_the_right_answer_is_correct(exercise, answer):
    assert exercise.check(answer).correct


@pytest.mark.parametrize("exercise", [q for q, _ in RIGHT])
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


def test_a_function_that_still_raises_not_implemented_is_not_attempted_yet():
    def stub(W2, delta2, z_hidden):
        raise NotImplementedError
    assert nb04.q4.check(stub).status == "not attempted"


@pytest.mark.parametrize("exercise", [q for q, _ in RIGHT])
def test_every_exercise_has_a_hint_and_a_solution(exercise):
    assert exercise.hint().body and exercise.solution().body


@pytest.mark.parametrize("exercise", [nb04.q1, nb04.q2, nb04.q3, nb04.q5, nb04.q6, nb04.q7, nb04.q8])
def test_every_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert not feedback.correct and message in repr(feedback)


@pytest.mark.parametrize("exercise", [nb04.q4, nb04.q9])
def test_the_function_exercises_name_each_listed_slip(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert not feedback.correct and message in repr(feedback)


def test_q1_names_a_flipped_sign():
    assert "sign is flipped" in repr(nb04.q1.check(-RIGHT[0][1]))


def test_q4_reports_a_learner_function_that_crashes_without_raising():
    feedback = nb04.q4.check(lambda W2, delta2, z_hidden: np.dot(W2, z_hidden.T))
    assert not feedback.correct


def test_q5_cannot_be_copied_from_the_notebooks_update_table():
    table_value = walkthrough.step(p, 0.5)["w5"]
    feedback = nb04.q5.check(table_value)
    assert not feedback.correct and "η = 0.5" in feedback.message


def test_q1_recognises_the_value_of_part_one():
    part_one = 2 * (sigmoid.fn(1.0) - 1) * sigmoid.grad(1.0) * 2
    assert "z = w·x = 2" in nb04.q1.check(part_one).message


def test_q2_recognises_the_slope_taken_at_the_output():
    wrong = (qf["z2a"] - q_net["t2"]) * sigmoid.grad(qf["z2a"]) * qf["y1a"]
    assert "not at the pre-activation z2" in nb04.q2.check(wrong).message


@pytest.mark.parametrize("exercise, printed", [
    (nb04.q2, walkthrough.backward(p)["dE/dw6"]),
    (nb04.q3, walkthrough.backward(p)["dE/dc2"]),
    (nb04.q6, walkthrough.backward(p)["dE/dc1"]),
])
def test_answers_printed_in_the_notebook_for_p_are_not_accepted(exercise, printed):
    feedback = exercise.check(printed)
    assert not feedback.correct


def test_q6_names_a_sum_over_only_the_paths_through_one_output():
    w = q_net
    slope = [qf["y1a"] * (1 - qf["y1a"]), qf["y2a"] * (1 - qf["y2a"])]
    through_z1 = qd["z1"] * (w["w5"] * slope[0] + w["w7"] * slope[1])
    assert "only the two paths that end at output 1" in nb04.q6.check(through_z1).message


def test_q7_names_the_transposed_gradient_and_the_inner_product():
    delta1 = np.array([[qd["y1"]], [qd["y2"]]])
    x = np.array([[q_net["x1"]], [q_net["x2"]]])
    assert "transpose" in nb04.q7.check(x @ delta1.T).message
    assert "inner product" in nb04.q7.check(delta1.T @ x).message


def test_q8_accepts_only_one_of_the_two_signs():
    assert "−0.5" in nb04.q8.check(-1).message
    assert "one of the values" in nb04.q8.check(0).message
    assert nb04.q8.check(1.0).correct


def test_q9_is_tried_on_another_shape_than_2_3_1():
    def only_for_231(W1, b1, W2, b2, x, t):
        return _first_layer_gradient(W1, b1, W2, b2, x, t) if W1.shape == (3, 2) else np.zeros(W1.shape)
    assert not nb04.q9.check(only_for_231).correct


def test_q9_names_a_flipped_sign():
    def flipped(W1, b1, W2, b2, x, t):
        return -_first_layer_gradient(W1, b1, W2, b2, x, t)
    assert "not t − a" in nb04.q9.check(flipped).message


def test_matmul_in_place_of_the_elementwise_product_names_the_slope():
    feedback = nb04.q4.check(lambda W2, delta2, z_hidden: (W2.T @ delta2) @ sigmoid.grad(z_hidden))
    assert "only (W²)ᵀ δ² is a matrix product" in feedback.message and "use *" in feedback.message
