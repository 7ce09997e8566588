"""Exercises of 01_limits_and_derivatives: difference quotients, one-sided slopes, the rules, and choosing h."""
from __future__ import annotations

import math
import warnings

import numpy as np

from course_utils.calculus import central_difference, forward_difference
from course_utils.exercises import INCORRECT, SILENT, FunctionExercise, NumberExercise, Slips, name_exercises
from course_utils.lessons.nb01.curves import PARABOLA, SINE
from course_utils.lessons.nb01.one_sided import secant_slope
from course_utils.lessons.nb01.step_size_study import measured_errors

f = PARABOLA.fn

#: The steps offered in q4 and q5, from large to tiny.
STEP_CHOICES = (1e-2, 1e-5, 1e-8, 1e-11, 1e-14)


def best_choice(method: str, x: float = 1.0) -> float:
    """The step among STEP_CHOICES whose measured error for the slope of sin at x is smallest."""
    forward, central = measured_errors(SINE, x, np.array(STEP_CHOICES))
    errors = forward if method == "forward" else central
    return STEP_CHOICES[int(np.argmin(errors))]


class _QuietFunctionExercise(FunctionExercise):
    """A function exercise whose check silences NumPy's 0/0 and overflow warnings: the feedback names the slip."""

    def _judge(self, learner_fn):
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return super()._judge(learner_fn)


class _ListExercise(NumberExercise):
    """A number exercise whose answer is a list: a list typed in quotes is told to drop the quotes."""

    def _judge(self, answer):
        if isinstance(answer, str) and answer.strip().startswith(("[", "(")):
            return self._say(INCORRECT, "you typed the list as text, in quotes: remove the quotes, so that "
                                        "answer is a list of two numbers, [left, right].")
        return super()._judge(answer)


def _quotient_without_parentheses(h):
    """The quotient as section 3 shows it, with the parentheses around f(2) missing."""
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
        (_quotient_without_parentheses, "this is section 3's slip. Without parentheses around f(2) the minus sign "
                                        "only reaches 3·2², so 4·2 + 6 is added instead of subtracted. Put all of "
                                        "f(2) in parentheses."),
        (lambda h: f(2 + h) - f(2), "you computed the rise f(2 + h) − f(2); divide it by the run h to get a slope."),
        (lambda h: PARABOLA.grad(2.0), "you get 16 for every h: that is the limit f′(2), the slope of the tangent "
                                       "(a central difference gives it too, exactly, for a parabola). For a step h "
                                       "the forward quotient (f(2 + h) − f(2))/h is a little more: 16 + 3h."),
        (lambda h: (f(2) - f(2 - h)) / h, "that is the backward difference (f(2) − f(2 − h))/h, the secant to the "
                                          "left of x = 2, whose slope is 16 − 3h. The question asks for the secant "
                                          "to the right, through 2 and 2 + h: (f(2 + h) − f(2))/h."),
        (lambda h: (f(2 + h) - f(2)) / (2 * h), "you divided by 2h. The run from x = 2 to x = 2 + h is h: divide the "
                                                "rise by h alone."),
    ],
    slips=Slips(negated="the rise is f(2 + h) − f(2), the value at the right point minus the value at x = 2"),
)

q2 = _QuietFunctionExercise(
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
        (lambda fn, x, h: (fn(h + x) - fn(h - x)) / (2 * x),
         "your function takes the step before the point: the check calls central(f, x, h), so x comes second "
         "and h third. (Called with x = 0 and h = 0.5, yours divided 0 by 0.)"),
        (lambda fn, x, h: central_difference(fn, x, 1e-5),
         "your function ignores the step h it is given (it uses a fixed small step, or the exact slope): with "
         "h = 0.5 the central difference of exp at 0 is (e^0.5 − e^−0.5)/1 ≈ 1.042, not 1. Use h itself."),
    ],
    slips=Slips(negated="subtract the left value from the right one, f(x + h) − f(x − h)"),
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
        (1.0, "that is twice the answer: a central difference divides by 2h, the distance between x − h and "
              "x + h; did you divide by h? (1 is also cos 0, the slope of sin at x = 0; the question asks about "
              "x = π/3.)"),
        (-np.sin(np.pi / 3), "that is −sin(π/3), the slope of cos x there. The slope of sin x is cos x."),
    ],
    slips=Slips(negated="sin is rising at π/3 (it climbs from 0 at x = 0 to 1 at π/2), so its slope is positive",
                doubled=SILENT),  # twice the answer is exactly 1.0, a listed mistake above
)

#: The predictions the question names: √ε balances the forward difference's two errors, ∛ε the central one's.
ROOT_EPS, CUBE_ROOT_EPS = np.sqrt(np.finfo(float).eps), np.cbrt(np.finfo(float).eps)
_PICK = ("The question asks which of the listed steps gives the smallest error: pick the listed step nearest to it, "
         "then check your pick with the step-size explorer.")


def _too_small(round_off: str) -> str:
    """The message for a step on the round-off side, with the method's round-off term as section 8 writes it."""
    return f"at this h round-off error, about {round_off}, is far larger than the truncation error. Try a larger h."


