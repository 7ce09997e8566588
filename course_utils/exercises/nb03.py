"""The exercises of 03_activation_functions: slopes of activations, saturation, and the derivatives of softmax."""
from __future__ import annotations

import math

import numpy as np

from course_utils.activations import ACTIVATIONS, get, softmax, softmax_jacobian
from course_utils.exercises import FunctionExercise, NumberExercise, Slips, name_exercises

#: The input and target of the softmax + cross-entropy exercise.
LOGITS = np.array([2.0, 1.0, 0.1])
TARGET = np.array([0.0, 1.0, 0.0])
#: The input of the Jacobian row-sum exercise.
JACOBIAN_INPUT = np.array([1.0, 2.0, 3.0])
# The checks use their own copies: a notebook cell that edits LOGITS in place cannot move the right answer.
_LOGITS, _TARGET, _JACOBIAN_INPUT = LOGITS.copy(), TARGET.copy(), JACOBIAN_INPUT.copy()


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
        (1.0, f"1 is the slope of {_names(_SLOPE_ONE)} at x = 3, but one of the smooth ReLU-like functions "
              f"({', '.join(act.display_name for act in _STEEPER_THAN_ONE)}) is steeper than 1 there. "
              "Compute them all."),
        (_HIGHEST_AT_3.fn(3.0),
         f"that is the largest value f(3) ({_HIGHEST_AT_3.display_name}'s), not the largest slope. "
         "Use act.grad, not act.fn."),
        (3.0, "3 is the value f(3) of ReLU and its relatives, not a slope. Use act.grad, not act.fn."),
        (_RUNNER_UP.grad(3.0), f"that is {_RUNNER_UP.display_name}'s slope: steeper than 1, but not the steepest "
                               f"at x = 3. Compare it with {_STEEPEST.display_name}'s."),
    ],
    rtol=1e-4,
)


def _sigmoid_saturation_start() -> float:
    s = (1.0 + math.sqrt(1.0 - 4 * 0.01)) / 2  # the root of s(1 − s) = 0.01 with s > 1/2
    return math.log(s / (1.0 - s))


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
        (math.log(0.99 / 0.01), "that is where σ(x) itself reaches 0.99. The question is where the slope "
                                "σ′(x) = σ(x)(1 − σ(x)) falls to 0.01."),
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
        "Row i of the Jacobian holds ∂s_i/∂x_j for every j. Compute softmax_jacobian(JACOBIAN_INPUT).sum(axis=1), "
        "then ask yourself why the result does not depend on the input: what is Σ s_i, always?"
    ),
    solution_text=(
        "answer = softmax_jacobian(JACOBIAN_INPUT).sum(axis=1)  # zeros: the matrix is symmetric, so row sums "
        "equal column sums, and column j is ∂(Σ_i s_i)/∂x_j = ∂1/∂x_j = 0"
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

name_exercises(globals())
