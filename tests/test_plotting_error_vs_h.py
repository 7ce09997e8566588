"""The error-vs-h figure plots the measured errors, the model and each method's best h."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from course_utils.lessons.nb01.curves import PARABOLA, SINE
from course_utils.lessons.nb01.figures import plot_error_vs_h
from course_utils.lessons.nb01.step_size_study import study_step_sizes


def _draw(curve, x):
    ax = Figure().add_subplot()
    study = study_step_sizes(curve, x)
    return ax, study, plot_error_vs_h(ax, study, "title")


def test_the_measured_lines_carry_the_study_data_on_log_axes():
    ax, study, artists = _draw(SINE, 1.0)
    np.testing.assert_array_equal(artists["forward"].get_xdata(), study.h)
    np.testing.assert_array_equal(artists["central"].get_ydata(), study.central_error)
    assert ax.get_xscale() == ax.get_yscale() == "log"
    assert ax.get_title() == "title" and ax.get_xlabel() and ax.get_ylabel()


def test_each_method_gets_a_vertical_line_at_its_modelled_best_h():
    ax, study, _ = _draw(SINE, 1.0)
    labels = {line.get_label(): line for line in ax.lines}
    for method in ("forward", "central"):
        line = labels[f"{method}, best h (model)"]
        assert line.get_xdata()[0] == study.best_h_model[method]


def test_an_infinite_best_h_is_left_out():
    ax, _, _ = _draw(PARABOLA, 2.0)
    labels = [line.get_label() for line in ax.lines]
    assert "forward, best h (model)" in labels
    assert "central, best h (model)" not in labels  # f''' = 0: no truncation, no best h


def test_an_exact_zero_error_leaves_a_gap_instead_of_breaking_the_log_axis():
    study = study_step_sizes(SINE, 1.0)
    central = study.central_error.copy()
    central[5] = 0.0
    ax = Figure().add_subplot()
    artists = plot_error_vs_h(ax, study._replace(central_error=central), "title")
    drawn = np.asarray(artists["central"].get_ydata())
    assert np.isnan(drawn[5]) and np.all(np.isfinite(np.delete(drawn, 5)))
    assert ax.get_ylim()[0] > 0


def test_forward_and_central_differ_without_colour_and_use_the_house_palette():
    from course_utils.lessons.nb01.figures import METHOD_COLORS
    from course_utils.style import COLORS

    ax, _, artists = _draw(SINE, 1.0)
    assert artists["forward"].get_marker() != artists["central"].get_marker()
    assert set(METHOD_COLORS.values()) <= set(COLORS.values())
    styles = {line.get_label(): line.get_linestyle() for line in ax.lines}
    assert styles["forward, model (upper estimate)"] != styles["central, model (upper estimate)"]
    assert styles["forward, best h (model)"] != styles["central, best h (model)"]


def test_each_best_h_line_is_named_at_the_line_itself():
    ax, study, _ = _draw(SINE, 1.0)
    labels = {text.get_text(): text for text in ax.texts}
    for method in ("forward", "central"):
        label = labels[f"$h^*$ {method}"]
        assert label.xy[0] == study.best_h_model[method]
