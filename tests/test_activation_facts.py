"""The summary table is computed from the activations and says true things about each of them."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils import activations
from course_utils.formatting import MINUS
from course_utils.lessons.nb03.activation_facts import (
    GRID,
    HEADERS,
    SATURATION_THRESHOLD,
    display_name,
    facts,
    facts_table,
    formulas_latex,
    has_kink,
    is_odd,
    mean_output_normal,
    mean_text,
    output_bounds,
    range_text,
    saturated_tails,
    saturation_mask,
    significant,
    steepest_slope,
)

NAMES = list(activations.ACTIVATIONS)


@pytest.mark.parametrize("name", NAMES)
def test_computed_range_agrees_with_the_declared_output_range(name):
    act = activations.get(name)
    low, high = output_bounds(act)
    assert low.value == pytest.approx(act.output_range[0], abs=1e-6)
    assert high.value == act.output_range[1]


@pytest.mark.parametrize("name", NAMES)
def test_computed_oddness_agrees_with_the_declared_centring(name):
    act = activations.get(name)
    assert is_odd(act) == act.zero_centered


@pytest.mark.parametrize("name, text", [
    ("sigmoid", "(0, 1)"), ("tanh", f"({MINUS}1, 1)"), ("relu", "[0, ∞)"), ("leaky_relu", f"({MINUS}∞, ∞)"),
    ("linear", f"({MINUS}∞, ∞)"), ("softplus", "(0, ∞)"), ("elu", f"({MINUS}1, ∞)"),
    ("gelu", f"[{MINUS}0.17, ∞)"), ("silu", f"[{MINUS}0.278, ∞)"),
])
def test_range_brackets_say_whether_the_bound_is_reached(name, text):
    assert range_text(name) == text


def test_leaky_relu_range_reaches_minus_infinity_unlike_seed_001_claims():
    assert activations.get("leaky_relu").fn(-1e6) < 0
    assert range_text("leaky_relu").startswith(f"({MINUS}∞")


def test_leaky_relu_with_alpha_zero_has_relu_range():
    assert range_text(activations.get("leaky_relu", alpha=0.0)) == "[0, ∞)"


@pytest.mark.parametrize("name, value, where", [
    ("sigmoid", 0.25, "x = 0"), ("tanh", 1.0, "x = 0"), ("relu", 1.0, "x > 0"), ("leaky_relu", 1.0, "x > 0"),
    ("linear", 1.0, "every x"), ("softplus", 1.0, "approached as x → +∞"), ("elu", 1.0, "x > 0"),
])
def test_steepest_slope_and_where(name, value, where):
    assert steepest_slope(name) == (pytest.approx(value), where)


def test_gelu_is_steepest_at_root_two_with_a_slope_above_one():
    gelu = activations.get("gelu")
    value, where = steepest_slope(gelu)
    assert value == pytest.approx(float(gelu.grad(math.sqrt(2.0))), rel=1e-7)  # grid step 0.001
    assert value > 1.12 and where == "x = 1.41"


def test_silu_is_steepest_where_its_second_derivative_vanishes():
    silu = activations.get("silu")
    value, where = steepest_slope(silu)
    x_peak = float(where.removeprefix("x = "))
    slope_of_slope = (silu.grad(x_peak + 1e-4) - silu.grad(x_peak - 1e-4)) / 2e-4
    assert value > 1.09 and abs(slope_of_slope) < 0.01


@pytest.mark.parametrize("name, text", [
    ("sigmoid", f"x < {MINUS}4.58, x > 4.58"), ("tanh", f"x < {MINUS}2.99, x > 2.99"),
    ("relu", "x < 0 (f′ = 0 exactly)"), ("leaky_relu", "no"), ("linear", "no"), ("softplus", f"x < {MINUS}4.6"),
    ("elu", f"x < {MINUS}4.61"),
])
def test_saturated_tails_are_where_the_slope_drops_below_the_threshold(name, text):
    assert saturated_tails(name) == text


def test_sigmoid_saturation_edge_matches_the_closed_form():
    s = (1 + math.sqrt(1 - 4 * SATURATION_THRESHOLD)) / 2
    edge = math.log(s / (1 - s))
    assert saturated_tails("sigmoid") == f"x < {MINUS}{edge:.2f}, x > {edge:.2f}"


def test_interior_flat_spots_are_not_reported_as_saturated_tails():
    gelu = activations.get("gelu")
    x_min = GRID[np.argmin(gelu.fn(GRID))]
    assert saturation_mask(gelu, [x_min])[0]  # the slope is ~0 at GELU's minimum ...
    assert saturated_tails(gelu).count("x") == 1  # ... but only the left tail is listed


def test_saturation_mask_uses_a_strict_threshold():
    leaky = activations.get("leaky_relu", alpha=SATURATION_THRESHOLD)
    assert not saturation_mask(leaky, [-3.0])[0]
    assert saturation_mask("relu", [-3.0, 3.0]).tolist() == [True, False]


def test_saturation_mask_refuses_a_non_positive_threshold():
    with pytest.raises(ValueError, match="threshold must be a finite number greater than 0"):
        saturation_mask("relu", [0.0], threshold=0)


@pytest.mark.parametrize("name, kink", [("relu", True), ("leaky_relu", True), ("elu", False), ("sigmoid", False)])
def test_kinks_at_zero(name, kink):
    assert has_kink(name, 0.0) is kink
    assert has_kink(name, 1.0) is False


def test_elu_has_a_kink_when_alpha_is_not_one():
    assert has_kink(activations.get("elu", alpha=2.0), 0.0)


def test_facts_row_holds_the_slopes_at_plus_and_minus_five():
    row = facts("tanh")
    tanh = activations.get("tanh")
    assert (row.slope_at_minus_5, row.slope_at_plus_5) == (tanh.grad(-5.0), tanh.grad(5.0))
    assert row.odd and row.name == "tanh"


def test_facts_pass_parameters_on():
    assert facts("leaky_relu", alpha=0.2).slope_at_minus_5 == pytest.approx(0.2)
    assert display_name(activations.get("leaky_relu", alpha=0.2)) == "leaky ReLU (α = 0.20)"


def test_table_has_one_row_per_activation_in_both_renderings():
    table = facts_table()
    text, markdown = repr(table), table._repr_markdown_()
    assert len(text.splitlines()) == 2 + len(NAMES)
    assert len(markdown.splitlines()) == 2 + len(NAMES)
    assert text.splitlines()[0].split("  ")[0] == HEADERS[0]
    assert "| GELU | [−0.17, ∞) | no | 0.282 | 1.13 (x = 1.41) |" in markdown


def test_table_of_chosen_names_and_an_empty_choice():
    assert [row.name for row in facts_table(["relu", "tanh"]).rows] == ["ReLU", "tanh"]
    with pytest.raises(ValueError, match="at least one activation"):
        facts_table([])


@pytest.mark.parametrize("value, text", [
    (0.25, "0.25"), (1.0, "1"), (0.006648, "0.00665"), (-7.147e-06, f"{MINUS}7.15e{MINUS}06"), (-0.0, "0"),
    (math.inf, "∞"), (-math.inf, f"{MINUS}∞"),
])
def test_significant_digits_use_a_true_minus(value, text):
    assert significant(value) == text


def test_formulas_put_each_derivative_beside_its_function():
    latex = formulas_latex(["sigmoid", "relu"])
    sigmoid, relu = activations.get("sigmoid"), activations.get("relu")
    assert latex.count(r"\\[8pt]") == 1
    for act in (sigmoid, relu):
        assert act.latex in latex and act.latex_grad in latex
    assert formulas_latex("tanh") == formulas_latex(["tanh"])
    with pytest.raises(ValueError, match="at least one activation"):
        formulas_latex([])


@pytest.mark.parametrize("name, exact", [
    ("relu", 1 / math.sqrt(2 * math.pi)),
    ("leaky_relu", 0.99 / math.sqrt(2 * math.pi)),
    ("gelu", 1 / (2 * math.sqrt(math.pi))),
    ("elu", 1 / math.sqrt(2 * math.pi) + math.exp(0.5) * 0.5 * math.erfc(1 / math.sqrt(2)) - 0.5),
    ("sigmoid", 0.5), ("tanh", 0.0), ("linear", 0.0),
])
def test_mean_output_over_a_standard_normal_matches_the_closed_form(name, exact):
    assert mean_output_normal(name) == pytest.approx(exact, abs=1e-7)


def test_the_mean_column_is_far_from_a_rounding_boundary_so_it_prints_the_same_everywhere():
    for name in activations.ACTIVATIONS:
        scaled = mean_output_normal(name) * 1000
        assert abs(scaled - math.floor(scaled) - 0.5) > 1e-3, name


def test_mean_text_never_prints_minus_zero():
    assert mean_text(-1e-17) == "0.000" and mean_text(0.16052) == "0.161"


def test_mean_text_of_an_odd_function_asserts_the_zero_instead_of_rounding_it():
    assert mean_text(-1e-17, odd=True) == "0 (odd)"
    with pytest.raises(ValueError, match="odd function's mean"):
        mean_text(0.01, odd=True)


def test_the_table_has_separate_odd_and_mean_columns():
    assert "odd" in HEADERS and "mean over N(0,1)" in HEADERS
    rows = {row[0]: row for row in facts_table().cells()}
    odd, mean = HEADERS.index("odd"), HEADERS.index("mean over N(0,1)")
    assert rows["ELU (α = 1.00)"][odd] == "no" and rows["ELU (α = 1.00)"][mean] == "0.161"
    assert rows["tanh"][odd] == "yes" and rows["tanh"][mean] == "0 (odd)"
    assert rows["linear"][mean] == "0 (odd)"
    assert rows["ReLU"][mean] == "0.399"
