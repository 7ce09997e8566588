"""Exercises of 06_vanishing_gradients: chains of slopes, initialization scales, dead units and the remedies."""
from __future__ import annotations

import math

import numpy as np

from course_utils import activations
from course_utils.exercises import INCORRECT, SILENT, FunctionExercise, NumberExercise, Slips, name_exercises
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
    (np.array([[-1.0, 2.0, 0.5], [-0.5, -1.0, 1.0]]),),  # a share of 1/3: no rounding to two digits passes it
]

def _best_sigmoid_chain_slope(n: int = 10) -> float:
    """The largest slope of an actual chain of n sigmoids, over a fine grid of starting points x in [-1, 1]."""
    a, slope = np.linspace(-1.0, 1.0, 20001), 1.0
    for _ in range(n):
        slope = slope * sigmoid.grad(a)
        a = sigmoid.fn(a)
    return float(np.max(slope))


def _q1_explain(value: np.ndarray) -> str | None:
    """Name the slope of a real chain (about 3.9e-7), which is below the bound the question asks for."""
    if value.ndim == 0 and abs(float(value) - _best_sigmoid_chain_slope()) <= 0.01 * _best_sigmoid_chain_slope():
        return ("that is the largest slope of an actual chain of ten sigmoids, where only the first one can sit at "
                "0. The question asks for the bound: use the largest value σ′ can take in every factor.")
    return None


q1 = NumberExercise(
    name="An upper bound on the product of 10 sigmoid slopes",
    expected=lambda: sigmoid.grad(0.0) ** 10,
    hint_text=(
        "Each factor is a slope σ′(z) and the steepest σ′ ever gets is at z = 0. "
        "A product of n equal factors is a power."
    ),
    solution_text=(
        "σ′(z) ≤ σ′(0) = 1/4 for every z, so the product of ten slopes is at most (1/4)**10: "
        "answer = 0.25 ** 10"
    ),
    explain=_q1_explain,
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

class _DeadFractionExercise(FunctionExercise):
    """Q4, which also names the slip of returning the per-unit truth values instead of their share."""

    def _judge(self, learner_fn):
        if callable(learner_fn):
            first_input = tuple(np.array(arg) for arg in self.test_inputs[0])  # a writable copy
            got, stopped = self._run(learner_fn, first_input, "calling it")
            if stopped is None and _is_truth_table(got):
                return self._say(INCORRECT, "it returned one truth value per unit (which units are dead). The "
                                            "question asks for their share: take np.mean of them.")
        return super()._judge(learner_fn)


def _is_truth_table(value) -> bool:
    """True for a list, tuple or array (at least one entry) made only of bools."""
    if isinstance(value, np.ndarray):
        return value.dtype.kind == "b" and value.ndim >= 1 and value.size > 0
    return (isinstance(value, list | tuple) and len(value) > 0
            and all(isinstance(item, bool | np.bool_) for item in value))


q4 = _DeadFractionExercise(
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
        (_floor_divided_fraction, "your share was rounded down to a whole number, 0 or 1 (// floor division "
                                  "and int() both do that). Divide with /, or take np.mean, and return the "
                                  "fraction itself."),
        (_mean_below_zero_fraction,
         "a unit whose mean over the batch is ≤ 0 can still be positive for some examples, and those pass a "
         "gradient. Dead means ≤ 0 in every row: np.all(Z <= 0, axis=0)."),
        (_exactly_zero_fraction, "Z == 0 finds only units stuck at exactly 0. Dead means ≤ 0 for every example, "
                                 "negative or zero: Z <= 0."),
    ],
)


# --- Q5: variance through one ReLU layer ---------------------------------------------------
#: A ReLU layer with 64 inputs, weights of standard deviation 0.1, incoming pre-activations of variance 1.
_Q5_N_IN, _Q5_STD, _Q5_VAR_IN = 64, 0.1, 1.0

