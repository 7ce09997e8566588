"""The graph drawing: a box per node in topological layers, live text for values and gradients, faint dead edges."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from matplotlib.figure import Figure

from course_utils.autodiff import Value, maximum, topological_order
from course_utils.formatting import format_number
from course_utils.lessons.nb05.autodiff_examples import routing_example
from course_utils.lessons.nb05.figures import (
    draw_graph,
    graph_figsize,
    graph_layout,
    update_graph,
)


@pytest.fixture
def drawn():
    root = routing_example(1.0, -0.5, 0.3)
    root.backward()
    ax = Figure(figsize=graph_figsize(root)).add_subplot()
    return root, ax, draw_graph(ax, root, "routing example")


def test_every_node_sits_one_layer_right_of_its_latest_input():
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    root = (x * y).exp() + y
    position = graph_layout(root)
    for node in topological_order(root):
        if node.parents:
            assert position[id(node)][0] == 1 + max(position[id(p)][0] for p in node.parents)
    assert position[id(root)][0] == 3  # x·y, then exp, then the sum
    assert position[id(y)][0] == 0


def test_a_late_constant_sits_just_before_the_node_that_uses_it():
    x = Value(0.5, label="x")
    root = 1 - x.tanh().exp()
    constant = root.parents[0]
    assert graph_layout(root)[id(constant)][0] == graph_layout(root)[id(root)][0] - 1


def test_a_named_input_sits_in_the_leftmost_column_even_when_used_late():
    x, y, z = Value(2.0, label="x"), Value(-3.0, label="y"), Value(5.0, label="z")
    root = x * y + z
    position = graph_layout(root)
    assert {position[id(leaf)][0] for leaf in (x, y, z)} == {0}
    assert position[id(root)][0] == 2


def test_nodes_of_one_layer_do_not_overlap():
    ys_by_layer = {}
    for layer, y in graph_layout(routing_example(1.0, 2.0, 3.0)).values():
        ys_by_layer.setdefault(layer, []).append(y)
    for ys in ys_by_layer.values():
        assert len(set(ys)) == len(ys)


def test_each_node_shows_its_value_and_gradient(drawn):
    root, _, artists = drawn
    for node, value_text, grad_text in zip(topological_order(root), artists["values"], artists["grads"]):
        assert value_text.get_text() == f"value {format_number(node.data)}"
        assert grad_text.get_text() == f"grad {format_number(node.grad)}"


def test_one_arrow_per_input_and_the_max_loser_is_faint(drawn):
    root, _, artists = drawn
    assert len(artists["edges"]) == sum(len(node.parents) for node in topological_order(root))
    faint = [(node.op, slot) for node, slot, arrow in artists["edges"] if arrow.get_alpha() < 1]
    assert faint == [("max", 0)]  # y = −0.5 loses to z = 0.3


def test_update_rewrites_the_same_texts_without_adding_artists(drawn):
    _, ax, artists = drawn
    texts_before, patches_before = list(ax.texts), list(ax.patches)
    new_root = routing_example(-1.0, 1.5, 0.2)
    new_root.backward()
    assert update_graph(artists, new_root), "the max's winner changed, so two arrows changed their look"
    assert list(ax.texts) == texts_before and list(ax.patches) == patches_before
    assert artists["values"][-1].get_text() == f"value {format_number(new_root.data)}"
    faint = [(node.op, slot) for node, slot, arrow in artists["edges"] if arrow.get_alpha() < 1]
    assert faint == [("max", 1)]  # now y = 1.5 wins


def test_update_reports_no_edge_change_when_the_same_inputs_win(drawn):
    _, _, artists = drawn
    new_root = routing_example(1.1, -0.5, 0.3)
    new_root.backward()
    assert not update_graph(artists, new_root)


def test_update_refuses_a_graph_of_another_shape(drawn):
    _, _, artists = drawn
    with pytest.raises(ValueError, match="same shape"):
        update_graph(artists, maximum(Value(1.0), Value(2.0)))


def test_the_drawing_has_a_title_and_says_which_way_things_flow(drawn):
    _, ax, _ = drawn
    assert ax.get_title() == "routing example"
    assert "values flow →" in ax.get_xlabel() and "gradients flow ←" in ax.get_xlabel()
