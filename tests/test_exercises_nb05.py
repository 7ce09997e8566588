"""Notebook 05's exercises accept the right answers, name the expected slips and never crash on stubs."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.autodiff import Value, backward_along, topological_order
from course_utils.exercises import nb05
from course_utils.lessons.nb05.engine_source import recursive_order

ALL = [nb05.q1, nb05.q2, nb05.q3, nb05.q4, nb05.q5, nb05.q6, nb05.q7]


def value_sin(v):
    return Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data),), op="sin")


@pytest.mark.parametrize("exercise, answer", [
    (nb05.q1, 7), (nb05.q2, [0, 3, 5]), (nb05.q3, value_sin),
    (nb05.q4, np.outer([0.5, -1.0, 2.0], [1.0, 2.0, 0.0, -1.0])), (nb05.q5, 2_000_000),
    (nb05.q7, [1000, 1]),
])
def test_the_right_answer_is_correct(exercise, answer):
    feedback = exercise.check(answer)
    assert feedback.correct, feedback


@pytest.mark.parametrize("exercise", ALL)
def test_an_unfilled_stub_is_not_attempted_yet(exercise):
    assert exercise.check(...).status == "not attempted"


@pytest.mark.parametrize("exercise", ALL)
def test_every_exercise_has_a_hint_and_a_solution(exercise):
    assert repr(exercise.hint()).startswith("Hint: ") and repr(exercise.solution()).startswith("Solution: ")


@pytest.mark.parametrize("exercise", [nb05.q1, nb05.q2, nb05.q4, nb05.q5, nb05.q7])
def test_each_listed_mistake_gets_its_own_message(exercise):
    for wrong, message in exercise.mistakes:
        feedback = exercise.check(wrong)
        assert feedback.status == "incorrect" and message in repr(feedback)


def _op_with_slope(slope):
    return lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(slope(v.data),), op="sin")


@pytest.mark.parametrize("slope, message", [(wrong, message) for wrong, message in nb05.q3.mistakes])
def test_each_wrong_slope_of_the_new_op_gets_its_own_message(slope, message):
    feedback = nb05.q3.check(_op_with_slope(slope))
    assert feedback.status == "incorrect" and message in repr(feedback)


def test_an_op_that_returns_ellipsis_or_raises_not_implemented_is_not_attempted():
    def raises(v):
        raise NotImplementedError

    assert nb05.q3.check(lambda v: ...).status == "not attempted"
    assert nb05.q3.check(raises).status == "not attempted"


@pytest.mark.parametrize("op, message", [
    (lambda v: math.sin(v.data), "return a Value node, got float"),
    (lambda v: Value(math.cos(v.data), parents=(v,), local_grads=(1.0,)), "the value is"),
    (lambda v: Value(math.sin(v.data)), "no link back to its input"),
    (lambda v: 1 / (v - 0.5), "raised ZeroDivisionError"),
])
def test_a_broken_op_is_explained(op, message):
    feedback = nb05.q3.check(op)
    assert feedback.status == "incorrect" and message in repr(feedback)


def test_a_new_op_that_passes_the_node_to_math_is_told_to_use_its_data():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v), parents=(v,), local_grads=(math.cos(v),)))
    assert feedback.status == "incorrect" and "use v.data, not v" in repr(feedback)


def test_a_new_op_whose_local_grads_lack_the_comma_is_told_so():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data))))
    assert feedback.status == "incorrect" and "mind the comma" in repr(feedback)


# --- Q6: the learner's own backward() ----------------------------------------------------------


def _chain_rule_along(order, root):
    """Reset, set the output's gradient to 1, and send gradients back along a topological order."""
    for node in order:
        node.grad = 0.0
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


def learners_backward(root):
    """What a learner writes: topological_order for the order, then reset, seed and the chain rule."""
    _chain_rule_along(topological_order(root), root)


def recursive_backward(root):
    """Its own recursive depth-first search (a node after its parents): right too."""
    _chain_rule_along(recursive_order(root), root)


def solution_backward():
    """The function the solution text defines, run as written."""
    namespace = {}
    exec(nb05.q6.solution_text.rsplit("\n(", 1)[0], namespace)
    return namespace["my_backward"]


@pytest.mark.parametrize("backward", [learners_backward, recursive_backward, solution_backward()])
def test_a_right_backward_pass_is_correct(backward):
    assert nb05.q6.check(backward).correct


def test_the_solution_of_q6_does_not_recurse():
    assert "visit(" not in nb05.q6.solution_text and "while stack" in nb05.q6.solution_text


def _visiting(order):
    """A backward pass that resets, starts the output at 1 and sums, but visits the nodes in the given order."""
    def backward(root):
        for node in topological_order(root):
            node.grad = 0.0
        root.grad = 1.0
        for node in order(root):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad
    return backward


def _stack_preorder(root):
    """Pop a node, then push its parents: each node before its parents."""
    visit, stack, seen = [], [root], {id(root)}
    while stack:
        node = stack.pop()
        visit.append(node)
        for parent in node.parents:
            if id(parent) not in seen:
                seen.add(id(parent))
                stack.append(parent)
    return visit


def _breadth_first(root, reverse=False):
    """By distance from the output, parents in order (or reversed)."""
    visit, queue, seen = [], [root], {id(root)}
    while queue:
        node = queue.pop(0)
        visit.append(node)
        for parent in (reversed(node.parents) if reverse else node.parents):
            if id(parent) not in seen:
                seen.add(id(parent))
                queue.append(parent)
    return visit


