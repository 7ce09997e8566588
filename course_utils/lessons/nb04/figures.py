"""Notebook 04's figures: the 2-2-2 walk-through network with its numbers on it (matplotlib only).

Units are boxes showing their values, edges carry their weights (and, if given, their
gradients), the shared biases c1 and c2 are dashed, and the targets and errors sit
beside the outputs. The layout is fixed, so the same picture can show the network
before and after a step.
"""
from __future__ import annotations

import numpy as np

from course_utils import walkthrough
from course_utils.style import COLORS, label_axes
from course_utils.walkthrough import latex_name as tex

#: Where each unit sits: inputs, hidden units and outputs in three columns.
POSITIONS = {
    "x1": (0.0, 1.0), "x2": (0.0, 0.0),
    "y1": (1.2, 1.0), "y2": (1.2, 0.0),
    "z1": (2.4, 1.0), "z2": (2.4, 0.0),
    "c1": (0.65, 1.75), "c2": (1.85, 1.75),
}
#: How far along each edge (from its source) its label sits; crossing edges get early labels.
LABEL_AT = {"w1": 0.5, "w4": 0.5, "w5": 0.5, "w8": 0.5, "w2": 0.27, "w3": 0.27, "w6": 0.27, "w7": 0.27}

_BOX = {"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": COLORS["function"], "linewidth": 1.5}
_LABEL_BOX = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}


def draw_walkthrough_network(ax, p: dict, gradients: dict | None = None,
                             title: str = "The 2-2-2 network, forward pass") -> None:
    """Draw the network p with every forward value; with ``gradients`` (from backward) add ∂E/∂θ to each edge."""
    f = walkthrough.forward(p)
    _draw_edges(ax, p, gradients)
    for name in walkthrough.INPUTS:
        _node(ax, name, rf"${tex(name)} = {p[name]:.2f}$")
    for unit in walkthrough.WIRING:
        activation = unit + "a"
        _node(ax, unit, rf"${tex(unit)} = {f[unit]:.4f}$" + "\n" + rf"${tex(activation)} = {f[activation]:.4f}$")
    for index, unit in enumerate(("z1", "z2"), start=1):
        x, y = POSITIONS[unit]
        ax.text(x + 0.42, y, rf"$t_{index} = {p[f't{index}']:.2f}$" + "\n" + rf"$E_{index} = {f[f'E{index}']:.4f}$",
                ha="left", va="center", fontsize=10)
    ax.text(POSITIONS["z1"][0] + 0.42, 0.5, rf"$E_{{\mathrm{{total}}}} = {f['E_total']:.4f}$",
            ha="left", va="center", fontsize=11, fontweight="bold")
    ax.set_xlim(-0.45, POSITIONS["z1"][0] + 1.05)
    ax.set_ylim(-0.35, 2.05)
    ax.axis("off")
    ax.set_title(title)


def _draw_edges(ax, p: dict, gradients: dict | None) -> None:
    """Solid weight edges with labels, dashed bias edges with one label per bias."""
    for unit, (*pairs, bias) in walkthrough.WIRING.items():
        for source, weight in pairs:
            start, end = POSITIONS[source.rstrip("a")], POSITIONS[unit]
            ax.plot(*zip(start, end), color=COLORS["reference"], linewidth=1.2, zorder=1)
            at = LABEL_AT[weight]
            point = (start[0] + at * (end[0] - start[0]), start[1] + at * (end[1] - start[1]))
            ax.text(*point, _edge_label(weight, p, gradients), ha="center", va="center", fontsize=9,
                    bbox=_LABEL_BOX, zorder=3)
            ax.plot(*zip(POSITIONS[bias], end), color=COLORS["saturated"], linewidth=1.2, linestyle="--", zorder=1)
    for bias in walkthrough.BIASES:
        ax.text(*POSITIONS[bias], _edge_label(bias, p, gradients), ha="center", va="center", fontsize=9,
                bbox={**_BOX, "edgecolor": COLORS["saturated"]}, zorder=4)


