"""The rules of differentiation, each stated with an example and checked two independent ways.

Every rule's derivative is typed here by hand, as a learner would write it by the rule; SymPy
differentiates the example itself, and a central difference estimates the slope from values of
f alone. A rule is only shown if all three agree.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
import sympy

from course_utils.calculus import central_difference, relative_error
from course_utils.validation import check_number

#: The variable of every example.
x = sympy.Symbol("x", real=True)

#: Where the examples are checked: not 0 or 1, where x² = x and other coincidences hide a slip.
CHECK_POINT = 1.5

#: How close a central difference (h = 1e-5) must come to the rule: its truncation error is ~1e-10 here.
CENTRAL_TOLERANCE = 1e-8


class Rule(NamedTuple):
    """One rule: its name, the rule in words and symbols, an example f and f′ of that example by the rule."""

    name: str
    statement: str
    example: str
    by_rule: str


#: The rules notebook 01 teaches, in the order it teaches them. ``example`` and ``by_rule`` are SymPy text.
RULES = (
    Rule("constant", "(c)′ = 0", "7", "0"),
    Rule("power", "(xⁿ)′ = n·xⁿ⁻¹", "x**5", "5*x**4"),
    Rule("constant multiple", "(c·g)′ = c·g′", "3*x**2", "3*2*x"),
    Rule("sum", "(g + k)′ = g′ + k′", "x**3 + x**2", "3*x**2 + 2*x"),
    Rule("product", "(g·k)′ = g′·k + g·k′", "x**2*sin(x)", "2*x*sin(x) + x**2*cos(x)"),
    Rule("quotient", "(g/k)′ = (g′·k − g·k′)/k²", "sin(x)/x", "(cos(x)*x - sin(x)*1)/x**2"),
    Rule("exponential", "(eˣ)′ = eˣ", "exp(x)", "exp(x)"),
    Rule("logarithm", "(ln x)′ = 1/x  (x > 0)", "log(x)", "1/x"),
    Rule("sine", "(sin x)′ = cos x", "sin(x)", "cos(x)"),
    Rule("cosine", "(cos x)′ = −sin x", "cos(x)", "-sin(x)"),
)


class RuleCheck(NamedTuple):
    """One rule checked at a point: the slope by the rule, and whether SymPy and a central difference agree."""

    rule: Rule
    slope_by_rule: float
    sympy_agrees: bool
    central_difference: float
    central_agrees: bool


def _parse(text: str) -> sympy.Expr:
    """SymPy text as an expression in the real variable x (not a fresh complex one)."""
    return sympy.sympify(text, locals={"x": x})


def sympy_agrees(rule: Rule) -> bool:
    """True when SymPy's derivative of the example minus the rule's simplifies to 0 (wherever both exist)."""
    return sympy.simplify(sympy.diff(_parse(rule.example), x) - _parse(rule.by_rule)) == 0


def check_rule(rule: Rule, at: float = CHECK_POINT) -> RuleCheck:
    """The rule's slope at one point, SymPy's verdict, and a central difference of the example beside it."""
    if not isinstance(rule, Rule):
        raise TypeError(f"rule must be one of rules.RULES, got {type(rule).__name__}.")
    at = check_number(at, "at (the point to check at)", example="1.5")
    slope = float(_parse(rule.by_rule).subs(x, at))
    f = sympy.lambdify(x, _parse(rule.example), modules="numpy")
    estimate = float(central_difference(lambda v: f(v) + 0 * v, at))  # + 0·v: a constant example still maps arrays
    agrees = relative_error(np.float64(estimate), np.float64(slope)) < CENTRAL_TOLERANCE
    return RuleCheck(rule, slope, sympy_agrees(rule), estimate, bool(agrees))


def check_all(at: float = CHECK_POINT) -> list[RuleCheck]:
    """Every rule of RULES checked at one point."""
    return [check_rule(rule, at) for rule in RULES]


def rule_table_rows(checks: list[RuleCheck]) -> list[list[str]]:
    """Rows for format_table: rule, example, f′ by the rule, its value, and the two verdicts."""
    return [[check.rule.name, check.rule.example, check.rule.by_rule,
             f"{check.slope_by_rule:.6f}", "yes" if check.sympy_agrees else "NO",
             "yes" if check.central_agrees else "NO"] for check in checks]
