"""Exercises of 05_computational_graphs_autodiff: summing over uses, max routing, a new op, shapes, cost, backward()
itself and forward versus reverse mode."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from course_utils.autodiff import topological_order
from course_utils.exercises import NumberExercise, name_exercises
from course_utils.exercises.answers import NotANumber, as_real, shown
from course_utils.exercises.base import INCORRECT, Feedback
from course_utils.exercises.new_op import BackwardExercise, NewOpExercise


@dataclass(kw_only=True)
class GradientExercise(NumberExercise):
    """A number exercise whose answer is a gradient: a Value node passed as the answer is told to give its .grad."""

    def _judge(self, answer) -> Feedback:
        try:
            as_real(answer)
        except NotANumber as refused:
            if "Value node" in refused.what:
                return self._say(INCORRECT, f"expected a number, got {refused.what}. A node is not a number: pass "
                                            "its gradient .grad, read after calling backward() on the output "
                                            "(e.g. answer = x.grad).")
        return super()._judge(answer)


@dataclass(kw_only=True)
class CountExercise(NumberExercise):
    """A number exercise whose answer is a count: a number with a fractional part is refused, not rounded."""

    whole_number: bool = True
    #: What is counted, as the refusal names it ("loss evaluations").
    counted: str = "passes"

    def _judge(self, answer) -> Feedback:
        try:
            value = as_real(answer)
        except NotANumber:
            return super()._judge(answer)
        finite = value[np.isfinite(value)]
        if finite.size and not np.all(finite == np.round(finite)):
            what = "is not a whole number" if value.ndim == 0 else "has an entry that is not a whole number"
            return self._say(INCORRECT, f"{shown(answer)} {what}, and a number of {self.counted} is one: "
                                        "count them exactly.")
        return super()._judge(answer)

q1 = GradientExercise(
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

q2 = GradientExercise(
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
        (lambda x: -math.cos(x), "The sign is flipped: d sin(u)/du = +cos(u) (it is cos whose slope is −sin)."),
        (math.sin, "That is sin itself, the node's value. The local slope is the derivative, cos(u)."),
        (lambda x: 0.0, "A local slope is the derivative of this one operation alone, cos(v.data). Do not multiply it "
                        "by v.grad (still 0 while the graph is built): backward() multiplies by the incoming gradient "
                        "itself. Pass local_grads=(math.cos(v.data),)."),
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

q5 = CountExercise(
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
    counted="loss evaluations",
)



def _wrong_order(root, *, stack=False, reverse_parents=False, recursive=False) -> list:
    """A visiting order that can let a node pass its gradient on before all its consumers have reported.

    By distance from the output (breadth-first, parents in order or reversed), or depth-first with each node
    before its parents: popped from a stack, or visited recursively. Each is right on some graphs.
    """
    visit, seen = [], {id(root)}
    if recursive:
        def descend(node):
            visit.append(node)
            for parent in node.parents:
                if id(parent) not in seen:
                    seen.add(id(parent))
                    descend(parent)

        descend(root)
        return visit
    waiting = [root]
    while waiting:
        node = waiting.pop() if stack else waiting.pop(0)
        visit.append(node)
        for parent in (reversed(node.parents) if reverse_parents else node.parents):
            if id(parent) not in seen:
                seen.add(id(parent))
                waiting.append(parent)
    return visit


def _backward_pass(root, *, reset=True, start=True, reverse=True, accumulate=True, order=None) -> None:
    """The backward pass, right by default; each keyword turns one step off to make a learner's likely slip."""
    nodes = topological_order(root)
    if reset:
        for node in nodes:
            node.grad = 0.0
    if start:
        root.grad = 1.0
    if order is not None:
        visit = order(root)
    else:
        visit = list(reversed(nodes)) if reverse else nodes
    for node in visit:
        for parent, local in zip(node.parents, node.local_grads):
            if accumulate:
                parent.grad += local * node.grad
            else:
                parent.grad = local * node.grad


def _in_order(**how):
    """The backward pass along one of the wrong orders of _wrong_order."""
    return lambda root: _backward_pass(root, order=lambda r: _wrong_order(r, **how))