def _edge_label(name: str, p: dict, gradients: dict | None) -> str:
    label = rf"${tex(name)} = {p[name]:.2f}$"
    if gradients is not None:
        label += "\n" + rf"$\partial E/\partial {tex(name)} = {gradients['dE/d' + name]:.3g}$"
    return label


def _node(ax, name: str, text: str) -> None:
    ax.text(*POSITIONS[name], text, ha="center", va="center", fontsize=10, bbox=_BOX, zorder=4)


def _output_label(key: str, target: float) -> str:
    """A legend entry in the notebook's notation, e.g. output 1 ($z_1^a$), target 0.10, for the history key z1a."""
    if len(key) == 3 and key[0] in "yz" and key[1].isdigit() and key[2] == "a":
        return rf"output {key[1]} (${key[0]}_{key[1]}^a$), target {target:.2f}"
    return f"{key}, target {target:.2f}"


def plot_training_history(ax_error, ax_outputs, history: dict, targets: dict, title_error: str) -> None:
    """E_total per step on a log scale, and each output approaching its dotted target (steps on a log scale from 1)."""
    if not isinstance(history, dict) or not isinstance(targets, dict):
        raise TypeError("pass the history dict returned by walkthrough.train() and a dict of targets, "
                        "e.g. {'z1a': p['t1'], 'z2a': p['t2']}.")
    missing = [key for key in ("E_total", *targets) if key not in history]
    if missing:
        raise ValueError(f"history has no {', '.join(missing)}; pass the history returned by walkthrough.train().")
    steps = np.arange(len(history["E_total"]))
    ax_error.semilogy(steps, history["E_total"], color=COLORS["function"])
    label_axes(ax_error, title_error, "step", r"$E_{\mathrm{total}}$ (log scale)")
    for (key, target), colour, style in zip(targets.items(), (COLORS["function"], COLORS["derivative"]), _STYLES):
        ax_outputs.plot(steps, history[key], color=colour, label=_output_label(key, target),
                        **_marked(style, steps))
        ax_outputs.axhline(target, color=colour, linestyle=":", linewidth=1)
    ax_outputs.set_xscale("symlog", linthresh=1)
    ax_outputs.set_xlim(0, max(steps[-1], 1))
    ax_outputs.legend(loc="center right")
    label_axes(ax_outputs, "Outputs approach their targets", "step (log scale after 1)", "output")


#: Line style and marker per curve, so no curve is told apart by its colour alone.
_STYLES = (("-", "o"), ("--", "s"), ("-.", "^"))


def _marked(style: tuple[str, str], steps: np.ndarray) -> dict:
    """Keyword arguments for a styled line with markers at 1, 10, 100, … steps (even on a log axis)."""
    linestyle, marker = style
    marks = [int(m) for m in 10 ** np.arange(0, int(np.log10(max(steps[-1], 1))) + 1) if m <= steps[-1]]
    return {"linestyle": linestyle, "marker": marker, "markevery": marks, "markersize": 5}


def plot_runs(ax, runs: dict, key: str, title: str, ylabel: str, log_y: bool = False,
              target: float | None = None) -> None:
    """One curve per run (name → history dict) of history[key] against the step, styled and marked apart."""
    colours = (COLORS["function"], COLORS["derivative"], COLORS["tangent"])
    for (name, history), colour, style in zip(runs.items(), colours, _STYLES):
        steps = np.arange(len(history[key]))
        ax.plot(steps, history[key], color=colour, label=name, **_marked(style, steps))
    if target is not None:
        ax.axhline(target, color=COLORS["reference"], linestyle=":", linewidth=1, label=f"target {target:.2f}")
    if log_y:
        ax.set_yscale("log")
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlim(0, max(len(history[key]) - 1, 1))
    ax.legend(loc="best")
    label_axes(ax, title, "step (log scale after 1)", ylabel)
