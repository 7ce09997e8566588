"""A chain's slope is the product of local slopes at each link's own input, as SymPy and finite differences agree."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from course_utils.calculus import central_difference
from course_utils.chains import (
    Link,
    activation_link,
    affine_link,
    chain_derivative,
    chain_steps,
    chain_table,
    chain_value,
    link_slopes,
    power_link,
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


def test_the_seed_chain_4x2_5x_6_to_the_7th():
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
