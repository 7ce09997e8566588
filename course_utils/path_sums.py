"""The multivariable chain rule as a sum over paths, the pattern backprop follows.

When a variable reaches the output along several routes (one hidden unit feeding two
outputs, say), the derivative of the output with respect to it is the sum, over every
path from the variable to the output, of the product of the local derivatives along
that path. The graph is given as SymPy definitions {node: expression of other nodes};
SymPy itself is only needed by the caller, never imported here.
"""
from __future__ import annotations

import math
from typing import NamedTuple

from course_utils.formatting import format_number, format_table
from course_utils.validation import check_number


class Path(NamedTuple):
    """One route from source to sink: its nodes, the local derivative of each step, and their product."""

    nodes: tuple[str, ...]
    factors: tuple[float, ...]
    product: float


def forward_values(definitions: dict, inputs: dict) -> dict:
    """The value of every node: inputs as given, each defined node computed in order from earlier ones."""
    _require_definitions(definitions)
    values = {_name(symbol): float(value) for symbol, value in inputs.items()}
    for node, expression in definitions.items():
        missing = sorted(_name(s) for s in expression.free_symbols if _name(s) not in values)
        if missing:
            raise ValueError(
                f"{_name(node)} uses {missing}, which have no value yet: give them in inputs or define them earlier."
            )
        values[_name(node)] = float(expression.subs({s: values[_name(s)] for s in expression.free_symbols}))
    return values


def local_slopes(definitions: dict, values: dict) -> dict:
    """∂node/∂parent for every edge of the graph, evaluated at the given node values: {(parent, node): number}."""
    _require_definitions(definitions)
    slopes = {}
    for node, expression in definitions.items():
        at_point = {s: values[_name(s)] for s in expression.free_symbols}
        for parent in sorted(expression.free_symbols, key=_name):
            slopes[(_name(parent), _name(node))] = float(expression.diff(parent).subs(at_point))
    return slopes


def paths_between(slopes: dict, source: str, sink: str) -> list[Path]:
    """Every path from source to sink through the edges of slopes, with the product of its local derivatives."""
    children = _children(slopes)
    nodes = set(children) | {child for edges in children.values() for child in edges}
    for end in (source, sink):
        if not isinstance(end, str):
            raise TypeError(f"source and sink are node names such as 'w' and 'E', got {type(end).__name__}: {end!r}.")
        if end not in nodes:
            raise ValueError(f"{end!r} is not a node of the graph; the nodes are {sorted(nodes)}.")
    paths: list[Path] = []
    _extend((source,), slopes, children, sink, paths)
    return paths


def sum_over_paths(slopes: dict, source: str, sink: str) -> float:
    """d sink / d source: the sum over all paths of the product of local derivatives (0 if there is no path)."""
    return math.fsum(path.product for path in paths_between(slopes, source, sink))


def paths_table(paths: list[Path], digits: int = 4) -> str:
    """The paths as a printable table, one row each, then their sum."""
    rows = [
        [" → ".join(p.nodes), " × ".join(format_number(f, digits) for f in p.factors), format_number(p.product, digits)]
        for p in paths
    ]
    rows.append(["sum over paths", "", format_number(math.fsum(p.product for p in paths), digits)])
    return format_table(["path", "local derivatives", "product"], rows)


def _extend(path: tuple, slopes: dict, children: dict, sink: str, found: list) -> None:
    """Depth-first: grow path by each child of its last node, recording it when it reaches the sink."""
    if path[-1] == sink:
        factors = tuple(slopes[(a, b)] for a, b in zip(path, path[1:]))
        found.append(Path(path, factors, math.prod(factors)))
        return
    for child in children.get(path[-1], ()):
        if child in path:
            raise ValueError(f"the graph has a cycle through {child!r}; a computation graph must not loop back.")
        _extend(path + (child,), slopes, children, sink, found)


def _children(slopes: dict) -> dict:
    """Each node's children, in the order the edges were given."""
    if not isinstance(slopes, dict):
        raise TypeError(f"slopes must be a dict {{(parent, child): local derivative}}, got {type(slopes).__name__}.")
    children: dict = {}
    for edge, value in slopes.items():
        if not (isinstance(edge, tuple) and len(edge) == 2):
            raise TypeError(f"each key of slopes must be a (parent, child) pair of names, got {edge!r}.")
        check_number(value, f"the local derivative on edge {edge}")
        children.setdefault(edge[0], []).append(edge[1])
    return children


def _require_definitions(definitions) -> None:
    if not isinstance(definitions, dict) or not all(hasattr(e, "free_symbols") for e in definitions.values()):
        raise TypeError(
            "definitions must be a dict {node symbol: SymPy expression}, e.g. {z: w*x, a: 1/(1 + sp.exp(-z))}."
        )


def _name(symbol) -> str:
    return str(symbol)
