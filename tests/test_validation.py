"""validation.check_number: a TypeError for the wrong kind of value, a ValueError for a value out of range."""
from __future__ import annotations

import math

import numpy as np
import pytest

from course_utils.validation import check_number, require_count, require_positive


@pytest.mark.parametrize("flag", [True, False])
def test_a_bool_is_refused_even_though_python_counts_it_as_a_number(flag):
    with pytest.raises(TypeError, match="lr must be a number, got bool"):
        check_number(flag, "lr")
    with pytest.raises(TypeError, match="steps must be a whole number, got bool"):
        check_number(flag, "steps", integer=True)


@pytest.mark.parametrize("value", ["0.1", [0.1], None, np.array([0.1, 0.2])])
def test_text_or_a_container_is_refused_with_a_message_naming_what_to_pass(value):
    with pytest.raises(TypeError, match=r"lr must be a number such as 0\.1, got"):
        check_number(value, "lr", example="0.1")


@pytest.mark.parametrize("kwargs, value, words", [
    ({"low": 0, "include_low": False}, 0.0, "lr must be a finite number greater than 0; got 0.0"),
    ({"low": 0}, -0.1, "lr must be a finite number of at least 0; got -0.1"),
    ({"high": 1, "include_high": False}, 1.0, "lr must be a finite number less than 1"),
    ({"high": 1}, 2.0, "lr must be a finite number of at most 1"),
    ({"low": 0, "high": 1, "include_high": False}, 1.0, r"lr must be in \[0, 1\); got 1.0"),
    ({"low": 0, "high": 1, "include_low": False}, 0.0, r"lr must be in \(0, 1\]"),
    ({"low": 0, "include_low": False, "example": "1e-5"}, -1.0, "greater than 0, such as 1e-5; got -1.0"),
])
def test_a_value_out_of_range_gets_a_value_error_that_says_the_allowed_range(kwargs, value, words):
    with pytest.raises(ValueError, match=words):
        check_number(value, "lr", **kwargs)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_nan_and_inf_are_refused_unless_allowed(value):
    with pytest.raises(ValueError, match="lr = .* is not finite; it must be a finite number greater than 0"):
        check_number(value, "lr", low=0, include_low=False)
    assert check_number(math.inf, "bound", finite=False) == math.inf


def test_an_integer_check_refuses_a_float_even_a_whole_one_and_returns_an_int():
    with pytest.raises(TypeError, match="depth must be a whole number such as 10, got float: 2.0"):
        check_number(2.0, "depth", integer=True, example="10")
    with pytest.raises(ValueError, match="depth must be at least 1; got 0"):
        check_number(0, "depth", low=1, integer=True)
    value = check_number(np.int64(3), "depth", low=1, integer=True)
    assert value == 3 and type(value) is int


def test_an_accepted_number_comes_back_as_a_plain_float():
    value = check_number(np.float32(0.5), "lr", low=0, high=1)
    assert value == 0.5 and type(value) is float
    assert check_number(0, "lr", low=0) == 0.0 and type(check_number(0, "lr", low=0)) is float


def test_the_shorthands_are_check_number_with_their_bounds():
    assert require_count(3, "steps") == 3
    with pytest.raises(ValueError, match="seed must be at least 0"):
        require_count(-1, "seed", minimum=0)
    assert require_positive(0.5, "lr") == 0.5
    with pytest.raises(ValueError, match="the step h must be a finite number greater than 0, such as 1e-5"):
        require_positive(0.0, "the step h", example="1e-5")
