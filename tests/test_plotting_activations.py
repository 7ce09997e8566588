"""The activation figure shows f, f′ and the saturated region, and the shading can be moved without re-drawing."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.lessons.nb03.figures import plot_activation_and_slope
from course_utils.style import COLORS, move_shading, shade_where


def _shaded_x_extent(bands) -> list[tuple[float, float]]:
    """(min x, max x) of every filled polygon."""
    return [(float(p.vertices[:, 0].min()), float(p.vertices[:, 0].max())) for p in bands.get_paths()]


def test_function_and_slope_are_drawn_with_their_data_and_colours():
    ax = Figure().add_subplot()
    artists = plot_activation_and_slope(ax, "tanh")
    xs, ys = artists["function"].get_data()
    np.testing.assert_allclose(ys, np.tanh(xs))
    np.testing.assert_allclose(artists["derivative"].get_ydata(), 1 - np.tanh(xs) ** 2, atol=1e-15)
    assert mpl.colors.same_color(artists["function"].get_color(), COLORS["function"])
    assert mpl.colors.same_color(artists["derivative"].get_color(), COLORS["derivative"])


def test_relu_is_shaded_exactly_on_the_negative_side():
    artists = plot_activation_and_slope(Figure().add_subplot(), "relu")
    assert _shaded_x_extent(artists["saturated"]) == [(-6.0, 0.0)]


def test_sigmoid_is_shaded_on_both_tails():
    extents = _shaded_x_extent(plot_activation_and_slope(Figure().add_subplot(), "sigmoid")["saturated"])
    assert len(extents) == 2
    assert extents[0][1] < -4.5 and extents[1][0] > 4.5


def test_linear_has_nothing_shaded():
    artists = plot_activation_and_slope(Figure().add_subplot(), "linear")
    assert _shaded_x_extent(artists["saturated"]) == []


def test_the_figure_has_a_title_labels_and_a_legend_naming_the_shading():
    ax = Figure().add_subplot()
    plot_activation_and_slope(ax, "sigmoid")
    assert ax.get_title() == "sigmoid: value and slope"
    assert ax.get_xlabel() and ax.get_ylabel()
    assert "saturated: |f′| < 0.01" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_a_panel_with_nothing_saturated_has_no_saturated_legend_entry():
    for activation in (activations.get("leaky_relu", alpha=0.1), "linear"):
        ax = Figure().add_subplot()
        plot_activation_and_slope(ax, activation)
        assert ax.get_title().endswith(": value and slope")
        assert not any("saturated" in t.get_text() for t in ax.get_legend().get_texts())


def test_the_gelu_forms_figure_draws_both_forms_and_their_difference():
    from course_utils.lessons.nb03.figures import plot_gelu_forms
    from course_utils.lessons.nb03.numerics import gelu_tanh

    figure = Figure()
    left, right = figure.subplots(1, 2)
    artists = plot_gelu_forms(left, right)
    xs, gap = artists["value_gap"].get_data()
    np.testing.assert_allclose(gap, gelu_tanh(xs) - activations.get("gelu").fn(xs))
    assert np.max(np.abs(gap)) < 5e-4 and left.get_title() and right.get_title()


def test_the_descent_paths_figure_draws_every_path_and_the_best_point():
    from course_utils.lessons.nb03.figures import plot_descent_paths

    ax = Figure().add_subplot()
    paths = {"a": np.array([[0.0, 0.0], [0.5, 0.5]]), "b": np.array([[0.0, 0.0], [0.5, -0.5]])}
    artists = plot_descent_paths(ax, paths, (1.0, -1.0))
    assert set(artists) == {"a", "b", "best"} and artists["b"].get_linestyle() != artists["a"].get_linestyle()


def test_move_shading_reuses_the_same_collection():
    ax = Figure().add_subplot()
    xs = np.linspace(-1.0, 1.0, 21)
    bands = shade_where(ax, xs, xs < 0)
    move_shading(bands, xs, xs > 0.5)
    assert list(ax.collections) == [bands]
    np.testing.assert_allclose(_shaded_x_extent(bands), [(0.6, 1.0)])
