"""The error-vs-h study measures what the differences really do and predicts the best step from ε."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.lessons.nb01 import step_size_study
from course_utils.lessons.nb01.curves import PARABOLA, SINE
from course_utils.lessons.nb01.step_size_study import (
    EPS,
    best_step,
    dominant_error,
    measured_errors,
    step_grid,
    study_step_sizes,
)


def test_the_grid_spans_the_range_with_the_asked_density():
    grid = step_grid(1e-15, 1e-1, per_decade=4)
    assert grid.size == 14 * 4 + 1
    assert grid[0] == pytest.approx(1e-15) and grid[-1] == pytest.approx(1e-1)
    np.testing.assert_allclose(np.diff(np.log10(grid)), 0.25)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"smallest": 1e-1, "largest": 1e-3}, ValueError, "must be below"),
    ({"per_decade": 0}, ValueError, "per_decade"),
    ({"per_decade": 2.5}, TypeError, "per_decade"),
    ({"smallest": -1.0}, ValueError, "greater than 0"),
])
def test_a_bad_grid_is_refused(kwargs, error, message):
    with pytest.raises(error, match=message):
        step_grid(**kwargs)


def test_measured_errors_are_the_distance_from_the_exact_slope():
    forward, central = measured_errors(SINE, 1.0, 1e-3)
    assert forward == pytest.approx(abs((np.sin(1.001) - np.sin(1.0)) / 1e-3 - np.cos(1.0)))
    assert central == pytest.approx(abs((np.sin(1.001) - np.sin(0.999)) / 2e-3 - np.cos(1.0)))


def test_on_the_parabola_the_forward_error_is_3h_and_the_central_one_only_round_off():
    h = np.array([1e-1, 1e-2, 1e-3])
    forward, central = measured_errors(PARABOLA, 2.0, h)
    np.testing.assert_allclose(forward, 3 * h, rtol=1e-9)
    assert np.all(central <= 10 * EPS * PARABOLA.fn(2.0) / h)  # f''' = 0: nothing but round-off
    assert best_step(PARABOLA, 2.0, "central") == math.inf


def test_truncation_errors_shrink_like_h_and_h_squared():
    h = np.array([1e-2, 1e-3])
    forward, central = measured_errors(SINE, 1.0, h)
    assert forward[0] / forward[1] == pytest.approx(10, rel=0.01)
    assert central[0] / central[1] == pytest.approx(100, rel=0.01)


def test_round_off_makes_tiny_steps_worse_roughly_like_eps_over_h():
    forward, central = measured_errors(SINE, 1.0, np.array([1e-13, 1e-8]))
    assert forward[0] > 100 * forward[1]
    assert central[0] > 1e-6  # far from the 1e-11 it reaches at its best
    assert forward[0] < 100 * EPS / 1e-13


def test_best_steps_follow_the_square_and_cube_roots_of_eps():
    forward = best_step(SINE, 1.0, "forward")
    central = best_step(SINE, 1.0, "central")
    assert forward == pytest.approx(math.sqrt(2 * EPS * abs(np.sin(1.0)) / abs(np.sin(1.0))))
    # the central run is 2h, so its round-off term is eps|f|/(2h) and h* is the cube root of 3 eps|f| / (2|f3|)
    assert central == pytest.approx((3 * EPS * abs(np.sin(1.0)) / (2 * abs(np.cos(1.0)))) ** (1 / 3))
    assert 0.1 < forward / math.sqrt(EPS) < 10
    assert 0.1 < central / EPS ** (1 / 3) < 10


def test_the_best_step_minimizes_the_modelled_error():
    for method in step_size_study.METHODS:
        best = best_step(SINE, 1.0, method)
        nearby = step_size_study.modelled_error(SINE, 1.0, np.array([best / 1.5, best, best * 1.5]), method)
        assert nearby[1] < nearby[0] and nearby[1] < nearby[2]


def test_at_the_best_step_the_two_error_terms_are_of_one_size():
    for method in step_size_study.METHODS:
        truncation, round_off = step_size_study.error_terms(SINE, 1.0, best_step(SINE, 1.0, method), method)
        assert 0.2 < truncation / round_off < 5


def test_at_the_best_step_forward_terms_are_equal_and_central_truncation_is_half_the_round_off():
    forward = step_size_study.error_terms(SINE, 1.0, best_step(SINE, 1.0, "forward"), "forward")
    central = step_size_study.error_terms(SINE, 1.0, best_step(SINE, 1.0, "central"), "central")
    assert forward[0] / forward[1] == pytest.approx(1.0)
    assert central[0] / central[1] == pytest.approx(0.5)


def test_the_central_round_off_term_divides_by_the_run_2h():
    _, forward = step_size_study.error_terms(SINE, 1.0, 1e-9, "forward")
    _, central = step_size_study.error_terms(SINE, 1.0, 1e-9, "central")
    assert forward == pytest.approx(EPS * np.sin(1.0) / 1e-9)
    assert central == pytest.approx(forward / 2)


def test_the_model_is_an_upper_estimate_on_the_round_off_side():
    study = study_step_sizes(SINE, 1.0)
    for method in step_size_study.METHODS:
        truncation, round_off = step_size_study.error_terms(SINE, 1.0, study.h, method)
        side = round_off > 10 * truncation
        ratio = getattr(study, f"{method}_error")[side] / getattr(study, f"{method}_model")[side]
        assert side.sum() > 20 and ratio.max() < 1 and 0.1 < np.median(ratio) < 0.5, method


def test_where_f_is_zero_the_model_has_no_best_step_rather_than_zero():
    assert math.isnan(best_step(SINE, 0.0, "central"))  # f(0) = 0: no round-off term to balance
    assert best_step(SINE, 0.0, "forward") == math.inf  # and f''(0) = 0: no truncation term either


def test_the_measured_best_step_lies_near_the_modelled_one():
    study = study_step_sizes(SINE, 1.0)
    for method in step_size_study.METHODS:
        ratio = study.best_h_measured[method] / study.best_h_model[method]
        assert 0.1 < ratio < 10, (method, ratio)
    assert study.best_h_measured["central"] > 100 * study.best_h_measured["forward"]


def test_dominant_error_names_the_regime():
    assert dominant_error(SINE, 1.0, 1e-3, "forward") == "truncation"
    assert dominant_error(SINE, 1.0, 1e-12, "forward") == "round-off"
    assert dominant_error(SINE, 1.0, 1e-7, "central") == "round-off"


def test_scalar_steps_give_floats_and_arrays_give_arrays():
    assert all(isinstance(value, float) for value in measured_errors(SINE, 1.0, 1e-4))
    truncation, round_off = step_size_study.error_terms(SINE, 1.0, np.array([1e-4, 1e-5]), "central")
    assert truncation.shape == round_off.shape == (2,)


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="method must be one of"):
        best_step(SINE, 1.0, "backward")
    with pytest.raises(TypeError, match="Curve"):
        measured_errors(np.sin, 1.0, 1e-4)
    with pytest.raises(ValueError, match="single number"):
        best_step(SINE, [1.0, 2.0], "forward")
    with pytest.raises(ValueError, match="at least two positive steps"):
        study_step_sizes(SINE, 1.0, [1e-3])
    with pytest.raises(ValueError, match="greater than 0"):
        measured_errors(SINE, 1.0, 0.0)
