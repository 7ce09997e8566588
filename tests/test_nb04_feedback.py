"""Targeted feedback of notebook 04's exercises for answers computed on the wrong network or with a named slip."""
import numpy as np

from course_utils import walkthrough
from course_utils.exercises import nb04
from course_utils.lessons.nb04 import exercise_functions as fx

p = walkthrough.starting_network()
q_net = nb04.exercise_network()


def _message(exercise, answer):
    return exercise.check(answer).message


def test_q6_names_the_walkthrough_network_for_its_exact_and_its_printed_value():
    for answer in (walkthrough.backward(p)["dE/dc1"], 0.016655):
        message = _message(nb04.q6, answer)
        assert "walk-through network p" in message and "0.025" not in message


def test_q6_still_accepts_the_right_answer_and_calls_a_rounded_right_answer_close():
    assert nb04.q6.check(walkthrough.backward(q_net)["dE/dc1"]).status == "correct"
    assert "walk-through network p" not in _message(nb04.q6, 0.01665)


def test_q5_names_a_step_taken_with_the_exercise_networks_gradient():
    answer = p["w5"] - 0.1 * walkthrough.backward(q_net)["dE/dw5"]
    message = _message(nb04.q5, answer)
    assert "q_net" in message and "close" not in message


def test_q7_names_the_walkthrough_networks_matrix():
    g = walkthrough.backward(p)
    answer = np.array([[g["dE/dw1"], g["dE/dw3"]], [g["dE/dw2"], g["dE/dw4"]]])
    assert "walk-through network p" in _message(nb04.q7, answer)


def test_q9_names_missing_biases_slopes_at_activations_and_a_step_on_w1():
    for slip, words in ((fx.no_biases, "biases"), (fx.both_slopes_at_a, "both slopes"),
                        (fx.stepped_weights, "after a gradient step")):
        assert words in _message(nb04.q9, slip)


def test_q9_feedback_uses_layer_names_not_unit_names():
    texts = [nb04.q9.hint_text, nb04.q9.solution_text] + [message for _, message in nb04.q9.mistakes]
    for text in texts:
        for unit_name in ("z1", "a1", "z2", "a2", "delta1", "delta2"):
            assert unit_name not in text.replace("W1", "").replace("b1", "").replace("b2", "").replace("W2", "")
