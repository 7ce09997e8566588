"""The course's one plotting style, and the figures every notebook draws the same way."""
from __future__ import annotations

from typing import Callable

import matplotlib as mpl
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from . import activations
from .activation_facts import SATURATION_THRESHOLD, display_name, saturation_mask
from .autodiff import topological_order
from .formatting import format_number
from .validation import require_callable

#: The colour of each role a curve plays, the same in every notebook.
COLORS = {
    "function": "#1f5fa8",
    "derivative": "#d9731a",
    "tangent": "#c0392b",
    "secant": "#7b4ea3",
    "point": "#111111",
    "saturated": "#bbbbbb",
    "reference": "#777777",
}

#: Matplotlib settings for every course figure (sizes in inches and points).
STYLE = {
    "figure.figsize": (6.4, 3.8),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 9,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=["#1f5fa8", "#d9731a", "#2e8b57", "#c0392b", "#7b4ea3", "#777777"]),
    "lines.linewidth": 2.0,
    "figure.autolayout": True,
    "svg.hashsalt": "course",
}


def use_house_style() -> None:
    """Apply the course style to every figure drawn from now on."""
    mpl.rcParams.update(STYLE)


def label_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Every course figure has a title and labelled axes; this is the one way to set them."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)


def tangent_points(f: Callable, slope: float, x0: float, xs: np.ndarray) -> np.ndarray:
    """y values of the tangent line to f at x0 with the given slope, over xs."""
    return float(f(x0)) + slope * (np.asarray(xs, dtype=float) - x0)


def break_at_jumps(ys, fraction: float = 0.1) -> np.ndarray:
    """A copy of sampled ys with a gap (NaN) where it jumps, so a step in f' is not drawn as a vertical line."""
    ys = np.array(ys, dtype=float)
    finite = ys[np.isfinite(ys)]
    if finite.size < 2:
        return ys
    jump = np.abs(np.diff(ys)) > fraction * max(float(np.ptp(finite)), 1e-12)
    ys[1:][jump] = np.nan
    return ys


def plot_function_with_tangent(
    ax,
    f: Callable,
    grad: Callable,
    x0: float,
    x_range: tuple[float, float] = (-5.0, 5.0),
    name: str = "f",
    show_derivative: bool = True,
    half_width: float = 1.5,
) -> dict:
    """Draw f (and f'), the point (x0, f(x0)) and the tangent there; return the artists to move later."""
    require_callable(f, "f")
    require_callable(grad, "grad")
    xs = np.linspace(*x_range, 400)
    artists = {"function": ax.plot(xs, f(xs), color=COLORS["function"], label=f"${name}(x)$")[0]}
    if show_derivative:
        artists["derivative"] = ax.plot(
            xs, break_at_jumps(grad(xs)), color=COLORS["derivative"], linestyle="--", label=f"${name}'(x)$"
        )[0]
    tangent_xs = np.array([x0 - half_width, x0 + half_width])
    artists["tangent"] = ax.plot(
        tangent_xs, tangent_points(f, float(grad(x0)), x0, tangent_xs),
        color=COLORS["tangent"], linewidth=1.5, label="tangent at $x_0$",
    )[0]
    artists["point"] = ax.plot([x0], [float(f(x0))], "o", color=COLORS["point"], zorder=5)[0]
    ax.set_xlim(*x_range)
    ax.legend(loc="upper left")
    return artists


def move_tangent(artists: dict, f: Callable, grad: Callable, x0: float, half_width: float = 1.5) -> None:
    """Move the point and tangent drawn by plot_function_with_tangent to a new x0 (no re-plot)."""
    tangent_xs = np.array([x0 - half_width, x0 + half_width])
    artists["tangent"].set_data(tangent_xs, tangent_points(f, float(grad(x0)), x0, tangent_xs))
    artists["point"].set_data([x0], [float(f(x0))])


