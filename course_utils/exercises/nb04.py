"""Exercises of 04_backprop_walkthrough: one neuron's gradient, two of the network's, δ¹ in numpy, one update."""
from __future__ import annotations

import numpy as np

from course_utils import activations, walkthrough
from course_utils.exercises import FunctionExercise, NumberExercise, Slips, name_exercises
from course_utils.exercises.judging import LOOSE, nearest_mistake
from course_utils.lessons.nb04 import single_neuron

sigmoid = activations.get("sigmoid")
#: The walk-through network and its numbers, from which exercises 2 to 5 are computed.
_network = walkthrough.starting_network()
_values = walkthrough.forward(_network)
_deltas = walkthrough.deltas(_network)
_gradients = walkthrough.backward(_network)


_neuron = single_neuron.walk(w=1.0, x=2.0, t=1.0)

#: The walk-through network's error has a ½ per output, and its slope is (output − target): the same words each time.
_NETWORK_SLIPS = Slips(
    negated="the error's slope is (output − target), z − t, not t − z",
    doubled="E = ½(t1 − z1a)² + ½(t2 − z2a)², and the ½ cancels the square's 2: no factor 2 remains",
)

q1 = NumberExercise(
    name="dE/dw of the single neuron at w = 1 (x = 2, t = 1, E = (a − t)²)",
    expected=lambda: _neuron["dE/dw"],
    hint_text=(
        "Redo the three local slopes at w = 1: z = w·x, a = σ(z), "
        "then dE/da = 2(a − t), da/dz = a(1 − a), dz/dw = x. Multiply them."
    ),
    solution_text=(
        "from course_utils import activations; a = activations.get('sigmoid').fn(2.0)\n"
        "answer = 2 * (a - 1) * a * (1 - a) * 2"
    ),
    mistakes=[
        (single_neuron.walk(w=0.5, x=2.0, t=1.0)["dE/dw"], (
            "that is the slope for z = 1, the value of part 1 (w = 0.5). At w = 1 the pre-activation is "
            "z = w·x = 2: recompute a = σ(2) and every factor that uses it."
        )),
        (_neuron["dE/da"] * sigmoid.grad(_neuron["a"]) * _neuron["dz/dw"], (
            "you evaluated the sigmoid's slope at a instead of at z. Either use sigmoid.grad(z) with z = 2, "
            "or write it with the output: a(1 − a)."
        )),
        (_neuron["dE/da"] * _neuron["dz/dw"],
         "you left out da/dz = a(1 − a), the sigmoid's slope: every unit on the path contributes its slope."),
        (_neuron["dE/da"] * _neuron["da/dz"], (
            "your answer is half the right one. Either you left out dz/dw = x = 2, or you used the slope of "
            "½(a − t)²: this neuron's error has no ½, so dE/da = 2(a − t)."
        )),
    ],
    slips=Slips(negated="dE/da = 2(a − t), not 2(t − a)"),
)

q2 = NumberExercise(
    name="dE/dw6 of the 2-2-2 network",
    expected=lambda: _gradients["dE/dw6"],
    hint_text=(
        "w6 carries y1a into z2 (z2 = y1a·w6 + y2a·w8 + c2), so it only reaches E through E2: "
        "dE/dw6 = (z2a − t2) · z2a(1 − z2a) · y1a."
    ),
    solution_text=(
        "f = walkthrough.forward(p)\n"
        "answer = (f['z2a'] - p['t2']) * f['z2a'] * (1 - f['z2a']) * f['y1a']"
    ),
    mistakes=[
        (_gradients["dE/dw8"], "that is dE/dw8: w8 carries y2a. w6 carries y1a into z2, so the last factor is y1a."),
        (_gradients["dE/dw5"],
         "that is dE/dw5, which feeds z1. w6 feeds z2, so the first factors come from output 2 (z2a − t2)."),
        (_gradients["dE/dw7"], "that is dE/dw7 (y2a into z1). w6 connects y1a to z2."),
        ((_values["z2a"] - _network["t2"]) * _values["y1a"],
         "you left out dz2a/dz2 = z2a(1 − z2a), the output sigmoid's slope."),
        ((_values["z2a"] - _network["t2"]) * sigmoid.grad(_values["z2a"]) * _values["y1a"], (
            "sigmoid.grad(f['z2a']) is the slope at the output z2a, not at the pre-activation z2. "
            "Use sigmoid.grad(f['z2']), or write the slope with the output: z2a(1 − z2a)."
        )),
    ],
    slips=_NETWORK_SLIPS,
)

