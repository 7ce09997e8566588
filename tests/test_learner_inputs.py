"""What a learner types into course_utils gets a true answer or a message that says what to do (issue 14, part 4).

Each test is one finding of the review (shared/reviews/exercises-and-bad-input.md, "course_utils with
learners' inputs") or one kind of slip: None from a forgotten return, text, a list, NaN, inf, an empty
array, a wrong shape, math.sin where numpy is needed, 10**400.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils import activations, mlp
from course_utils.calculus import central_difference, forward_difference, gradcheck, numerical_gradient, relative_error
from course_utils.chains import Link, activation_link, chain_steps, chain_value
from course_utils.formatting import format_number, format_table
from course_utils.lessons.nb01 import step_size_study
from course_utils.lessons.nb01.curves import SINE
from course_utils.lessons.nb01.figures import plot_error_vs_h
from course_utils.lessons.nb03.softmax_calculus import numerical_jacobian
from course_utils.lessons.nb04 import walkthrough_paths
from course_utils.lessons.nb06 import vanishing
from course_utils.lessons.nb06.figures import plot_gradient_norms, plot_norm_heatmap
from course_utils.style import fixed_ylim, plot_function_with_tangent
from course_utils.validation import as_float_array, call_on, check_interval, check_number
from course_utils.walkthrough import starting_network

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")


def no_return(x):
    x**2  # the slip: the value is computed and dropped


def ax():
    return Figure().add_subplot()


# --- a forgotten return, text, complex, None ------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: forward_difference(no_return, 2.0),
    lambda: central_difference(no_return, 2.0),
    lambda: numerical_gradient(lambda x: None, np.ones(3)),
    lambda: gradcheck(no_return, lambda x: 2 * x, np.ones(2)),
    lambda: gradcheck(lambda x: np.sum(x**2), no_return, np.ones(2)),
    lambda: numerical_jacobian(no_return, [1.0, 2.0]),
    lambda: chain_value([Link("square", no_return, lambda u: 2 * u)], 1.0),
    lambda: plot_function_with_tangent(ax(), no_return, np.cos, 1.0),
])
def test_a_forgotten_return_is_named_not_turned_into_nan(call):
    with pytest.raises(TypeError, match=r"returned None: did you forget `return`\?"):
        call()


@pytest.mark.parametrize("x", [None, [1.0, None]])
def test_an_activation_of_none_is_a_message_not_nan(x):
    with pytest.raises(TypeError, match=r"is None.*did you forget `return`\?"):
        activations.get("sigmoid").fn(x)
    with pytest.raises(TypeError, match="is None"):
        activations.get("relu").grad(x)


@pytest.mark.parametrize("call, words", [
    (lambda: activations.get("sigmoid").fn("1"), "got the text '1': remove the quotes"),
    (lambda: activations.softmax(["1", "2"]), "got the text '1'"),
    (lambda: forward_difference(lambda x: "1", 1.0), "got the text '1'"),
    (lambda: activations.get("tanh").fn(1 + 2j), "complex number"),
])
def test_text_and_complex_numbers_are_refused_not_converted(call, words):
    with pytest.raises(TypeError, match=words):
        call()


def test_a_whole_number_beyond_float_range_is_inf_where_the_function_has_a_limit():
    assert activations.get("sigmoid").fn(10**400) == 1.0
    assert activations.get("relu").fn(-(10**400)) == 0.0
    assert as_float_array([1, 10**400], "x").tolist() == [1.0, math.inf]
    with pytest.raises(ValueError, match="inf or NaN"):
        forward_difference(np.sin, 10**400)


def test_a_number_parameter_of_10_to_the_400_gets_check_numbers_message():
    net = mlp.MLP([2, 2])
    with pytest.raises(ValueError, match=r"lr = 100000…\(401 digits\) is beyond the largest float.*greater than 0"):
        net.train(np.ones((1, 2)), np.ones((1, 2)), 1, 10**400)
    assert check_number(10**400, "bound", finite=False) == math.inf


# --- numpy functions, not math ones ----------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda: plot_function_with_tangent(ax(), math.sin, math.cos, 1.0),
    lambda: forward_difference(math.sin, np.ones(3)),
    lambda: chain_value([Link("sin", math.sin, math.cos)], np.ones(3)),
])
def test_math_sin_on_an_array_says_use_np_sin(call):
    with pytest.raises(TypeError, match=r"one number at a time.*np\.sin"):
        call()


def test_math_sin_on_one_number_still_works():
    assert forward_difference(math.sin, 1.0) == pytest.approx(math.cos(1.0), abs=1e-6)


def test_an_if_on_an_array_points_to_np_where():
    with pytest.raises(ValueError, match=r"np\.where\(condition"):
        call_on(lambda x: x if x > 0 else 0 * x, np.ones(3))


# --- one number out for an array in -------------------------------------------------------------

def test_a_constant_link_gets_told_to_work_on_arrays():
    from course_utils.explorers import ChainExplorer

    constant = Link("c", lambda u: 1.0, lambda u: 0.0)
    with pytest.raises(ValueError, match=r"link 1 \(c\): fn returned shape \(\).*lambda x: 1\.0 \+ 0 \* x"):
        ChainExplorer([constant])
    assert chain_steps([constant], 0.5)[0].output == 1.0  # one number in, one out: fine
    assert chain_value([Link("c", lambda u: 1.0 + 0 * u, lambda u: 0.0)], np.ones(3)).tolist() == [1.0] * 3


def test_plot_function_with_tangent_refuses_a_function_that_ignores_its_array():
    with pytest.raises(ValueError, match="returned shape"):
        plot_function_with_tangent(ax(), lambda x: 1.0, lambda x: 0.0, 1.0)


# --- softmax -------------------------------------------------------------------------------

def test_softmax_of_a_column_vector_is_refused_and_points_to_axis_0():
    column = np.array([[1.0], [2.0], [3.0]])
    with pytest.raises(ValueError, match=r"every output would be 1.*softmax\(x, axis=0\).*x\.ravel\(\)"):
        activations.softmax(column)
    np.testing.assert_allclose(activations.softmax(column, axis=0).ravel(), activations.softmax([1.0, 2.0, 3.0]))
    np.testing.assert_array_equal(activations.softmax(column, axis=-1), np.ones((3, 1)))  # asked for: given
    with pytest.raises(ValueError, match="axis=0"):
        activations.softmax_jacobian(column)


def test_softmax_still_works_row_by_row_and_on_one_class():
    batch = activations.softmax(np.array([[1.0, 2.0], [0.0, 0.0]]))
    np.testing.assert_allclose(batch.sum(axis=1), 1.0)
    assert activations.softmax([5.0]).tolist() == [1.0]
    assert activations.softmax(np.array([[3.0]])).tolist() == [[1.0]]


@pytest.mark.parametrize("x", [[], np.zeros((2, 0))])
def test_softmax_of_nothing_is_a_message(x):
    with pytest.raises(ValueError, match="softmax needs at least one number"):
        activations.softmax(x)


@pytest.mark.parametrize("axis, error", [(5, ValueError), ("0", TypeError)])
def test_a_bad_softmax_axis_is_a_message(axis, error):
    with pytest.raises(error, match="axis"):
        activations.softmax([1.0, 2.0], axis=axis)


# --- shapes: accuracy and other silent broadcasts ------------------------------------------------------------

@pytest.fixture(scope="module")
def classifier():
    net = mlp.MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", seed=0)
    X, _ = vanishing.two_moons(40, seed=1)
    return net, X, (net.forward(X)[:, 0] > 0.5).astype(float)


def test_accuracy_of_a_column_of_labels_is_the_true_accuracy(classifier):
    net, X, perfect = classifier
    assert vanishing.accuracy(net, X, perfect[:, None]) == 1.0  # was 0.5: an n × n broadcast
    assert vanishing.accuracy(net, X, perfect) == 1.0


@pytest.mark.parametrize("labels", [lambda p: p[None, :], lambda p: p[:5], lambda p: np.zeros((40, 2))])
def test_accuracy_refuses_labels_of_another_shape(classifier, labels):
    net, X, perfect = classifier
    with pytest.raises(ValueError, match=r"one label per example, shape \(40,\) or \(40, 1\)"):
        vanishing.accuracy(net, X, labels(perfect))


def test_accuracy_needs_a_network_with_one_output(classifier):
    _, X, perfect = classifier
    with pytest.raises(ValueError, match="n_out = 2"):
        vanishing.accuracy(mlp.MLP([2, 2]), X, perfect)


def test_layer_movement_refuses_lists_of_different_lengths_instead_of_truncating():
    net = vanishing.deep_network(3, 4)
    with pytest.raises(ValueError, match="same number of layers"):
        vanishing.layer_movement(net.weights, list(net.weights)[:1])


def test_relative_change_from_zero_weights_is_a_message_not_inf():
    with pytest.raises(ValueError, match="W_start is all zeros"):
        vanishing.relative_change(np.ones(2), np.zeros(2))


# --- empty batches, empty tables ---------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda net: net.train(np.zeros((0, 2)), np.zeros((0, 2)), 5, 0.1),
    lambda net: net.loss(np.zeros((0, 2)), np.zeros((0, 2))),
    lambda net: net.forward(np.zeros((0, 2))),
])
def test_an_empty_batch_says_x_has_no_rows_not_that_training_diverged(call):
    with pytest.raises(ValueError, match="X has no rows"):
        call(mlp.MLP([2, 3, 2]))


@pytest.mark.parametrize("table, words", [
    (np.zeros((2, 3)), "no positive finite norm"),
    (-np.ones((2, 3)), "negative"),
    (np.ones(3), "one row per setting"),
])
def test_a_norm_heatmap_of_zeros_or_negatives_is_a_message(table, words):
    with pytest.raises(ValueError, match=words):
        plot_norm_heatmap(ax(), table, ["a", "b"], "title")


def test_a_norm_heatmap_needs_one_label_per_row():
    with pytest.raises(ValueError, match="one label per row"):
        plot_norm_heatmap(ax(), np.ones((2, 3)), ["a"], "title")


def test_a_norm_heatmap_with_some_zeros_still_draws():
    assert plot_norm_heatmap(ax(), np.array([[1.0, 0.0, 1e-3]]), ["a"], "title") is not None


def test_gradient_norms_that_are_all_zero_are_a_message_not_a_matplotlib_warning():
    with pytest.raises(ValueError, match="no norm is positive"):
        plot_gradient_norms(ax(), {"dead": [0.0, 0.0]}, "title")


def test_fixed_ylim_with_nothing_finite_says_so():
    with pytest.raises(ValueError, match="no finite value"):
        fixed_ylim(ax(), np.array([np.nan, np.inf]))


# --- ranges -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, error, words", [
    ((-1e308, 1e308), ValueError, "wider than the float range"),
    ((5.0, -5.0), ValueError, "low < high"),
    ((1.0, 1.0), ValueError, "low < high"),
    (5.0, TypeError, "pair"),
    (("a", 1.0), TypeError, r"x_range\[0\] must be a number"),
    ((np.nan, 1.0), ValueError, "not finite"),
])
def test_a_plotting_range_is_checked_before_matplotlib_sees_it(value, error, words):
    with pytest.raises(error, match=words):
        check_interval(value, "x_range")
    with pytest.raises(error, match=words):
        plot_function_with_tangent(ax(), np.sin, np.cos, 0.0, value)


# --- names in any case ------------------------------------------------------------------------------------------

def test_every_name_a_lesson_takes_is_read_in_any_case():
    assert mlp.MLP([2, 2], init="He").init == "he"
    assert mlp.init_std("He", 4, 4) == pytest.approx(math.sqrt(0.5))
    assert mlp.MLP([2, 2], output_activation="Softmax")._output.name == "softmax"
    assert np.isfinite(mlp.MLP([2, 2]).loss(np.ones((1, 2)), np.ones((1, 2)), loss="MSE"))
    assert activation_link("TANH").name == "tanh"
    assert vanishing.largest_slope("ReLU") == 1.0
    assert vanishing.gradient_norms_by_layer(3, 4, "Leaky-ReLU", "XAVIER").shape == (3,)
    assert step_size_study.dominant_error(SINE, 1.0, 1e-3, "CENTRAL") in ("truncation", "round-off")
    assert len(step_size_study.error_terms(SINE, 1.0, 1e-3, "Forward")) == 2
    assert "w_1" in walkthrough_paths.chain_latex(starting_network(), "W1")


def test_an_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="Choose one of: normal, xavier, he"):
        mlp.init_std("bogus", 4, 4)
    with pytest.raises(ValueError, match=r"method must be one of \('forward', 'central'\)"):
        step_size_study.best_step(SINE, 1.0, "backward")


# --- the rest of the learner's slips ------------------------------------------------------------------------------

@pytest.mark.parametrize("call, error, words", [
    (lambda: relative_error(None, 1.0), TypeError, "a is None"),
    (lambda: relative_error(np.inf, 1.0), ValueError, "inf or NaN"),
    (lambda: relative_error(1.0, 1.0, floor=-1.0), ValueError, "floor must be a finite number greater than 0"),
    (lambda: gradcheck(np.sum, np.ones_like, np.ones(2), tol=np.nan), ValueError, "tol = nan is not finite"),
    (lambda: chain_steps([activation_link("tanh")], "1"), TypeError, "x must be a number"),
    (lambda: format_number(None), TypeError, "the value to format must be a number"),
    (lambda: format_number(1.0, digits=2.5), TypeError, "digits must be a whole number"),
    (lambda: format_table(["a"], "1"), TypeError, "list of rows"),
    (lambda: plot_error_vs_h(ax(), None, "title"), TypeError, r"study_step_sizes\(curve, x\)"),
    (lambda: vanishing.two_moons(seed=1.5), TypeError, "seed must be a whole number"),
    (lambda: vanishing.probe_batch("16"), TypeError, "width must be a whole number"),
    (lambda: vanishing.layer_loss_pair(vanishing.deep_network(3, 4), np.ones((2, 4)), np.ones((2, 4)), 5),
     ValueError, r"layer must be in \[0, 2\]"),
    (lambda: vanishing.dead_unit_fraction("net", np.ones((2, 4))), TypeError, "net must be an MLP"),
    (lambda: vanishing.set_hidden_biases(vanishing.deep_network(3, 4), "1"), TypeError, "value must be a number"),
    (lambda: mlp.MLP([2, 2]).train(np.ones((1, 2)), np.ones((1, 2)), 10**400, 0.1), ValueError,
     "steps must be at most"),
])
def test_a_slip_gets_a_course_message_not_a_numpy_traceback(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_format_number_still_prints_a_one_element_array_and_nan():
    assert format_number(np.array([2.0])) == "2.0000"
    assert format_number(np.float64(-0.5)) == "\u22120.5000"
    assert format_number(float("nan")) == "NaN"


def test_format_number_still_prints_a_sympy_number_such_as_minus_root_two():
    import sympy

    assert format_number(-sympy.sqrt(2)) == "\u22121.4142"
    with pytest.raises(TypeError, match="must be a number"):
        format_number(sympy.Symbol("x"))
