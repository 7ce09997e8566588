"""Activations: the derivatives are right, and no float input can make them warn or lie."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_utils import activations
from course_utils.calculus import central_difference, numerical_gradient

NAMES = sorted(activations.ACTIVATIONS)
#: Where each activation has a kink, so a finite difference across it means nothing.
KINKS = {name: act.kinks for name, act in activations.ACTIVATIONS.items()}
EXTREMES = np.array([-np.inf, -1e308, -1e300, -1e10, -710.0, -50.0, -1.0, -1e-300, 0.0,
                     1e-300, 1.0, 50.0, 710.0, 1e10, 1e300, 1e308, np.inf])
moderate_floats = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False)
any_floats = st.floats(allow_nan=True, allow_infinity=True)


def test_every_contract_name_is_offered():
    expected = {"sigmoid", "tanh", "relu", "leaky_relu", "linear", "softplus", "elu", "gelu", "silu"}
    assert expected <= set(activations.ACTIVATIONS)  # a new activation is one registry entry, not an edit here


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=200, deadline=None)
@given(x=moderate_floats)
def test_grad_agrees_with_central_differences_away_from_kinks(name, x):
    act = activations.get(name)
    if any(abs(x - kink) < 1e-4 for kink in KINKS[name]):
        return
    numeric = central_difference(act.fn, x, h=1e-6)
    assert act.grad(x) == pytest.approx(numeric, rel=1e-5, abs=1e-7)


@pytest.mark.parametrize("name", NAMES)
def test_extreme_inputs_give_no_warnings_and_values_in_range(name):
    act = activations.get(name)
    values, slopes = act.fn(EXTREMES), act.grad(EXTREMES)
    low, high = act.output_range
    assert not np.any(np.isnan(values)) and not np.any(np.isnan(slopes))
    assert np.all(values >= low) and np.all(values <= high)
    assert np.all(np.isfinite(slopes))
    assert np.all(np.isfinite(values[np.isfinite(EXTREMES)]))


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=300, deadline=None)
@given(x=any_floats)
def test_any_float_gives_a_sane_value_and_slope(name, x):
    act = activations.get(name)
    value, slope = act.fn(x), act.grad(x)
    if math.isnan(x):
        assert math.isnan(value) and math.isnan(slope)
        return
    low, high = act.output_range
    assert low <= value <= high
    assert math.isfinite(slope) and -0.2 <= slope <= 1.2


@pytest.mark.parametrize("name", NAMES)
def test_saturating_tails_have_the_right_limits(name):
    act = activations.get(name)
    right_slope = act.grad(1e308)
    assert right_slope == pytest.approx(0.0 if name in {"sigmoid", "tanh"} else 1.0)


def test_known_values():
    assert activations.get("sigmoid").fn(0.0) == 0.5
    assert activations.get("sigmoid").grad(0.0) == 0.25
    assert activations.get("tanh").grad(0.0) == 1.0
    assert activations.get("softplus").fn(0.0) == pytest.approx(math.log(2.0))
    assert activations.get("gelu").fn(1.0) == pytest.approx(0.5 * (1 + math.erf(1 / math.sqrt(2))))
    assert activations.get("silu").fn(2.0) == pytest.approx(2.0 / (1.0 + math.exp(-2.0)))


def test_relu_slope_at_the_kink_is_zero_as_in_pytorch():
    assert activations.get("relu").grad(0.0) == 0.0


def test_sigmoid_keeps_relative_precision_far_in_the_left_tail():
    assert activations.get("sigmoid").fn(-700.0) == pytest.approx(math.exp(-700.0), rel=1e-12)
    assert activations.get("sigmoid").grad(-700.0) == pytest.approx(math.exp(-700.0), rel=1e-12)


def test_scalar_in_gives_float_out_and_arrays_keep_their_shape():
    sigmoid = activations.get("sigmoid")
    assert isinstance(sigmoid.fn(1.0), float)
    assert sigmoid.fn(np.zeros((2, 3))).shape == (2, 3)
    assert sigmoid.grad([0.0, 0.0]).tolist() == [0.25, 0.25]


def test_parameters_change_the_function():
    leaky = activations.get("leaky_relu", alpha=0.1)
    assert leaky.fn(-2.0) == pytest.approx(-0.2)
    assert leaky.grad(-2.0) == pytest.approx(0.1)
    elu = activations.get("elu", alpha=2.0)
    assert elu.output_range == (-2.0, math.inf)
    assert elu.fn(-1e308) == pytest.approx(-2.0)


def test_leaky_relu_range_is_the_whole_line():
    assert activations.get("leaky_relu").output_range == (-math.inf, math.inf)


@pytest.mark.parametrize("spelling", ["Leaky-ReLU", "Leaky_ReLU", "leaky ReLU", " LEAKY_RELU "])
def test_names_are_forgiving_about_case_and_dashes(spelling):
    assert activations.get(spelling).name == "leaky_relu"


def test_relu_in_capitals_is_relu():
    assert activations.get("ReLU") is activations.ACTIVATIONS["relu"]


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="unknown activation 'sigmod'.*sigmoid.*tanh"):
        activations.get("sigmod")


def test_non_string_name_is_a_type_error():
    with pytest.raises(TypeError, match="string such as 'relu'"):
        activations.get(3)


def test_unknown_parameter_says_what_is_accepted():
    with pytest.raises(ValueError, match="sigmoid does not take parameter.*alpha.*accepts: none"):
        activations.get("sigmoid", alpha=0.1)


@pytest.mark.parametrize("alpha", [-0.1, 1.0, 5.0])
def test_leaky_alpha_outside_zero_one_is_refused(alpha):
    with pytest.raises(ValueError, match=r"alpha must be in \[0, 1\)"):
        activations.get("leaky_relu", alpha=alpha)


def test_non_numeric_alpha_is_a_type_error():
    with pytest.raises(TypeError, match="alpha must be a number"):
        activations.get("elu", alpha="big")


def test_non_numeric_input_says_what_to_pass():
    with pytest.raises(TypeError, match="numbers or numeric arrays.*Pass a float"):
        activations.get("relu").fn("three")


# --- softmax -------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=-1e308, max_value=1e308), min_size=1, max_size=8))
def test_softmax_is_a_probability_vector_for_any_finite_input(values):
    s = activations.softmax(values)
    assert np.all(s >= 0) and np.sum(s) == pytest.approx(1.0)


def test_softmax_ignores_a_constant_shift():
    x = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(activations.softmax(x), activations.softmax(x + 1000.0))


def test_softmax_edge_cases():
    np.testing.assert_array_equal(activations.softmax([np.inf, np.inf, 0.0]), [0.5, 0.5, 0.0])
    assert np.all(np.isnan(activations.softmax([-np.inf, -np.inf])))
    assert np.all(np.isnan(activations.softmax([1.0, np.nan])))


def test_softmax_works_along_an_axis_of_a_batch():
    batch = np.array([[0.0, 0.0], [0.0, np.log(3.0)]])
    np.testing.assert_allclose(activations.softmax(batch, axis=1), [[0.5, 0.5], [0.25, 0.75]])


def test_softmax_of_a_single_number_asks_for_a_vector():
    with pytest.raises(ValueError, match="needs a vector"):
        activations.softmax(2.0)


def test_softmax_jacobian_matches_numerical_differentiation():
    x = np.array([0.3, -1.2, 2.0])
    jacobian = activations.softmax_jacobian(x)
    for i in range(3):
        row = numerical_gradient(lambda v, i=i: activations.softmax(v)[i], x)
        np.testing.assert_allclose(jacobian[i], row, atol=1e-9)
    np.testing.assert_allclose(jacobian.sum(axis=1), 0.0, atol=1e-15)
    np.testing.assert_allclose(jacobian, jacobian.T)


def test_softmax_jacobian_stacks_for_a_batch():
    assert activations.softmax_jacobian(np.zeros((4, 3))).shape == (4, 3, 3)


# --- leaky ReLU with alpha = 0, and parameters given to an Activation object -----

def test_leaky_relu_with_alpha_zero_is_relu_even_at_minus_infinity():
    leaky = activations.get("leaky_relu", alpha=0.0)
    np.testing.assert_array_equal(leaky.fn(EXTREMES), activations.get("relu").fn(EXTREMES))
    assert math.isnan(leaky.fn(np.nan))


def test_leaky_relu_with_alpha_zero_reports_relu_range():
    assert activations.get("leaky_relu", alpha=0.0).output_range == (0.0, math.inf)


def test_parameters_given_with_an_activation_object_are_applied_not_dropped():
    leaky = activations.get(activations.get("leaky_relu"), alpha=0.2)
    assert leaky.params == {"alpha": 0.2}
    assert leaky.grad(-1.0) == pytest.approx(0.2)
    assert activations.get(activations.get("elu", alpha=2.0)).params == {"alpha": 2.0}


@pytest.mark.parametrize("name", ["relu", "leaky_relu", "elu"])
def test_the_written_derivative_claims_no_slope_at_a_kink(name):
    tex = activations.get(name).latex_grad
    assert r"\le 0" not in tex and "x < 0" in tex and "none" in tex and "x = 0" in tex