q3 = NumberExercise(
    name="dE/dc2, the gradient of the shared output bias",
    expected=lambda: _gradients["dE/dc2"],
    hint_text=(
        "c2 is added to both z1 and z2, so it reaches E along two paths. "
        "dz/dc2 = 1 on each: add the two output deltas."
    ),
    solution_text="d = walkthrough.deltas(p)\nanswer = d['z1'] + d['z2']",
    mistakes=[
        (_deltas["z1"], "that is only the path through z1. c2 is also added to z2: add δ of z2 too."),
        (_deltas["z2"], "that is only the path through z2. c2 is also added to z1: add δ of z1 too."),
        ((_deltas["z1"] + _deltas["z2"]) / 2,
         "a shared parameter's gradient is the sum over the units it feeds, not the average."),
        (_gradients["dE/dc1"], (
            "that is dE/dc1, the sum of the hidden deltas. "
            "c2 is the output bias: add the output deltas d['z1'] and d['z2']."
        )),
        ([_deltas["z1"], _deltas["z2"]], "those are the two output deltas, one per unit. c2 is one parameter, so its "
                                         "gradient is one number: their sum."),
        ((_values["z1a"] - _network["t1"]) + (_values["z2a"] - _network["t2"]),
         "you added the output errors (z − t) without the sigmoid's slope. Each δ is (z − t)·z(1 − z): add "
         "d['z1'] and d['z2']."),
    ],
    slips=_NETWORK_SLIPS,
)


def _hidden_delta(W2, delta2, z1):
    """δ¹ = (W²)ᵀ δ² ⊙ σ'(z¹)."""
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.grad(np.asarray(z1))


def _without_transpose(W2, delta2, z1):
    return (np.asarray(W2) @ np.asarray(delta2)) * sigmoid.grad(np.asarray(z1))


def _without_slope(W2, delta2, z1):
    return np.asarray(W2).T @ np.asarray(delta2)


def _slope_of_z_not_a(W2, delta2, z1):
    z1 = np.asarray(z1)
    return (np.asarray(W2).T @ np.asarray(delta2)) * z1 * (1 - z1)


def _sigmoid_twice(W2, delta2, z1):
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.grad(sigmoid.fn(np.asarray(z1)))


def _value_not_slope(W2, delta2, z1):
    return (np.asarray(W2).T @ np.asarray(delta2)) * sigmoid.fn(np.asarray(z1))


_rng = np.random.default_rng(4)
_W2 = np.array([[_network["w5"], _network["w7"]], [_network["w6"], _network["w8"]]])
_CASES = [
    (_W2, np.array([[_deltas["z1"]], [_deltas["z2"]]]), np.array([[_values["y1"]], [_values["y2"]]])),
    (_rng.normal(size=(2, 2)), _rng.normal(size=(2, 1)), _rng.normal(size=(2, 1))),
    (_rng.normal(size=(3, 4)), _rng.normal(size=(3, 1)), _rng.normal(size=(4, 1))),
]

