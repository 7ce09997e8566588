"""Notebook 02's figure: the graph of the sum-over-paths example, each edge labelled with its local derivative."""
from __future__ import annotations

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from course_utils.formatting import format_number
from course_utils.path_sums import paths_between
from course_utils.style import COLORS, alt_number, label_axes

#: Node box size in layout units (one layer apart horizontally, one row apart vertically).
NODE_SIZE = (0.62, 0.5)
#: Where the nodes of section 7's example go: w and x on the left, E on the right, the held inputs out of the way.
PATH_EXAMPLE_LAYOUT = {node: (1.3 * layer, row) for node, (layer, row) in {
    "w": (0, 0.6), "x": (0, -0.6), "z": (1, 0.0), "a": (2, 0.0), "v1": (2, 1.5), "v2": (2, -1.5),
    "y1": (3, 0.8), "y2": (3, -0.8), "t1": (4, 1.5), "t2": (4, -1.5), "E": (5, 0.0)}.items()}


def graph_positions(slopes: dict) -> dict:
    """(layer, row) of every node: left to right by depth, an input one layer before the node that uses it."""
    parents: dict = {}
    for parent, child in slopes:
        parents.setdefault(child, []).append(parent)
        parents.setdefault(parent, [])
    depth: dict = {}

    def deepest(node):
        if node not in depth:
            depth[node] = 1 + max((deepest(p) for p in parents[node]), default=-1)
        return depth[node]

    for node in parents:
        deepest(node)
    children = {node: [c for (p, c) in slopes if p == node] for node in parents}
    for node, below in children.items():  # a leaf sits just before its first use, not far left
        if not parents[node] and below:
            depth[node] = min(depth[c] for c in below) - 1
    position: dict = {}
    order = list(parents)
    for layer in sorted(set(depth.values()), reverse=True):
        members = [n for n in order if depth[n] == layer]
        members.sort(key=lambda n: (-np.mean([position[c][1] for c in children[n]] or [0.0]), order.index(n)))
        for row, node in enumerate(members):
            position[node] = (layer, 1.1 * ((len(members) - 1) / 2 - row))
    return position


def draw_path_graph(ax, slopes: dict, values: dict, source: str, sink: str, title: str,
                    positions: dict | None = None) -> dict:
    """Draw the graph: a box per node with its value, an arrow per edge labelled with its local derivative.

    Edges on a path from source to sink are solid and thick (their labels are the factors the
    sum over paths multiplies); the other edges are thin and dashed. ``positions`` ({node: (x, y)}) places
    the nodes by hand; without it they are laid out by depth (``graph_positions``). Returns the drawn pieces.
    """
    position = graph_positions(slopes) if positions is None else dict(positions)
    missing = sorted({node for edge in slopes for node in edge} - set(position))
    if missing:
        raise ValueError(f"positions has no place for the nodes {missing}.")
    on_path = {edge for path in paths_between(slopes, source, sink) for edge in zip(path.nodes, path.nodes[1:])}
    width, height = NODE_SIZE
    boxes, labels, arrows = {}, {}, {}
    for node, (x, y) in position.items():
        fill = "#fdebd3" if node in (source, sink) else "#f2f2f2"
        boxes[node] = ax.add_patch(FancyBboxPatch(
            (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0,rounding_size=0.06",
            facecolor=fill, edgecolor=COLORS["reference"], linewidth=1.0, zorder=2))
        ax.text(x, y + 0.09, node, ha="center", va="center", fontsize=10, fontweight="bold", zorder=3)
        ax.text(x, y - 0.12, format_number(values[node]), ha="center", va="center", fontsize=8,
                color=COLORS["function"], zorder=3)
    for (parent, child), slope in slopes.items():
        active = (parent, child) in on_path
        arrows[(parent, child)] = ax.add_patch(FancyArrowPatch(
            position[parent], position[child], patchA=boxes[parent], patchB=boxes[child], arrowstyle="-|>",
            mutation_scale=11, color=COLORS["derivative"] if active else COLORS["reference"],
            linewidth=1.8 if active else 0.8, linestyle="-" if active else "--", zorder=1))
        (x0, y0), (x1, y1) = position[parent], position[child]
        labels[(parent, child)] = ax.text(
            0.5 * (x0 + x1), 0.5 * (y0 + y1), format_number(slope), ha="center", va="center", fontsize=8,
            color=COLORS["derivative"] if active else COLORS["reference"], zorder=4,
            fontweight="bold" if active else "normal",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    layers = [x for x, _ in position.values()]
    rows = [y for _, y in position.values()]
    ax.set_xlim(min(layers) - 0.5, max(layers) + 0.5)
    ax.set_ylim(min(rows) - 0.5, max(rows) + 0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "top", "bottom"):
        ax.spines[side].set_visible(False)
    label_axes(ax, title, "values flow →; each edge carries ∂(head)/∂(tail)", "")
    return {"boxes": boxes, "labels": labels, "arrows": arrows, "on_path": on_path}


def path_graph_alt(slopes: dict, source: str, sink: str) -> str:
    """Alt text for draw_path_graph, built from the same local derivatives the figure draws."""
    paths = paths_between(slopes, source, sink)
    described = "; ".join(
        " → ".join(path.nodes) + " with local derivatives " + ", ".join(alt_number(f) for f in path.factors)
        + f" (product {alt_number(path.product)})" for path in paths)
    total = sum(path.product for path in paths)
    return (f"A computational graph drawn left to right: each node is a box with its name and value, each edge an "
            f"arrow labelled with its local derivative. {len(paths)} paths lead from {source} to {sink}, drawn "
            f"solid and thick: {described}. They add up to ∂{sink}/∂{source} = {alt_number(total)}. The other "
            "edges, from inputs that are held fixed, are thin and dashed.")
