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


@pytest.fixture(scope="module")
def precise_runs():
    """The slipped and the correct run in 30-digit mpmath, computed once (about 2 s)."""
    return mazur.run_precise(10000, slipped=True), mazur.run_precise(10000, slipped=False)


@pytest.mark.parametrize("name", ["net_h1", "out_h1", "out_h2", "net_o1", "out_o1", "out_o2", "E_o1", "E_o2",
                                  "E_total"])
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


def test_the_replay_reproduces_the_first_round_error_and_the_final_outputs():
    errors, outputs = mazur.replay_with_updated_output_weights(10000)
    assert mazur.as_printed(errors[0], mazur.PUBLISHED["E_total"]) == mazur.PUBLISHED["E_total"]
    assert mazur.as_printed(errors[1], mazur.PUBLISHED["error after 1 step"]) == mazur.PUBLISHED["error after 1 step"]
    for index, name in enumerate(("out_o1 after 10000 steps", "out_o2 after 10000 steps")):
        assert mazur.as_printed(outputs[index], mazur.PUBLISHED[name]) == mazur.PUBLISHED[name]


def test_the_published_final_error_is_a_correct_run_after_9999_updates():
    correct = mazur.mazur_network().train(mazur.X, mazur.T, 10000, mazur.LEARNING_RATE, update_biases=False,
                                          progress=False)
    published = mazur.PUBLISHED["error after 10000 steps"]
    assert published == "0.0000351085"
    assert mazur.as_printed(correct[9999], published) == published
    assert mazur.as_printed(correct[10000], published) == "0.0000351019"
    replayed, _ = mazur.replay_with_updated_output_weights(10000)
    assert mazur.as_printed(replayed[-1], published) != published


def test_a_correct_run_does_not_reproduce_the_first_round_error_or_the_outputs():
    net = mazur.mazur_network()
    losses = net.train(mazur.X, mazur.T, 10000, mazur.LEARNING_RATE, update_biases=False, progress=False)
    assert mazur.as_printed(losses[1], "0.291027924") != mazur.PUBLISHED["error after 1 step"]
    assert losses[1] == pytest.approx(0.291027774, abs=5e-10)
    out = net.forward(mazur.X)[0]
    assert mazur.as_printed(out[0], "0.015912196") != mazur.PUBLISHED["out_o1 after 10000 steps"]


def test_the_numpy_correct_run_agrees_with_mlp():
    correct = mazur.mazur_network().train(mazur.X, mazur.T, 200, mazur.LEARNING_RATE, update_biases=False,
                                          progress=False)
    errors, _ = mazur.run(200, slipped=False)
    np.testing.assert_allclose(errors, correct, rtol=1e-13)


def test_every_iteration_figure_comes_from_the_run_that_is_named():
    slipped, correct = mazur.run(10000, slipped=True), mazur.run(10000, slipped=False)
    for name in mazur.ITERATION_FIGURES:
        value = mazur.iteration_figure(name, slipped, correct)
        assert mazur.as_printed(value, mazur.PUBLISHED[name]) == mazur.PUBLISHED[name]


def test_the_printed_digits_are_far_from_rounding_boundaries_compared_with_round_off(precise_runs):
    # a 30-digit mpmath rerun measures how far float64 round-off has moved each figure, on every platform
    slipped, correct = mazur.run(10000, slipped=True), mazur.run(10000, slipped=False)
    slipped_x, correct_x = precise_runs
    for name in mazur.ITERATION_FIGURES:
        value = mazur.iteration_figure(name, slipped, correct)
        precise = float(mazur.iteration_figure(name, slipped_x, correct_x))
        drift = abs(value - precise) / abs(precise)
        assert drift < 1e-13
        assert mazur.rounding_margin(value, mazur.PUBLISHED[name]) > 100 * drift + 1e-12


def test_the_quotes_hold_the_published_figures():
    for name in ("error after 1 step", "error after 10000 steps", "out_o1 after 10000 steps",
                 "out_o2 after 10000 steps"):
        assert mazur.PUBLISHED[name] in mazur.QUOTES["iterations"]
    assert mazur.PUBLISHED["error after 10000 steps, other copies"] in mazur.QUOTES["iterations, other copies"]


def test_the_other_copies_final_error_is_the_slipped_run_after_10000_updates():
    errors, _ = mazur.run(10000, slipped=True)
    assert mazur.as_printed(errors[10000], "0.000035085") == "0.000035085"
    assert mazur.as_printed(errors[10000], "0.0000351085") != "0.0000351085"


def test_the_precise_run_agrees_with_float64_and_longdouble_is_not_needed(precise_runs):
    errors, outputs = mazur.run(10000, slipped=True)
    assert np.allclose(precise_runs[0][0], errors, rtol=1e-12, atol=0)
    assert np.allclose(precise_runs[0][1], outputs, rtol=1e-12, atol=0)


def test_iteration_figure_asks_for_the_right_run_length():
    slipped, correct = mazur.run(5, slipped=True), mazur.run(5, slipped=False)
    with pytest.raises(ValueError, match="after 10000 steps"):
        mazur.iteration_figure("out_o1 after 10000 steps", slipped, correct)


def test_rounding_margin():
    assert mazur.rounding_margin(0.125, "0.12") == pytest.approx(0.0)
    assert mazur.rounding_margin(0.1200, "0.12") == pytest.approx(0.5 / 12)


def test_the_replays_first_output_weights_are_the_correct_ones():
    # the slip only touches the hidden layer, so the first step's w5+ … w8+ are still right
    errors_one, _ = mazur.replay_with_updated_output_weights(1)
    assert errors_one[0] == pytest.approx(0.298371109, abs=5e-10)


def test_as_printed_keeps_trailing_zeros():
    assert mazur.as_printed(0.51130127, "0.511301270") == "0.511301270"


def test_replay_rejects_a_bad_number_of_steps():
    with pytest.raises(ValueError, match="steps must be at least 1"):
        mazur.replay_with_updated_output_weights(0)


def test_figure_rows_name_the_run_behind_each_figure_and_float64_drift_is_tiny(precise_runs):
    slipped, correct = mazur.run(10000, slipped=True), mazur.run(10000, slipped=False)
    rows = mazur.figure_rows(slipped, correct)
    assert [row[2] for row in rows] == ["slipped run, 1 update", "correct run, 9,999 updates",
                                        "slipped run, 10,000 updates", "slipped run, 10,000 updates",
                                        "slipped run, 10,000 updates"]
    assert [row[1] for row in rows] == [row[3] if "correct" in row[2] else row[4] for row in rows]
    assert mazur.float64_drift((slipped, correct), precise_runs) < 1e-13


def test_the_fix_commit_is_quoted_as_recorded():
    assert mazur.FIX_COMMIT == {"id": "4b6faac", "date": "2015-03-15", "message": (
        "Update backprop algorithm so that hidden layer weight updates use original weights")}


def test_the_pre_fix_script_prints_the_slipped_run_halved():
    lines = mazur.pre_fix_script_lines(mazur.run(10000, slipped=True))
    assert lines == (mazur.PRE_FIX_SCRIPT["first printed"], mazur.PRE_FIX_SCRIPT["last printed"])