q4 = FunctionExercise(
    name="hidden_delta(W2, delta2, z1): δ¹ in numpy (column vectors)",
    reference=_hidden_delta,
    test_inputs=_CASES,
    hint_text=(
        "Each hidden unit collects the output deltas through the weights leaving it, i.e. a column of W2: "
        "that is W2.T @ delta2. Then multiply elementwise by the sigmoid's slope at z1, sigmoid.grad(z1)."
    ),
    solution_text="def hidden_delta(W2, delta2, z1):\n    return (W2.T @ delta2) * sigmoid.grad(z1)",
    mistakes=[
        (_without_transpose,
         "W2 @ delta2 sends the deltas along the rows of W2. Backwards they travel along its columns: use W2.T."),
        (_without_slope, "you forgot ⊙ σ′(z¹): multiply by the hidden units' own slope, sigmoid.grad(z1)."),
        (_slope_of_z_not_a,
         "z1·(1 − z1) is not the slope. σ′(z) = σ(z)(1 − σ(z)): apply the sigmoid first, or use sigmoid.grad(z1)."),
        (_sigmoid_twice, "sigmoid.grad(sigmoid.fn(z1)) applies the sigmoid twice: sigmoid.grad takes the "
                         "pre-activation z1 itself, sigmoid.grad(z1)."),
        (_value_not_slope, "sigmoid.fn(z1) is the units' output σ(z¹), not their slope: use sigmoid.grad(z1), "
                           "which is σ(z¹)(1 − σ(z¹))."),
    ],
)

#: The learning rate of exercise 5; the notebook's update table uses 0.5, so its answer is not printed there.
STEP_LR = 0.1
#: The gradients a step of w5 could have used by mistake, by name.
_OTHER_GRADIENTS = {name: value for name, value in _gradients.items() if name != "dE/dw5"}


def _explain_step(value) -> str | None:
    """Judge the step a w5 answer implies, (w5 − answer)/η, rather than w5 itself: the step is what can be off."""
    implied = (_network["w5"] - float(value)) / STEP_LR
    gradient = _gradients["dE/dw5"]
    # dE/dw7 is within 0.3 % of dE/dw5: another weight's gradient is named only when matched to 4 digits,
    # so a step computed from rounded numbers is told it is close, not that it used the wrong gradient.
    for name, other in _OTHER_GRADIENTS.items():
        if abs(implied - other) <= 1e-4 * abs(other):
            return f"your step used {name}, not dE/dw5: w5 moves by η times its own gradient."
    doubled = "your step is twice η·dE/dw5. E = ½(t1 − z1a)² + ½(t2 − z2a)², so the ½ cancels the square's 2: "
    doubled += "dE/dw5 has no factor 2."
    if nearest_mistake(np.asarray(implied), np.asarray(gradient), [(2 * gradient, doubled)], atol=0.0):
        return doubled
    if abs(implied - gradient) <= LOOSE * abs(gradient):
        return (f"close: your answer implies the gradient (w5 − answer)/η = {implied:.6g}, and dE/dw5 is "
                f"{gradient:.6g}. Compute the step in Python from walkthrough.backward(p)['dE/dw5'], not from "
                "rounded numbers.")
    return (f"your answer moves w5 by {float(value) - _network['w5']:+.6g}; one step moves it by "
            f"−η·dE/dw5 = {-STEP_LR * gradient:+.6g}.")


q5 = NumberExercise(
    name=f"w5 after one gradient-descent step with η = {STEP_LR}",
    expected=lambda: walkthrough.step(_network, STEP_LR)["w5"],
    hint_text=f"w5⁺ = w5 − η·dE/dw5, with η = {STEP_LR} and dE/dw5 from walkthrough.backward(p).",
    solution_text=f"answer = p['w5'] - {STEP_LR} * walkthrough.backward(p)['dE/dw5']",
    mistakes=[
        (_network["w5"] + STEP_LR * _gradients["dE/dw5"],
         "you stepped uphill. The gradient points to where E grows: subtract η·dE/dw5."),
        (_network["w5"] - _gradients["dE/dw5"],
         f"you forgot the learning rate: the step is η·dE/dw5 with η = {STEP_LR}."),
        (walkthrough.step(_network, 0.5)["w5"],
         f"that is the step with η = 0.5, from the update table. This question uses η = {STEP_LR}."),
        (_gradients["dE/dw5"], "that is the gradient itself. The new weight is w5 − η·dE/dw5."),
    ],
    explain=_explain_step,
)

name_exercises(globals())
