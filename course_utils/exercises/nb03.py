"""The exercises of 03_activation_functions: slopes of activations, saturation, the derivatives of softmax,
log-sum-exp, and the one-sign weight gradients of inputs that are not zero-centred.
"""
from __future__ import annotations

import math

import numpy as np

from course_utils.activations import ACTIVATIONS, get, softmax, softmax_jacobian
from course_utils.exercises import FunctionExercise, NumberExercise, Slips, name_exercises
from course_utils.exercises.base import INCORRECT, Feedback

#: The input and target of the softmax + cross-entropy exercise.
LOGITS = np.array([2.0, 1.0, 0.1])
TARGET = np.array([0.0, 1.0, 0.0])
#: The input of the Jacobian row-sum exercise.
JACOBIAN_INPUT = np.array([1.0, 2.0, 3.0])
#: The weight-gradient exercise: one unit's inputs (sigmoid outputs, all positive) and its δ = ∂L/∂z.
UNIT_INPUTS = np.array([0.7, 0.1, 0.4])
UNIT_DELTA = -0.5
# The checks use their own copies: a notebook cell that edits LOGITS in place cannot move the right answer.
_LOGITS, _TARGET, _JACOBIAN_INPUT = LOGITS.copy(), TARGET.copy(), JACOBIAN_INPUT.copy()
_UNIT_INPUTS = UNIT_INPUTS.copy()


def _leaky_grad(x, alpha):
    return get("leaky_relu", alpha=alpha).grad(x)


q1 = FunctionExercise(
    name="The derivative of leaky ReLU",
    reference=_leaky_grad,
    test_inputs=[(np.array([-3.0, -0.5, 0.5, 2.0]), 0.1), (np.array([-10.0, 4.0]), 0.01), (np.array([-1.0, 1.0]), 0.3)],
    hint_text=(
        "The slope is 1 where x > 0 and α where x < 0. np.where(condition, value_if_true, value_if_false) "
        "builds that elementwise."
    ),
    solution_text="def leaky_relu_grad(x, alpha):\n    return np.where(x > 0, 1.0, alpha)",
    mistakes=[
        (lambda x, alpha: np.where(x > 0, x, alpha * x),
         "that is leaky ReLU itself, f(x). The question asks for its slope f′(x): 1 or α, not x or αx."),
        (lambda x, alpha: np.where(x > 0, 1.0, 0.0),
         "that is ReLU's derivative. Leaky ReLU's slope for x < 0 is α, not 0: that is the whole point of the leak."),
        (lambda x, alpha: np.where(x > 0, alpha, 1.0),
         "the two slopes are swapped: the slope is 1 for x > 0 and α for x < 0."),
        (lambda x, alpha: np.where(x > 0, 1.0, 0.01),
         "you wrote α = 0.01, leaky ReLU's usual default. The function gets alpha as an argument: use it, so "
         "that any α works."),
        (lambda x, alpha: np.where(x > 0, 1.0, alpha * x),
         "for x < 0 you returned αx, the function's value there. Its slope is α itself: d(αx)/dx = α."),
    ],
    slips=Slips(negated="leaky ReLU rises on both sides of 0, so its slope is never negative: 1 for x > 0, "
                        "α for x < 0"),
)


def _by_slope_at_3() -> list:
    """The registered activations, steepest at x = 3 first."""
    return sorted(ACTIVATIONS.values(), key=lambda act: act.grad(3.0), reverse=True)


def _names(acts) -> str:
    """Display names joined for a sentence: 'ReLU, leaky ReLU, ELU and linear'."""
    names = [act.display_name for act in acts]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


_STEEPEST, _RUNNER_UP = _by_slope_at_3()[:2]
_SLOPE_ONE = [act for act in ACTIVATIONS.values() if act.grad(3.0) == 1.0]
_STEEPER_THAN_ONE = [act for act in ACTIVATIONS.values() if act.grad(3.0) > 1.0]
_HIGHEST_AT_3 = max(ACTIVATIONS.values(), key=lambda act: act.fn(3.0))
_SLOPE_GRID = np.linspace(-10.0, 10.0, 20001)  # the summary table's grid


