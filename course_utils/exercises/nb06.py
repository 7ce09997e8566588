"""Exercises of 06_vanishing_gradients: chains of slopes, initialization scales and dead units."""
from __future__ import annotations

import math

import numpy as np

from course_utils import activations
from course_utils.exercises import FunctionExercise, NumberExercise, name_exercises
from course_utils.lessons.nb06.vanishing import chain_slope

sigmoid = activations.get("sigmoid")
tanh = activations.get("tanh")


def _tanh_chain_slope(x: float, n: int) -> float:
    """d/dx of tanh applied n times: the product of tanh′ at every value entering a tanh."""
    return chain_slope(tanh, x, n)


def _slope_at_input_only(x: float, n: int) -> float:
    return tanh.grad(x) ** n


def _slope_at_outputs(x: float, n: int) -> float:
    slope, a = 1.0, float(x)
    for _ in range(n):
        a = tanh.fn(a)
        slope *= tanh.grad(a)
    return slope


def _dead_fraction(Z) -> float:
    """The share of units (columns of Z) that are ≤ 0 for every example (row)."""
    Z = np.asarray(Z, dtype=float)
    return float(np.mean(np.all(Z <= 0, axis=0)))


def _sometimes_negative_fraction(Z) -> float:
    return float(np.mean(np.any(np.asarray(Z, dtype=float) <= 0, axis=0)))


def _negative_entry_fraction(Z) -> float:
    return float(np.mean(np.asarray(Z, dtype=float) <= 0))


def _strictly_negative_fraction(Z) -> float:
    return float(np.mean(np.all(np.asarray(Z, dtype=float) < 0, axis=0)))


def _dead_example_fraction(Z) -> float:
    return float(np.mean(np.all(np.asarray(Z, dtype=float) <= 0, axis=1)))


def _dead_unit_count(Z) -> float:
    return float(np.sum(np.all(np.asarray(Z, dtype=float) <= 0, axis=0)))


def _alive_fraction(Z) -> float:
    return 1.0 - _dead_fraction(Z)


