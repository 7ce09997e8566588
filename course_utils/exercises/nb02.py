"""Exercises of 02_chain_rule_with_sympy: the chain rule, chains of local slopes, paths, activation slopes,
the sigmoid's slope derived by hand, and mixed chain- and product-rule practice."""
from __future__ import annotations

import math
import warnings

import numpy as np

from course_utils import activations
from course_utils.exercises import INCORRECT, FunctionExercise, NumberExercise, Slips, name_exercises
from course_utils.exercises.answers import error_text

#: q3's graph: one unit a feeds two outputs y1 and y2, which both feed the error E.
Q3_LOCAL_DERIVATIVES = {"∂E/∂y1": 0.6, "∂y1/∂a": 0.4, "∂E/∂y2": -0.3, "∂y2/∂a": 0.9}

_d = Q3_LOCAL_DERIVATIVES
_path_1 = _d["∂E/∂y1"] * _d["∂y1/∂a"]
_path_2 = _d["∂E/∂y2"] * _d["∂y2/∂a"]

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
        (4**4 * 3, "the factor 5 is missing: the outer slope of u^5 is 5u^4, not u^4. Multiply 5u^4 at u = 4 by "
                   "the inner slope 3."),
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
        (math.exp(_u2) * math.cos(_u1) * Q2_X,
         "the slope of x² is 2x, not x: the innermost link's local slope is 2x, so the last factor is "
         f"2·{Q2_X}."),
        (math.exp(_u2) * math.cos(_u1),
         "you left out the inner slope: d(x²)/dx = 2x. Every link of the chain contributes its slope."),
        (math.exp(_u2), "that is the value y = exp(sin(x²)), not its slope."),
    ],
)

q3 = NumberExercise(
    name="∂E/∂a through two outputs",
    expected=lambda: _path_1 + _path_2,
    hint_text="Two paths lead from a to E: a → y1 → E and a → y2 → E. Multiply along each path, then add the paths.",
    solution_text="answer = 0.6 * 0.4 + (-0.3) * 0.9   # the sum of the two path products",
    mistakes=[
        (_path_1, "that is only the path through y1. The unit a also reaches E through y2: add that path."),
        (_path_2, "that is only the path through y2. The unit a also reaches E through y1: add that path."),
        (_path_1 * _path_2, "you multiplied the two paths. Separate paths add; only steps along one path multiply."),
        ((_d["∂E/∂y1"] + _d["∂E/∂y2"]) * (_d["∂y1/∂a"] + _d["∂y2/∂a"]),
         "you added the ∂E/∂y's, added the ∂y/∂a's, and multiplied the two sums. That mixes the paths: each "
         "∂E/∂y belongs with its own ∂y/∂a. Multiply along each path first, then add the two products."),
        (sum(_d.values()),
         "you added all four local derivatives. Along one path the steps multiply: ∂E/∂y1·∂y1/∂a for the path "
         "through y1, ∂E/∂y2·∂y2/∂a for the path through y2. Then add the two products."),
    ],
)

