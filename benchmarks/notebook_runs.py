"""How long each notebook takes under strict nbval, against the floor: a notebook with the setup cell and one figure.

Each run is a fresh `python -m pytest --nbval <notebook>` process, so every time includes pytest's start,
the kernel's start and the imports, exactly as `make test` pays them. Rounds interleave the floor
and the lessons, so load from other processes on the machine spreads over all of them alike.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT / "benchmarks" / "floor.ipynb"


def course_notebooks() -> list[Path]:
    """Every lesson in notebooks/, in course order."""
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


@dataclass
class NotebookRun:
    """The timed nbval runs of one notebook; passed is False if any run failed."""

    path: Path
    seconds: list[float] = field(default_factory=list)
    passed: bool = True

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def time_nbval(path: Path) -> tuple[float, bool]:
    """Wall time of one strict nbval run of a notebook in a fresh process, and whether it passed."""
    command = [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:cacheprovider", str(path.relative_to(ROOT))]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - start, result.returncode == 0


def measure(repeats: int, notebooks: list[Path] | None = None) -> tuple[NotebookRun, list[NotebookRun]]:
    """Time the floor and every lesson `repeats` times each, in interleaved rounds."""
    floor = NotebookRun(FLOOR)
    lessons = [NotebookRun(path) for path in (course_notebooks() if notebooks is None else notebooks)]
    time_nbval(FLOOR)  # untimed: the first run also pays for cold disk caches
    for round_number in range(1, repeats + 1):
        for run in [floor, *lessons]:
            seconds, passed = time_nbval(run.path)
            run.seconds.append(seconds)
            run.passed &= passed
        print(f"  nbval round {round_number}/{repeats} done", flush=True)
    return floor, lessons