q5 = NumberExercise(
    name="The variance of the pre-activations after one ReLU layer",
    expected=lambda: _Q5_N_IN * _Q5_STD**2 * 0.5 * _Q5_VAR_IN,
    hint_text=(
        "Var(z) = n_in · Var(w) · E[a²] for independent zero-mean weights. Var(w) is the square of the standard "
        "deviation, and for a ReLU of a symmetric z, E[ReLU(z)²] is half of Var(z)."
    ),
    solution_text="Var(z) = 64 · 0.1² · ½ · 1: answer = 64 * 0.1**2 * 0.5 * 1.0   (= 0.32)",
    mistakes=[
        (_Q5_N_IN * _Q5_STD**2 * _Q5_VAR_IN,
         "you left out the ReLU's factor ½: it zeroes the negative half of a symmetric z, so E[a²] = ½ Var(z)."),
        (_Q5_N_IN * _Q5_STD * 0.5 * _Q5_VAR_IN,
         "you used the standard deviation 0.1 where the variance 0.1² = 0.01 belongs."),
        (math.sqrt(_Q5_N_IN * _Q5_STD**2 * 0.5 * _Q5_VAR_IN),
         "that is the standard deviation of z. The question asks for its variance: do not take the square root."),
        (_Q5_STD**2 * 0.5 * _Q5_VAR_IN,
         "you left out n_in: z adds up 64 products w·a, and their variances add up too."),
        (_Q5_N_IN * _Q5_STD**2 * 0.25 * _Q5_VAR_IN,
         "that is a quarter of 64 · 0.1² · 1: the factor ½ was applied twice (or ¼ used in its place). The ReLU "
         "enters once, through E[a²] = ½ Var(z); the weights' variance 0.1² is already squared."),
    ],
    slips=Slips(doubled="check the ReLU's factor ½", halved=SILENT,
                negated="a variance is never negative"),
)


# --- Q6: the slope through residual units ---------------------------------------------------

def _residual_slope(x: float, w: float, n: int) -> float:
    """d a_n / dx for a_k = a_{k-1} + tanh(w·a_{k-1}), a_0 = x: the product of 1 + w·tanh′(w·a_{k-1})."""
    slope, a = 1.0, float(x)
    for _ in range(n):
        slope *= 1.0 + w * tanh.grad(w * a)
        a = a + tanh.fn(w * a)
    return slope


def _residual_variant(x: float, w: float, n: int, skip: float = 1.0, inner: bool = True, at_wa: bool = True,
                      update_first: bool = False, add: bool = False, first_only: bool = False) -> float:
    """_residual_slope with one slip switched on: no skip, no inner w, tanh′ at a, a updated first, a sum, x only."""
    slope, a = (0.0 if add else 1.0), float(x)
    for _ in range(n):
        if update_first:
            a = a + tanh.fn(w * a)
        at = float(x) if first_only else a
        factor = skip + (w if inner else 1.0) * tanh.grad(w * at if at_wa else at)
        slope = slope + factor if add else slope * factor
        if not update_first:
            a = a + tanh.fn(w * a)
    return slope


def _slip(**switches):
    return lambda x, w, n: _residual_variant(x, w, n, **switches)


q6 = FunctionExercise(
    name="The slope through a chain of residual units",
    reference=_residual_slope,
    test_inputs=[(0.0, 0.5, 1), (0.3, 1.0, 3), (-1.0, 2.0, 5), (0.5, 0.1, 10), (2.0, -0.7, 4)],
    rtol=1e-10,
    close_text=("your slope agrees with the chain rule only to a few digits fewer than round-off: that is what "
                "finite differences give. The question asks for the chain rule: multiply the factors "
                "1 + w·tanh′(w·a) as the hint describes."),
    hint_text=(
        "One unit computes a + tanh(w·a). Its slope with respect to a is 1 (from the skip) plus w·tanh′(w·a) (the "
        "chain rule through the branch). Walk forward, multiplying the running slope by that factor at each a."
    ),
    solution_text=(
        "def residual_slope(x, w, n):\n"
        "    slope, a = 1.0, x\n"
        "    for _ in range(n):\n"
        "        slope *= 1 + w * tanh.grad(w * a)\n"
        "        a = a + tanh.fn(w * a)\n"
        "    return slope"
    ),
    mistakes=[
        (_slip(skip=0.0), "you left out the skip: each unit's slope is 1 + w·tanh′(w·a), and the 1 is what keeps the "
                       "product from vanishing."),
        (_slip(inner=False), "you left out the inner factor w: by the chain rule, d tanh(w·a)/da = w·tanh′(w·a)."),
        (_slip(at_wa=False), "you took tanh′ at a; the branch's tanh sees w·a, so its slope is tanh′(w·a)."),
        (_slip(first_only=True), "you used the first unit's factor for every unit. Each unit sees a different a: "
                                  "update a = a + tanh(w·a) as you go."),
        (_slip(add=True), "you added the factors; the chain rule multiplies them."),
        (_slip(update_first=True), "you updated a before taking the slope. Each unit's factor 1 + w·tanh′(w·a) is "
                                  "taken at the a going INTO that unit: multiply first, then update a."),
    ],
    slips=Slips(negated="each factor 1 + w·tanh′(w·a) is positive for these inputs, so the product is too",
                doubled=None, halved=None),
)