q4 = NumberExercise(
    name="The sigmoid's slope when σ(z) = 0.75",
    expected=lambda: 0.75 * (1 - 0.75),
    hint_text="You do not need z: the sigmoid's slope can be written with its own value, σ'(z) = σ(z)(1 − σ(z)).",
    solution_text="answer = 0.75 * (1 - 0.75)   # 0.1875",
    mistakes=[
        (1 - 0.75**2, "that is tanh's rule 1 − tanh², applied to σ. For the sigmoid the rule is σ(1 − σ)."),
        (0.19, "that looks like the right value rounded to two digits, but the check needs six significant "
               "digits: compute σ(1 − σ) in Python and pass the full value."),
        (0.75 * (1 + 0.75), "you wrote σ(1 + σ). The second factor is 1 − σ(z), not 1 + σ(z): the slope is "
                            "σ(1 − σ), and it is never above 1/4."),
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


# --- q6: the sigmoid's slope by hand ------------------------------------------------------------------------------

_sigmoid = activations.get("sigmoid")


def _sigmoid_slope(x):
    return _sigmoid.grad(x)


def _e(x):
    return np.exp(-np.asarray(x, dtype=float))


class _NumpyFunctionExercise(FunctionExercise):
    """A function exercise tested on arrays: a math.exp or a SymPy formula gets advice that works on arrays."""

    def _run(self, code, args, where):
        with warnings.catch_warnings():  # SymPy warns when handed an array; the advice below says what to do
            warnings.filterwarnings("ignore", module=r"sympy\.")
            result, stopped = super()._run(code, args, where)
        if stopped is None and _from_sympy(result):
            return None, self._say(INCORRECT, f"{where} gave a SymPy expression, not numbers; {_ARRAY_ADVICE}")
        return result, stopped

    def _advice(self, error: Exception) -> str:
        text = error_text(error)  # str(error) itself may raise
        if isinstance(error, TypeError) and ("0-dimensional" in text or "length-1" in text):
            return (". math.exp (like math.sin and the rest of math) takes one number only, and the check passes "
                    "a whole array: use np.exp, which works on arrays entry by entry.")
        if _from_sympy(error) or "ImmutableDenseNDimArray" in text:
            return f". {_ARRAY_ADVICE[0].upper()}{_ARRAY_ADVICE[1:]}"
        return super()._advice(error)


def _from_sympy(obj) -> bool:
    """Whether an object (a result or an error) is one of SymPy's, without importing SymPy."""
    module = getattr(type(obj), "__module__", None)
    return isinstance(module, str) and module.startswith("sympy")


#: What a SymPy answer to an array exercise should become instead.
_ARRAY_ADVICE = ("the check passes a whole NumPy array, so write the formula with np.exp (or turn a SymPy "
                 "expression into a NumPy function with sp.lambdify(x, expression, \"numpy\") and return its value "
                 "at the input).")


q6 = _NumpyFunctionExercise(
    name="The sigmoid's slope, derived by hand",
    reference=_sigmoid_slope,
    test_inputs=[(np.array([-4.0, -1.5, 0.0, 0.5, 2.5]),), (np.array([-1.0, 3.0]),)],
    hint_text=(
        "Three links, each with its local slope at its own input: v = −x (slope −1), u = 1 + e^v (slope e^v, "
        "that is e^(−x)), σ = u^(−1) (slope −u^(−2), by the power rule). Multiply the three and write the result "
        "in x. Afterwards, split e^(−x)/(1 + e^(−x))² into [1/(1 + e^(−x))]·[e^(−x)/(1 + e^(−x))] and compare "
        "each factor with σ(x)."
    ),
    solution_text=(
        "def sigmoid_slope_by_hand(x):\n"
        "    return np.exp(-x) / (1 + np.exp(-x))**2   # (−u⁻²)·e⁻ˣ·(−1): the two minus signs cancel\n"
        "# and e⁻ˣ/(1 + e⁻ˣ)² = [1/(1 + e⁻ˣ)]·[e⁻ˣ/(1 + e⁻ˣ)] = σ(x)·(1 − σ(x)), since e⁻ˣ/(1 + e⁻ˣ) = 1 − σ(x)"
    ),
    mistakes=[
        (lambda x: -_e(x) / (1 + _e(x)) ** 2,
         "the sign is flipped. There are two minus signs and they cancel: the outer slope of u^(−1) is −u^(−2), and "
         "the inner slope of 1 + e^(−x) is −e^(−x), because the −x inside the exponential has slope −1. "
         "Keep both."),
        (lambda x: _sigmoid.fn(x) * (1 + _sigmoid.fn(x)),
         "you wrote σ(1 + σ). The second factor is e^(−x)/(1 + e^(−x)), which is 1 − σ(x), not 1 + σ(x): "
         "the slope is σ(1 − σ), and it is never above 1/4."),
        (lambda x: _e(x) / (1 + _e(x)),
         "the square is missing: that is e^(−x)/(1 + e^(−x)), which equals 1 − σ(x). The outer slope of u^(−1) is "
         "−u^(−2), so the denominator is (1 + e^(−x))²."),
        (lambda x: -1 / (1 + _e(x)) ** 2,
         "that is only the outer slope −u^(−2) at u = 1 + e^(−x). Multiply it by the inner slope, "
         "d(1 + e^(−x))/dx = −e^(−x)."),
        (lambda x: 1 - _sigmoid.fn(x) ** 2,
         "1 − σ² is the pattern of tanh's slope (1 − tanh²). For the sigmoid the chain rule gives σ(1 − σ)."),
        (lambda x: _sigmoid.fn(x), "that is σ(x) itself, the function. The question asks for its slope σ′(x)."),
        (lambda x: np.exp(np.asarray(x, dtype=float)) / (1 + _e(x)) ** 2,
         "you wrote e^(+x) in the numerator. The slope of e^(−x) is −e^(−x) (chain rule, inner slope −1), "
         "and with the outer −u^(−2) that gives +e^(−x)/(1 + e^(−x))²."),
    ],
)


# --- q7–q10: the chain rule and the product rule together ----------------------------------------------------------

#: q7's point: x² sin(3x) at x = 0.4, where each slip below gives a clearly different number.
Q7_X = 0.4
_f7, _g7 = Q7_X**2, math.sin(3 * Q7_X)
_df7, _dg7 = 2 * Q7_X, 3 * math.cos(3 * Q7_X)

q7 = NumberExercise(
    name=f"The slope of x²·sin(3x) at x = {Q7_X}",
    expected=lambda: _df7 * _g7 + _f7 * _dg7,
    hint_text=(
        "A product f·g with f = x² and g = sin(3x): (f·g)′ = f′·g + f·g′. And g is a chain: "
        f"d sin(3x)/dx = cos(3x)·3. Evaluate at x = {Q7_X}."
    ),
    solution_text=(
        f"answer = 2*{Q7_X}*np.sin(3*{Q7_X}) + {Q7_X}**2 * 3*np.cos(3*{Q7_X})   # f′g + fg′, with g′ = 3cos(3x)"
    ),
    mistakes=[
        (_df7 * _dg7, "you multiplied the two slopes, (x²)′·(sin 3x)′. The product rule adds two terms: "
                      "f′·g + f·g′."),
        (_df7 * _g7 + _f7 * math.cos(3 * Q7_X),
         "the second term lacks the inner slope: sin(3x) is a chain, so its slope is cos(3x)·3, not cos(3x)."),
        (_df7 * _g7 - _f7 * _dg7,
         "the second term has the wrong sign. Either you subtracted it (the product rule adds, f′·g + f·g′; the "
         "minus belongs to the quotient rule), or you took the slope of sin to be −cos; it is (sin u)′ = +cos u."),
        (_df7 * _g7 - _f7 * 3 * math.sin(3 * Q7_X),
         "you used −sin for the slope of sin. (sin u)′ = cos u; it is cos whose slope is −sin. So "
         "(sin 3x)′ = 3cos(3x)."),
        (_df7 * _g7, "that is only the first term, (x²)′·sin(3x). Add x²·(sin 3x)′ as well."),
        (_f7 * _dg7, "that is only the second term, x²·(sin 3x)′. Add (x²)′·sin(3x) as well."),
        (_f7 * _g7, f"that is the value x²·sin(3x) at x = {Q7_X}, not its slope."),
    ],
    slips=Slips(negated="check the signs of the two terms of f′·g + f·g′; both are positive here",
                doubled="the product rule has two terms, but each appears once"),
)

#: q8's point: x·e^(−x²) (a bump-shaped unit) at x = 0.8.
Q8_X = 0.8
_bump = math.exp(-Q8_X**2)

q8 = NumberExercise(
    name=f"The slope of x·e^(−x²) at x = {Q8_X}",
    expected=lambda: _bump * (1 - 2 * Q8_X**2),
    hint_text=(
        "A product of x and e^(−x²). The slope of e^(−x²) comes from the chain rule: e^u with u = −x², "
        "so e^(−x²)·(−2x)."
    ),
    solution_text=(
        f"answer = np.exp(-{Q8_X}**2) + {Q8_X} * np.exp(-{Q8_X}**2) * (-2*{Q8_X})   # = e^(−x²)(1 − 2x²)"
    ),
    mistakes=[
        (_bump * (1 + 2 * Q8_X**2),
         "the sign of the inner slope is lost: d(−x²)/dx = −2x, so the second term is x·e^(−x²)·(−2x), "
         "negative."),
        (_bump * (1 + Q8_X),
         "you took the slope of e^(−x²) to be e^(−x²), without the inner slope. By the chain rule it is "
         "e^(−x²)·(−2x)."),
        (_bump, "that is only the first term, (x)′·e^(−x²). Add x·(e^(−x²))′ as well."),
        (-2 * Q8_X**2 * _bump, "that is only the second term, x·(e^(−x²))′. Add (x)′·e^(−x²) = e^(−x²) as well."),
        (-2 * Q8_X * _bump, "you multiplied the two slopes, (x)′·(e^(−x²))′. The product rule adds two terms."),
        (Q8_X * _bump, f"that is the value x·e^(−x²) at x = {Q8_X}, not its slope."),
    ],
    slips=Slips(negated=f"at x = {Q8_X} the slope e^(−x²)(1 − 2x²) is negative, since 2x² > 1 there; "
                        "check the sign of each term"),
)

#: q9's point: SiLU, x·σ(x), at x = 1.2.
Q9_X = 1.2
_s9, _ds9 = float(_sigmoid.fn(Q9_X)), float(_sigmoid.grad(Q9_X))

q9 = NumberExercise(
    name=f"The slope of x·σ(x) at x = {Q9_X}",
    expected=lambda: _s9 + Q9_X * _ds9,
    hint_text=(
        "x·σ(x) is a product (it is the SiLU activation of notebook 03). (f·g)′ = f′·g + f·g′ with f = x, "
        "g = σ(x), and σ′ = σ(1 − σ)."
    ),
    solution_text=(
        f"s = 1 / (1 + np.exp(-{Q9_X}))\nanswer = s + {Q9_X} * s * (1 - s)   # σ(x) + x·σ′(x)"
    ),
    mistakes=[
        (_s9, "that is only the first term, (x)′·σ(x) = σ(x). Add x·σ′(x) as well."),
        (Q9_X * _ds9, "that is only the second term, x·σ′(x). Add (x)′·σ(x) = σ(x) as well."),
        (_ds9, "that is σ′(x) alone, the product of the two slopes (x)′·σ′(x). The product rule adds "
               "f′·g + f·g′."),
        (_s9 + _ds9, "the second term is x·σ′(x): you dropped the factor x."),
        (_s9 + Q9_X * _s9 * (1 + _s9), "σ′ is σ(1 − σ), not σ(1 + σ)."),
        (_s9 + Q9_X * (1 - _s9**2), "you used 1 − σ² for σ′: that is tanh's rule 1 − tanh², applied to σ. "
                                    "The sigmoid's slope is σ(1 − σ)."),
        (Q9_X * _s9, f"that is the value x·σ(x) at x = {Q9_X}, not its slope."),
    ],
    slips=Slips(negated=f"both terms, σ(x) and x·σ′(x), are positive at x = {Q9_X}, so the slope is too"),
)

#: q10's weight and input: y = w·tanh(w·x), a weight used in two places.
Q10_W, Q10_X = 0.5, 2.5
_t10 = math.tanh(Q10_W * Q10_X)
_dt10 = 1 - _t10**2

q10 = NumberExercise(
    name=f"∂y/∂w for y = w·tanh(w·x) at w = {Q10_W}, x = {Q10_X}",
    expected=lambda: _t10 + Q10_W * Q10_X * _dt10,
    hint_text=(
        "w appears twice, so y = f(w)·g(w) with f = w and g = tanh(w·x): use the product rule. The slope of "
        "g with respect to w is a chain: tanh′(u) = 1 − tanh²(u) at u = w·x, times ∂u/∂w = x. "
        "(In the graph picture: two paths lead from w to y, and they add.)"
    ),
    solution_text=(
        f"t = np.tanh({Q10_W} * {Q10_X})\n"
        f"answer = t + {Q10_W} * (1 - t**2) * {Q10_X}   # path through the outer w + path through tanh"
    ),
    mistakes=[
        (_t10, "you treated the w inside tanh as a constant: that is only tanh(w·x), the path through the outer w. "
               "Add the path through tanh, w·tanh′(w·x)·x."),
        (Q10_W * Q10_X * _dt10, "you treated the outer w as a constant: that is only the path through tanh. "
                                "Add the path through the outer w, tanh(w·x)."),
        (_t10 + Q10_W * _dt10, "the inner slope is missing: ∂(w·x)/∂w = x, so the second term is w·tanh′(w·x)·x."),
        (_t10 + Q10_W * Q10_X * (1 - _t10), "tanh′ is 1 − tanh², not 1 − tanh."),
        (Q10_X * _dt10, "you multiplied the two slopes, (w)′·(tanh(w·x))′. The product rule adds the two terms, "
                        "one per place where w appears."),
        (Q10_W * _t10, "that is the value y = w·tanh(w·x) itself, not its slope."),
    ],
    slips=Slips(negated="both paths, tanh(w·x) and w·tanh′(w·x)·x, are positive here, so their sum is too"),
)

name_exercises(globals())
