"""Notebook 02's look at one chain under several weight settings: when a product of slopes shrinks or grows."""
from __future__ import annotations

from collections.abc import Sequence

from course_utils.chains import Link, chain_steps, with_parameter
from course_utils.formatting import format_number, format_table


def weight_settings_table(links: Sequence[Link], settings: Sequence[tuple[dict, float]], digits: int = 4) -> str:
    """One row per (weights, x) setting: the weights, x, every local slope and their product dy/dx."""
    rows = []
    for weights, x in settings:
        chain = list(links)
        for name, value in weights.items():
            chain = with_parameter(chain, name, value)
        steps = chain_steps(chain, x)
        rows.append([", ".join(f"{name} = {format_number(value, 2)}" for name, value in weights.items()),
                     format_number(x, 3), " × ".join(format_number(step.local_grad, digits) for step in steps),
                     format_number(steps[-1].grad_so_far, digits)])
    return format_table(["weights", "x", "local slopes", "dy/dx"], rows)