def _steepest_overall(act) -> tuple[float, float]:
    """The largest slope an activation takes over all x (the table's max-slope column) and where: not f′(3)."""
    slopes = act.grad(_SLOPE_GRID)
    i = int(np.argmax(slopes))
    return float(slopes[i]), float(_SLOPE_GRID[i])


def _overall_maximum_mistakes() -> list:
    """The steepest slopes over all x of the activations steeper than 1, exact and as the table rounds them."""
    found = []
    for act in _STEEPER_THAN_ONE:
        peak, where = _steepest_overall(act)
        message = (f"that is {act.display_name}'s steepest slope over all x (the summary table's max-slope column, "
                   f"reached near x = {where:.2f}), not its slope at x = 3. Compute act.grad(3.0) for each activation.")
        found += [(peak, message), (float(f"{peak:.3g}"), message)]
    return found


q2 = NumberExercise(
    name="The steepest activation at x = 3",
    expected=lambda: _STEEPEST.grad(3.0),
    hint_text=(
        "Loop over activations.ACTIVATIONS.values() and compute act.grad(3.0) for each; the largest is the answer. "
        "Surprised? Look at the summary table's max-slope column."
    ),
    solution_text=(
        f"answer = max(act.grad(3.0) for act in activations.ACTIVATIONS.values())  # {_STEEPEST.display_name}, "
        "whose slope overshoots 1 before settling down to 1"
    ),
    mistakes=[
        (1.0, f"1 is the slope of {_names(_SLOPE_ONE)} at x = 3, but {_names(_STEEPER_THAN_ONE)} are "
              f"{'both ' if len(_STEEPER_THAN_ONE) == 2 else ''}steeper than 1 there. Compute them all."),
        (_HIGHEST_AT_3.fn(3.0),
         f"that is the largest value f(3) ({_HIGHEST_AT_3.display_name}'s), not the largest slope. "
         "Use act.grad, not act.fn."),
        (3.0, "3 is the value f(3) of ReLU and its relatives, not a slope. Use act.grad, not act.fn."),
        (_RUNNER_UP.grad(3.0), f"that is {_RUNNER_UP.display_name}'s slope: steeper than 1, but not the steepest "
                               f"at x = 3. Compare it with {_STEEPEST.display_name}'s."),
        *_overall_maximum_mistakes(),
    ],
    slips=Slips(negated="every one of the nine activations is rising at x = 3, so every slope there is positive"),
    rtol=1e-4,
)


_SATURATED_SIGMA = (1.0 + math.sqrt(1.0 - 4 * 0.01)) / 2  # the root of s(1 − s) = 0.01 with s > 1/2


def _sigmoid_saturation_start() -> float:
    return math.log(_SATURATED_SIGMA / (1.0 - _SATURATED_SIGMA))



