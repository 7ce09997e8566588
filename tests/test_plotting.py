"""The house style and the function-with-tangent helper every lesson draws with."""
from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils.style import (
    COLORS,
    STYLE,
    break_at_jumps,
    label_axes,
    move_tangent,
    plot_function_with_tangent,
    tangent_points,
    use_house_style,
)


def test_house_style_sets_figure_size_fonts_and_colours():
    with mpl.rc_context():
        use_house_style()
        assert tuple(mpl.rcParams["figure.figsize"]) == STYLE["figure.figsize"]
        assert mpl.rcParams["font.size"] == STYLE["font.size"]
        assert mpl.rcParams["axes.prop_cycle"] == STYLE["axes.prop_cycle"]


def test_tangent_points_lie_on_the_line_through_the_point():
    ys = tangent_points(lambda x: x**2, 4.0, 2.0, np.array([1.0, 2.0, 3.0]))
    np.testing.assert_allclose(ys, [0.0, 4.0, 8.0])


def test_function_with_tangent_draws_each_role_in_its_colour():
    ax = Figure().add_subplot()
    artists = plot_function_with_tangent(ax, np.sin, np.cos, 0.0, (-3.0, 3.0), name="f")
    assert set(artists) == {"function", "derivative", "tangent", "point"}
    for role in ("function", "derivative", "tangent"):
        assert mpl.colors.same_color(artists[role].get_color(), COLORS[role])
    xs, ys = artists["tangent"].get_data()
    np.testing.assert_allclose(ys, xs)  # the tangent of sin at 0 is y = x


def test_move_tangent_moves_the_same_artists():
    ax = Figure().add_subplot()
    artists = plot_function_with_tangent(ax, np.sin, np.cos, 0.0, show_derivative=False)
    assert "derivative" not in artists
    lines_before = list(ax.lines)
    move_tangent(artists, np.sin, np.cos, 1.0)
    assert artists["point"].get_data()[1][0] == pytest.approx(np.sin(1.0))
    assert list(ax.lines) == lines_before


def test_label_axes_sets_title_and_both_labels():
    ax = Figure().add_subplot()
    label_axes(ax, "T", "x", "y")
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("T", "x", "y")


def test_a_non_function_is_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="grad must be a function"):
        plot_function_with_tangent(Figure().add_subplot(), np.sin, 0.5, 0.0)


def test_a_jump_in_the_slope_becomes_a_gap_not_a_vertical_line():
    xs = np.linspace(-1.0, 1.0, 11)
    ys = break_at_jumps(np.where(xs > 0, 1.0, 0.01))
    assert np.isnan(ys[6]) and np.count_nonzero(np.isnan(ys)) == 1


def test_a_smooth_curve_keeps_every_sample():
    xs = np.linspace(-6.0, 6.0, 400)
    from course_utils.activations import get

    for name in ("sigmoid", "tanh", "gelu", "silu", "softplus"):
        assert not np.any(np.isnan(break_at_jumps(get(name).grad(xs)))), name


def test_training_history_plot_starts_at_step_zero_and_draws_each_output_with_its_target():
    from course_utils import walkthrough
    from course_utils.lessons.nb04.figures import plot_training_history

    _, history = walkthrough.train(walkthrough.starting_network(), 0.5, 20)
    figure = Figure()
    ax_error, ax_outputs = figure.subplots(1, 2)
    plot_training_history(ax_error, ax_outputs, history, {"z1a": 0.1, "z2a": 0.99}, "Error")
    assert ax_outputs.get_xlim() == (0.0, 20.0)  # no negative steps on the symlog axis
    assert np.array_equal(ax_error.lines[0].get_ydata(), history["E_total"])
    outputs = [line for line in ax_outputs.lines if line.get_label().startswith("output")]
    assert [line.get_label() for line in outputs] == ["output 1 ($z_1^a$), target 0.10",
                                                      "output 2 ($z_2^a$), target 0.99"]
    assert ax_error.get_yscale() == "log" and ax_error.get_title() == "Error"


def test_training_history_plot_names_a_missing_key():
    from course_utils.lessons.nb04.figures import plot_training_history

    figure = Figure()
    with pytest.raises(ValueError, match="history has no z2a"):
        plot_training_history(*figure.subplots(1, 2), {"E_total": [1.0], "z1a": [0.5]}, {"z1a": 0.1, "z2a": 0.99}, "E")
