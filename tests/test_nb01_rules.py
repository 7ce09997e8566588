"""The rules of differentiation in notebook 01: every rule agrees with SymPy and with a central difference."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.lessons.nb01 import rules


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda rule: rule.name)
def test_every_rule_agrees_with_sympy_and_a_central_difference(rule):
    check = rules.check_rule(rule)
    assert check.sympy_agrees and check.central_agrees, rule


@pytest.mark.parametrize("at", [0.7, 2.5])
def test_the_rules_hold_at_other_points_too(at):
    assert all(check.sympy_agrees and check.central_agrees for check in rules.check_all(at))


def test_a_wrong_rule_is_caught_by_both_checks():
    product_of_slopes = rules.Rule("product, wrong", "(g·k)′ = g′·k′", "x**2*sin(x)", "2*x*cos(x)")
    check = rules.check_rule(product_of_slopes)
    assert not check.sympy_agrees and not check.central_agrees


def test_the_check_point_is_not_a_point_where_slips_hide():
    assert rules.CHECK_POINT not in (0.0, 1.0)  # x² = x and ln x = 0 there


def test_the_table_rows_carry_the_slope_by_the_rule():
    rows = rules.rule_table_rows(rules.check_all())
    assert [row[0] for row in rows] == [rule.name for rule in rules.RULES]
    power = rows[[rule.name for rule in rules.RULES].index("power")]
    assert float(power[3]) == pytest.approx(5 * rules.CHECK_POINT**4, abs=1e-6)
    assert all(row[4] == "yes" and row[5] == "yes" for row in rows)


def test_the_sine_rule_gives_cos_at_the_check_point():
    sine = next(rule for rule in rules.RULES if rule.name == "sine")
    assert rules.check_rule(sine).slope_by_rule == pytest.approx(np.cos(rules.CHECK_POINT))


def test_bad_input_gets_a_clear_message():
    with pytest.raises(TypeError, match="RULES"):
        rules.check_rule("power")
    with pytest.raises(TypeError):
        rules.check_rule(rules.RULES[0], at="1.5")
