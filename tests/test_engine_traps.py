"""The engine's traps from the review (notebook 05): each is an error that says what to do, not a quiet wrong answer.

A Value is a graph node: ``==`` between nodes is identity (so sets, dicts and ``in`` work), comparing
with a number or asking for a truth value is a TypeError, ``.data`` is read-only (local slopes were
computed from it), and a gradient that overflows in ``backward()`` is named, not handed out as inf.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import Value, backward_along, maximum, operation_counts, topological_order
from course_utils.calculus import gradcheck
from course_utils.lessons.nb05.autodiff_examples import network_gradients, routing_example
from course_utils.walkthrough import backward, starting_network

# --- == and bool ---------------------------------------------------------------------------


@pytest.mark.parametrize("compare", [
    lambda v: v == 2, lambda v: v != 2, lambda v: 2 == v, lambda v: v == 2.0, lambda v: v == np.float64(2.0),
    lambda v: v < 3, lambda v: v <= 3, lambda v: v > 1, lambda v: v >= 1,
])
def test_comparing_a_value_with_a_number_says_to_compare_its_data(compare):
    with pytest.raises(TypeError, match=r"graph node, not a number.*write v\.data"):
        compare(Value(2.0))


def test_equality_between_values_is_identity_so_two_nodes_of_one_number_differ():
    v, w = Value(2.0), Value(2.0)
    assert v == v and not v != v
    assert not v == w and v != w


def test_a_value_compares_unequal_to_non_numbers_without_raising():
    v = Value(2.0)
    assert not v == None  # noqa: E711 (the comparison itself is what is tested)
    assert not v == "2"
    assert v != (2.0,)


def test_values_still_work_in_sets_dicts_and_in_checks():
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    root = x * y + x
    nodes = topological_order(root)
    assert len(set(nodes)) == len(nodes) == 4
    assert {x: "x", y: "y"}[y] == "y"
    assert x in nodes and root in nodes and Value(1.0) not in nodes
    assert nodes.index(root) == len(nodes) - 1
    root.backward()
    assert (x.grad, y.grad) == (3.0, 1.0)


@pytest.mark.parametrize("use", [bool, lambda v: "yes" if v else "no", lambda v: v and True, lambda v: not v])
def test_the_truth_of_a_value_is_refused_with_the_test_to_write_instead(use):
    with pytest.raises(TypeError, match=r"truth of a Value is ambiguous.*if v\.data != 0"):
        use(Value(0.0))


def test_nothing_in_the_engine_or_its_lessons_relies_on_truthiness_or_number_equality():
    root = routing_example(1.0, -0.5, 0.3)
    root.backward()  # topological_order, backward_along and every op run without touching bool() or ==
    assert operation_counts(root).forward == 4  # ·, max, +, tanh
    assert network_gradients(starting_network()) == pytest.approx(backward(starting_network()), rel=1e-12)
    assert maximum(Value(1.0), 1.0).local_grads == (1.0, 0.0)


# --- .data is read-only --------------------------------------------------------------------


def test_changing_data_after_building_a_graph_is_refused_instead_of_leaving_stale_slopes():
    v = Value(2.0)
    w = v * v  # stores the local slopes (2, 2); with v.data = 5 they would have to be (5, 5)
    with pytest.raises(AttributeError, match=r"read-only.*wrong gradient.*Value\(v\.data - lr \* v\.grad\)"):
        v.data = 5.0
    w.backward()
    assert v.data == 2.0 and v.grad == 4.0  # the graph is intact and its gradient right


def test_a_training_step_builds_a_new_leaf_as_the_message_says():
    w, plain = Value(2.0), 2.0
    for _ in range(3):
        loss = (w * w - 1.0) ** 2
        loss.backward()
        w = Value(w.data - 0.01 * w.grad)
        plain -= 0.01 * 4 * plain * (plain**2 - 1)  # d/dw (w² − 1)² = 4w(w² − 1)
    assert w.data == pytest.approx(plain, rel=1e-12) and w.grad == 0.0


# --- gradients that overflow ----------------------------------------------------------------


def test_a_gradient_that_overflows_names_the_node_and_the_edge_it_came_along():
    x = Value(1e-300, label="x")
    loss = (x * 1e200) * 1e200  # every value is finite (1e100 at the end), but dL/dx = 1e400
    with pytest.raises(ValueError, match=r"gradient overflowed float64 at x \(data = 1e-300\).*'\*' node.*"
                                         r"local slope 1e\+200.*scale the inputs"):
        loss.backward()


def test_a_nan_gradient_from_inf_times_zero_is_refused_too():
    y = Value(-1.0, label="x").relu()  # its local slope is 0, and it receives an inf gradient: 0 · inf = NaN
    y.label = "y"
    with pytest.raises(ValueError, match=r"gradient overflowed float64 at y"):
        ((y * 1e200) * 1e200).backward()


def test_backward_along_checks_for_overflow_in_any_order():
    x = Value(1e-300, label="x")
    loss = (x * 1e200) * 1e200
    with pytest.raises(ValueError, match="overflowed"):
        backward_along(loss, reversed(topological_order(loss)), accumulate=False)


def test_backward_twice_keeps_its_documented_meaning_and_finite_gradients_pass():
    x = Value(3.0)
    loss = x * x + x
    loss.backward()
    loss.backward()
    assert x.grad == 7.0  # reset, not doubled


# --- local slopes, numbers in and out -----------------------------------------------------------


def test_a_nan_or_inf_local_slope_is_refused_when_the_node_is_made():
    with pytest.raises(ValueError, match="a local slope needs a finite number"):
        Value(1.0, (Value(1.0),), (math.nan,))
    with pytest.raises(ValueError, match="a local slope needs a finite number"):
        Value(1.0, (Value(1.0),), (math.inf,))


def test_an_operation_that_overflows_says_which_operation():
    with pytest.raises(ValueError, match=r"the result of '/' needs a finite number, got inf: it overflowed"):
        Value(1.0) / Value(1e-320)
    with pytest.raises(ValueError, match=r"the result of '\*'"):
        Value(1e200) * Value(1e200)
    with pytest.raises(ValueError, match="beyond the float range"):
        Value(10**400)


def test_a_zero_dimensional_numpy_array_is_a_number_for_the_engine():
    v = Value(np.array(2.5))
    assert v.data == 2.5 and type(v.data) is float
    with pytest.raises(TypeError, match="needs a real number"):
        Value(np.array([2.5]))


def test_backward_along_without_an_order_says_what_to_pass():
    loss = Value(1.0) * Value(2.0)
    with pytest.raises(TypeError, match=r"reversed\(topological_order\(root\)\)"):
        backward_along(loss, None)


def test_an_op_gradcheck_still_passes_through_the_stricter_engine():
    def value(t):
        x = Value(float(t))
        return ((x * x + 1.0).tanh() * x).data

    def gradient(t):
        x = Value(float(t))
        ((x * x + 1.0).tanh() * x).backward()
        return x.grad

    assert gradcheck(value, gradient, 0.7).passed


def test_ordering_two_values_points_to_their_data_or_to_maximum():
    with pytest.raises(TypeError, match=r"a\.data > b\.data, or maximum\(a, b\)"):
        max(Value(1.0), Value(2.0))


def test_a_tensor_or_array_element_is_told_to_pass_item():
    with pytest.raises(TypeError, match=r"pass x\.item\(\)"):
        Value(np.array([2.5]))
