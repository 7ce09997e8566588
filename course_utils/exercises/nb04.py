"""Exercises of 04_backprop_walkthrough: one neuron's gradient, the network's gradients on fresh inputs (one path,
four paths, a whole matrix, a sign to predict), δ¹ in numpy, one update, and a 2-3-1 backward pass.

Questions 2, 3 and 6 to 8 use ``exercise_network()``, the walk-through's weights with other inputs, so no answer
can be copied from a table the notebook prints.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_utils import activations, walkthrough
from course_utils.exercises import SILENT, FunctionExercise, NumberExercise, Slips, name_exercises
from course_utils.exercises.judging import LOOSE, nearest_mistake
from course_utils.lessons.nb04 import exercise_functions as fx
from course_utils.lessons.nb04 import single_neuron

sigmoid = activations.get("sigmoid")
#: The walk-through network and its numbers (exercise 5 steps it).
_network = walkthrough.starting_network()
_gradients = walkthrough.backward(_network)
#: The inputs of exercises 2, 3 and 6 to 8: the walk-through's weights, biases and targets, with x1 = 1 and x2 = −0.5.
EXERCISE_INPUTS = {"x1": 1.0, "x2": -0.5}


def exercise_network() -> dict[str, float]:
    """The network of exercises 2, 3, 6 and 7: starting_network() with the inputs x1 = 1.0, x2 = −0.5 (a fresh copy)."""
    return {**walkthrough.starting_network(), **EXERCISE_INPUTS}


_q_network = exercise_network()
_q_values = walkthrough.forward(_q_network)
_q_deltas = walkthrough.deltas(_q_network)
_q_gradients = walkthrough.backward(_q_network)
#: The forward values and deltas the exercises' mistakes are computed from (the exercise network's).
_values, _deltas = _v, _d = _q_values, _q_deltas


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

def _slope(a: float) -> float:
    return a * (1.0 - a)


q2 = NumberExercise(
    name="dE/dw6 of the exercise network (x1 = 1, x2 = −0.5)",
    expected=lambda: _q_gradients["dE/dw6"],
    hint_text=(
        "w6 carries y1a into z2 (z2 = y1a·w6 + y2a·w8 + c2), so it only reaches E through E2: "
        "dE/dw6 = (z2a − t2) · z2a(1 − z2a) · y1a, with the values of walkthrough.forward(q_net)."
    ),
    solution_text=(
        "qf = walkthrough.forward(q_net)\n"
        "answer = (qf['z2a'] - q_net['t2']) * qf['z2a'] * (1 - qf['z2a']) * qf['y1a']"
    ),
    mistakes=[
        (_gradients["dE/dw6"], "that is dE/dw6 of the walk-through network p. This question uses q_net, whose inputs "
                               "are x1 = 1 and x2 = −0.5: use walkthrough.forward(q_net)."),
        (_q_gradients["dE/dw8"], "that is dE/dw8: w8 carries y2a. w6 carries y1a into z2, so the last factor is y1a."),
        (_q_gradients["dE/dw5"],
         "that is dE/dw5, which feeds z1. w6 feeds z2, so the first factors come from output 2 (z2a − t2)."),
        (_q_gradients["dE/dw7"], "that is dE/dw7 (y2a into z1). w6 connects y1a to z2."),
        ((_v["z2a"] - _network["t2"]) * _v["y1a"],
         "you left out dz2a/dz2 = z2a(1 − z2a), the output sigmoid's slope."),
        ((_v["z2a"] - _network["t2"]) * sigmoid.grad(_v["z2a"]) * _v["y1a"], (
            "sigmoid.grad(qf['z2a']) is the slope at the output z2a, not at the pre-activation z2. "
            "Use sigmoid.grad(qf['z2']), or write the slope with the output: z2a(1 − z2a)."
        )),
    ],
    slips=_NETWORK_SLIPS,
)

q3 = NumberExercise(
    name="dE/dc2 of the exercise network, the gradient of the shared output bias",
    expected=lambda: _q_gradients["dE/dc2"],
    hint_text=(
        "c2 is added to both z1 and z2, so it reaches E along two paths. "
        "dz/dc2 = 1 on each: add the two output deltas."
    ),
    solution_text="qd = walkthrough.deltas(q_net)\nanswer = qd['z1'] + qd['z2']",
    mistakes=[
        (_gradients["dE/dc2"], "that is dE/dc2 of the walk-through network p. This question uses q_net (inputs "
                               "x1 = 1, x2 = −0.5): use walkthrough.deltas(q_net)."),
        (_d["z1"], "that is only the path through z1. c2 is also added to z2: add δ of z2 too."),
        (_d["z2"], "that is only the path through z2. c2 is also added to z1: add δ of z1 too."),
        ((_d["z1"] + _d["z2"]) / 2,
         "a shared parameter's gradient is the sum over the units it feeds, not the average."),
        (_q_gradients["dE/dc1"], (
            "that is dE/dc1, the sum of the hidden deltas. "
            "c2 is the output bias: add the output deltas qd['z1'] and qd['z2']."
        )),
        ([_d["z1"], _d["z2"]], "those are the two output deltas, one per unit. c2 is one parameter, so its "
                               "gradient is one number: their sum."),
        ((_v["z1a"] - _network["t1"]) + (_v["z2a"] - _network["t2"]),
         "you added the output errors (z − t) without the sigmoid's slope. Each δ is (z − t)·z(1 − z): add "
         "qd['z1'] and qd['z2']."),
    ],
    slips=_NETWORK_SLIPS,
)

#: ∂E/∂c1 along the two paths through each output, and along the two through each hidden unit.
_C1_THROUGH_Z1 = _d["z1"] * (_network["w5"] * _slope(_v["y1a"]) + _network["w7"] * _slope(_v["y2a"]))
_C1_THROUGH_Z2 = _d["z2"] * (_network["w6"] * _slope(_v["y1a"]) + _network["w8"] * _slope(_v["y2a"]))

q6 = NumberExercise(
    name="dE/dc1 of the exercise network, the hidden bias that reaches E along four paths",
    expected=lambda: _q_gradients["dE/dc1"],
    hint_text=(
        "c1 is added to y1 and to y2, and each hidden unit feeds both outputs: four paths c1 → y → ya → z → za → E. "
        "Grouped: dE/dc1 = δ_y1 + δ_y2, where δ_y1 = (δ_z1·w5 + δ_z2·w6) · y1a(1 − y1a) and "
        "δ_y2 = (δ_z1·w7 + δ_z2·w8) · y2a(1 − y2a)."
    ),
    solution_text=(
        "qf = walkthrough.forward(q_net)\n"
        "out1 = (qf['z1a'] - q_net['t1']) * qf['z1a'] * (1 - qf['z1a'])  # dE/dz1\n"
        "out2 = (qf['z2a'] - q_net['t2']) * qf['z2a'] * (1 - qf['z2a'])  # dE/dz2\n"
        "hid1, hid2 = qf['y1a'] * (1 - qf['y1a']), qf['y2a'] * (1 - qf['y2a'])  # dy1a/dy1, dy2a/dy2; dy/dc1 = 1\n"
        "answer = (out1 * q_net['w5'] * hid1 + out2 * q_net['w6'] * hid1    # c1 → y1 → z1 or z2 → E\n"
        "          + out1 * q_net['w7'] * hid2 + out2 * q_net['w8'] * hid2)  # c1 → y2 → z1 or z2 → E\n"
        "# grouped by hidden unit: qd = walkthrough.deltas(q_net); answer = qd['y1'] + qd['y2']"
    ),
    mistakes=[
        (_gradients["dE/dc1"], "that is dE/dc1 of the walk-through network p. This question uses q_net (inputs "
                               "x1 = 1, x2 = −0.5): use walkthrough.forward(q_net) or walkthrough.deltas(q_net)."),
        (_d["y1"], "that is the two paths through y1 only. c1 is also added to y2: add δ_y2 too."),
        (_d["y2"], "that is the two paths through y2 only. c1 is also added to y1: add δ_y1 too."),
        ((_d["y1"] + _d["y2"]) / 2,
         "a shared parameter's gradient is the sum over the units it feeds, not the average."),
        (_q_gradients["dE/dc2"], (
            "that is dE/dc2, the sum of the output deltas. c1 is the hidden bias: "
            "add the hidden deltas δ_y1 and δ_y2."
        )),
        (_C1_THROUGH_Z1, "you followed only the two paths that end at output 1 (through z1). Each hidden unit "
                         "also feeds z2: add the two paths through it, δ_z2·w6·σ′(y1) and δ_z2·w8·σ′(y2)."),
        (_C1_THROUGH_Z2, "you followed only the two paths that end at output 2 (through z2). Each hidden unit "
                         "also feeds z1: add δ_z1·w5·σ′(y1) and δ_z1·w7·σ′(y2)."),
        (_d["z1"] * (_network["w5"] + _network["w7"]) + _d["z2"] * (_network["w6"] + _network["w8"]), (
            "you left out the hidden sigmoids' slopes. Every path passes y → ya, which contributes "
            "y1a(1 − y1a) or y2a(1 − y2a)."
        )),
        ([_d["y1"], _d["y2"]], "those are the two hidden deltas, one per unit. c1 is one parameter, so its "
                               "gradient is one number: their sum."),
    ],
    slips=_NETWORK_SLIPS,
)


_walk_values, _walk_deltas = walkthrough.forward(_network), walkthrough.deltas(_network)
_rng = np.random.default_rng(4)
_W2 = np.array([[_network["w5"], _network["w7"]], [_network["w6"], _network["w8"]]])
_CASES = [
    (_W2, np.array([[_walk_deltas["z1"]], [_walk_deltas["z2"]]]),
     np.array([[_walk_values["y1"]], [_walk_values["y2"]]])),
    (_rng.normal(size=(2, 2)), _rng.normal(size=(2, 1)), _rng.normal(size=(2, 1))),
    (_rng.normal(size=(3, 4)), _rng.normal(size=(3, 1)), _rng.normal(size=(4, 1))),
]

@dataclass(kw_only=True)
class ColumnVectorExercise(FunctionExercise):
    """A function exercise on column vectors: a crash from @ in place of * also says which product is elementwise."""

    product_note: str = ""

    def _advice(self, error: Exception) -> str:
        advice = super()._advice(error)
        return advice + " " + self.product_note if "@ is the matrix product" in advice and self.product_note else advice


q4 = ColumnVectorExercise(
    name="hidden_delta(W2, delta2, z_hidden): δ¹ in numpy (column vectors)",
    reference=fx.hidden_delta,
    product_note=("In δ¹ = (W²)ᵀ δ² ⊙ σ′(z¹) only (W²)ᵀ δ² is a matrix product; the slope multiplies it entry by "
                  "entry, one slope per hidden unit: use * there."),
    test_inputs=_CASES,
    hint_text=(
        "Each hidden unit collects the output deltas through the weights leaving it, i.e. a column of W2: "
        "that is W2.T @ delta2. Then multiply elementwise (*) by the sigmoid's slope at the hidden pre-activations, "
        "sigmoid.grad(z_hidden)."
    ),
    solution_text="def hidden_delta(W2, delta2, z_hidden):\n    return (W2.T @ delta2) * sigmoid.grad(z_hidden)",
    mistakes=[
        (fx.without_transpose,
         "W2 @ delta2 sends the deltas along the rows of W2. Backwards they travel along its columns: use W2.T."),
        (fx.without_slope, "you forgot ⊙ σ′(z¹): multiply by the hidden units' own slope, sigmoid.grad(z_hidden)."),
        (fx.slope_of_z_not_a, "z_hidden·(1 − z_hidden) is not the slope. σ′(z) = σ(z)(1 − σ(z)): apply the sigmoid "
                            "first, or use sigmoid.grad(z_hidden)."),
        (fx.sigmoid_twice, "sigmoid.grad(sigmoid.fn(z_hidden)) applies the sigmoid twice: sigmoid.grad takes the "
                         "pre-activation itself, sigmoid.grad(z_hidden)."),
        (fx.value_not_slope, "sigmoid.fn(z_hidden) is the units' output σ(z¹), not their slope: use "
                           "sigmoid.grad(z_hidden), which is σ(z¹)(1 − σ(z¹))."),
    ],
)

#: The learning rate of exercise 5; the notebook's update table uses 0.5, so its answer is not printed there.
STEP_LR = 0.1
#: The gradients a step of w5 could have used by mistake, by name.
_OTHER_GRADIENTS = {name: value for name, value in _gradients.items() if name != "dE/dw5"}
#: The exercise network's gradients, dE/dw5 first: a step taken with q_net's numbers instead of p's.
_Q_GRADIENTS_FIRST = {"dE/dw5": _q_gradients["dE/dw5"], **_q_gradients}


def _explain_step(value) -> str | None:
    """Judge the step a w5 answer implies, (w5 − answer)/η, rather than w5 itself: the step is what can be off."""
    implied = (_network["w5"] - float(value)) / STEP_LR
    gradient = _gradients["dE/dw5"]
    # q_net's dE/dw5 is within 0.4 % of p's: named only when matched to 4 digits, before the "close" message.
    for name, other in _Q_GRADIENTS_FIRST.items():
        if abs(implied - other) <= 1e-4 * abs(other):
            return (f"your step used {name} of the exercise network q_net. This question starts from the "
                    "walk-through network p: use walkthrough.backward(p)['dE/dw5'].")
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

# --- transfer: a whole weight matrix, a sign to predict, a 2-3-1 network --------------------------------------

_x = np.array([[EXERCISE_INPUTS["x1"]], [EXERCISE_INPUTS["x2"]]])
_delta_hidden = np.array([[_d["y1"]], [_d["y2"]]])
_delta_out = np.array([[_d["z1"]], [_d["z2"]]])
_a_hidden = np.array([[_v["y1a"]], [_v["y2a"]]])
_z_hidden = np.array([[_v["y1"]], [_v["y2"]]])
_W2_q = np.array([[_network["w5"], _network["w7"]], [_network["w6"], _network["w8"]]])

q7 = NumberExercise(
    name="dE/dW1 of the exercise network as a 2 × 2 matrix, laid out as W1 = [[w1, w3], [w2, w4]]",
    expected=lambda: _delta_hidden @ _x.T,
    hint_text=(
        "Row i of W1 holds the weights into hidden unit i, column j those from input j; the gradient has the same "
        "layout. Entry (i, j) is δ of unit i times input j: the outer product δ¹ xᵀ, a (2, 1) column times a "
        "(1, 2) row."
    ),
    solution_text=(
        "qd = walkthrough.deltas(q_net)\n"
        "delta1 = np.array([[qd['y1']], [qd['y2']]])\n"
        "x_q = np.array([[q_net['x1']], [q_net['x2']]])\n"
        "answer = delta1 @ x_q.T"
    ),
    mistakes=[
        (_x @ _delta_hidden.T, (
            "that is x δᵀ, the transpose of the gradient: its rows belong to the inputs. W1's rows belong to the "
            "hidden units (row 1 = [w1, w3]), so the gradient is δ¹ xᵀ."
        )),
        (_delta_hidden @ _a_hidden.T, (
            "you multiplied δ¹ by the hidden activations a¹. Those are what W2 multiplies; W1 multiplies the "
            "inputs x, so dE/dW1 = δ¹ xᵀ."
        )),
        ((_W2_q.T @ _delta_out) @ _x.T, (
            "you left out ⊙ σ′(z¹): the hidden deltas are (W2ᵀ δ²) ⊙ σ′(z¹), then the outer product with x."
        )),
        (((_W2_q @ _delta_out) * sigmoid.grad(_z_hidden)) @ _x.T,
         "you sent the output deltas back with W2 instead of W2ᵀ (backwards they travel along its columns)."),
        (np.array([[_gradients["dE/dw1"], _gradients["dE/dw3"]], [_gradients["dE/dw2"], _gradients["dE/dw4"]]]), (
            "that is dE/dW1 of the walk-through network p. This question uses q_net (inputs x1 = 1, x2 = −0.5): "
            "use walkthrough.deltas(q_net) and q_net's inputs."
        )),
        (_delta_hidden, "that is δ¹ itself, shape (2, 1). The weight gradient has W1's shape (2, 2): δ¹ xᵀ."),
        (_delta_hidden.T @ _x, (
            "δ¹ᵀ x is an inner product, one number. A weight matrix needs one gradient per weight: the outer "
            "product δ¹ xᵀ, shape (2, 2)."
        )),
    ],
    slips=_NETWORK_SLIPS,
)

#: Exercise 8's network: the exercise network with both targets at 0.99, so both outputs are too low.
SIGN_NETWORK = {**exercise_network(), "t1": 0.99}
_sign_gradients = walkthrough.backward(SIGN_NETWORK)

q8 = NumberExercise(
    name="the sign of dE/dw4 when both outputs are too low (t1 = t2 = 0.99, x2 = −0.5)",
    expected=lambda: float(np.sign(_sign_gradients["dE/dw4"])),
    hint_text=(
        "Follow w4 forward: it multiplies x2 = −0.5 into y2. If w4 grows, does y2 go up or down? All the weights "
        "into the outputs are positive, so do the outputs follow y2a? Both outputs are below their targets: "
        "is that change good or bad for E? dE/dw4 = δ_y2 · x2."
    ),
    solution_text=(
        "answer = 1  # both outputs too low: every δ is negative (positive weights pass the sign back), and "
        "dE/dw4 = δ_y2 · x2 is negative × negative. Raising w4 lowers y2 and with it both outputs: E grows."
    ),
    mistakes=[
        (-float(np.sign(_sign_gradients["dE/dw4"])), (
            "the deltas are indeed negative (both outputs too low, positive weights), but w4 multiplies a negative "
            "input, x2 = −0.5: dE/dw4 = δ_y2 · x2 is negative × negative. Raising w4 lowers y2 and both outputs."
        )),
    ],
    slips=Slips(negated=SILENT),
    choices=(1, -1),
    whole_number=True,
)


q9 = ColumnVectorExercise(
    name="first_layer_gradient(W1, b1, W2, b2, x, t): dE/dW1 of a 2-3-1 sigmoid network",
    reference=fx.first_layer_gradient,
    product_note=("Each ⊙ σ′ multiplies entry by entry (*); the products with W2.T and with x.T are the matrix "
                  "products (@)."),
    test_inputs=[fx.network_case((2, 3, 1), 8), fx.network_case((2, 3, 1), 9), fx.network_case((3, 4, 2), 10)],
    hint_text=(
        "Forward: z_hidden = W1 @ x + b1, a_hidden = σ(z_hidden), z_out = W2 @ a_hidden + b2, a_out = σ(z_out). "
        "Backward, the four lines of the matrix section: delta_out = (a_out − t) ⊙ σ′(z_out), "
        "delta_hidden = (W2ᵀ delta_out) ⊙ σ′(z_hidden), and dE/dW1 = delta_hidden xᵀ. Write it for any sizes: "
        "the check also tries a 3-4-2 network."
    ),
    solution_text=(
        "def first_layer_gradient(W1, b1, W2, b2, x, t):\n"
        "    z_hidden = W1 @ x + b1\n    a_hidden = sigmoid.fn(z_hidden)\n"
        "    z_out = W2 @ a_hidden + b2\n    a_out = sigmoid.fn(z_out)\n"
        "    delta_out = (a_out - t) * sigmoid.grad(z_out)\n"
        "    delta_hidden = (W2.T @ delta_out) * sigmoid.grad(z_hidden)\n"
        "    return delta_hidden @ x.T"
    ),
    mistakes=[
        (fx.no_hidden_slope, "you left out ⊙ σ′(z_hidden): the hidden deltas are (W2ᵀ delta_out) ⊙ σ′(z_hidden)."),
        (fx.no_output_slope, "you left out σ′(z_out) in the output delta: delta_out = (a_out − t) ⊙ σ′(z_out)."),
        (fx.hidden_slope_at_a, "sigmoid.grad(a_hidden) takes the slope at the activation; it wants the pre-activation: "
                             "sigmoid.grad(z_hidden), or write it with the output: a_hidden * (1 − a_hidden)."),
        (fx.both_slopes_at_a, "sigmoid.grad(a_out) and sigmoid.grad(a_hidden) take both slopes at the activations; "
                            "sigmoid.grad wants the pre-activations z_out and z_hidden, or write the slopes with the "
                            "outputs: a_out * (1 − a_out) and a_hidden * (1 − a_hidden)."),
        (fx.no_biases, "you left out the biases: z_hidden = W1 @ x + b1 and z_out = W2 @ a_hidden + b2."),
        (fx.stepped_weights, "you returned W1 after a gradient step, W1 − η·dE/dW1. The function should return the "
                           "gradient dE/dW1 itself (delta_hidden @ x.T) and leave W1 alone."),
        (fx.transposed, "you returned x delta_hiddenᵀ, the transpose: the gradient has W1's shape (hidden units, "
                      "inputs), delta_hidden @ x.T."),
        (fx.with_hidden_activations, "you multiplied delta_hidden by a_hiddenᵀ. W1 multiplies the input x, so "
                                   "dE/dW1 = delta_hidden xᵀ (a_hidden is what W2 multiplies)."),
    ],
    slips=Slips(negated="the output delta starts from a − t, the slope of ½(a − t)², not t − a"),
)


name_exercises(globals())
