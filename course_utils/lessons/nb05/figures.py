"""Notebook 05's figures: a computational graph drawn box by box, with values and gradients a slider can rewrite."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from course_utils.autodiff import topological_order
from course_utils.formatting import format_number
from course_utils.style import COLORS, label_axes

#: How each autodiff operation is written on a graph node.
OP_SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷", "neg": "negate", "exp": "exp", "log": "log",
              "tanh": "tanh", "sigmoid": "σ", "relu": "ReLU", "max": "max"}


#: Node box size in layout units (one layer apart horizontally, one row apart vertically).
GRAPH_NODE_SIZE = (0.84, 0.74)


def graph_layout(root) -> dict:
    """(layer, y) of every node: left to right by topological layer, named inputs in the leftmost column.

    A constant leaf (the 2 of 2·x) sits just before the node that uses it, so it does not pull a long arrow
    across the graph; a named input (x, y, z) stays at the left, where a reader looks for the inputs.
    """
    order = topological_order(root)
    layer, consumers = {}, {id(node): [] for node in order}
    for node in order:
        layer[id(node)] = 1 + max((layer[id(p)] for p in node.parents), default=-1)
        for parent in node.parents:
            consumers[id(parent)].append(node)
    for node in order:
        if not node.parents and consumers[id(node)] and _is_constant(node):
            layer[id(node)] = min(layer[id(c)] for c in consumers[id(node)]) - 1
    return _rows_by_consumers(order, layer, consumers)


def _is_constant(node) -> bool:
    """A leaf the engine made from a plain number (its label is that number), not an input a reader named."""
    try:
        float(node.label)
    except ValueError:
        return not node.label
    return True


def _rows_by_consumers(order: list, layer: dict, consumers: dict) -> dict:
    """Stack each layer's nodes vertically, ordered by the height of the nodes they feed (right to left)."""
    rank = {id(node): i for i, node in enumerate(order)}
    position = {}
    for depth in sorted(set(layer.values()), reverse=True):
        members = [node for node in order if layer[id(node)] == depth]
        members.sort(key=lambda n: (-np.mean([position[id(c)][1] for c in consumers[id(n)]] or [0.0]), rank[id(n)]))
        for row, node in enumerate(members):
            position[id(node)] = (depth, (len(members) - 1) / 2 - row)
    return position


def graph_figsize(root) -> tuple[float, float]:
    """A figure size that gives every node of root's graph room for three lines of text."""
    position = graph_layout(root)
    layers = {x for x, _ in position.values()}
    rows = max(sum(1 for x, _ in position.values() if x == depth) for depth in layers)
    return (1.0 + 1.25 * len(layers), 1.2 + 0.85 * rows)


def draw_graph(ax, root, title: str) -> dict:
    """Draw root's computational graph: a box per node (op or name, value, gradient), arrows input → output.

    Returns the artists ``update_graph`` rewrites, so a slider can refresh values and
    gradients without re-plotting. Edges whose local slope is 0 (a max loser, an inactive
    ReLU) are drawn faint: no gradient flows back along them.
    """
    order, position = topological_order(root), graph_layout(root)
    width, height = GRAPH_NODE_SIZE
    artists = {"nodes": order, "values": [], "grads": [], "edges": []}
    boxes = {}
    for node in order:
        x, y = position[id(node)]
        fill = "#fdebd3" if node is root else ("#e3edf7" if not node.parents else "#f2f2f2")
        boxes[id(node)] = ax.add_patch(FancyBboxPatch(
            (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0,rounding_size=0.08",
            facecolor=fill, edgecolor=COLORS["reference"], linewidth=1.0, zorder=2))
        ax.text(x, y + 0.2, _node_title(node), ha="center", va="center", fontsize=9, fontweight="bold", zorder=3)
        artists["values"].append(ax.text(x, y, "", ha="center", va="center", fontsize=8.5,
                                         color=COLORS["function"], zorder=3))
        artists["grads"].append(ax.text(x, y - 0.2, "", ha="center", va="center", fontsize=8.5,
                                        color=COLORS["derivative"], zorder=3))
    for node in order:
        for slot, parent in enumerate(node.parents):
            arrow = ax.add_patch(FancyArrowPatch(
                position[id(parent)], position[id(node)], patchA=boxes[id(parent)], patchB=boxes[id(node)],
                arrowstyle="-|>", mutation_scale=11, color=COLORS["point"], linewidth=1.0, zorder=1))
            artists["edges"].append((node, slot, arrow))
    _frame_graph(ax, position, title)
    update_graph(artists, root)
    return artists


def update_graph(artists: dict, root) -> bool:
    """Write root's current values and gradients into a graph drawn by draw_graph (same shape of graph).

    Returns whether any edge changed between carrying gradient and not (its arrow's look changed).
    """
    order = topological_order(root)
    if [node.op for node in order] != [node.op for node in artists["nodes"]]:
        raise ValueError("update_graph needs a graph of the same shape as the one drawn; draw the new graph instead.")
    for node, value_text, grad_text in zip(order, artists["values"], artists["grads"]):
        value_text.set_text(f"value {format_number(node.data)}")
        grad_text.set_text(f"grad {format_number(node.grad)}")
    index = {id(old): new for old, new in zip(artists["nodes"], order)}
    changed = False
    for old_node, slot, arrow in artists["edges"]:
        flowing = index[id(old_node)].local_grads[slot] != 0
        changed |= arrow.get_alpha() != (1.0 if flowing else 0.2)
        arrow.set_alpha(1.0 if flowing else 0.2)
        arrow.set_linestyle("-" if flowing else "--")
    return changed


def _node_title(node) -> str:
    """A leaf shows its name; an operation shows its symbol, and its name when it has one."""
    if not node.parents:
        return node.label or "input"
    symbol = OP_SYMBOLS.get(node.op, node.op.replace("**", "^"))
    return f"{node.label} = {symbol}" if node.label else symbol


def _frame_graph(ax, position: dict, title: str) -> None:
    """Fit the axes to the layout, number the layers and say which way values and gradients flow."""
    xs = [x for x, _ in position.values()]
    ys = [y for _, y in position.values()]
    ax.set_xlim(min(xs) - 0.55, max(xs) + 0.55)
    ax.set_ylim(min(ys) - 0.5, max(ys) + 0.5)
    ax.set_xticks([])  # columns are not topological layers: a constant sits just left of its first use
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    label_axes(ax, title, "each node right of its inputs   (values flow →, gradients flow ←)", "")


def plot_training_loss(ax, losses, title: str) -> None:
    """The loss before each gradient step on a log scale, so the late, slow part of training stays visible."""
    steps = np.arange(len(losses))
    ax.semilogy(steps, losses, color=COLORS["function"], linestyle="-", marker="o", markersize=3, markevery=10,
                label="loss (½ · mean squared error)")
    ax.legend()
    label_axes(ax, title, "gradient step", "loss (log scale)")
