"""A text progress bar for long loops that prints exactly the same characters on every run.

Strict nbval compares a cell's printed text with the stored one, so the bar shows only
things that do not depend on timing: a label, the number of steps, a fixed number of
ticks and, at the end, a summary chosen by the caller. In JupyterLab the ticks appear
live, one by one, because each is flushed as soon as it is printed.
"""
from __future__ import annotations

import sys

from course_utils.validation import require_count


class TextProgress:
    """``label: N steps |####...| summary``, ticking ``width`` times as the loop advances."""

    def __init__(self, total: int, label: str = "training", width: int = 20, stream=None):
        self.total = require_count(total, "total")
        self.width = require_count(width, "width")
        self.label = str(label)
        self.stream = sys.stdout if stream is None else stream
        self._ticks = 0

    def start(self) -> None:
        """Print the label and open the bar."""
        self._write(f"{self.label}: {self.total} step{'' if self.total == 1 else 's'} |")

    def advance(self, done: int) -> None:
        """Add the ticks earned by ``done`` finished steps (out of ``total``)."""
        due = min(done, self.total) * self.width // self.total
        if due > self._ticks:
            self._write("#" * (due - self._ticks))
            self._ticks = due

    def finish(self, summary: str = "done") -> None:
        """Close the bar (padding it if the loop stopped early) and print a summary line end."""
        self._write(" " * (self.width - self._ticks) + f"| {summary}\n")

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()