def plot_gradient_norms(ax, norms_by_label: dict, title: str) -> None:
    """One log-scale line per setting of ‖∂L/∂W_l‖ against the layer index l (1 = next to the input)."""
    for label, norms in norms_by_label.items():
        norms = np.asarray(norms, dtype=float)
        ax.plot(np.arange(1, norms.size + 1), norms, marker="o", markersize=2.5, label=label)
    ax.set_yscale("log")
    ax.legend(loc="best")
    label_axes(ax, title, "layer l (1 = next to the input)", r"$\|\partial L / \partial W_l\|$")


def plot_norm_heatmap(ax, table: np.ndarray, row_labels: list[str], title: str):
    """A settings × layers heatmap of log10 gradient norms (blue vanishing, red exploding); returns the image for a colorbar."""
    with np.errstate(divide="ignore"):
        logs = np.log10(np.asarray(table, dtype=float))
    reach = float(np.max(np.abs(logs[np.isfinite(logs)])))
    image = ax.imshow(logs, aspect="auto", cmap="RdBu_r", vmin=-reach, vmax=reach, interpolation="nearest",
                      extent=(0.5, logs.shape[1] + 0.5, logs.shape[0] - 0.5, -0.5))
    ax.set_yticks(range(len(row_labels)), row_labels)
    ax.grid(False)
    label_axes(ax, title, "layer l (1 = next to the input)", "activation, init")
    return image


#: Colours of the two finite-difference methods (the forward difference is a secant's slope).
METHOD_COLORS = {"forward": COLORS["secant"], "central": "#2e8b57"}


