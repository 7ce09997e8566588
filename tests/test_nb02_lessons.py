"""Notebook 02's lesson helpers: the rules table, the three-way agreement table, digits lost, the drawn path graph."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import math  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import sympy as sp  # noqa: E402

from course_utils.lessons.nb02.checks import agreement_table, central_roundoff_share, digits_lost  # noqa: E402
from course_utils.lessons.nb02.figures import (  # noqa: E402
    PATH_EXAMPLE_LAYOUT,
    draw_path_graph,
    graph_positions,
    path_graph_alt,
)
from course_utils.lessons.nb02.rules import differentiation_rules, rule_checks, rules_table  # noqa: E402
from course_utils.path_sums import forward_values, local_slopes, sum_over_paths  # noqa: E402
from course_utils.style import check_alt_text  # noqa: E402

x, w, v1, v2, t1, t2, z, a, y1, y2, E = sp.symbols("x w v1 v2 t1 t2 z a y1 y2 E")
DEFINITIONS = {z: w * x, a: 1 / (1 + sp.exp(-z)), y1: v1 * a, y2: v2 * a, E: (y1 - t1) ** 2 / 2 + (y2 - t2) ** 2 / 2}
INPUTS = {x: 2.0, w: 0.5, v1: 0.4, v2: -0.3, t1: 1.0, t2: 0.0}
VALUES = forward_values(DEFINITIONS, INPUTS)
SLOPES = local_slopes(DEFINITIONS, VALUES)


# --- rules ------------------------------------------------------------------------------------------------------------

def test_every_rule_agrees_with_sympy_and_with_central_differences():
    checks = rule_checks(1.3)
    assert len(checks) == len(differentiation_rules()) >= 9
    for rule, agrees, _value, error in checks:
        assert agrees, rule.name
        assert error < 1e-9, rule.name


def test_a_wrong_rule_would_be_caught():
    # the product rule misremembered as the product of the slopes: SymPy and the numbers both object
    s = sp.Symbol("x")
    wrong = 2 * s * sp.cos(s)
    assert sp.simplify(sp.diff(s**2 * sp.sin(s), s) - wrong) != 0
    assert not math.isclose(float(wrong.subs(s, 1.3)), float(sp.diff(s**2 * sp.sin(s), s).subs(s, 1.3)), rel_tol=1e-3)


def test_the_rules_table_has_a_row_per_rule_and_refuses_points_where_ln_is_undefined():
    lines = rules_table(1.3).splitlines()
    assert len(lines) == 2 + len(differentiation_rules())
    assert all("True" in line and "below 1e−8" in line for line in lines[2:])
    with pytest.raises(ValueError, match="positive"):
        rules_table(-1.0)


# --- the agreement table and digits lost ------------------------------------------------------------------------------

def test_the_agreement_table_prints_the_values_and_the_errors_as_bounds():
    table = agreement_table([("dy/dx", 0.25, 0.25, 0.25 * (1 + 1e-11))]).splitlines()
    assert table[2].split() == ["dy/dx", "0.2500000000", "0.2500000000", "0.25000000", "below", "1e−12", "below",
                                "1e−8"]


def test_the_agreement_table_fails_loudly_when_the_methods_disagree():
    with pytest.raises(AssertionError):
        agreement_table([("dy/dx", 0.25, 0.25, 0.2501)])
    with pytest.raises(AssertionError):
        agreement_table([("dy/dx", 0.25, 0.2500001, 0.25)])
    with pytest.raises(TypeError, match="each row"):
        agreement_table([("dy/dx", 0.25)])
    with pytest.raises(TypeError, match="non-empty"):
        agreement_table([])


def test_digits_lost_counts_the_shared_leading_digits():
    assert digits_lost(0.999) == pytest.approx(3.0)
    assert digits_lost(0.5) == pytest.approx(math.log10(2))
    assert digits_lost(-3.0) == 0.0
    with pytest.raises(ValueError, match="every digit"):
        digits_lost(1.0)


# --- the drawn graph --------------------------------------------------------------------------------------------------

def test_the_thick_edges_are_exactly_the_edges_on_a_path_and_every_label_is_its_local_derivative():
    fig, ax = plt.subplots()
    drawn = draw_path_graph(ax, SLOPES, VALUES, "w", "E", "paths", PATH_EXAMPLE_LAYOUT)
    expected_on_path = {("w", "z"), ("z", "a"), ("a", "y1"), ("a", "y2"), ("y1", "E"), ("y2", "E")}
    assert drawn["on_path"] == expected_on_path
    for edge, arrow in drawn["arrows"].items():
        assert (arrow.get_linewidth() > 1.5) == (edge in expected_on_path)
        assert (arrow.get_linestyle() == "-") == (edge in expected_on_path)  # not by colour alone
    for edge, label in drawn["labels"].items():
        assert float(label.get_text().replace("\u2212", "-")) == pytest.approx(SLOPES[edge], abs=5e-5)
    assert set(drawn["boxes"]) == {str(s) for s in (x, w, v1, v2, t1, t2, z, a, y1, y2, E)}
    plt.close(fig)


def test_a_layout_missing_a_node_is_refused_and_the_automatic_layout_places_every_node():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="no place"):
        draw_path_graph(ax, SLOPES, VALUES, "w", "E", "paths", {"w": (0, 0)})
    position = graph_positions(SLOPES)
    assert set(position) == set(PATH_EXAMPLE_LAYOUT)
    assert position["E"][0] == max(layer for layer, _ in position.values())
    assert len(set(position.values())) == len(position)  # no two nodes on top of each other
    draw_path_graph(ax, SLOPES, VALUES, "w", "E", "paths")
    plt.close(fig)


def test_the_alt_text_names_both_paths_and_their_sum_from_the_drawn_numbers():
    alt = path_graph_alt(SLOPES, "w", "E")
    assert check_alt_text(alt) == alt
    assert "w → z → a → y1 → E" in alt and "w → z → a → y2 → E" in alt
    total = sum_over_paths(SLOPES, "w", "E")
    assert f"= {total:.3g}".replace("-", "\u2212") in alt
    assert np.isclose(total, -0.0854, atol=1e-4)


# --- nudges and weight settings ---------------------------------------------------------------------------------------

def test_the_nudge_ratios_multiply_to_the_whole_ratio_and_close_in_on_the_slopes():
    from course_utils.lessons.nb02.nudges import nudge_table

    table = nudge_table(lambda t: 4 * t**2 + 5 * t + 6, lambda u: u**7, 1.0, [0.1, 0.001], slopes=(13, 7 * 15**6))
    rows = [line.split() for line in table.splitlines()[2:]]
    assert rows[0][3] == rows[0][4] and rows[1][3] == rows[1][4]  # Δy/Δx = (Δy/Δu)(Δu/Δx), for any nudge
    assert rows[0][1] == "13.4000" and rows[1][1] == "13.0040" and rows[2][1] == "13.0000"
    assert rows[2][3] == f"{13 * 7 * 15**6:#.6g}"
    with pytest.raises(ValueError, match="positive"):
        nudge_table(np.sin, np.exp, 0.0, [0.0], slopes=(1.0, 1.0))


def test_the_weight_settings_table_uses_the_given_weights():
    from course_utils.chains import activation_link, affine_link, chain_derivative, with_parameter
    from course_utils.lessons.nb02.settings import weight_settings_table

    links = [affine_link(1.5, -0.5), activation_link("tanh"), affine_link(2.0, 0.3), activation_link("sigmoid")]
    rows = weight_settings_table(links, [({"w1": 4.0, "w2": 4.0}, 0.125)]).splitlines()
    changed = with_parameter(with_parameter(links, "w1", 4.0), "w2", 4.0)
    assert rows[2].startswith("w1 = 4.00, w2 = 4.00") and rows[2].endswith(f"{chain_derivative(changed, 0.125):.4f}")
    assert chain_derivative(changed, 0.125) > 1 > chain_derivative(links, 0.8)


def test_the_round_off_share_is_notebook_01s_estimate_over_the_slope_and_bounds_the_measured_error():
    from course_utils.calculus import central_difference, relative_error

    slope = 1 - math.tanh(6.0) ** 2
    share = central_roundoff_share(math.tanh(6.0), slope)
    assert share == pytest.approx(np.finfo(float).eps * math.tanh(6.0) / 2e-5 / slope)
    assert 4e-7 < share < 5e-7
    assert relative_error(slope, central_difference(np.tanh, 6.0, 1e-5)) < share
    assert central_roundoff_share(1.0, 1.0) < 1e-10  # where the slope is as large as the value: ten digits and more
    with pytest.raises(ValueError):
        central_roundoff_share(1.0, 0.0)