q3 = NumberExercise(
    name="Where the sigmoid starts to saturate",
    expected=_sigmoid_saturation_start,
    hint_text=(
        "Solve σ(x)(1 − σ(x)) = 0.01 for σ(x) (a quadratic in s = σ(x)), take the root above 1/2, "
        "then undo the sigmoid: x = ln(s / (1 − s)). Or search numerically over a fine grid."
    ),
    solution_text=(
        "s = (1 + math.sqrt(1 - 0.04)) / 2; answer = math.log(s / (1 - s))  # about 4.585"
    ),
    mistakes=[
        (4.58, "4.58 is the summary table's rounded value. Compute the point yourself, to at least three decimals: "
               "solve σ(x)(1 − σ(x)) = 0.01."),
        (4.59, "4.59 lies halfway between the right point and ln 99 ≈ 4.595, where σ(x) itself reaches 0.99, so it "
               "cannot tell them apart. Give three decimals: solve σ(x)(1 − σ(x)) = 0.01."),
        (4.6, f"4.6 rounds both the right point, {_sigmoid_saturation_start():.3f}, and ln 99 ≈ "
              f"{math.log(99.0):.3f}, where σ(x) itself reaches 0.99, to one decimal, so it cannot tell them "
              "apart. Give three decimals: solve σ(x)(1 − σ(x)) = 0.01."),
        (math.log(0.99 / 0.01), "that is where σ(x) itself reaches 0.99. The question is where the slope "
                                "σ′(x) = σ(x)(1 − σ(x)) falls to 0.01."),
        (-math.log(0.99 / 0.01), "two slips: the sign is flipped (the question asks for x > 0), and ln 99 ≈ "
                                 "4.595 is where σ(x) itself reaches 0.99, not where its slope σ(x)(1 − σ(x)) "
                                 "falls to 0.01."),
        (_SATURATED_SIGMA, "that is σ(x) at the point, the root s of s(1 − s) = 0.01: step one of the hint. Now "
                           "undo the sigmoid: x = ln(s / (1 − s))."),
        (1.0 - _SATURATED_SIGMA, "that is 1 − σ(x) at the point, the smaller root of s(1 − s) = 0.01. Take the root "
                                 "above 1/2, then undo the sigmoid: x = ln(s / (1 − s))."),
        (math.acosh(10.0), "that is where tanh saturates (tanh′ = 1 − tanh² = 0.01). The sigmoid's slope is "
                           "σ(1 − σ), and it saturates later."),
    ],
    slips=Slips(negated="the sigmoid's slope is symmetric, so σ′ is 0.01 at −x too, but the question asks for "
                        "the point with x > 0"),
    rtol=1e-4,
    digits=4,  # "at least three decimals": 4.585
)


q4 = NumberExercise(
    name="Row sums of the softmax Jacobian",
    expected=lambda: softmax_jacobian(_JACOBIAN_INPUT).sum(axis=1),
    hint_text=(
        "Row i of the Jacobian holds ∂s_i/∂x_j for every j. Compute softmax_jacobian(JACOBIAN_INPUT).sum(axis=1). "
        "Then explain it: the row sum Σ_j ∂s_i/∂x_j is how much s_i changes when every score moves up by the same "
        "small amount, and softmax ignores a constant shift of all its scores (section 6, the stable softmax)."
    ),
    solution_text=(
        "answer = softmax_jacobian(JACOBIAN_INPUT).sum(axis=1)  # zeros: Σ_j ∂s_i/∂x_j is the change of s_i when "
        "every score rises by the same amount c, and softmax(x + c) = softmax(x), so it is 0 for any input"
    ),
    mistakes=[
        (softmax(_JACOBIAN_INPUT), "those are the softmax outputs s themselves. Sum the rows of the Jacobian "
                                   "diag(s) − s sᵀ instead."),
        (softmax(_JACOBIAN_INPUT) * (1 - softmax(_JACOBIAN_INPUT)),
         "that is only the diagonal s_i(1 − s_i). Each row also holds the off-diagonal entries −s_i s_j."),
        (np.ones(3), "1 is the sum of the softmax outputs. Each row of the Jacobian sums their derivatives, "
                     "and a sum that is always 1 does not change."),
        (softmax_jacobian(_JACOBIAN_INPUT), "that is the Jacobian itself, a 3 × 3 matrix. The question asks for "
                                            "the sum of each of its rows: .sum(axis=1)."),
        (-softmax_jacobian(_JACOBIAN_INPUT), "that is −J, the Jacobian with every sign flipped (J = diag(s) − s sᵀ), "
                                             "and not yet summed: the question asks for the sum of each row."),
        (0.0, "that is one number, the sum of all nine entries. The question asks for one sum per row: "
              ".sum(axis=1)."),
    ],
    atol=1e-8,  # the notebook's own finite-difference Jacobian is good to about 1e-10
)


