"""The independent checks of the walk-through agree with its chain rule, and would disagree with a wrong one."""
from __future__ import annotations

import math

import pytest

from course_utils import walkthrough
from course_utils.lessons.nb04 import walkthrough_checks


@pytest.fixture(scope="module")
def rows():
    return walkthrough_checks.gradient_comparison(walkthrough.starting_network())


def test_there_is_one_row_per_parameter_in_order(rows):
    assert [row[0] for row in rows] == list(walkthrough.PARAMETERS)


def test_sympy_agrees_with_the_chain_rule_to_rounding(rows):
    assert max(row[4] for row in rows) < 1e-12


def test_finite_differences_agree_with_the_chain_rule(rows):
    assert max(row[5] for row in rows) < 1e-6


def test_sympy_sees_a_changed_network():
    p = dict(walkthrough.starting_network(), w5=-0.7, t1=0.8)
    by_sympy = walkthrough_checks.sympy_gradients(p)
    by_chain = walkthrough.backward(p)
    assert by_sympy == pytest.approx(by_chain, rel=1e-12)
    assert by_sympy["dE/dw5"] != pytest.approx(walkthrough.backward(walkthrough.starting_network())["dE/dw5"])


def test_the_symbolic_error_evaluates_to_the_forward_pass():
    error, symbols = walkthrough_checks.symbolic_error()
    p = walkthrough.starting_network()
    value = float(error.subs({symbols[name]: p[name] for name in walkthrough.NETWORK_KEYS}))
    assert value == pytest.approx(walkthrough.forward(p)["E_total"], rel=1e-14)


def test_finite_differences_name_a_missing_parameter():
    p = walkthrough.starting_network()
    del p["c1"]
    with pytest.raises(ValueError, match="missing c1"):
        walkthrough_checks.finite_difference_gradients(p)


def test_finite_differences_follow_the_squash_they_are_given():
    p = walkthrough.starting_network()
    flipped = walkthrough_checks.finite_difference_gradients(p, squash=lambda v: 1.0 / (1.0 + math.exp(v)))
    assert flipped["dE/dw5"] != pytest.approx(walkthrough.backward(p)["dE/dw5"], rel=0.1)


def test_per_parameter_errors_show_that_a_flipped_sigmoid_fails_only_through_the_output_layer():
    import numpy as np

    from course_utils import walkthrough
    from course_utils.lessons.nb04 import walkthrough_checks

    def flipped(v):
        return 1.0 / (1.0 + np.exp(v))

    errors = walkthrough_checks.per_parameter_errors(walkthrough.starting_network(), flipped)
    failing = {name for name, (_, _, error) in errors.items() if error > 1}
    assert failing == {"w5", "w6", "w7", "w8", "c2"}
    assert all(abs(errors[name][2] - 2.0) < 1e-9 for name in failing)
    assert all(errors[name][2] < 1e-7 for name in ("w1", "w2", "w3", "w4", "c1"))
