"""The walk-through network as a graph of local slopes: each gradient is a sum over paths of products.

Every edge u → v carries the local slope ∂v/∂u. A parameter reaches the error along
one path (w5: w5 → z1 → z1a → E) or several (w1 reaches E through z1 and through z2;
the shared bias c1 through four paths). The multivariable chain rule says: multiply the
slopes along each path, then add the paths. This module spells that out so the notebook
can print every factor, and so the tests can check it against ``walkthrough.backward``.
"""
from __future__ import annotations

import math

from course_utils import walkthrough

OUTPUTS = ("z1a", "z2a")


def _edges() -> tuple[tuple[str, str], ...]:
    """(from, to) of every edge, read off the network's wiring; the label of an edge is ∂to/∂from."""
    edges = []
    for unit, (*pairs, bias) in walkthrough.WIRING.items():
        for value, weight in pairs:
            if value not in walkthrough.INPUTS:  # inputs are data, not variables we differentiate by
                edges.append((value, unit))
            edges.append((weight, unit))
        edges.append((bias, unit))
        edges.append((unit, unit + "a"))
    return tuple(edges) + tuple((output, "E") for output in OUTPUTS)


#: Every edge of the graph, (from, to).
EDGES = _edges()


def local_slopes(p: dict) -> dict[tuple[str, str], float]:
    """The value of ∂to/∂from on every edge, at the network p."""
    f = walkthrough.forward(p)
    values = {**p, **f}
    slopes = {}
    for source, target in EDGES:
        if target == "E":  # E = ½(t1 − z1a)² + ½(t2 − z2a)², so ∂E/∂z1a = z1a − t1
            slopes[(source, target)] = f[source] - p["t" + source[1]]
        elif target == source + "a":  # the sigmoid's slope, written with its output: a(1 − a)
            slopes[(source, target)] = f[target] * (1.0 - f[target])
        else:
            slopes[(source, target)] = _weighted_sum_slope(values, source, target)
    return slopes


def paths(parameter: str) -> list[list[str]]:
    """Every route from a parameter to E, as lists of nodes."""
    if parameter not in walkthrough.PARAMETERS:
        raise ValueError(f"unknown parameter {parameter!r}; choose one of {', '.join(walkthrough.PARAMETERS)}.")
    found = []

    def walk(route):
        if route[-1] == "E":
            found.append(route)
        for source, target in EDGES:
            if source == route[-1]:
                walk(route + [target])

    walk([parameter])
    return found


def chain(p: dict, parameter: str) -> list[list[tuple[tuple[str, str], float]]]:
    """For each path, its factors in chain-rule order (from the error back to the parameter) as ((to, from), slope)."""
    slopes = local_slopes(p)
    return [
        [((target, source), slopes[(source, target)]) for source, target in reversed(list(zip(route, route[1:])))]
        for route in paths(parameter)
    ]


def path_sum(p: dict, parameter: str) -> float:
    """∂E/∂parameter as the sum over paths of the product of local slopes."""
    return sum(math.prod(slope for _, slope in factors) for factors in chain(p, parameter))


def chain_latex(p: dict, parameter: str) -> str:
    """LaTeX, one path per line: the gradient as a sum of products of slopes, the same with numbers, its value."""
    routes = chain(p, parameter)
    symbols = [
        "".join(r"\frac{\partial %s}{\partial %s}" % (_tex(to), _tex(of)) for (to, of), _ in factors)
        for factors in routes
    ]
    numbers = [r"\,".join(f"({value:.4f})" for _, value in factors) for factors in routes]
    lines = [r"\frac{\partial E}{\partial %s} &= %s" % (_tex(parameter), symbols[0])]
    lines += [r"&\quad + %s" % term for term in symbols[1:]]
    lines += [r"&= %s" % numbers[0]] + [r"&\quad + %s" % term for term in numbers[1:]]
    lines.append(r"&= %.6f" % path_sum(p, parameter))
    return r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def _weighted_sum_slope(values: dict, source: str, target: str) -> float:
    """∂target/∂source for target = input·weight + input·weight + bias: a weight's input, an input's weight, or 1."""
    *pairs, bias = walkthrough.WIRING[target]
    if source == bias:
        return 1.0
    for value, weight in pairs:
        if source == weight:
            return values[value]
        if source == value:
            return values[weight]
    raise ValueError(f"no edge {source} → {target} in the walk-through network.")


def _tex(name: str) -> str:
    """z1a → z_1^a, w5 → w_5, E → E."""
    if name == "E":
        return "E"
    return f"{name[0]}_{name[1]}^a" if name.endswith("a") else f"{name[0]}_{name[1]}"
