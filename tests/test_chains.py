"""A chain's slope is the product of local slopes at each link's own input, as SymPy and finite differences agree."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from course_utils.calculus import central_difference
from course_utils.chains import (
    AffineLink,
    Link,
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_table,
    chain_value,
    link_slopes,
    parameter_slopes,
    parameter_table,
    power_link,
    with_parameter,
)

LINKS = [affine_link(1.5, -0.5), activation_link("tanh"), affine_link(2.0, 0.3), activation_link("sigmoid")]
POINTS = np.linspace(-2.0, 2.0, 9)


def _symbolic_chain():
    x = sp.symbols("x")
    y = 1 / (1 + sp.exp(-(2 * sp.tanh(sp.Rational(3, 2) * x - sp.Rational(1, 2)) + sp.Rational(3, 10))))
    return x, y


def test_value_and_slope_match_the_same_chain_written_in_sympy():
    x, y = _symbolic_chain()
    np.testing.assert_allclose(chain_value(LINKS, POINTS), sp.lambdify(x, y)(POINTS), rtol=1e-12)
    np.testing.assert_allclose(chain_derivative(LINKS, POINTS), sp.lambdify(x, sp.diff(y, x))(POINTS), rtol=1e-10)


def test_the_slope_matches_central_differences():
    numeric = central_difference(lambda x: chain_value(LINKS, x), POINTS, 1e-5)
    np.testing.assert_allclose(chain_derivative(LINKS, POINTS), numeric, rtol=1e-8)


def test_each_step_feeds_the_next_and_the_running_product_ends_at_the_slope():
    steps = chain_steps(LINKS, 0.8)
    assert steps[0].input == 0.8 and steps[0].output == pytest.approx(0.7)
    for before, after in zip(steps, steps[1:]):
        assert after.input == before.output
        assert after.grad_so_far == pytest.approx(before.grad_so_far * after.local_grad)
    assert steps[-1].grad_so_far == pytest.approx(chain_derivative(LINKS, 0.8))
    assert steps[1].local_grad == pytest.approx(1 - np.tanh(0.7) ** 2)  # taken at tanh's input, not at x


def test_link_slopes_has_one_row_per_link_even_for_constant_slopes():
    slopes = link_slopes(LINKS, POINTS)
    assert slopes.shape == (4, POINTS.size)
    np.testing.assert_array_equal(slopes[0], 1.5)


def test_the_chain_4x2_5x_6_to_the_7th():
    inner = Link("4u² + 5u + 6", lambda u: 4 * u**2 + 5 * u + 6, lambda u: 8 * u + 5)
    chain = [inner, power_link(7)]
    hand = 7 * (4 * POINTS**2 + 5 * POINTS + 6) ** 6 * (8 * POINTS + 5)
    np.testing.assert_allclose(chain_derivative(chain, POINTS), hand, rtol=1e-12)


def test_the_table_has_a_row_per_link_and_typeset_minus_signs():
    table = chain_table(LINKS, 0.8)
    lines = table.splitlines()
    assert len(lines) == 2 + len(LINKS)
    assert "1.50u \u2212 0.50" in lines[2] and "product so far" in lines[0]
    assert lines[-1].endswith(f"{chain_derivative(LINKS, 0.8):.4f}")


@pytest.mark.parametrize("links", [[], "tanh", [np.tanh], LINKS[0]])
def test_anything_but_a_list_of_links_is_refused(links):
    with pytest.raises(TypeError, match="non-empty list of Link"):
        chain_value(links, 0.5)


def test_bad_links_and_points_get_clear_messages():
    with pytest.raises(TypeError, match="grad must be a function"):
        Link("broken", np.tanh, 3.0)
    with pytest.raises(ValueError, match="unknown activation|valid"):
        activation_link("swishy")
    with pytest.raises(ValueError, match="inf or NaN"):
        chain_derivative(LINKS, np.nan)
    with pytest.raises(TypeError, match="w must be a number"):
        affine_link("two")


# --- slopes with respect to weights and biases ---------------------------------------------------------------------

def _symbolic_chain_in_weights():
    w1, b1, w2, b2 = sp.symbols("w1 b1 w2 b2")
    y = 1 / (1 + sp.exp(-(w2 * sp.tanh(w1 * sp.Rational(4, 5) + b1) + b2)))
    return {"w1": w1, "b1": b1, "w2": w2, "b2": b2}, y, {w1: 1.5, b1: -0.5, w2: 2.0, b2: 0.3}


def test_parameter_slopes_match_sympy_and_central_differences():
    symbols, y, at = _symbolic_chain_in_weights()
    found = parameter_slopes(LINKS, 0.8)
    assert [p.name for p in found] == ["w1", "b1", "w2", "b2"]
    for p in found:
        assert p.slope == pytest.approx(float(sp.diff(y, symbols[p.name]).subs(at)), rel=1e-12)
        nudged = central_difference(lambda v, name=p.name: chain_value(with_parameter(LINKS, name, v), 0.8), p.value)
        assert p.slope == pytest.approx(nudged, rel=1e-8)


def test_a_weight_slope_is_the_downstream_slope_times_the_link_input():
    w1, b1, w2, b2 = parameter_slopes(LINKS, 0.8)
    steps = chain_steps(LINKS, 0.8)
    assert w1.local == 0.8 and b1.local == 1.0 and w2.local == steps[2].input
    assert w1.downstream == pytest.approx(steps[1].local_grad * steps[2].local_grad * steps[3].local_grad)
    assert b1.slope == w1.downstream and w1.slope == pytest.approx(b1.slope * 0.8)
    assert w2.downstream == pytest.approx(steps[3].local_grad)


def test_a_chain_without_affine_links_has_no_parameters_and_the_table_names_each_one():
    assert parameter_slopes([activation_link("tanh")], 0.3) == []
    table = parameter_table(LINKS, 0.8).splitlines()
    assert len(table) == 2 + 4 and table[2].split()[0] == "w1" and "∂y/∂parameter" in table[0]


def test_with_parameter_changes_one_parameter_and_refuses_unknown_names():
    changed = with_parameter(LINKS, "b2", 1.0)
    assert isinstance(changed[2], AffineLink) and (changed[2].w, changed[2].b) == (2.0, 1.0)
    assert changed[0] is LINKS[0] and LINKS[2].b == 0.3  # the original chain is untouched
    with pytest.raises(ValueError, match=r"'w3' is not a parameter.*\['w1', 'b1', 'w2', 'b2'\]"):
        with_parameter(LINKS, "w3", 1.0)
    with pytest.raises(TypeError, match="must be a number"):
        with_parameter(LINKS, "w1", "big")


def test_an_affine_link_is_still_a_link_and_keeps_its_numbers():
    link = affine_link(1.5, -0.5)
    assert isinstance(link, Link) and (link.w, link.b) == (1.5, -0.5)
    assert link.fn(2.0) == pytest.approx(2.5) and link.grad(7.0) == 1.5
