"""Notebook 05's new lesson helpers: the engine's source as shown, dual numbers, and the MLP trained with Value."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import Value, backward_along, operation_counts, topological_order
from course_utils.calculus import central_difference, gradcheck
from course_utils.lessons.nb05 import engine_source, forward_mode, value_mlp
from course_utils.lessons.nb05.forward_mode import Dual

# --- the engine's source -----------------------------------------------------------------------


def test_the_excerpt_is_the_modules_own_chain_rule_loop():
    excerpt = engine_source.source_excerpt(backward_along, "for node in nodes:", "parent.grad = local * node.grad")
    assert excerpt.splitlines()[0] == "for node in nodes:"
    assert "root.grad = 1.0" in excerpt and "parent.grad += local * node.grad" in excerpt


def test_a_missing_marker_fails_loudly():
    with pytest.raises(ValueError, match="needs updating"):
        engine_source.source_excerpt(backward_along, "no such line", "parent.grad")
    with pytest.raises(ValueError, match="does not follow"):
        engine_source.source_excerpt(backward_along, "root.grad = 1.0", "no such line")


def test_without_docstring_keeps_the_code_and_drops_the_docstring_line():
    text = engine_source.without_docstring(Value.tanh)
    assert text.startswith("def tanh(self)") and '"""' not in text and "1.0 - t * t" in text


# --- forward mode ------------------------------------------------------------------------------


@pytest.mark.parametrize("f, df, x", [
    (lambda a: a * a * a, lambda a: 3 * a * a, 1.3),
    (lambda a: a.tanh(), lambda a: 1 - math.tanh(a) ** 2, 0.4),
    (lambda a: a.sigmoid(), lambda a: 1 / (1 + math.exp(-a)) * (1 - 1 / (1 + math.exp(-a))), -0.7),
    (lambda a: a.exp() / (1.0 + a), lambda a: math.exp(a) / (1 + a) - math.exp(a) / (1 + a) ** 2, 0.5),
    (lambda a: 2.0 - a ** 0.5, lambda a: -0.5 * a ** -0.5, 2.0),
    (lambda a: -(3.0 / a), lambda a: 3.0 / a ** 2, 1.5),
])
def test_a_dual_number_carries_the_derivative_two_ways_checked(f, df, x):
    out = f(Dual(x, 1.0))
    assert math.isclose(out.tangent, df(x), rel_tol=1e-12)
    assert math.isclose(out.tangent, central_difference(lambda t: f(Dual(float(t))).value, x), rel_tol=1e-7)
    leaf = Value(x)
    f(leaf).backward()
    assert math.isclose(out.tangent, leaf.grad, rel_tol=1e-12)


def test_forward_and_reverse_mode_give_the_same_gradient():
    point = [0.3 * math.sin(i) for i in range(20)]
    assert np.allclose(forward_mode.gradient_forward_mode(forward_mode.neuron_loss, point),
                       forward_mode.gradient_reverse_mode(forward_mode.neuron_loss, point), rtol=1e-12, atol=1e-15)


def test_one_jvp_is_the_gradient_dotted_with_the_direction():
    point, direction = [0.3, -0.2, 0.5], [1.0, 2.0, -1.0]
    _, tangent = forward_mode.jvp(forward_mode.neuron_loss, point, direction)
    gradient = forward_mode.gradient_reverse_mode(forward_mode.neuron_loss, point)
    assert math.isclose(tangent, float(np.dot(gradient, direction)), rel_tol=1e-12)


def test_fan_out_gives_every_output_slope_in_one_pass():
    _, tangents = forward_mode.jvp(forward_mode.fan_out, [0.4], [1.0])
    assert len(tangents) == 50
    assert all(math.isclose(d, k * (1 - math.tanh(k * 0.4) ** 2), rel_tol=1e-12, abs_tol=1e-300)
               for k, d in zip(range(1, 51), tangents))


def test_jvp_refuses_mismatched_lengths_and_duals_refuse_text():
    with pytest.raises(ValueError, match="same length"):
        forward_mode.jvp(forward_mode.neuron_loss, [1.0, 2.0], [1.0])
    with pytest.raises(TypeError):
        Dual(1.0) * "2"
    with pytest.raises(ValueError):
        Dual(math.inf)


