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

q2 = NumberExercise(
    name="The slope of exp(sin(x²)) at x = 1",
    expected=lambda: math.exp(math.sin(1.0)) * math.cos(1.0) * 2.0,
    hint_text=(
        "Three links: u1 = x², u2 = sin(u1), y = exp(u2). Their local slopes are 2x, cos(u1) and exp(u2), each at its "
        "own input. Multiply them."
    ),
    solution_text="answer = np.exp(np.sin(1.0)) * np.cos(1.0) * 2.0   # inputs: x = 1, u1 = 1, u2 = sin 1",
    mistakes=[
        (math.exp(math.sin(1.0)) + math.cos(1.0) + 2.0,
         "you added the local slopes. The chain rule multiplies them."),
        (math.exp(1.0) * math.cos(1.0) * 2.0,
         "you took the slope of exp at x = 1, but its input is u2 = sin(1). "
         "Evaluate each local slope at its own input."),
        (math.exp(math.sin(1.0)), "that is the value y = exp(sin 1), not its slope."),
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
        (1.0, "1 is e⁰, the inner slope alone. The outer function is log, whose slope at u is 1/u: "
              "divide by u = 1 + e⁰."),
    ],
)

name_exercises(globals())