def _recursive_preorder(root):
    visit, seen = [], set()

    def descend(node):
        if id(node) not in seen:
            seen.add(id(node))
            visit.append(node)
            for parent in node.parents:
                descend(parent)

    descend(root)
    return visit


@pytest.mark.parametrize("order", [_stack_preorder, _breadth_first, lambda r: _breadth_first(r, reverse=True),
                                   _recursive_preorder], ids=["stack", "bfs", "bfs-reversed", "recursive-preorder"])
def test_every_order_that_passes_a_gradient_on_too_early_is_rejected_and_named(order):
    feedback = nb05.q6.check(_visiting(order))
    assert feedback.status == "incorrect"
    assert "before all its consumers had reported" in feedback.message
    assert "nearest the output" not in feedback.message


def test_the_mirrored_trap_gives_the_path_sum_only_in_reverse_topological_order():
    from course_utils.exercises.new_op import BACKWARD_GRAPHS

    build = dict(BACKWARD_GRAPHS)["L = tanh(a) + a, a = 2x at x = 0.5 (the same graph, inputs swapped)"]
    root = build()
    x = next(node for node in topological_order(root) if node.label == "x")
    _visiting(_stack_preorder)(root)
    assert x.grad == pytest.approx(2.0)
    root.backward()
    assert x.grad == pytest.approx(2 + 2 * (1 - math.tanh(1.0) ** 2))


def test_a_constant_leaf_is_named_as_a_constant_and_a_named_input_comes_first():
    def wrong_constant(root):
        learners_backward(root)
        for node in topological_order(root):
            if node.label == "2":
                node.grad = 0.25

    feedback = nb05.q6.check(wrong_constant)
    assert "the grad of the constant 2 is 0.25" in feedback.message and "2.grad" not in feedback.message
    feedback = nb05.q6.check(_visiting(_breadth_first))
    assert "x.grad is" in feedback.message


def test_the_stub_of_q6_is_not_attempted_yet():
    def my_backward(root):
        raise NotImplementedError

    assert nb05.q6.check(my_backward).status == "not attempted"


@pytest.mark.parametrize("words", ["never set to 1", "parent.grad += local", "reversed", "second call adds"])
def test_each_slip_of_q6_is_named(words):
    slips = {message: wrong for wrong, message in nb05.q6.mistakes}
    message = next(m for m in slips if words in m)
    feedback = nb05.q6.check(slips[message])
    assert feedback.status == "incorrect" and message in feedback.message


def test_calling_the_engines_backward_is_refused():
    for cheat in (lambda root: root.backward(),
                  lambda root: backward_along(root, reversed(topological_order(root)))):
        feedback = nb05.q6.check(cheat)
        assert feedback.status == "incorrect" and "Write the loop yourself" in feedback.message


def test_a_backward_pass_with_an_unlisted_slip_names_the_graph_and_node():
    def off_by_a_bit(root):
        learners_backward(root)
        root.parents[0].grad *= 1.1

    feedback = nb05.q6.check(off_by_a_bit)
    assert feedback.status == "incorrect" and "on L = tanh(3x)" in feedback.message and "q6.hint()" in feedback.message


def test_a_backward_pass_that_crashes_or_edits_data_is_feedback_not_a_traceback():
    def edits(root):
        root.data = 0.0

    for broken in (edits, lambda root: 1 / 0, lambda root: root.parents[5]):
        feedback = nb05.q6.check(broken)
        assert feedback.status == "incorrect" and "raised" in feedback.message


def test_q7_names_the_swapped_and_central_difference_answers():
    assert "other way round" in nb05.q7.check([1, 1000]).message
    assert "central differences" in nb05.q7.check([2000, 1]).message


@pytest.mark.parametrize("exercise, answer", [(nb05.q5, 2_000_000.4), (nb05.q5, 2_000_000.6), (nb05.q5, 1_999_999.5),
                                              (nb05.q7, [1000.4, 1]), (nb05.q7, [1000, 1.5])])
def test_a_count_with_a_fractional_part_is_refused_as_not_whole(exercise, answer):
    feedback = exercise.check(answer)
    assert feedback.status == "incorrect" and "not a whole number" in feedback.message
    assert "2,000,001" not in feedback.message and "extra 1" not in feedback.message


def test_q5_and_q7_accept_whole_numbers_typed_as_floats():
    assert nb05.q5.check(2e6).correct and nb05.q7.check(np.array([1000.0, 1.0])).correct


@pytest.mark.parametrize("exercise, answer", [(nb05.q1, Value(7.0)), (nb05.q2, [Value(0.0), Value(3.0), Value(5.0)])])
def test_a_value_node_as_a_gradient_answer_is_pointed_to_grad_only(exercise, answer):
    feedback = exercise.check(answer)
    assert feedback.status == "incorrect" and ".grad" in feedback.message and ".data" not in feedback.message


def test_a_sin_op_that_multiplies_by_the_incoming_gradient_is_told_backward_does_that():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data) * v.grad,)))
    assert feedback.status == "incorrect" and "backward() multiplies by the incoming gradient" in feedback.message
    assert "leave local_grads out" not in feedback.message


def test_q3_messages_start_each_sentence_with_a_capital():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v.data), parents=(v,), local_grads=(-math.cos(v.data),)))
    assert ". The sign is flipped" in feedback.message