q5 = NumberExercise(
    name="The gradient of cross-entropy through softmax",
    expected=lambda: softmax(_LOGITS) - _TARGET,
    hint_text=(
        "For L = −Σ t_i log s_i with s = softmax(x), "
        "the gradient ∂L/∂x is as simple as it gets: s minus something."
    ),
    solution_text="answer = softmax(LOGITS) - TARGET  # s − t",
    mistakes=[
        (softmax(_LOGITS), "that is s alone: the gradient is s − t, so subtract the target."),
        (-_TARGET / softmax(_LOGITS),
         "that is ∂L/∂s, the gradient with respect to the probabilities. Chain it through the softmax Jacobian "
         "to get ∂L/∂x."),
        (_LOGITS - _TARGET, "you subtracted the target from the scores themselves. The gradient is s − t with "
                            "s = softmax(LOGITS), the probabilities."),
        (get("sigmoid").fn(_LOGITS) - _TARGET,
         "you applied the sigmoid to each score on its own. Softmax normalizes over all the scores together: "
         "s = softmax(LOGITS), then s − t."),
    ],
    slips=Slips(negated="the gradient is s − t, not t − s"),
)


class _OverflowAwareFunctionExercise(FunctionExercise):
    """A FunctionExercise on extreme inputs: an inf or NaN result is told as the overflow (or log 0) it is.

    ``finite_only_mistakes`` are slips that overflow on the extreme inputs themselves, so they cannot be
    matched on every input as listed mistakes are; they are recognised on the input where the answer
    first goes wrong, when it is finite there.
    """

    finite_only_mistakes: tuple = ()

    def _run(self, code, args, where):
        with np.errstate(all="ignore"):  # the feedback names the overflow; numpy's warning would only repeat it
            return super()._run(code, args, where)

    def _mismatch(self, index, values, references) -> Feedback:
        value = values[index]
        if isinstance(value, np.ndarray) and value.size and not np.all(np.isfinite(value)):
            return self._say(INCORRECT, _non_finite_message(self.test_inputs[index][0], value))
        if isinstance(value, np.ndarray):
            for wrong, message in self.finite_only_mistakes:
                with np.errstate(all="ignore"):
                    slipped = np.asarray(wrong(np.array(self.test_inputs[index][0])), dtype=float)
                if np.all(np.isfinite(slipped)) and np.allclose(value, slipped, rtol=1e-9, atol=0.0):
                    shown = ", ".join(f"{v:g}" for v in np.ravel(self.test_inputs[index][0]))
                    return self._say(INCORRECT, f"for the scores [{shown}]: {message}")
        return super()._mismatch(index, values, references)


#: e^x overflows to inf above this x, and underflows to 0 below _UNDERFLOW (float64).
_OVERFLOW = math.log(np.finfo(float).max)  # ≈ 709.78
_UNDERFLOW = math.log(np.finfo(float).smallest_subnormal) - math.log(2.0)  # ≈ −745.13
#: The listed naive mistake's message; _non_finite_message repeats it where the raw scores overflow.
_RAW_SCORES = ("exponentiating the scores themselves overflows (e^1000 is inf in float64), and changing the scores, "
               "for example by clipping them, changes the answer: shift by the largest score m and add it back.")