def _floor_divided_fraction(Z) -> float:
    Z = np.asarray(Z, dtype=float)
    return float(np.sum(np.all(Z <= 0, axis=0)) // Z.shape[1])


def _mean_below_zero_fraction(Z) -> float:
    return float(np.mean(np.asarray(Z, dtype=float).mean(axis=0) <= 0))


def _exactly_zero_fraction(Z) -> float:
    return float(np.mean(np.all(np.asarray(Z, dtype=float) == 0, axis=0)))


# Together the cases tell every listed mistake from the answer and from each other (tests/test_exercises_nb06.py).
_Z_CASES = [
    (np.array([[1.0, -2.0, 0.5, 3.0], [-1.0, -0.5, 2.0, 1.0]]),),
    (np.array([[-1.0, -2.0, -0.5, 3.0], [-1.0, -0.5, 2.0, 1.0], [-3.0, -1.0, 0.0, 2.0]]),),
    (np.array([[0.0, 0.0], [0.0, 0.0]]),),
    (np.array([[0.0, -1.0, 2.0, -3.0], [0.0, 3.0, -1.0, -0.5], [-2.0, -1.0, 0.5, -1.0]]),),
    (np.array([[0.0, 1.0], [0.0, 2.0]]),),
    (np.array([[-1.0, -1.0], [1.0, 1.0]]),),
]

q1 = NumberExercise(
    name="The largest product of 10 sigmoid slopes",
    expected=lambda: sigmoid.grad(0.0) ** 10,
    hint_text=(
        "Each factor is a slope σ′(z) and the steepest σ′ ever gets is at z = 0. "
        "A product of n equal factors is a power."
    ),
    solution_text=(
        "σ′(z) ≤ σ′(0) = 1/4 for every z, so the product of ten slopes is at most (1/4)**10: "
        "answer = 0.25 ** 10"
    ),
    mistakes=[
        (sigmoid.grad(0.0) * 10,
         "you multiplied 0.25 by 10. A chain of ten factors multiplies them: raise 0.25 to the 10th power."),
        (sigmoid.fn(0.0) ** 10,
         "0.5 is σ(0), the value of the sigmoid. The chain multiplies its slopes, σ′(0) = 0.25."),
        (sigmoid.grad(0.0) ** 9, "that is 0.25 to the 9th power. A chain of 10 sigmoids has 10 slopes: one per "
                                 "sigmoid."),
        (sigmoid.grad(0.0) ** 11, "that is 0.25 to the 11th power. A chain of 10 sigmoids has 10 slopes: one per "
                                  "sigmoid."),
    ],
)

q2 = FunctionExercise(
    name="The slope of a chain of tanh functions",
    reference=_tanh_chain_slope,
    test_inputs=[(0.0, 1), (0.0, 3), (1.5, 4), (-2.0, 6), (0.3, 10)],
    # The chain rule is exact to round-off (1e-15 here); finite differences reach 1e-10 at best, and the
    # question says "not by finite differences".
    rtol=1e-12,
    close_text=("your slope agrees with the chain rule only to a few digits fewer than round-off: that is what "
                "finite differences give. The question asks for the chain rule: multiply tanh′ at each step's "
                "input, as the hint describes."),
    hint_text=(
        "Walk forward through the chain: at each step multiply the running slope by tanh′ at the value "
        "going INTO that tanh, then apply tanh to get the next value. `tanh.grad` and `tanh.fn` do the work."
    ),
    solution_text=(
        "def chain_slope(x, n):\n"
        "    slope, a = 1.0, x\n"
        "    for _ in range(n):\n"
        "        slope *= tanh.grad(a)\n"
        "        a = tanh.fn(a)\n"
        "    return slope"
    ),
    mistakes=[
        (_slope_at_input_only,
         "you used tanh′(x) at every step. Each tanh sees a different input: the output of the one before it."),
        (_slope_at_outputs,
         "you evaluated tanh′ after applying tanh. The slope of a layer is taken at the value going into it."),
    ],
)

q3 = NumberExercise(
    name="The He standard deviation for a layer with 16 inputs",
    expected=lambda: math.sqrt(2.0 / 16),
    hint_text="He initialization draws W with variance 2 / n_in. The question asks for the standard deviation.",
    solution_text="Variance 2 / 16, so the standard deviation is its square root: answer = (2 / 16) ** 0.5",
    mistakes=[
        (2.0 / 16, "2 / 16 is the variance. The standard deviation is its square root."),
        (math.sqrt(1.0 / 16), "√(1 / 16) is Xavier's scale for a square layer, made for tanh-like units. "
         "ReLU zeroes about half of its inputs, so He doubles the variance: √(2 / n_in)."),
    ],
    digits=4,  # the notebook prints 0.3536
)

q4 = FunctionExercise(
    name="The fraction of dead units",
    reference=_dead_fraction,
    test_inputs=_Z_CASES,
    hint_text=(
        "Z has one row per example and one column per unit. A unit is dead when its column is ≤ 0 in EVERY row: "
        "`np.all(Z <= 0, axis=0)` marks those columns."
    ),
    solution_text="def dead_fraction(Z):\n    return np.mean(np.all(Z <= 0, axis=0))",
    mistakes=[
        (_sometimes_negative_fraction,
         "you counted units that are ≤ 0 for SOME example. Those still pass a gradient on the other examples; "
         "dead means ≤ 0 for all of them."),
        (_negative_entry_fraction,
         "you counted entries, not units. Decide per column (axis=0) first, then take the share of columns."),
        (_strictly_negative_fraction,
         "a unit stuck at exactly 0 is dead too: ReLU′(0) = 0 in this course, so test Z <= 0, not Z < 0."),
        (_dead_example_fraction,
         "you decided per example (row). Dead is a property of a unit: look down each column, axis=0."),
        (_dead_unit_count,
         "that is the number of dead units. The question asks for their share: take the mean, not the sum."),
        (_alive_fraction, "that is the share of units that are alive. Dead is the rest: 1 minus your answer."),
        (_floor_divided_fraction, "// is floor division: it rounds the share down to 0 (or 1). Divide with /, "
                                  "or take np.mean."),
        (_mean_below_zero_fraction,
         "a unit whose mean over the batch is ≤ 0 can still be positive for some examples, and those pass a "
         "gradient. Dead means ≤ 0 in every row: np.all(Z <= 0, axis=0)."),
        (_exactly_zero_fraction, "Z == 0 finds only units stuck at exactly 0. Dead means ≤ 0 for every example, "
                                 "negative or zero: Z <= 0."),
    ],
)

name_exercises(globals())
