"""Explorers and lesson helpers refuse a learner's slip with a course message, never clamp or truncate it silently.

Every explorer's starting values go through ``explorers.base.slider_start`` (check_number's rules, then the
slider's range with both ends included) and every plotting range through ``validation.check_interval``.
"""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers import (
    ActivationComparisonExplorer,
    AutodiffGraphExplorer,
    ChainExplorer,
    DescentExplorer,
    GradientFlowExplorer,
    SecantExplorer,
    StepSizeExplorer,
    TangentExplorer,
)
from course_utils.explorers.base import slider_start
from course_utils.lessons.nb03 import activation_facts, symbolic_activations
from course_utils.lessons.nb04 import mazur, single_neuron
from course_utils.lessons.nb05 import autodiff_examples
from course_utils.walkthrough import forward, starting_network, train

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")


@pytest.mark.parametrize("x, error, words", [
    ("1", TypeError, "x must be a number such as 0, got str"),
    (None, TypeError, "x must be a number such as 0, got NoneType"),
    (np.nan, ValueError, "x = nan is not finite"),
    (True, TypeError, "got bool"),
    ([1.0], TypeError, "got list"),
])
def test_a_tangent_explorer_with_a_slipped_x_says_what_to_pass(x, error, words):
    with pytest.raises(error, match=words):
        TangentExplorer("sigmoid", x=x)


@pytest.mark.parametrize("x", [-6.0, 6.0])
def test_both_ends_of_the_slider_are_accepted(x):
    assert TangentExplorer("sigmoid", x=x).x_slider.value == x
    assert ActivationComparisonExplorer("relu", x=x).x_slider.value == x


def test_a_range_too_wide_for_floats_is_refused_before_matplotlib_fails():
    with pytest.raises(ValueError, match="wider than the float range"):
        TangentExplorer("sigmoid", x_range=(-1e308, 1e308))
    with pytest.raises(TypeError, match=r"pair \(low, high\)"):
        ActivationComparisonExplorer(x_range=5)


def test_slider_start_is_check_number_then_the_slider_range():
    assert slider_start(2, "x", 0.0, 2.0, "in (0, 2)") == 2.0
    with pytest.raises(ValueError, match=r"x = 3 must lie in \(0, 2\)"):
        slider_start(3, "x", 0.0, 2.0, "in (0, 2)")
    with pytest.raises(TypeError, match="whole number"):
        slider_start(2.5, "depth", 2, 50, "between 2 and 50", integer=True)


@pytest.mark.parametrize("kwargs, error, words", [
    ({"eta": 10}, ValueError, "eta = 10 must lie between 0.05 and 5.0"),
    ({"eta": -1}, ValueError, "eta = -1 must lie between"),
    ({"x": np.nan}, ValueError, r"x \(the neuron's input\) = nan is not finite"),
    ({"t": "1"}, TypeError, "t must be a number"),
    ({"w": True}, TypeError, "got bool"),
])
def test_the_descent_explorer_refuses_instead_of_clamping(kwargs, error, words):
    with pytest.raises(error, match=words):
        DescentExplorer(**kwargs)


def test_the_descent_readout_says_when_a_step_stops_at_the_slider_edge():
    explorer = DescentExplorer(w=1.0, eta=5.0, w_range=(-3.0, 1.2))
    full = 1.0 - 5.0 * single_neuron.error_slope(1.0)
    assert f"to w = 1.200 (the slider's edge: the full step reaches w = {full:.3f})" in explorer.readout.value
    assert "slider's edge" not in DescentExplorer().readout.value


@pytest.mark.parametrize("kwargs, error, words", [
    ({"depth": 2.5}, TypeError, "depth must be a whole number"),
    ({"width": 10**6}, ValueError, "width must be at most 256"),
    ({"max_depth": float("inf")}, TypeError, "max_depth must be a whole number"),
    ({"seed": -1}, ValueError, "seed must be at least 0"),
])
def test_the_gradient_flow_explorer_refuses_instead_of_truncating(kwargs, error, words):
    with pytest.raises(error, match=words):
        GradientFlowExplorer(**kwargs)


def test_the_gradient_flow_explorer_reads_an_activation_in_any_case():
    assert GradientFlowExplorer(depth=3, activation="ReLU").activation_menu.value == "relu"


@pytest.mark.parametrize("build, error, words", [
    (lambda: SecantExplorer(h=None), TypeError, "h must be a number"),
    (lambda: SecantExplorer(x="1"), TypeError, "x must be a number"),
    (lambda: StepSizeExplorer(h="1e-4"), TypeError, "h must be a number"),
    (lambda: StepSizeExplorer(x=True), TypeError, "got bool"),
    (lambda: AutodiffGraphExplorer(x=[1.0]), TypeError, "x must be a number"),
    (lambda: ChainExplorer([], x=0.5), TypeError, "list of Link"),
    (lambda: ChainExplorer(ChainExplorer.example().links, x_range=(3.0, -3.0)), ValueError, "low < high"),
])
def test_every_explorer_checks_its_starting_values_one_way(build, error, words):
    with pytest.raises(error, match=words):
        build()


@pytest.mark.parametrize("call, error, words", [
    (lambda: single_neuron.walk(True), TypeError, "got bool"),
    (lambda: single_neuron.error(0.5, x=np.nan), ValueError, "x = nan is not finite"),
    (lambda: symbolic_activations.check_derivative("relu", points=[]), ValueError, "non-empty list"),
    (lambda: activation_facts.facts_table(3), TypeError, "list of activation names"),
    (lambda: activation_facts.has_kink("relu", "0"), TypeError, "x must be a number"),
    (lambda: mazur.as_printed(None, "0.5"), TypeError, "computed must be a number"),
    (lambda: mazur.replay_with_updated_output_weights(10**400), ValueError, "steps must be at most"),
    (lambda: autodiff_examples.neuron_graph(3, seed=None), TypeError, "seed must be a whole number"),
    (lambda: autodiff_examples.local_slopes_both_ways(lambda a: a.exp(), 0.5), TypeError, "mind the comma"),
    (lambda: autodiff_examples.network_graph({**starting_network(), "w1": "0.1"}), TypeError, "w1 must be a number"),
    (lambda: train(starting_network(), 0.5, 10**400), ValueError, "steps must be at most"),
    (lambda: forward(starting_network(), lambda v: None), TypeError, r"squash returned None"),
])
def test_lesson_helpers_give_course_messages_for_a_learners_slips(call, error, words):
    with pytest.raises(error, match=words):
        call()