def test_the_timings_are_positive_and_forward_mode_is_slower_for_many_inputs():
    point = [0.1] * 60
    timing = forward_mode.time_gradient_modes(forward_mode.neuron_loss, point, repeats=2)
    assert timing.forward_mode > 0 and timing.reverse_mode > 0 and timing.ratio > 1
    assert forward_mode.backward_forward_time_ratio(forward_mode.neuron_loss, point, repeats=2) > 0


def test_the_backward_count_bound_holds_for_the_timed_neuron():
    counts = operation_counts(forward_mode.neuron_loss(*(Value(0.1) for _ in range(100))))
    assert counts.backward <= 4 * counts.forward


# --- the MLP trained with Value ---------------------------------------------------------------


def test_the_dataset_is_xor_and_deterministic():
    points, targets = value_mlp.xor_dataset()
    assert len(points) == 12 and targets.count(1.0) == 6
    assert all(t == math.copysign(1, x) * math.copysign(1, y) for (x, y), t in zip(points, targets))
    assert value_mlp.xor_dataset() == (points, targets)


def test_the_parameter_count_matches_the_layers():
    assert value_mlp.parameter_count() == 17 == len(value_mlp.starting_parameters())
    with pytest.raises(ValueError, match="17 parameters"):
        value_mlp.mlp_output([Value(0.0)] * 3, (0.0, 0.0))


def test_the_engines_mlp_gradient_passes_gradcheck():
    points, targets = value_mlp.xor_dataset()

    def loss(theta):
        return value_mlp.mlp_loss([Value(float(v)) for v in theta], points, targets).data

    def gradient(theta):
        leaves = [Value(float(v)) for v in theta]
        value_mlp.mlp_loss(leaves, points, targets).backward()
        return np.array([leaf.grad for leaf in leaves])

    result = gradcheck(loss, gradient, np.array(value_mlp.starting_parameters()), h=1e-5)
    assert result.passed and result.max_relative_error < 1e-7


def test_training_learns_xor_far_from_the_printed_rounding_boundaries():
    points, targets = value_mlp.xor_dataset()
    start = value_mlp.starting_parameters()
    theta, losses = value_mlp.train(start, points, targets, steps=100, lr=0.5)
    final = value_mlp.mlp_loss([Value(v) for v in theta], points, targets).data
    assert len(losses) == 100 and losses[0] > 10 * final
    assert abs(losses[0] - 0.532) < 0.0004 and abs(final - 0.0063) < 0.00004  # printed as 0.532 and 0.0063
    assert value_mlp.accuracy(start, points, targets) == 0.5 and value_mlp.accuracy(theta, points, targets) == 1.0


def test_the_graph_of_one_training_step_is_rebuilt_from_fresh_leaves():
    points, targets = value_mlp.xor_dataset()
    leaves = [Value(v) for v in value_mlp.starting_parameters()]
    loss = value_mlp.mlp_loss(leaves, points, targets)
    nodes = topological_order(loss)
    assert all(leaf in nodes for leaf in leaves)


def test_the_training_curve_is_drawn_on_a_log_scale_with_markers():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from course_utils.lessons.nb05.figures import plot_training_loss

    fig, ax = plt.subplots()
    plot_training_loss(ax, [0.5, 0.2, 0.1], "training")
    line = ax.get_lines()[0]
    assert ax.get_yscale() == "log" and line.get_marker() == "o" and list(line.get_ydata()) == [0.5, 0.2, 0.1]
    assert ax.get_title() == "training" and ax.get_xlabel() and ax.get_ylabel()
    plt.close(fig)


def test_the_long_chain_is_deeper_than_the_recursion_limit_and_its_gradient_is_one():
    import sys

    root, leaf = engine_source.long_chain(2 * sys.getrecursionlimit())
    assert root.data == 2 * sys.getrecursionlimit()
    with pytest.raises(RecursionError):
        engine_source.recursive_order(root)
    root.backward()
    assert leaf.grad == 1.0 and len(topological_order(root)) == 4 * sys.getrecursionlimit() + 1


def test_the_recursive_order_is_the_engines_order_on_a_small_graph():
    x = Value(0.5, label="x")
    a = 2 * x
    root = a + a.tanh()
    assert engine_source.recursive_order(root) == topological_order(root)


def test_the_long_chain_refuses_a_length_that_would_hang_the_kernel():
    with pytest.raises(ValueError):
        engine_source.long_chain(10**9)