def plot_error_vs_h(ax, study, title: str) -> dict:
    """Log-log error of forward and central differences against h: measured, modelled, and each method's best h."""
    artists = {}
    for method in ("forward", "central"):
        color = METHOD_COLORS[method]
        measured = np.asarray(getattr(study, f"{method}_error"), dtype=float)
        visible = np.where(measured > 0, measured, np.nan)  # an exact 0 has no place on a log axis
        artists[method] = ax.plot(study.h, visible, "o-", color=color, markersize=2.5, linewidth=1.2,
                                  label=f"{method}, measured")[0]
        ax.plot(study.h, getattr(study, f"{method}_model"), "--", color=color, linewidth=1.0, alpha=0.6,
                label=f"{method}, model")
        best = study.best_h_model[method]
        if np.isfinite(best) and best > 0:
            ax.axvline(best, color=color, linestyle=":", linewidth=1.2, label=f"{method}, best h (model)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    for h, error, text, (dx, dy) in _error_regime_labels(study):
        ax.annotate(text, (h, error), textcoords="offset points", xytext=(dx, dy),
                    ha="right" if dx < 0 else "left", va="top" if dy < 0 else "bottom",
                    color=COLORS["reference"], fontsize=9)
    errors = np.concatenate([study.forward_error, study.central_error, study.forward_model])
    errors = errors[errors > 0]
    ax.set_ylim(errors.min() / 1e4, errors.max() * 30)  # room below the curves for the legend, above for labels
    ax.legend(loc="lower left", ncols=2, fontsize=8)
    label_axes(ax, title, "step h", r"error $|\mathrm{estimate} - f'(x)|$")
    return artists


def _error_regime_labels(study) -> list:
    """Where to write how each part of the error scales with h, offset (in points) to the side its line leaves free."""
    n = len(study.h)
    right, left = n - 1 - n // 7, n // 7
    return [
        (study.h[right], study.forward_model[right], r"truncation $\propto h$", (-4, 4)),
        (study.h[right - n // 14], study.central_model[right - n // 14], r"truncation $\propto h^2$", (4, -4)),
        (study.h[left], study.forward_model[left], r"round-off $\propto 1/h$", (4, 4)),
    ]


#: How each autodiff operation is written on a graph node.
OP_SYMBOLS = {"+": "+", "-": "−", "*": "×", "/": "÷", "neg": "negate", "exp": "exp", "log": "log",
              "tanh": "tanh", "sigmoid": "σ", "relu": "ReLU", "max": "max"}
#: Node box size in layout units (one layer apart horizontally, one row apart vertically).
GRAPH_NODE_SIZE = (0.84, 0.74)


def graph_layout(root) -> dict:
    """(layer, y) of every node: left to right by topological layer, inputs beside the node that uses them."""
    order = topological_order(root)
    layer, consumers = {}, {id(node): [] for node in order}
    for node in order:
        layer[id(node)] = 1 + max((layer[id(p)] for p in node.parents), default=-1)
        for parent in node.parents:
            consumers[id(parent)].append(node)
    for node in order:  # a leaf sits one layer before its first use, not far left at layer 0
        if not node.parents and consumers[id(node)]:
            layer[id(node)] = min(layer[id(c)] for c in consumers[id(node)]) - 1
    return _rows_by_consumers(order, layer, consumers)


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
    ax.set_xticks(range(min(xs), max(xs) + 1))
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    label_axes(ax, title, "topological layer   (values flow →, gradients flow ←)", "")


def shade_where(ax, xs, mask, label: str | None = None):
    """Grey bands the full height of the axes over the x where mask is True; returns them so they can be moved."""
    return ax.fill_between(np.asarray(xs, dtype=float), 0.0, 1.0, where=np.asarray(mask, dtype=bool),
                           transform=ax.get_xaxis_transform(), color=COLORS["saturated"], alpha=0.35,
                           linewidth=0, label=label)


def move_shading(bands, xs, mask) -> None:
    """Move the bands drawn by shade_where to a new mask, without drawing anything new."""
    bands.set_data(np.asarray(xs, dtype=float), 0.0, 1.0, where=np.asarray(mask, dtype=bool))


def plot_activation_and_slope(ax, activation, x_range: tuple[float, float] = (-6.0, 6.0)) -> dict:
    """An activation f and its slope f′ on one axis, with the saturated region (|f′| < 0.01) shaded grey."""
    act = activations.get(activation)
    xs = np.linspace(*x_range, 1201)
    artists = {
        "saturated": shade_where(ax, xs, saturation_mask(act, xs), label=f"saturated: |f′| < {SATURATION_THRESHOLD:g}"),
        "function": ax.plot(xs, act.fn(xs), color=COLORS["function"], label="f(x)")[0],
        "derivative": ax.plot(xs, break_at_jumps(act.grad(xs)), color=COLORS["derivative"], linestyle="--",
                              label="f′(x)")[0],
    }
    ax.axhline(0.0, color=COLORS["reference"], linewidth=0.8)
    ax.set_xlim(*x_range)
    ax.legend(loc="upper left")
    label_axes(ax, f"{display_name(act)}: value and slope", "x (pre-activation)", "f(x) and f′(x)")
    return artists


def plot_training_history(ax_error, ax_outputs, history: dict, targets: dict, title_error: str) -> None:
    """E_total per step on a log scale, and each output approaching its dotted target (steps on a log scale from 1)."""
    missing = [key for key in ("E_total", *targets) if key not in history]
    if missing:
        raise ValueError(f"history has no {', '.join(missing)}; pass the history returned by walkthrough.train().")
    steps = np.arange(len(history["E_total"]))
    ax_error.semilogy(steps, history["E_total"], color=COLORS["function"])
    label_axes(ax_error, title_error, "step", "E_total (log scale)")
    for (key, target), colour in zip(targets.items(), (COLORS["function"], COLORS["derivative"])):
        ax_outputs.plot(steps, history[key], color=colour, label=f"{key} (target {target:.2f})")
        ax_outputs.axhline(target, color=colour, linestyle=":", linewidth=1)
    ax_outputs.set_xscale("symlog", linthresh=1)
    ax_outputs.set_xlim(0, max(steps[-1], 1))
    ax_outputs.legend(loc="center right")
    label_axes(ax_outputs, "Outputs approach their targets", "step (log scale after 1)", "output")
