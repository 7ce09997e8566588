"""Notebook 06's helpers added after review: the per-layer factor over all layers, the two-level split of a
stuck network's outputs, the annotated heatmap, the two-panel clipping figure, and the new exercise feedback."""
from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.calculus import central_difference
from course_utils.exercises.nb06 import _best_sigmoid_chain_slope, q1, q4, q5, q6, q7
from course_utils.lessons.nb06 import vanishing
from course_utils.lessons.nb06.figures import plot_clipping, plot_norm_heatmap

tanh = activations.get("tanh")


def test_the_per_layer_factor_is_the_geometric_mean_of_the_median_over_all_layers():
    table = np.array([[1.0, 0.5, 0.25], [4.0, 1.0, 0.25], [2.0, 1.0, 0.5]])  # medians 2, 1, 0.25
    assert vanishing.median_per_layer_factor(table) == pytest.approx((0.25 / 2) ** 0.5, rel=1e-14)
    with pytest.raises(ValueError, match="two layers"):
        vanishing.median_per_layer_factor(np.ones((3, 1)))
    with pytest.raises(ValueError, match="positive"):
        vanishing.median_per_layer_factor(np.array([[1.0, 0.0]]))


def test_wide_relu_layers_follow_the_variance_recursion():
    he = np.array([vanishing.pre_activation_stds(50, 256, "relu", "he", seed=s) for s in range(3)])
    xavier = np.array([vanishing.pre_activation_stds(50, 256, "relu", "xavier", seed=s) for s in range(3)])
    assert abs(vanishing.median_per_layer_factor(he) - 1) < 0.02
    assert abs(vanishing.median_per_layer_factor(xavier) - np.sqrt(0.5)) < 0.02


class _Fixed:
    """A stand-in network whose outputs are given."""

    def __init__(self, outputs):
        self.outputs = np.asarray(outputs, dtype=float)[:, None]
        self.sizes = [2, 1]

    def forward(self, X):
        return self.outputs


def test_the_two_level_split_finds_the_groups_and_their_best_constant_loss(monkeypatch):
    monkeypatch.setattr(vanishing, "_network", lambda net: net)
    labels = np.array([1, 1, 1, 0, 0, 0])
    net = _Fixed([0.66, 0.67, 0.68, 0.66, 0.01, -0.01])
    split = vanishing.two_level_split(net, np.zeros((6, 2)), labels)
    assert split["upper_size"] == 4
    assert split["upper_share"] == pytest.approx(0.75) and split["lower_share"] == 0
    assert split["largest_deviation"] == pytest.approx(0.09)
    assert split["split_loss"] == pytest.approx(0.5 * (3 * 0.25**2 + 0.75**2) / 6)


def test_the_heatmap_can_write_each_rows_end_values():
    ax = Figure().subplots()
    plot_norm_heatmap(ax, np.array([[1e-3, 1e-2], [1e5, np.inf]]), ["a", "b"], "t", limit=4, annotate=True)
    assert [t.get_text() for t in ax.texts] == ["-3", "-2", "+5", "none"]


def test_the_clipping_figure_keeps_the_two_scales_apart():
    fig = Figure()
    left, right = fig.subplots(1, 2)
    plot_clipping(left, right, {"draw 1": [1.0, 1e50, np.inf], "draw 2": [2.0, 1e80, np.nan]},
                  np.array([[1.0, 0.5, 0.1], [2.0, 0.4, 0.2]]), 0.125, "t")
    assert len(left.get_legend().get_texts()) == 2 and {m.get_marker() for m in left.lines} == {"o", "s"}
    assert right.get_ylim()[1] < 1e3 and left.get_ylim()[1] > 1e50


def test_q1_names_the_slope_of_an_actual_chain():
    assert _best_sigmoid_chain_slope() == pytest.approx(3.9013e-7, rel=1e-4)
    assert "actual chain" in q1.check(3.90e-7).message
    assert q1.check(0.25**10).correct


def test_q4_names_truth_values_rounding_and_truncation():
    assert "truth value per unit" in q4.check(lambda Z: np.all(Z <= 0, axis=0)).message
    assert "truth value per unit" in q4.check(lambda Z: list(np.all(Z <= 0, axis=0))).message
    assert not q4.check(lambda Z: round(float(np.mean(np.all(Z <= 0, axis=0))), 2)).correct
    assert "int()" in q4.check(lambda Z: int(np.mean(np.all(Z <= 0, axis=0)))).message


def test_q5_reads_0_16_as_the_half_taken_twice():
    assert "twice" in q5.check(0.16).message


def _residual_by_differences(x, w, n):
    def chain(x0):
        a = x0
        for _ in range(n):
            a = a + tanh.fn(w * a)
        return a
    return central_difference(chain, x)


def test_q6_names_finite_differences_and_updating_first():
    assert "finite differences" in q6.check(_residual_by_differences).message

    def updated_first(x, w, n):
        slope, a = 1.0, x
        for _ in range(n):
            a = a + tanh.fn(w * a)
            slope *= 1 + w * tanh.grad(w * a)
        return slope
    assert "updated a before" in q6.check(updated_first).message


def test_q7_refuses_the_spectral_norm_and_names_the_epsilon():
    assert "spectral" in q7.check(lambda g, m: g * min(1.0, m / np.linalg.norm(g, 2))).message
    assert "1e-6" in q7.check(lambda g, m: g * min(1.0, m / (np.linalg.norm(g) + 1e-6))).message


def test_q7_solution_runs_on_a_zero_gradient_without_a_warning():
    namespace = {"np": np}
    exec(q7.solution_text, namespace)
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(namespace["clip_by_norm"](np.zeros(3), 1.0), np.zeros(3))