# --- Q7: clipping a gradient by its norm ------------------------------------------------------

def _clip_by_norm(g, max_norm: float):
    """g scaled down to norm max_norm if it is longer, else unchanged: the direction is kept."""
    g = np.asarray(g, dtype=float)
    norm = float(np.linalg.norm(g))
    return g * min(1.0, max_norm / norm) if norm > 0 else g


def _clip_entries(g, max_norm: float):
    return np.clip(np.asarray(g, dtype=float), -max_norm, max_norm)


def _always_rescaled(g, max_norm: float):
    g = np.asarray(g, dtype=float)
    return g * (max_norm / np.linalg.norm(g))


def _with_epsilon(g, max_norm: float):
    g = np.asarray(g, dtype=float)
    return g * min(1.0, max_norm / (float(np.linalg.norm(g)) + 1e-6))


def _spectral_norm(g, max_norm: float):
    g = np.asarray(g, dtype=float)
    return g * min(1.0, max_norm / float(np.linalg.norm(g, 2)))


def _inverted_ratio(g, max_norm: float):
    g = np.asarray(g, dtype=float)
    return g * min(1.0, float(np.linalg.norm(g)) / max_norm)


q7 = FunctionExercise(
    name="Clipping a gradient by its norm",
    reference=_clip_by_norm,
    test_inputs=[
        (np.array([3.0, 4.0]), 1.0),
        (np.array([0.3, -0.4]), 1.0),
        (np.array([1e3, -2e3, 2e3]), 5.0),
        (np.array([[1.0, 2.0], [3.0, 4.0]]), 2.0),  # full rank: the spectral norm (ord=2) is not ‖g‖ here
        (np.array([0.5, 0.2, -0.1]), 0.25),
    ],
    rtol=1e-10,
    hint_text=(
        "Compute the length ‖g‖ = np.linalg.norm(g). If it is at most max_norm, return g unchanged; otherwise "
        "return g · max_norm / ‖g‖, which points the same way and has length max_norm."
    ),
    solution_text=(
        "def clip_by_norm(g, max_norm):\n"
        "    norm = np.linalg.norm(g)\n"
        "    return g if norm <= max_norm else g * (max_norm / norm)"
    ),
    mistakes=[
        (_clip_entries, "np.clip limits each entry separately, which turns the gradient's direction. Clipping by "
                        "norm scales the whole vector by one factor."),
        (_always_rescaled, "you rescaled every gradient to length max_norm, short ones too. A gradient already "
                           "shorter than max_norm must pass unchanged: scale by min(1, max_norm / ‖g‖)."),
        (lambda g, max_norm: np.asarray(g, dtype=float) / np.linalg.norm(g),
         "you divided by the norm but never multiplied by max_norm: the clipped gradient should be max_norm long."),
        (lambda g, max_norm: min(float(np.linalg.norm(np.asarray(g, dtype=float))), max_norm),
         "you returned a length, one number; return the clipped gradient, an array shaped like g."),
        (_with_epsilon, "you divided by ‖g‖ + 1e-6 (as some libraries do to avoid 0/0): that small eps makes "
                        "the clipped norm a hair shorter than max_norm. Here divide by ‖g‖ itself, and only when "
                        "‖g‖ > max_norm."),
        (_spectral_norm, "for a matrix, np.linalg.norm(g, 2) is the spectral norm (its largest singular value), "
                         "not the length of all its entries together. Use np.linalg.norm(g), which is ‖g‖ for "
                         "an array of any shape."),
        (_inverted_ratio, "the ratio is upside down: scale by max_norm / ‖g‖ (at most 1), not ‖g‖ / max_norm."),
    ],
    slips=Slips(negated="the clipped gradient points the same way as g: no minus sign",
                doubled=None, halved=None),
)

name_exercises(globals())
