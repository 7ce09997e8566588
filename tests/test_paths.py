"""The derivative through a graph is the sum over paths of products of local derivatives, as SymPy confirms."""
from __future__ import annotations

import pytest
import sympy as sp

from course_utils.path_sums import (
    forward_values,
    local_slopes,
    paths_between,
    paths_table,
    sum_over_paths,
)

x, w, v1, v2, t1, t2, z, a, y1, y2, E = sp.symbols("x w v1 v2 t1 t2 z a y1 y2 E")
DEFINITIONS = {
    z: w * x,
    a: 1 / (1 + sp.exp(-z)),
    y1: v1 * a,
    y2: v2 * a,
    E: (y1 - t1) ** 2 / 2 + (y2 - t2) ** 2 / 2,
}
INPUTS = {x: 2.0, w: 0.5, v1: 0.4, v2: -0.3, t1: 1.0, t2: 0.0}


@pytest.fixture
def slopes():
    return local_slopes(DEFINITIONS, forward_values(DEFINITIONS, INPUTS))


def _full_expression():
    expression = E
    for node in reversed(list(DEFINITIONS)):
        expression = expression.subs(node, DEFINITIONS[node])
    return expression


def test_forward_values_compute_each_node_from_the_earlier_ones():
    values = forward_values(DEFINITIONS, INPUTS)
    assert values["z"] == 1.0
    assert values["a"] == pytest.approx(1 / (1 + sp.exp(-1.0)))
    assert values["E"] == pytest.approx(float(_full_expression().subs(INPUTS)))


def test_one_unit_feeding_two_outputs_gives_two_paths_to_the_error(slopes):
    paths = paths_between(slopes, "w", "E")
    assert [p.nodes for p in paths] == [("w", "z", "a", "y1", "E"), ("w", "z", "a", "y2", "E")]
    for path in paths:
        assert path.product == pytest.approx(path.factors[0] * path.factors[1] * path.factors[2] * path.factors[3])


@pytest.mark.parametrize("source", ["w", "x", "v2"])
def test_the_sum_over_paths_is_the_derivative_sympy_finds(slopes, source):
    exact = float(sp.diff(_full_expression(), sp.Symbol(source)).subs(INPUTS))
    assert sum_over_paths(slopes, source, "E") == pytest.approx(exact, rel=1e-12)


def test_from_an_inner_node_the_paths_start_there(slopes):
    upper = (v1 * a - t1) ** 2 / 2 + (v2 * a - t2) ** 2 / 2  # E written in terms of the unit a
    exact = float(sp.diff(upper, a).subs(INPUTS).subs(a, forward_values(DEFINITIONS, INPUTS)["a"]))
    assert sum_over_paths(slopes, "a", "E") == pytest.approx(exact, rel=1e-12)


def test_a_node_with_no_path_has_derivative_zero(slopes):
    assert paths_between(slopes, "E", "w") == []
    assert sum_over_paths(slopes, "E", "w") == 0.0


def test_the_table_lists_each_path_and_their_sum(slopes):
    paths = paths_between(slopes, "w", "E")
    table = paths_table(paths)
    assert "w → z → a → y1 → E" in table and "w → z → a → y2 → E" in table
    assert table.splitlines()[-1].strip().startswith("sum over paths")
    assert table.splitlines()[-1].endswith(f"{sum_over_paths(slopes, 'w', 'E'):.4f}".replace("-", "\u2212"))


def test_bad_graphs_get_clear_messages(slopes):
    with pytest.raises(ValueError, match="'q' is not a node"):
        paths_between(slopes, "q", "E")
    with pytest.raises(ValueError, match="cycle"):
        paths_between({("a", "b"): 1.0, ("b", "a"): 2.0, ("b", "c"): 1.0}, "a", "c")
    with pytest.raises(ValueError, match="finite number"):
        paths_between({("a", "b"): float("nan")}, "a", "b")
    with pytest.raises(TypeError, match="pair of names"):
        paths_between({"ab": 1.0}, "a", "b")
    with pytest.raises(TypeError, match="definitions must be a dict"):
        forward_values({z: "w*x"}, INPUTS)
    with pytest.raises(ValueError, match="have no value yet"):
        forward_values(DEFINITIONS, {x: 2.0})