_TOO_SMALL_FORWARD, _TOO_SMALL_CENTRAL = _too_small("ε·|f(x)|/h"), _too_small("ε·|f(x)|/(2h)")
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
        (1e-14, _TOO_SMALL_FORWARD), (1e-11, _TOO_SMALL_FORWARD), (1e-5, _TOO_LARGE), (1e-2, _TOO_LARGE),
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
        "afford a larger h. Balance it against the round-off ε·|f|/(2h): they are equal near h = ∛ε."
    ),
    solution_text="answer = 1e-5   # near ∛ε ≈ 6e-6",
    mistakes=[
        (1e-8, "1e-8 is the forward difference's best step. The central difference's truncation error shrinks like "
               "h², so it reaches the round-off floor at a larger h."),
        (1e-11, _TOO_SMALL_CENTRAL), (1e-14, _TOO_SMALL_CENTRAL), (1e-2, _TOO_LARGE),
        (CUBE_ROOT_EPS, f"that is ∛ε ≈ {CUBE_ROOT_EPS:.2g}, the prediction. {_PICK}"),
        (ROOT_EPS, f"√ε ≈ {ROOT_EPS:.2g} balances the forward difference's errors. The central difference's "
                   "truncation error shrinks like h², so it balances later, near ∛ε."),
    ],
    choices=STEP_CHOICES,
    atol=0.0,
)

def kinked(x):
    """q6's function: f(x) = |x| + 2x, a kink at 0 (slope 1 to the left, 3 to the right)."""
    return np.abs(x) + 2 * x


def _one_sided_limits(f, x: float = 0.0, h: float = 1e-9) -> list:
    """[left, right] secant slopes at x with a tiny step: the two one-sided limits of a piecewise-linear f."""
    return [round(secant_slope(f, x, -h), 6), round(secant_slope(f, x, h), 6)]


q6 = _ListExercise(
    name="The two slopes of f(x) = |x| + 2x at x = 0",
    expected=lambda: _one_sided_limits(kinked),
    hint_text=(
        "Left of 0, |x| = −x, so f(x) = −x + 2x; right of 0, |x| = x, so f(x) = x + 2x. Each piece is a line: read "
        "off its slope. Or compute secant_slope(kinked, 0.0, -1e-6) and secant_slope(kinked, 0.0, 1e-6)."
    ),
    solution_text="answer = [1, 3]   # left: −x + 2x = x has slope 1; right: x + 2x = 3x has slope 3",
    mistakes=[
        ([-1.0, 1.0], "those are the slopes of |x| alone. The 2x adds its slope 2 on both sides."),
        ([2.0, 2.0], "those are the slopes of 2x alone; |x| adds −1 on the left and +1 on the right."),
        ([-1.0, 3.0], "the right slope is right, but on the left |x| = −x: its slope −1 plus 2 from 2x gives 1."),
        (2.0, "2 is the slope of the central difference (f(h) − f(−h))/(2h) here: it averages the two sides and "
              "hides the kink. The question asks for two numbers, [left, right]."),
    ],
    order="the two slopes are swapped: the left slope (x < 0) comes first, then the right one: [left, right].",
    slips=Slips(negated="f rises on both sides of 0 as x grows, since 2x outweighs |x|",
                doubled=SILENT, halved=SILENT),
)


def with_log(x):
    """q7's function: f(x) = x²·ln x, a product of two functions, both of which change with x."""
    return x**2 * np.log(x)


def _truncated(value: float, digits: int) -> float:
    """value cut off (not rounded) after that many significant digits: 9.5917 → 9.591 for 4."""
    scale = 10.0 ** (digits - 1 - math.floor(math.log10(abs(value))))
    return math.trunc(value * scale) / scale


def _explain_truncation(value: np.ndarray) -> str | None:
    """q7's slip of cutting the slope off after four or five digits instead of rounding it."""
    exact = q7.expected()
    for digits in (4, 5):
        cut = _truncated(exact, digits)
        if value.ndim == 0 and cut != round(exact, digits - 1 - math.floor(math.log10(abs(exact)))) \
                and abs(float(value) - cut) <= 1e-12 * abs(cut):
            return (f"you cut the number off after {digits} significant digits. Round rather than truncate: to 4 "
                    f"significant digits the slope is {round(exact, 3):.3f}.")
    return None


#: Where q7 asks for the slope (not 1, where ln x = 0 would hide half the product rule).
PRODUCT_POINT = 3.0

q7 = NumberExercise(
    name="The slope of x²·ln x at x = 3, by the product rule",
    expected=lambda: 2 * PRODUCT_POINT * math.log(PRODUCT_POINT) + PRODUCT_POINT,
    hint_text=(
        "Product rule with g = x² and k = ln x: g′·k + g·k′ = 2x·ln x + x²·(1/x). Put x = 3 in, then compare with "
        "central_difference(with_log, 3.0)."
    ),
    solution_text="answer = 2*3*np.log(3) + 3**2 * (1/3)   # = 6 ln 3 + 3 ≈ 9.5917",
    mistakes=[
        (2.0, "that is g′·k′ = 2x · (1/x): the product of the two derivatives. The product rule is g′·k + g·k′."),
        (2 * PRODUCT_POINT * math.log(PRODUCT_POINT),
         "that is only g′·k = 2x·ln x. Add the second term, g·k′ = x²·(1/x)."),
        (PRODUCT_POINT, "that is only g·k′ = x²·(1/x) = x. Add the first term, g′·k = 2x·ln x."),
        (PRODUCT_POINT**2 * math.log(PRODUCT_POINT), "that is f(3) = 9 ln 3, the height of the curve, not its slope."),
        (2 * PRODUCT_POINT * math.log(PRODUCT_POINT) - PRODUCT_POINT,
         "the two terms of the product rule are added, not subtracted: g′·k + g·k′ (the minus is in the quotient "
         "rule)."),
        (2 * PRODUCT_POINT * math.log10(PRODUCT_POINT) + PRODUCT_POINT / math.log(10),
         "you used the base-10 logarithm. ln is the natural logarithm, np.log; np.log10 is another function."),
    ],
    digits=4,  # "at least four significant digits": 9.592
    explain=_explain_truncation,
    slips=Slips(negated="the slope is positive here: both x² and ln x grow at x = 3", doubled=SILENT,
                halved=SILENT),
)


name_exercises(globals())
