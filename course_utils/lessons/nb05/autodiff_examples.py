"""The expression graphs notebook 05 studies, built from autodiff Values.

``routing_example`` is the explorer's small graph (every local rule in five
operations); ``network_graph`` rebuilds notebook 04's 2-2-2 network node by node,
in the same expression order as ``walkthrough.forward``, so its values are
bit-for-bit those of notebook 04; ``neuron_graph`` grows with n to measure cost.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from course_utils.autodiff import Value, maximum
from course_utils.calculus import central_difference
from course_utils.validation import as_finite_array, check_number, require_callable, require_count
from course_utils.walkthrough import NETWORK_KEYS, PARAMETERS, backward, checked_network

#: The largest neuron the cost measurements build: a million inputs is already a few seconds.
MAX_INPUTS = 10_000_000

#: One example of each operation: its name, the operation, example inputs, and the rule its local slopes follow.
LOCAL_RULES = [
    ("a + b", lambda a, b: a + b, (2.0, -3.0), "copies: 1 to each input"),
    ("a − b", lambda a, b: a - b, (2.0, -3.0), "copies, with −1 for b"),
    ("a · b", lambda a, b: a * b, (2.0, -3.0), "swaps: each input gets the other"),
    ("a / b", lambda a, b: a / b, (2.0, -3.0), "1/b and −a/b²"),
    ("max(a, b)", maximum, (2.0, -3.0), "routes: 1 to the winner, 0 to the other"),
    ("a ** 3", lambda a: a**3, (2.0,), "3a²"),
    ("exp(a)", lambda a: a.exp(), (0.5,), "its own output, eᵃ"),
    ("log(a)", lambda a: a.log(), (0.5,), "1/a"),
    ("tanh(a)", lambda a: a.tanh(), (0.5,), "1 − tanh²(a), from its output"),
    ("σ(a)", lambda a: a.sigmoid(), (0.5,), "σ(1 − σ), from its output"),
    ("relu(a), a > 0", lambda a: a.relu(), (0.5,), "1: passes the gradient"),
    ("relu(a), a < 0", lambda a: a.relu(), (-0.5,), "0: blocks the gradient"),
]


def local_slopes_both_ways(op, inputs: tuple, h: float = 1e-6) -> tuple[tuple, tuple]:
    """An op's local slopes as the engine stores them, and by central differences in each input."""
    require_callable(op, "op")
    if not isinstance(inputs, tuple | list) or not inputs:
        raise TypeError(f"inputs must be a tuple of numbers, one per input of the op, e.g. (2.0, -3.0) or (0.5,) "
                        f"(mind the comma), got {inputs!r}.")
    inputs = tuple(check_number(value, f"inputs[{i}]") for i, value in enumerate(inputs))
    engine = op(*(Value(x) for x in inputs)).local_grads

    def of_input(i):
        """The op's output as a function of input i alone, the other inputs held fixed."""
        return lambda t: op(*(Value(float(t) if j == i else x) for j, x in enumerate(inputs))).data

    numeric = tuple(central_difference(of_input(i), inputs[i], h) for i in range(len(inputs)))
    return engine, numeric


def routing_example(x: float, y: float, z: float) -> Value:
    """L = tanh(x·y + max(y, z)): mul swaps, max routes, add copies, tanh scales, and y is used twice."""
    x, y, z = Value(x, label="x"), Value(y, label="y"), Value(z, label="z")
    return (x * y + maximum(y, z)).tanh()


class NetworkGraph(NamedTuple):
    """The 2-2-2 network as a graph: its loss node and a leaf per input, parameter and target."""

    loss: Value
    leaves: dict


def network_graph(p: dict, sigmoid: Callable[[Value], Value] = Value.sigmoid) -> NetworkGraph:
    """E_total of notebook 04's network from Value leaves; pass another ``sigmoid`` op to plant a bug."""
    p = checked_network(p)  # a dict of finite numbers with every key, or a message naming what is missing
    v = {key: Value(p[key], label=key) for key in NETWORK_KEYS}
    y1a = sigmoid(v["x1"] * v["w1"] + v["x2"] * v["w3"] + v["c1"])
    y2a = sigmoid(v["x1"] * v["w2"] + v["x2"] * v["w4"] + v["c1"])
    z1a = sigmoid(y1a * v["w5"] + y2a * v["w7"] + v["c2"])
    z2a = sigmoid(y1a * v["w6"] + y2a * v["w8"] + v["c2"])
    for node, name in ((y1a, "y1a"), (y2a, "y2a"), (z1a, "z1a"), (z2a, "z2a")):
        node.label = name
    loss = 0.5 * (v["t1"] - z1a) ** 2 + 0.5 * (v["t2"] - z2a) ** 2
    loss.label = "E_total"
    return NetworkGraph(loss, v)


def network_gradients(p: dict, sigmoid: Callable[[Value], Value] = Value.sigmoid) -> dict[str, float]:
    """The ten ∂E_total/∂θ by the engine's backward pass, keyed like walkthrough.backward ('dE/dw1' …)."""
    graph = network_graph(p, sigmoid)
    graph.loss.backward()
    return {f"dE/d{name}": graph.leaves[name].grad for name in PARAMETERS}


def network_loss(p: dict, theta) -> float:
    """E_total with the ten parameters replaced by the vector theta (in PARAMETERS order)."""
    return network_graph(_with_parameters(p, theta)).loss.data


def network_gradient_vector(p: dict, theta, sigmoid: Callable[[Value], Value] = Value.sigmoid) -> np.ndarray:
    """The engine's gradient at theta as a vector in PARAMETERS order, the shape gradcheck wants."""
    return np.array(list(network_gradients(_with_parameters(p, theta), sigmoid).values()))


def hand_gradient_vector(p: dict, theta) -> np.ndarray:
    """Notebook 04's hand-derived gradient (walkthrough.backward) at theta, in PARAMETERS order, for gradcheck."""
    gradients = backward(_with_parameters(p, theta))
    return np.array([gradients[f"dE/d{name}"] for name in PARAMETERS])


def parameter_vector(p: dict) -> np.ndarray:
    """The ten parameters of a network dict as a vector, in PARAMETERS order."""
    return np.array([p[name] for name in PARAMETERS], dtype=float)


def neuron_graph(n_inputs: int, seed: int = 0) -> Value:
    """A sigmoid neuron with n inputs and a squared error, from random inputs and weights (seeded)."""
    n_inputs = require_count(n_inputs, "n_inputs", maximum=MAX_INPUTS)
    rng = np.random.default_rng(require_count(seed, "seed", minimum=0))
    xs, ws = rng.normal(size=n_inputs), rng.normal(scale=1 / np.sqrt(n_inputs), size=n_inputs)
    z = Value(0.0, label="b")
    for x, w in zip(xs, ws):
        z = z + Value(float(x)) * Value(float(w))
    return 0.5 * (1.0 - z.sigmoid()) ** 2


def _with_parameters(p: dict, theta) -> dict:
    """A copy of the network dict with its ten parameters taken from the vector theta."""
    theta = as_finite_array(theta, "theta").ravel()
    if theta.size != len(PARAMETERS):
        raise ValueError(
            f"theta needs {len(PARAMETERS)} numbers, one per parameter {', '.join(PARAMETERS)}; got {theta.size}."
        )
    return {**p, **{name: float(value) for name, value in zip(PARAMETERS, theta)}}
