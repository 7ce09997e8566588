"""Round-off-level numbers print as bounds that hold on every CPU, and refuse a bound without a wide margin."""
from __future__ import annotations

import pytest

from course_utils.formatting import format_above, format_below


def test_a_size_ten_times_under_the_bound_prints_the_bound_with_a_true_minus():
    assert format_below(5.7e-8, 1e-6) == "below 1e\u22126"
    assert format_below(-6.4e-8, 1e-6) == "below 1e\u22126"


def test_a_size_ten_times_over_the_bound_prints_the_bound():
    assert format_above(4.2e-6, 1e-7) == "above 1e\u22127"


@pytest.mark.parametrize("value", [2e-7, 9.9e-7, 1e-6, 3e-6, float("nan"), float("inf")])
def test_a_bound_without_a_tenfold_margin_is_refused(value):
    with pytest.raises(AssertionError, match="not 10× below"):
        format_below(value, 1e-6)


@pytest.mark.parametrize("value", [5e-7, 1e-7, 0.0, float("nan")])
def test_a_lower_bound_without_a_tenfold_margin_is_refused(value):
    with pytest.raises(AssertionError, match="not 10× above 1e-07"):
        format_above(value, 1e-7)


def test_the_refusal_tells_the_learner_what_to_do():
    with pytest.raises(AssertionError, match="run them again from the top"):
        format_below(1.0, 1e-6)
