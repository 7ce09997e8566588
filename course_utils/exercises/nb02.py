"""Exercises of 02_chain_rule_with_sympy: the chain rule, chains of local slopes, paths, and activation slopes."""
from __future__ import annotations

import math

from course_utils import activations
from course_utils.exercises import NumberExercise, name_exercises

#: q3's graph: one unit a feeds two outputs y1 and y2, which both feed the error E.
Q3_LOCAL_DERIVATIVES = {"dE/dy1": 0.6, "dy1/da": 0.4, "dE/dy2": -0.3, "dy2/da": 0.9}

_d = Q3_LOCAL_DERIVATIVES
_path_1 = _d["dE/dy1"] * _d["dy1/da"]
_path_2 = _d["dE/dy2"] * _d["dy2/da"]

q1 = NumberExercise(
    name="The slope of (3x + 1)^5 at x = 1",
    expected=lambda: 5 * (3 * 1 + 1) ** 4 * 3,
    hint_text=(
        "Outer function u^5, inner u = 3x + 1. "
        "Multiply the outer slope 5u^4, taken at u = 4, by the inner slope."
    ),
    solution_text="answer = 5 * (3*1 + 1)**4 * 3   # outer slope at u = 4, times inner slope 3",
    mistakes=[
        (5 * 4**4, "that is only the outer slope 5u^4 at u = 4. Multiply by the inner slope, d(3x + 1)/dx = 3."),
        (5 * 1**4 * 3,
         "you took the outer slope at x = 1, but it belongs at the inner function's value u = 3·1 + 1 = 4."),
        (4**5, "that is the value (3·1 + 1)^5, not its slope."),
    ],
)

#: q2's point. Not 1: there x² = x, so a cos taken at x instead of at u1 = x² would pass unnoticed.
Q2_X = 0.8
_u1 = Q2_X**2
_u2 = math.sin(_u1)

q2 = NumberExercise(
    name=f"The slope of exp(sin(x²)) at x = {Q2_X}",
    expected=lambda: math.exp(_u2) * math.cos(_u1) * 2 * Q2_X,
    hint_text=(
        "Three links: u1 = x², u2 = sin(u1), y = exp(u2). Their local slopes are 2x, cos(u1) and exp(u2), each at its "
        f"own input. Multiply them, at x = {Q2_X}."
    ),
    solution_text=(
        f"answer = np.exp(np.sin({Q2_X}**2)) * np.cos({Q2_X}**2) * 2 * {Q2_X}   "
        f"# inputs: x = {Q2_X}, u1 = x² = {_u1:.2f}, u2 = sin(u1)"
    ),
    mistakes=[
        (math.exp(_u2) + math.cos(_u1) + 2 * Q2_X, "you added the local slopes. The chain rule multiplies them."),
        (math.exp(Q2_X) * math.cos(_u1) * 2 * Q2_X,
         f"you took the slope of exp at x = {Q2_X}, but its input is u2 = sin(x²). "
         "Evaluate each local slope at its own input."),
        (math.exp(_u2) * math.cos(Q2_X) * 2 * Q2_X,
         "you took the slope of sin at x, but sin's input is u1 = x². Evaluate each local slope at its own input: "
         "cos(u1)."),
        (math.exp(math.sin(Q2_X)) * math.cos(Q2_X) * 2 * Q2_X,
         "you used sin(x) where the chain has sin(x²): the input of sin is u1 = x², in exp(sin(u1)) and in cos(u1)."),
        (math.exp(_u2) * math.cos(_u1),
         "you left out the inner slope: d(x²)/dx = 2x. Every link of the chain contributes its slope."),
        (math.exp(_u2), "that is the value y = exp(sin(x²)), not its slope."),
    ],
)

q3 = NumberExercise(
    name="dE/da through two outputs",
    expected=lambda: _path_1 + _path_2,
    hint_text="Two paths lead from a to E: a → y1 → E and a → y2 → E. Multiply along each path, then add the paths.",
    solution_text="answer = 0.6 * 0.4 + (-0.3) * 0.9   # the sum of the two path products",
    mistakes=[
        (_path_1, "that is only the path through y1. The unit a also reaches E through y2: add that path."),
        (_path_2, "that is only the path through y2. The unit a also reaches E through y1: add that path."),
        (_path_1 * _path_2, "you multiplied the two paths. Separate paths add; only steps along one path multiply."),
    ],
)

q4 = NumberExercise(
    name="The sigmoid's slope when σ(z) = 0.75",
    expected=lambda: 0.75 * (1 - 0.75),
    hint_text="You do not need z: the sigmoid's slope can be written with its own value, σ'(z) = σ(z)(1 − σ(z)).",
    solution_text="answer = 0.75 * (1 - 0.75)   # 0.1875",
    mistakes=[
        (1 - 0.75**2, "1 − σ² is the rule for tanh. For the sigmoid it is σ(1 − σ)."),
        (0.75, "0.75 is σ(z), the value. The slope is σ(z)(1 − σ(z))."),
        (0.25, "0.25 is 1 − σ(z). Multiply it by σ(z)."),
        (activations.get("sigmoid").grad(0.75), "that is σ′(0.75), the slope at z = 0.75. But 0.75 is the output "
                                                "σ(z), not z: put it into σ(z)(1 − σ(z))."),
    ],
)


softplus = activations.get("softplus")

q5 = NumberExercise(
    name="The slope of softplus log(1 + eˣ) at x = 0",
    expected=lambda: softplus.grad(0.0),
    hint_text="Differentiate sp.log(1 + sp.exp(x)) with sp.diff, then substitute x = 0 with .subs(x, 0).",
    solution_text=(
        "answer = float(sp.diff(sp.log(1 + sp.exp(x)), x).subs(x, 0))   # 1/2: softplus' is exactly the sigmoid"
    ),
    mistakes=[
        (softplus.fn(0.0), "that is log 2, the value of softplus at 0. The question asks for its slope."),
        (activations.get("sigmoid").grad(0.0), "0.25 is σ'(0). Softplus' slope is σ itself, so take σ(0)."),
        (activations.get("sigmoid").fn(1.0), "that is the slope at x = 1. The question asks for the slope at x = 0."),
        (1.0, "1 is e⁰, the inner slope alone. The outer function is log, whose slope at u is 1/u: "
              "divide by u = 1 + e⁰."),
    ],
)

name_exercises(globals())
