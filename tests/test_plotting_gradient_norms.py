"""The gradient-norm figures of notebook 06 draw the numbers they are given, on the scales they claim."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils.lessons.nb06.figures import plot_gradient_norms, plot_norm_heatmap


def test_one_line_per_setting_against_layers_counted_from_one_on_a_log_scale():
    ax = Figure().add_subplot()
    plot_gradient_norms(ax, {"a": [1e-3, 1e-2, 1e-1], "b": np.array([2.0, 2.0, 2.0])}, "title")
    assert [line.get_label() for line in ax.lines] == ["a", "b"]
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), [1e-3, 1e-2, 1e-1])
    assert ax.get_yscale() == "log"
    assert ax.get_title() == "title" and "layer" in ax.get_xlabel() and ax.get_ylabel()


def test_the_heatmap_shows_log10_of_each_norm_with_a_symmetric_colour_range():
    ax = Figure().add_subplot()
    table = np.array([[1e-6, 1e-3], [1.0, 1e2]])
    image = plot_norm_heatmap(ax, table, ["first", "second"], "heat")
    np.testing.assert_allclose(image.get_array(), [[-6.0, -3.0], [0.0, 2.0]])
    assert image.get_clim() == (-6.0, 6.0)  # blue and red mean the same distance from a norm of one
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["first", "second"]
    assert image.get_extent() == [0.5, 2.5, 1.5, -0.5]  # column l is centred on layer l
    assert ax.get_title() == "heat" and ax.get_xlabel() and ax.get_ylabel()


def test_a_zero_or_overflowed_norm_does_not_set_the_colour_range():
    ax = Figure().add_subplot()
    image = plot_norm_heatmap(ax, np.array([[0.0, 1e-4, np.inf, 10.0]]), ["row"], "heat")
    assert image.get_clim() == (-4.0, 4.0)
