"""Exercises of 01_limits_and_derivatives: difference quotients, central differences, and choosing h."""
from __future__ import annotations

import numpy as np

from course_utils.calculus import central_difference, forward_difference
from course_utils.exercises import FunctionExercise, NumberExercise, name_exercises
from course_utils.lessons.nb01.curves import PARABOLA, SINE
from course_utils.lessons.nb01.step_size_study import measured_errors

f = PARABOLA.fn

#: The steps offered in q4 and q5, from large to tiny.
STEP_CHOICES = (1e-2, 1e-5, 1e-8, 1e-11, 1e-14)


def best_choice(method: str, x: float = 1.0) -> float:
    """The step among STEP_CHOICES whose measured error for the slope of sin at x is smallest."""
    forward, central = measured_errors(SINE, x, np.array(STEP_CHOICES))
    errors = forward if method == "forward" else central
    return STEP_CHOICES[int(np.argmin(errors))]


def _quotient_without_parentheses(h):
    """The quotient as the course's source printed it (section 3 shows it too), the parentheses around f(2) missing."""
    return (3 * (2 + h) ** 2 + 4 * (2 + h) + 6 - 3 * 2**2 + 4 * 2 + 6) / h


q1 = FunctionExercise(
    name="Fix the difference quotient at x = 2",
    reference=lambda h: (f(2 + h) - f(2)) / h,
    test_inputs=[(0.1,), (1e-3,), (1e-4,)],
    hint_text="Write the rise f(2 + h) − f(2) with f(2) = 3·2² + 4·2 + 6 inside parentheses, then divide by the run h.",
    solution_text=(
        "def quotient(h):\n"
        "    return (3*(2 + h)**2 + 4*(2 + h) + 6 - (3*2**2 + 4*2 + 6)) / h"
    ),
    mistakes=[
        (_quotient_without_parentheses, "this is the source's slip. Without parentheses around f(2) the minus sign "
                                        "only reaches 3·2², so 4·2 + 6 is added instead of subtracted. Put all of "
                                        "f(2) in parentheses."),
        (lambda h: f(2 + h) - f(2), "you computed the rise f(2 + h) − f(2); divide it by the run h to get a slope."),
        (lambda h: PARABOLA.grad(2.0), "you get 16 for every h: that is the limit f′(2), the slope of the tangent "
                                       "(a central difference gives it too, exactly, for a parabola). For a step h "
                                       "the forward quotient (f(2 + h) − f(2))/h is a little more: 16 + 3h."),
        (lambda h: (f(2 + h) - f(2)) / (2 * h), "you divided by 2h. The run from x = 2 to x = 2 + h is h: divide the "
                                                "rise by h alone."),
    ],
)

q2 = FunctionExercise(
    name="Central differences",
    reference=central_difference,
    # The large step 0.5 tells a function that ignores its h (a fixed 1e-5, or the exact slope) from the real thing.
    test_inputs=[(np.sin, 1.0, 1e-5), (np.exp, 0.5, 1e-4), (np.cos, -2.0, 1e-3), (np.exp, 0.0, 0.5)],
    hint_text="Step h to each side of x: take f(x + h) − f(x − h) and divide by the distance between the two points.",
    solution_text="def central(f, x, h):\n    return (f(x + h) - f(x - h)) / (2 * h)",
    mistakes=[
        (lambda fn, x, h: (fn(x + h) - fn(x - h)) / h,
         "you divided by h, but x − h and x + h are 2h apart: divide by 2h."),
        (forward_difference, "that is the forward difference (f(x + h) − f(x))/h. Use the points x + h and x − h."),
        (lambda fn, x, h: (fn(x + h) - fn(x - h)) / 2 * h,
         "Python reads a / 2 * h as (a / 2) * h, so you multiplied by h. Write / (2 * h), with parentheses."),
        (lambda fn, x, h: (fn(x) - fn(x - h)) / h,
         "that is the backward difference (f(x) − f(x − h))/h. Use both outer points, x + h and x − h."),
        (lambda fn, x, h: central_difference(fn, x, 1e-5),
         "your function ignores the step h it is given (it uses a fixed small step, or the exact slope): with "
         "h = 0.5 the central difference of exp at 0 is (e^0.5 − e^−0.5)/1 ≈ 1.042, not 1. Use h itself."),
    ],
)

