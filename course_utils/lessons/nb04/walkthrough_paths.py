"""The walk-through network as a graph of local slopes: each gradient is a sum over paths of products.

Every edge u → v carries the local slope ∂v/∂u. A parameter reaches the error along
one path (w5: w5 → z1 → z1a → E) or several (w1 reaches E through z1 and through z2;
the shared bias c1 through four paths). The multivariable chain rule says: multiply the
slopes along each path, then add the paths. This module spells that out so the notebook
can print every factor, and so the tests can check it against ``walkthrough.backward``.
"""
from __future__ import annotations

import math

from course_utils import path_sums, walkthrough
from course_utils.validation import choose

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


def chain(p: dict, parameter: str) -> list[list[tuple[tuple[str, str], float]]]:
    """For each path, its factors in chain-rule order (from the error back to the parameter) as ((to, from), slope)."""
    return [_backwards(path) for path in _paths(p, parameter)]


def path_sum(p: dict, parameter: str) -> float:
    """∂E/∂parameter as the sum over paths of the product of local slopes."""
    return math.fsum(path.product for path in _paths(p, parameter))


def chain_latex(p: dict, parameter: str) -> str:
    """LaTeX, one path per line: the gradient as a sum of products of slopes, the same with numbers, its value."""
    tex = walkthrough.latex_name
    parameter = choose(parameter, walkthrough.PARAMETERS, "parameter")  # any case: "W1" is w1
    routes = chain(p, parameter)
    symbols = ["".join(rf"\frac{{\partial {tex(to)}}}{{\partial {tex(of)}}}" for (to, of), _ in factors)
               for factors in routes]
    numbers = [r"\,".join(f"({value:.4f})" for _, value in factors) for factors in routes]
    lines = [rf"\frac{{\partial E}}{{\partial {tex(parameter)}}} &= {symbols[0]}"]
    lines += [rf"&\quad + {term}" for term in symbols[1:]]
    lines += [rf"&= {numbers[0]}"] + [rf"&\quad + {term}" for term in numbers[1:]]
    lines.append(rf"&= {path_sum(p, parameter):.6f}")
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


def _paths(p: dict, parameter: str) -> list[path_sums.Path]:
    """Every path from the parameter to E with its local slopes, found by path_sums (which also refuses cycles)."""
    parameter = choose(parameter, walkthrough.PARAMETERS, "parameter")
    return path_sums.paths_between(local_slopes(p), parameter, "E")


def _backwards(path: path_sums.Path) -> list[tuple[tuple[str, str], float]]:
    """A path's factors from the error back to the parameter, each as ((to, from), slope)."""
    edges = list(zip(path.nodes, path.nodes[1:]))
    return [((target, source), slope) for (source, target), slope in reversed(list(zip(edges, path.factors)))]
