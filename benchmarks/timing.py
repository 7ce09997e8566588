"""Small timing and table helpers shared by the benchmarks: medians of repeated runs, Markdown tables."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(action: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall time of one call, in milliseconds, after a few untimed warm-up calls."""
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}.")
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(samples)


def interleaved_medians_ms(actions: dict[str, Callable[[], object]], rounds: int,
                           per_round: int = 5) -> dict[str, float]:
    """Median milliseconds per call of each action, timed in alternating rounds
    so load on the machine hits all alike.
    """
    if rounds < 1 or per_round < 1:
        raise ValueError(f"rounds and per_round must be at least 1, got {rounds} and {per_round}.")
    samples = {name: [] for name in actions}
    for action in actions.values():
        action()  # warm-up
    for _ in range(rounds):
        for name, action in actions.items():
            for _ in range(per_round):
                start = time.perf_counter()
                action()
                samples[name].append((time.perf_counter() - start) * 1000.0)
    return {name: statistics.median(values) for name, values in samples.items()}


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured Markdown table; numbers should already be formatted as strings."""
    if any(len(row) != len(headers) for row in rows):
        raise ValueError("every row needs exactly one cell per header.")
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def ratio(numerator: float | None, denominator: float | None) -> str:
    """'12.3×', or '–' when either side is missing."""
    if numerator is None or denominator is None or denominator <= 0:
        return "–"
    return f"{numerator / denominator:.1f}×"
