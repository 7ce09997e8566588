"""Notebook 04's line plots tell their curves apart by line style and marker, not by colour alone."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from course_utils import walkthrough  # noqa: E402
from course_utils.lessons.nb04 import layers  # noqa: E402
from course_utils.lessons.nb04.figures import plot_runs, plot_training_history  # noqa: E402


def _styles(ax):
    return [(line.get_linestyle(), line.get_marker()) for line in ax.get_lines()
            if line.get_marker() not in ("None", None, "")]


def test_training_history_outputs_differ_in_style_and_marker():
    _, history = walkthrough.train(walkthrough.starting_network(), 0.5, 200)
    ax_error, ax_outputs = Figure().subplots(1, 2)
    plot_training_history(ax_error, ax_outputs, history, {"z1a": 0.1, "z2a": 0.99}, "Error")
    styles = _styles(ax_outputs)
    assert len(styles) == 2 and len(set(styles)) == 2


def test_plot_runs_styles_each_run_apart_and_marks_the_target():
    p = walkthrough.starting_network()
    runs = {"squared error": layers.train_layers(p, 0.5, 30),
            "cross-entropy": layers.train_layers(p, 0.5, 30, "cross_entropy")}
    ax = Figure().subplots()
    plot_runs(ax, runs, "z2a", "Output 2", "output 2", target=0.99)
    styles = _styles(ax)
    assert len(styles) == 2 and len(set(styles)) == 2
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels == ["squared error", "cross-entropy", "target 0.99"]


def test_plot_runs_log_scale():
    p = walkthrough.starting_network()
    ax = Figure().subplots()
    plot_runs(ax, {"a": layers.train_layers(p, 0.5, 5)}, "E_total", "E", "E", log_y=True)
    assert ax.get_yscale() == "log"


def test_output_legend_uses_the_notebooks_notation():
    from course_utils.lessons.nb04.figures import _output_label

    assert _output_label("z1a", 0.1) == "output 1 ($z_1^a$), target 0.10"
