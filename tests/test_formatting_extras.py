"""Exponential readouts look like a log slider's own readout; printed tables line up."""
from __future__ import annotations

import pytest

from course_utils.formatting import format_exponential, format_table


@pytest.mark.parametrize("value, digits, text", [
    (1e-8, 1, "1.0e\u22128"),
    (1.778e-8, 1, "1.8e\u22128"),
    (0.1, 1, "1.0e\u22121"),
    (3.16e-15, 0, "3e\u221215"),
    (2.5e3, 2, "2.50e3"),
    (-4.2e-5, 1, "\u22124.2e\u22125"),
])
def test_exponential_text_has_no_exponent_padding_and_a_true_minus(value, digits, text):
    assert format_exponential(value, digits) == text


def test_non_finite_values_are_named():
    assert format_exponential(float("inf")) == "∞"
    assert format_exponential(float("nan")) == "NaN"


def test_table_columns_are_right_aligned_under_their_headers():
    text = format_table(["h", "slope"], [["0.1", "16.3000"], ["0.0001", "16.0003"]])
    lines = text.splitlines()
    assert lines[0] == "     h    slope"
    assert lines[1] == "------  -------"
    assert lines[3] == "0.0001  16.0003"
    assert len({len(line) for line in lines}) == 1


def test_a_row_with_the_wrong_number_of_cells_is_refused():
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        format_table(["h", "slope"], [["0.1"]])