def _non_finite_message(scores, value) -> str:
    """What an inf or NaN result on these scores says: an overflow (+inf), log 0 (−inf) or inf − inf (NaN)."""
    x = np.asarray(scores, dtype=float)
    result = float(np.ravel(value)[~np.isfinite(np.ravel(value))][0])
    spread, top = float(np.max(x) - np.min(x)), float(np.max(x))
    shown = ", ".join(f"{v:g}" for v in np.ravel(x))
    parts = [f"for the scores [{shown}] your function returned {result:g}."]
    too_far_apart = (f"Shift by the largest score m, not by a smaller number such as the first score or the mean: "
                     f"these scores span {spread:g}, so a smaller shift can leave an exponent up to e^{spread:g}, "
                     "beyond e^709.8.")
    if result == math.inf:
        parts.append("In float64 e^x overflows to inf above x ≈ 709.8.")
        if spread > _OVERFLOW:
            parts.append(too_far_apart)
        elif top > _OVERFLOW:
            parts.append(f"These scores span only {spread:g}, so the trouble is their size (they reach {top:g}), "
                         f"not the choice of shift: {_RAW_SCORES}")
        else:
            parts.append("These scores are small and close together, so the inf came from your own arithmetic: "
                         "look for a shift that adds instead of subtracts, or a division by 0.")
    elif result == -math.inf:
        parts.append("That is log 0 = −inf: most likely every term of your sum underflowed to 0, since in float64 "
                     "e^x is 0 below x ≈ −745.")
        if top < _UNDERFLOW:
            parts.append(f"These scores are all below −745 (the largest is {top:g}), so no shift, or a shift by 0 "
                         "as max(m, 0) makes it, leaves every term 0: shift by the largest score m itself.")
        else:
            parts.append(f"These scores reach {top:g}, so your shift pushed every exponent below −745: shift by "
                         "the largest score m, not by a larger or a fixed number.")
    else:
        if top > _OVERFLOW or float(np.min(x)) < _UNDERFLOW:
            parts.append("NaN comes from inf − inf or 0 · inf: e^x overflows to inf above x ≈ 709.8 and "
                         "underflows to 0 below x ≈ −745.")
        else:
            parts.append("These scores are small, so nothing overflowed: the NaN came from your own arithmetic, "
                         "such as the log of a negative number or 0/0.")
        if spread > _OVERFLOW:
            parts.append(too_far_apart)
    parts.append("With m = np.max(x), m + log Σ e^(x_i − m) has every exponent ≤ 0 and a largest term e^0 = 1, "
                 "so it never overflows and never takes log 0.")
    return " ".join(parts)


def _logsumexp(x):
    m = np.max(x)
    return m + np.log(np.sum(np.exp(x - m)))


def _quiet(fn):
    """A listed mistake evaluated without numpy's overflow warnings (the check's message names the overflow)."""
    def quiet(x):
        with np.errstate(all="ignore"):
            return fn(x)
    return quiet


q6 = _OverflowAwareFunctionExercise(
    name="A log-sum-exp that never overflows",
    reference=_logsumexp,
    test_inputs=[(np.array([1.0, 2.0, 3.0]),), (np.array([1000.0, 1001.0, 1002.0]),),
                 (np.array([-1000.0, -1000.0]),), (np.array([0.0, -800.0, 5.0, 2.0]),),
                 # the top score not first, and a spread beyond ~1420: a shift by the first score or the mean overflows
                 (np.array([0.0, 1000.0]),), (np.array([1000.0, -1000.0]),)],
    hint_text=(
        "log Σ e^(x_i) = m + log Σ e^(x_i − m) for any number m, because e^(x_i) = e^m · e^(x_i − m). "
        "Choose m = np.max(x)."
    ),
    solution_text=(
        "def log_sum_exp(x):\n    m = np.max(x)\n    return m + np.log(np.sum(np.exp(x - m)))"
    ),
    mistakes=[
        (lambda x: np.max(x),
         "you returned the largest score m alone. log Σ e^(x_i) is m plus log Σ e^(x_i − m), a correction "
         "between 0 and log n that counts how many scores are near the top."),
        (lambda x: np.log(np.sum(np.exp(x - np.max(x)))),
         "you subtracted the largest score m but never added it back: log Σ e^(x_i) = m + log Σ e^(x_i − m)."),
        (lambda x: np.max(x) + np.sum(np.exp(x - np.max(x))),
         "the log is missing: you returned m + Σ e^(x_i − m), not m + log Σ e^(x_i − m)."),
        (lambda x: np.max(x) - np.log(np.sum(np.exp(x - np.max(x)))),
         "the correction has the wrong sign: it is m + log Σ e^(x_i − m), and log Σ e^(x_i − m) ≥ 0, so the "
         "result is never below the largest score."),
        (lambda x: np.max(x) + np.log(np.mean(np.exp(x - np.max(x)))),
         "you averaged the exponentials (np.mean) instead of summing them: that is off by log n."),
        (_quiet(lambda x: np.log(np.sum(np.exp(x)))), _RAW_SCORES),
    ],
)
q6.finite_only_mistakes = (
    (lambda x: np.max(x) + np.log(np.sum(np.exp(x))),
     "you added the largest score m but never subtracted it inside the exponent, so m is counted twice (and "
     "e^x still overflows for large scores). Subtract it first: m + log Σ e^(x_i − m)."),
)