q6 = BackwardExercise(
    name="Your own backward()",
    reference=_backward_pass,
    hint_text=(
        "Three steps. (1) A topological order: a depth-first search that appends a node after all its parents "
        "lists inputs first (or use topological_order(root) and write only steps 2 and 3). (2) Set every "
        "node's grad to 0, then start the output at root.grad = 1. (3) Walk the order reversed; at each node, for "
        "each (parent, local) in zip(node.parents, node.local_grads), do parent.grad += local * node.grad."
    ),
    solution_text=(
        "def my_backward(root):\n"
        "    order, seen = [], {id(root)}          # depth-first, a node after all its parents,\n"
        "    stack = [(root, iter(root.parents))]  # with a stack instead of recursion\n"
        "    while stack:\n"
        "        node, parents = stack[-1]\n"
        "        parent = next(parents, None)\n"
        "        if parent is None:                # every parent listed: list the node\n"
        "            order.append(node)\n"
        "            stack.pop()\n"
        "        elif id(parent) not in seen:\n"
        "            seen.add(id(parent))\n"
        "            stack.append((parent, iter(parent.parents)))\n"
        "    for node in order:\n"
        "        node.grad = 0.0                   # start afresh on every call\n"
        "    root.grad = 1.0                       # ∂root/∂root = 1\n"
        "    for node in reversed(order):          # every consumer before the node it reads from\n"
        "        for parent, local in zip(node.parents, node.local_grads):\n"
        "            parent.grad += local * node.grad\n"
        "(order = topological_order(root) gives the same order.)"
    ),
    mistakes=[
        (lambda root: _backward_pass(root, start=False),
         "every gradient stays 0: the output's gradient was never set to 1 (or nothing was written into .grad). "
         "Set root.grad = 1.0 (∂root/∂root) before the loop; while it is 0, every product local × node.grad is 0 too."),
        (lambda root: _backward_pass(root, accumulate=False),
         "a node used more than once keeps only its last contribution: you assign parent.grad = … where the "
         "contributions must add up. Write parent.grad += local * node.grad."),
        (lambda root: _backward_pass(root, reverse=False),
         "only the output's own inputs got a gradient: the loop walks the topological order forwards (inputs "
         "first), so each node passes on its grad before it has received any. Walk it reversed."),
        (lambda root: _backward_pass(root, reset=False),
         "one call is right, but a second call adds onto the first call's gradients. Reset every node's grad to "
         "0 at the start (as the engine's backward() does), then set the output's grad to 1."),
    ],
    order_slips=[_in_order(), _in_order(reverse_parents=True), _in_order(stack=True), _in_order(recursive=True)],
    order_message=(
        "the order is wrong: a node passed its gradient on before all its consumers had reported, so a path "
        "was lost. Visit the nodes in a reversed topological order, where every node comes after all the nodes "
        "that use it; an order by distance from the output, or a search that visits a node before its parents, "
        "is right on some graphs only."
    ),
)

q7 = CountExercise(
    name="Passes for a whole gradient",
    expected=lambda: np.array([1000.0, 1.0]),
    hint_text=(
        "One forward-mode pass carries one tangent direction and gives one directional derivative of every output. "
        "One reverse pass starts from one output's gradient, set to 1, and gives that output's slope for every input."
    ),
    solution_text=(
        "Forward mode: one pass per input direction, 1000 passes. Reverse mode: one backward pass for the one "
        "output. answer = [1000, 1]"
    ),
    mistakes=[
        ([1.0, 1000.0], "that is the case the other way round (one input, 1000 outputs). Here there are 1000 inputs "
                        "and one output: forward mode needs a pass per input."),
        ([2000.0, 1.0], "2000 is the count for central differences, two loss evaluations per parameter. A dual-number "
                        "pass gives one directional derivative exactly: one pass per input direction."),
        ([1000.0, 1000.0], "reverse mode needs one backward pass per output, and the loss is one number: "
                           "a single backward pass gives all 1000 slopes."),
        ([1.0, 1.0], "one forward-mode pass gives the derivative along one direction only; the gradient needs "
                     "all 1000 directions."),
    ],
    order="those are the right numbers in another order. Give them as [forward-mode passes, reverse-mode passes].",
    rtol=0.0,
    atol=0.5,
    counted="passes",
)

name_exercises(globals())