q3 = NumberExercise(
    name="The slope of sin x at x = π/3",
    expected=lambda: np.cos(np.pi / 3),
    hint_text=(
        "Use central_difference(np.sin, np.pi / 3, 1e-5). A forward difference with h = 1e-5 is only good to about "
        "5 digits here (its error is about h·|f''|/2), and the check wants 6."
    ),
    solution_text="answer = central_difference(np.sin, np.pi / 3, 1e-5)   # ≈ 0.5, which is cos(π/3)",
    mistakes=[
        (np.sin(np.pi / 3), "about 0.866 is sin(π/3), the height of the curve. The question asks for its slope."),
        (np.cos(60.0), "that is the slope at x = 60 radians. NumPy works in radians: π/3 is np.pi / 3, not 60."),
        (forward_difference(np.sin, np.pi / 3, 1e-5),
         "that is the forward difference with h = 1e-5: its error, about h·|f''|/2, leaves only 5 correct digits, "
         "and the question asks for 6. Use central_difference(np.sin, np.pi / 3, 1e-5)."),
    ],
)

#: The predictions the question names: √ε balances the forward difference's two errors, ∛ε the central one's.
ROOT_EPS, CUBE_ROOT_EPS = np.sqrt(np.finfo(float).eps), np.cbrt(np.finfo(float).eps)
_PICK = ("The question asks which of the listed steps gives the smallest error: pick the listed step nearest to it, "
         "then check your pick with the step-size explorer.")

_TOO_SMALL = "at this h round-off error, about ε·|f(x)|/h, is far larger than the truncation error. Try a larger h."
_TOO_LARGE = "at this h the truncation error (the part that shrinks with h) is still the larger one. Try a smaller h."

q4 = NumberExercise(
    name="The best h for the forward difference",
    expected=lambda: best_choice("forward"),
    hint_text=(
        "Balance the two errors: truncation |f''|·h/2 against round-off ε·|f|/h, with ε ≈ 2.2e-16 and |f|, |f''| "
        "about 1. They are equal near h = √ε. Or read it off the step-size explorer."
    ),
    solution_text="answer = 1e-8   # near √ε ≈ 1.5e-8, where truncation and round-off are about equal",
    mistakes=[
        (1e-14, _TOO_SMALL), (1e-11, _TOO_SMALL), (1e-5, _TOO_LARGE), (1e-2, _TOO_LARGE),
        (ROOT_EPS, f"that is √ε ≈ {ROOT_EPS:.2g}, the prediction. {_PICK}"),
        (CUBE_ROOT_EPS, f"∛ε ≈ {CUBE_ROOT_EPS:.2g} is the prediction for the central difference. The forward "
                        "difference's truncation error shrinks only like h, so its best step is nearer √ε."),
    ],
    choices=STEP_CHOICES,
    atol=0.0,  # the choices are tiny numbers: compare them relatively only, so 1e-11 is never taken for 1e-14
)

q5 = NumberExercise(
    name="The best h for the central difference",
    expected=lambda: best_choice("central"),
    hint_text=(
        "The central difference's truncation error |f'''|·h²/6 shrinks faster than the forward one's, so it can "
        "afford a larger h. Balance it against ε·|f|/h: they are equal near h = ∛ε."
    ),
    solution_text="answer = 1e-5   # near ∛ε ≈ 6e-6",
    mistakes=[
        (1e-8, "1e-8 is the forward difference's best step. The central difference's truncation error shrinks like "
               "h², so it reaches the round-off floor at a larger h."),
        (1e-11, _TOO_SMALL), (1e-14, _TOO_SMALL), (1e-2, _TOO_LARGE),
        (CUBE_ROOT_EPS, f"that is ∛ε ≈ {CUBE_ROOT_EPS:.2g}, the prediction. {_PICK}"),
        (ROOT_EPS, f"√ε ≈ {ROOT_EPS:.2g} balances the forward difference's errors. The central difference's "
                   "truncation error shrinks like h², so it balances later, near ∛ε."),
    ],
    choices=STEP_CHOICES,
    atol=0.0,
)

name_exercises(globals())
