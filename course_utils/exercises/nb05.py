"""Exercises of 05_computational_graphs_autodiff: summing over uses, max routing, a new op, shapes, cost."""
from __future__ import annotations

import math

import numpy as np

from course_utils.exercises import NumberExercise, name_exercises
from course_utils.exercises.new_op import NewOpExercise

q1 = NumberExercise(
    name="The gradient of a node used twice",
    expected=lambda: 2 * 2.0 + 3.0,
    hint_text=(
        "x appears twice in L = x·(x + y): once as the left factor, once inside the bracket. "
        "Find the gradient each use sends back to x, then add them."
    ),
    solution_text=(
        "The left factor sends back (x + y) = 5; the x inside the bracket receives x·1 = 2 through the "
        "addition. The node x sums both: 5 + 2 = 7 (= 2x + y). answer = 7"
    ),
    mistakes=[
        (5.0, "5 is only what the left factor x sends back (x + y). The x inside the bracket sends x = 2 too: add it."),
        (2.0, "2 is only what the x inside the bracket sends back. The left factor x sends (x + y) = 5 too: add it."),
        (10.0, "10 is L itself, the value of the output. The question asks for its slope ∂L/∂x."),
        (4.0, "4 = 2x is the slope of x·x. Here the bracket is x + y: the left factor x sends back x + y = 5, not x."),
    ],
)

q2 = NumberExercise(
    name="Gradients through max",
    expected=lambda: np.array([0.0, 3.0, 5.0]),
    hint_text=(
        "max(a, b) passes the whole upstream gradient to the input that won and 0 to the other. "
        "The multiplication by c swaps: max's upstream gradient is c, and c's is max(a, b)."
    ),
    solution_text="max(2, 5) = 5 is won by b, so a gets 0 and b gets c = 3; c gets max(a, b) = 5. answer = [0, 3, 5]",
    mistakes=[
        ([3.0, 3.0, 5.0], "max is not a sum: only the winner (b = 5) receives the gradient; a gets 0."),
        ([3.0, 0.0, 5.0], "you routed the gradient to the smaller input. max sends it to the one that won, b."),
        ([1.5, 1.5, 5.0], "max does not share the gradient between its inputs: the winner gets all of it."),
        ([0.0, 3.0, 2.0], "c's gradient is the other factor, max(a, b) = 5, not a."),
    ],
    order="those are the right numbers in another order. Give them as [∂L/∂a, ∂L/∂b, ∂L/∂c].",
)


q3 = NewOpExercise(
    name="A sin operation for the engine",
    value_fn=math.sin,
    slope_fn=math.cos,
    test_points=(0.5, 2.0, -1.2, 0.0),
    hint_text=(
        "A new op is a Value whose data is sin(v.data), whose parents are (v,), and whose local_grads "
        "hold d sin(u)/du at u = v.data. The engine's backward() does the rest."
    ),
    solution_text=(
        "def value_sin(v):\n"
        "    return Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data),), op=\"sin\")"
    ),
    mistakes=[
        (lambda x: -math.cos(x), "the sign is flipped: d sin(u)/du = +cos(u) (it is cos whose slope is −sin)."),
        (math.sin, "that is sin itself, the node's value. The local slope is the derivative, cos(u)."),
        (lambda x: 0.0, "the local slope is 0: did you leave local_grads out? Pass local_grads=(math.cos(v.data),)."),
    ],
)

_DELTA = np.array([0.5, -1.0, 2.0])
_X = np.array([1.0, 2.0, 0.0, -1.0])

q4 = NumberExercise(
    name="∂L/∂W of a layer z = Wx + b",
    expected=lambda: np.outer(_DELTA, _X),
    hint_text=(
        "∂L/∂W has W's shape (3, 4): entry (i, j) is ∂L/∂z_i · ∂z_i/∂W_ij = δ_i · x_j. "
        "That is an outer product: np.outer(delta_q4, x_q4)."
    ),
    solution_text="answer = np.outer(delta_q4, x_q4)   # δ xᵀ, shape (3, 4) like W",
    mistakes=[
        (np.outer(_X, _DELTA), "that is x δᵀ, shape (4, 3): transposed. ∂L/∂W must have W's shape (3, 4), so δ xᵀ."),
    ],
)

q5 = NumberExercise(
    name="The cost of checking a gradient numerically",
    expected=lambda: 2 * 1_000_000,
    hint_text="Central differences evaluate the loss at θ + h and at θ − h, once for each parameter.",
    solution_text=(
        "Two loss evaluations per parameter: answer = 2 * 1_000_000 "
        "(backprop needs one forward and one backward pass)."
    ),
    mistakes=[
        (1_000_000, "that would be one evaluation per parameter. Central differences need two: at θ + h and at θ − h."),
        (1_000_001, (
            "that is the count for forward differences (f(θ) once, then θ + h per parameter). "
            "Central differences need two per parameter."
        )),
        (2_000_001, "the extra 1 is the loss at θ itself, which central differences never use: only θ + h and "
                    "θ − h, two evaluations per parameter."),
        (4_000_000, "that is four evaluations per parameter. Central differences need two: at θ + h and at θ − h."),
    ],
    rtol=0.0,
    atol=0.5,
    whole_number=True,  # a count: an answer off by one is not a rounded number
)

name_exercises(globals())
