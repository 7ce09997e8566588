"""The rules of differentiation notebook 02 uses, each checked by SymPy and by a central difference.

The chain rule combines slopes the learner must already know: powers, exp, log, sin, cos,
sums and products. Each rule comes with one example worked by the rule; SymPy differentiates
the example independently, and a central difference checks the value at a point.
SymPy is imported inside the functions, so importing this module stays fast.
"""
from __future__ import annotations

from typing import NamedTuple

from course_utils.calculus import central_difference, relative_error
from course_utils.formatting import format_below, format_number, format_table
from course_utils.validation import check_number


class Rule(NamedTuple):
    """One rule of differentiation and an example: f, and f′ as the rule gives it (both SymPy expressions of x)."""

    name: str
    statement: str
    example: object
    by_rule: object


def differentiation_rules() -> list[Rule]:
    """The rules, each with an example whose derivative is written the way the rule says (not by SymPy)."""
    import sympy as sp

    x = sp.Symbol("x")
    return [
        Rule("constant", "(c)′ = 0", sp.Integer(7), sp.Integer(0)),
        Rule("power", "(xⁿ)′ = n·xⁿ⁻¹", x**5, 5 * x**4),
        Rule("power, n = −1", "(1/x)′ = −1/x²", 1 / x, -1 / x**2),
        Rule("constant factor", "(c·f)′ = c·f′", 3 * x**2, 3 * (2 * x)),
        Rule("sum", "(f + g)′ = f′ + g′", x**3 + x, 3 * x**2 + 1),
        Rule("exp", "(eˣ)′ = eˣ", sp.exp(x), sp.exp(x)),
        Rule("log", "(ln x)′ = 1/x", sp.log(x), 1 / x),
        Rule("sin", "(sin x)′ = cos x", sp.sin(x), sp.cos(x)),
        Rule("cos", "(cos x)′ = −sin x", sp.cos(x), -sp.sin(x)),
        Rule("product", "(f·g)′ = f′·g + f·g′", x**2 * sp.sin(x), 2 * x * sp.sin(x) + x**2 * sp.cos(x)),
    ]


def rule_checks(point: float = 1.3) -> list[tuple[Rule, bool, float, float]]:
    """Per rule: does SymPy agree exactly, f′(point) by the rule, and its relative error to a central difference."""
    import sympy as sp

    point = check_number(point, "point", example="1.3")
    if point <= 0:
        raise ValueError(f"point must be positive (ln x and 1/x need x > 0), got {point}.")
    x = sp.Symbol("x")
    checks = []
    for rule in differentiation_rules():
        agrees = sp.simplify(sp.diff(rule.example, x) - rule.by_rule) == 0
        value = float(rule.by_rule.subs(x, point))
        numeric = central_difference(_numeric(rule.example, x), point, 1e-5)
        checks.append((rule, agrees, value, relative_error(value, numeric)))
    return checks


def rules_table(point: float = 1.3) -> str:
    """The rules as a printable table: the rule, an example, its slope by the rule, and the two checks."""
    import sympy as sp

    rows = [
        [rule.name, rule.statement, sp.sstr(rule.example), sp.sstr(rule.by_rule), str(agrees),
         format_number(value, 4), format_below(error, 1e-8)]
        for rule, agrees, value, error in rule_checks(point)
    ]
    return format_table(["rule", "statement", "example f(x)", "f′(x) by the rule", "SymPy agrees",
                         f"f′({point:g})", "vs central difference"], rows)


def _numeric(expression, x):
    """The example as a NumPy function that returns an array even for a constant (7 stays 7 + 0·t)."""
    import sympy as sp

    f = sp.lambdify(x, expression, "numpy")
    return lambda t: f(t) + 0.0 * t