def _weight_gradient():
    return UNIT_DELTA * _UNIT_INPUTS


def _explain_signs(value: np.ndarray) -> str | None:
    """Targeted feedback on a predicted sign vector that is neither right nor all +1."""
    if not np.all(np.isin(value, (-1.0, 1.0))):
        return ("answer with signs only, +1 or −1 for each weight (for example np.array([1, -1, 1])); the "
                "gradient itself is the next part of the question.")
    return ("the signs differ from entry to entry, but each entry is δ·a_i with one and the same δ, and every "
            "input a_i is positive (a sigmoid output), so all entries share one sign: the sign of δ.")


q7_signs = NumberExercise(
    name="The signs of a unit's weight gradients",
    expected=lambda: np.sign(UNIT_DELTA * _UNIT_INPUTS),
    hint_text=(
        "∂L/∂w_i = δ·a_i. What is the sign of a product of δ and a positive number? Look at the sign of UNIT_DELTA."
    ),
    solution_text=(
        "answer = np.array([-1, -1, -1])  # every a_i > 0, so every δ·a_i has the sign of δ = UNIT_DELTA < 0"
    ),
    mistakes=[
        (np.sign(_UNIT_INPUTS), "those are the signs of the inputs a_i, all positive. The gradient δ·a_i multiplies "
                                "each by δ, and δ = UNIT_DELTA is negative."),
    ],
    explain=_explain_signs,
    slips=Slips(negated="each entry is δ·a_i with a_i > 0, so it has the sign of δ, and δ = UNIT_DELTA is negative"),
)


q7 = NumberExercise(
    name="The weight gradients of a unit whose inputs are all positive",
    expected=_weight_gradient,
    hint_text=(
        "z = w1·a1 + w2·a2 + w3·a3 + b, so ∂z/∂w_i = a_i, and by the chain rule ∂L/∂w_i = (∂L/∂z)(∂z/∂w_i) = δ·a_i."
    ),
    solution_text=(
        "answer = UNIT_DELTA * UNIT_INPUTS  # δ·a: every entry has δ's sign, because every a_i > 0"
    ),
    mistakes=[
        (_UNIT_INPUTS.copy(), "those are the inputs a_i = ∂z/∂w_i. The loss's gradient multiplies them by "
                              "δ = ∂L/∂z (the chain rule): δ·a."),
        (np.full(3, UNIT_DELTA), "that is δ = ∂L/∂z repeated, the gradient of the bias. Each weight's gradient "
                                 "is δ times its own input: δ·a_i."),
        (_UNIT_INPUTS / UNIT_DELTA, "you divided by δ. The chain rule multiplies: ∂L/∂w_i = δ·a_i."),
    ],
    slips=Slips(negated="∂L/∂w = δ·a, not −δ·a (the minus sign belongs to the descent step w − η·∂L/∂w)"),
)

name_exercises(globals())
