"""course_utils.lessons.nb04.mazur: the published example is reproduced digit for digit,
and its iteration slip is pinned down.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.lessons.nb04 import mazur


def _after_one_correct_step():
    net = mazur.mazur_network()
    net.train(mazur.X, mazur.T, 1, mazur.LEARNING_RATE, update_biases=False, progress=False)
    return net


@pytest.mark.parametrize("name", ["out_h1", "out_h2", "out_o1", "out_o2", "E_total"])
def test_the_forward_pass_matches_every_printed_digit(name):
    computed = mazur.forward_values(mazur.mazur_network())[name]
    assert mazur.as_printed(computed, mazur.PUBLISHED[name]) == mazur.PUBLISHED[name]


@pytest.mark.parametrize("name", list(mazur.WEIGHTS))
def test_one_correct_step_with_frozen_biases_matches_every_printed_weight(name):
    computed = mazur.named_weights(_after_one_correct_step())[name]
    assert mazur.as_printed(computed, mazur.PUBLISHED[name + "+"]) == mazur.PUBLISHED[name + "+"]


def test_the_step_leaves_the_biases_alone():
    net = _after_one_correct_step()
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])
    np.testing.assert_array_equal(net.biases[1], [0.60, 0.60])


def test_the_weights_are_laid_out_as_in_the_post():
    net = mazur.mazur_network()
    np.testing.assert_array_equal(net.weights[0], [[0.15, 0.20], [0.25, 0.30]])
    assert mazur.named_weights(net) == mazur.WEIGHTS


def test_the_replay_reproduces_the_published_iteration_figures():
    errors, outputs = mazur.replay_with_updated_output_weights(10000)
    assert mazur.as_printed(errors[0], mazur.PUBLISHED["E_total"]) == mazur.PUBLISHED["E_total"]
    assert mazur.as_printed(errors[1], mazur.PUBLISHED["error after 1 step"]) == mazur.PUBLISHED["error after 1 step"]
    assert mazur.as_printed(errors[-1], "0.000035085") == mazur.PUBLISHED["error after 10000 steps"]
    for index, name in enumerate(("out_o1 after 10000 steps", "out_o2 after 10000 steps")):
        assert mazur.as_printed(outputs[index], mazur.PUBLISHED[name]) == mazur.PUBLISHED[name]


def test_a_correct_run_does_not_reproduce_the_iteration_figures():
    losses = mazur.mazur_network().train(mazur.X, mazur.T, 1, mazur.LEARNING_RATE, update_biases=False,
                                         progress=False)
    assert mazur.as_printed(losses[1], "0.291027924") != mazur.PUBLISHED["error after 1 step"]
    assert losses[1] == pytest.approx(0.291027774, abs=5e-10)


def test_the_replays_first_output_weights_are_the_correct_ones():
    # the slip only touches the hidden layer, so the first step's w5+ … w8+ are still right
    errors_one, _ = mazur.replay_with_updated_output_weights(1)
    assert errors_one[0] == pytest.approx(0.298371109, abs=5e-10)


def test_as_printed_keeps_trailing_zeros():
    assert mazur.as_printed(0.51130127, "0.511301270") == "0.511301270"


def test_replay_rejects_a_bad_number_of_steps():
    with pytest.raises(ValueError, match="steps must be at least 1"):
        mazur.replay_with_updated_output_weights(0)


def test_the_other_printing_of_the_final_error_matches_neither_run():
    other = mazur.OTHER_PRINTING["error after 10000 steps"]
    replayed, _ = mazur.replay_with_updated_output_weights(10000)
    correct = mazur.mazur_network().train(mazur.X, mazur.T, 10000, mazur.LEARNING_RATE, update_biases=False,
                                          progress=False)
    assert mazur.as_printed(replayed[-1], other) != other
    assert mazur.as_printed(correct[-1], other) != other
    # the shorter printing, 0.000035085, is the replay's figure
    assert mazur.as_printed(replayed[-1], mazur.PUBLISHED["error after 10000 steps"]) == "0.000035085"
