"""Readouts print numbers the same way everywhere, with a true minus and never a negative zero."""
from __future__ import annotations

import pytest

from course_utils.formatting import MINUS, format_loss, format_number


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (0.25, 4, "0.2500"),
        (-1.5, 2, f"{MINUS}1.50"),
        (-0.00001, 4, "0.0000"),
        (float("nan"), 4, "NaN"),
        (float("inf"), 4, "∞"),
        (float("-inf"), 4, f"{MINUS}∞"),
    ],
)
def test_format_number(value, digits, text):
    assert format_number(value, digits) == text


def test_the_minus_is_the_typographic_one():
    assert MINUS == "\u2212"


@pytest.mark.parametrize(("value", "text"), [
    (0.25, "0.2500"), (0.0, "0.0000"), (3.5085e-05, "3.51e-05"), (12.0, "12.0000"),
])
def test_format_loss_never_hides_a_small_loss_as_zero(value, text):
    assert format_loss(value) == text
