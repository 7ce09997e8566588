"""The engine's own source, shown in the notebook: read from the module at run time, so it cannot drift."""
from __future__ import annotations

import inspect
import textwrap

from course_utils.autodiff import Value
from course_utils.validation import require_count


def source_of(obj) -> str:
    """The source of a function or method exactly as the module defines it, dedented."""
    return textwrap.dedent(inspect.getsource(obj)).rstrip()


def source_excerpt(obj, first: str, last: str) -> str:
    """The lines of obj's source from the first line containing ``first`` to the next containing ``last``.

    Raises if either marker is missing, so an excerpt shown in a lesson fails loudly when the code changes.
    """
    lines = source_of(obj).splitlines()
    start = next((i for i, line in enumerate(lines) if first in line), None)
    if start is None:
        raise ValueError(f"{first!r} is not in the source of {obj.__qualname__}: the excerpt needs updating.")
    stop = next((i for i in range(start, len(lines)) if last in lines[i]), None)
    if stop is None:
        raise ValueError(f"{last!r} does not follow {first!r} in {obj.__qualname__}: the excerpt needs updating.")
    return textwrap.dedent("\n".join(lines[start:stop + 1]))


def without_docstring(obj) -> str:
    """The source of a short function without its docstring line, for showing the code beside another's."""
    lines = source_of(obj).splitlines()
    return "\n".join(line for line in lines if not line.strip().startswith('"""'))


def long_chain(length: int):
    """x + 1 + 1 + … (length additions) at x = 0: a graph far deeper than Python's recursion limit, ∂L/∂x = 1."""
    node = leaf = Value(0.0, label="x")
    for _ in range(require_count(length, "length", minimum=1, maximum=1_000_000)):
        node = node + 1.0
    return node, leaf


def recursive_order(root) -> list:
    """The textbook topological sort that calls itself once per node deep: what the engine's own loop avoids."""
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order
