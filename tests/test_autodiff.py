"""The autodiff engine: every op's gradient against central differences, backward's rules, and clear errors."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import (
    Value,
    backward_along,
    maximum,
    operation_counts,
    topological_order,
)
from course_utils.calculus import central_difference, relative_error

UNARY = {
    "exp": lambda v: v.exp(),
    "log": lambda v: v.log(),
    "tanh": lambda v: v.tanh(),
    "sigmoid": lambda v: v.sigmoid(),
    "relu": lambda v: v.relu(),
    "neg": lambda v: -v,
    "square": lambda v: v**2,
    "cube": lambda v: v**3,
    "sqrt": lambda v: v**0.5,
    "reciprocal": lambda v: v**-1,
    "inverse square": lambda v: v**-2,
    "power 0": lambda v: v**0,
    "power 1": lambda v: v**1,
    "number minus v": lambda v: 1 - v,
    "number times v": lambda v: 2 * v,
    "number over v": lambda v: 3 / v,
    "number plus v": lambda v: 2.5 + v,
    "v minus number": lambda v: v - 4,
    "v over number": lambda v: v / 8,
    "numpy scalar times v": lambda v: np.float64(1.5) * v,
}
UNARY_POINTS = [0.3, 1.7, 2.9]  # positive and off the ReLU kink, so every op is defined and smooth there
BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "max": maximum,
}
BINARY_POINTS = [(0.7, -1.3), (-2.1, 0.4), (1.5, 2.5)]


def _numeric_slope(build, x: float) -> float:
    return central_difference(lambda t: build(Value(float(t))).data, x, h=1e-6)


def _engine_slope(build, x: float) -> float:
    v = Value(x)
    build(v).backward()
    return v.grad


@pytest.mark.parametrize("x", UNARY_POINTS)
@pytest.mark.parametrize("name", UNARY)
def test_every_one_input_op_matches_central_differences(name, x):
    build = UNARY[name]
    assert relative_error(_engine_slope(build, x), _numeric_slope(build, x)) < 1e-7


@pytest.mark.parametrize("a, b", BINARY_POINTS)
@pytest.mark.parametrize("name", BINARY)
def test_every_two_input_op_matches_central_differences_in_each_input(name, a, b):
    op = BINARY[name]
    va, vb = Value(a), Value(b)
    op(va, vb).backward()
    da = central_difference(lambda t: op(Value(float(t)), Value(b)).data, a, h=1e-6)
    db = central_difference(lambda t: op(Value(a), Value(float(t))).data, b, h=1e-6)
    assert relative_error([va.grad, vb.grad], [da, db]) < 1e-7


@pytest.mark.parametrize("name, x, expected", [
    ("neg", -3.0, 3.0), ("number minus v", 0.25, 0.75), ("number times v", -1.5, -3.0),
    ("number over v", 4.0, 0.75), ("exp", 0.0, 1.0), ("log", 1.0, 0.0), ("relu", -2.0, 0.0),
])
def test_ops_compute_the_right_values(name, x, expected):
    assert UNARY[name](Value(x)).data == expected


def test_local_slopes_are_the_rules_the_notebook_teaches():
    a, b = Value(2.0), Value(5.0)
    assert (a + b).local_grads == (1.0, 1.0)  # addition copies
    assert (a * b).local_grads == (5.0, 2.0)  # multiplication swaps
    assert maximum(a, b).local_grads == (0.0, 1.0)  # max routes to the winner
    s = a.sigmoid()
    assert s.local_grads == (s.data * (1 - s.data),)


def test_relu_has_slope_zero_at_the_kink_and_max_sends_a_tie_to_its_first_input():
    assert Value(0.0).relu().local_grads == (0.0,)
    assert maximum(Value(1.0), Value(1.0)).local_grads == (1.0, 0.0)
    assert Value(1.0).max(3.0).data == 3.0


def test_a_node_used_twice_sums_its_gradients():
    x = Value(3.0)
    (x * x + x).backward()  # d/dx (x² + x) = 2x + 1
    assert x.grad == 7.0


def test_overwriting_instead_of_summing_is_the_bug_accumulate_false_shows():
    x = Value(3.0)
    y = x * x
    backward_along(y, reversed(topological_order(y)), accumulate=False)
    assert x.grad == 3.0  # one use's contribution only; the right answer is 6


def test_backward_twice_gives_the_same_gradients_not_double():
    x, y = Value(1.5), Value(-0.5)
    loss = (x * y).tanh() + x
    loss.backward()
    first = (x.grad, y.grad, loss.grad)
    loss.backward()
    assert (x.grad, y.grad, loss.grad) == first


def test_backward_of_a_second_output_resets_the_shared_inputs():
    x = Value(2.0)
    a, b = x * 3.0, x * 5.0
    a.backward()
    b.backward()
    assert x.grad == 5.0


def test_backward_on_a_leaf_gives_it_gradient_one():
    x = Value(4.0)
    x.backward()
    assert x.grad == 1.0


def test_topological_order_lists_each_node_once_after_its_parents():
    x, y = Value(1.0), Value(2.0)
    a = x * y
    loss = a + a.tanh() + x
    order = topological_order(loss)
    position = {id(node): i for i, node in enumerate(order)}
    assert len(order) == len(position) == 6  # x, y, a, tanh(a), a + tanh(a), that sum + x
    assert order[-1] is loss
    for node in order:
        assert all(position[id(parent)] < position[id(node)] for parent in node.parents)


def test_topological_order_handles_a_chain_deeper_than_the_recursion_limit():
    x = Value(0.5)
    node = x
    for _ in range(5000):
        node = node * 1.0
    node.backward()
    assert x.grad == 1.0


def test_a_wrong_order_passes_gradients_on_before_they_are_complete():
    x = Value(0.5)
    a = x * 2.0
    b = a.tanh()
    loss = a + b
    constant = loss.parents[0].parents[1]
    backward_along(loss, [loss, a, b, constant, x])  # a goes before b, which still feeds it
    assert x.grad == pytest.approx(2.0)  # only the direct path; the right answer includes tanh's
    loss.backward()
    assert x.grad == pytest.approx(2.0 + 2.0 * (1 - math.tanh(1.0) ** 2))


def test_backward_along_rejects_an_order_that_misses_a_node():
    x = Value(1.0)
    y = x * 2.0
    with pytest.raises(ValueError, match="every node of root's graph exactly once"):
        backward_along(y, [y, x])


def test_operation_counts_one_forward_op_per_node_and_a_multiply_add_per_edge():
    x, y = Value(1.0), Value(2.0)
    counts = operation_counts((x * y).exp())
    assert counts == (2, 3, 6)


@pytest.mark.parametrize("build, error, message", [
    (lambda: Value(0.0).log(), ValueError, "log is defined only for positive numbers, got 0"),
    (lambda: Value(-2.0).log(), ValueError, "log is defined only for positive numbers, got -2"),
    (lambda: Value(1.0) / Value(0.0), ZeroDivisionError, "division by a Value equal to 0"),
    (lambda: 1.0 / Value(0.0), ZeroDivisionError, "division by a Value equal to 0"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "divides by zero"),
    (lambda: Value(2.0) ** Value(3.0), TypeError, "exponent of \\*\\* must be a plain number"),
    (lambda: Value(2.0) ** "2", TypeError, "must be a real number such as 2"),
    (lambda: 2 ** Value(3.0), TypeError, "is not supported"),
    (lambda: Value(-8.0) ** 0.5, ValueError, "negative base needs a whole-number exponent"),
    (lambda: Value(0.0) ** 0.5, ValueError, "infinite slope at x = 0"),
    (lambda: Value(1e200) ** 2, ValueError, "overflows float64"),
    (lambda: Value(800.0).exp(), ValueError, "overflows float64"),
    (lambda: Value("2"), TypeError, "needs a real number"),
    (lambda: Value(float("nan")), ValueError, "needs a finite number"),
    (lambda: Value(1.0, parents=(2.0,), local_grads=(1.0,)), TypeError, "parents must be Value nodes"),
    (lambda: Value(1.0, parents=(Value(2.0),)), ValueError, "one local slope per parent"),
    (lambda: Value(1.0, parents=(Value(2.0),), local_grads=(0.5)), TypeError,
     "local_grads=\\(slope,\\) \\(mind the comma\\)"),
    (lambda: Value(1.0, parents=(Value(2.0)), local_grads=(0.5,)), TypeError, "parents=\\(v,\\) \\(mind the comma\\)"),
    (lambda: topological_order(3.0), TypeError, "needs a Value"),
    (lambda: maximum(Value(1.0), "a"), TypeError, "two Values or plain numbers"),
])
def test_bad_input_gets_a_clear_error(build, error, message):
    with pytest.raises(error, match=message):
        build()


def test_adding_something_that_is_not_a_number_is_a_type_error():
    with pytest.raises(TypeError):
        Value(1.0) + "a"


def test_the_repr_shows_label_value_and_gradient():
    assert repr(Value(2.5, label="w")) == "Value(w: data=2.5, grad=0)"
