"""`make bench`: measure the course, print the tables and write them to benchmarks/results.md.

    python -m benchmarks.run                   # everything (a few minutes on 2 cores)
    python -m benchmarks.run --only sliders    # one part (notebooks, sliders, mlp or browser), printed only

PyTorch joins the MLP comparison when it is importable; it is not a course dependency:
`.venv/bin/pip install torch==2.13.0` (a CPU build) and run again.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import date
from importlib import metadata
from pathlib import Path

from benchmarks import browser_latency, mlp_vs_torch, notebook_runs, slider_updates
from benchmarks.timing import markdown_table, ratio

RESULTS = Path(__file__).with_name("results.md")
PARTS = ("notebooks", "sliders", "mlp", "browser")


def notebooks_section(repeats: int) -> str:
    floor, lessons = notebook_runs.measure(repeats)
    rows = [
        [f"{run.path.name}{'' if run.passed else ' (FAILED)'}", f"{run.median:.2f}", ratio(run.median, floor.median)]
        for run in [floor, *lessons]
    ]
    total = sum(run.median for run in lessons)
    return (
        f"## Notebooks under strict nbval\n\nEach notebook in a fresh `pytest --nbval` process (pytest start, kernel "
        f"start, imports, every cell), median of {repeats} runs, against the floor (`benchmarks/floor.ipynb`: the "
        "setup cell and one figure).\n\n"
        + markdown_table(["notebook", "median (s)", "÷ floor"], rows)
        + f"\n\nAll lessons one after another: {total:.1f} s.\n"
    )


def sliders_section(repeats: int) -> str:
    costs, failures = slider_updates.measure(notebook_runs.course_notebooks(), repeats)
    rows = [
        [cost.notebook, cost.explorer, ", ".join(cost.sliders), f"{cost.callback_ms:.2f}",
         ", ".join(f"{step:.1f}" for step in cost.step_ms), f"{cost.replot_ms:.1f}",
         ", ".join(ratio(cost.replot_ms, step) for step in cost.step_ms)]
        for cost in costs
    ]
    notes = "".join(f"\n- {failure}" for failure in failures)
    return (
        "## One slider step per explorer\n\nIn the notebook's own kernel after it ran, milliseconds per slider step "
        f"(medians of {repeats} steps), with the explorer as JupyterLab leaves it: drawn once, its browser side "
        "connected. *callback*: the explorer's `update` (move artists, rewrite the readout). *step*: set a slider "
        "(one median per slider, in the order listed); "
        "the callback runs, the moving artists are blitted onto the saved background and the frame of the changed "
        "pixels (raw RGBA patches) is made, ready to send (a full redraw, when an explorer asks for one, is "
        "included). *re-plot*: what "
        "`interact` with the inline backend does instead: a new figure, the explorer's own `build` and `update`, and "
        "an inline-style PNG (not counting sending its ~25 KB).\n\n"
        + markdown_table(["notebook", "explorer", "sliders", "callback (ms)", "step (ms)", "re-plot (ms)",
                          "re-plot ÷ step"], rows)
        + ("\n" + notes if notes else "") + "\n"
    )


def mlp_section(rounds: int) -> str:
    timings, notes = mlp_vs_torch.measure(rounds)
    numpy_ms = timings[0].median_ms if timings else None
    rows = [[t.implementation, f"{t.median_ms:.2f}", ratio(t.median_ms, numpy_ms),
             "–" if t.max_gradient_difference is None else f"{t.max_gradient_difference:.1e}"] for t in timings]
    table = markdown_table(["implementation", "median (ms)", "÷ numpy MLP", "max gradient difference (relative)"], rows)
    return (
        f"## course_utils.mlp against PyTorch (CPU)\n\nOne forward + backward pass, depth {mlp_vs_torch.DEPTH}, width "
        f"{mlp_vs_torch.WIDTH}, batch {mlp_vs_torch.BATCH}, sigmoid, sse loss; median of {rounds} alternating rounds "
        "of 5 passes each. PyTorch is not a course dependency: `.venv/bin/pip install torch==2.13.0` adds it here.\n\n"
        + (table if rows else "") + "".join(f"\n\n- {note}" for note in notes) + "\n"
    )


def browser_section(presses: int) -> str:
    reason = browser_latency.unavailable()
    if reason:
        return f"{browser_latency.TITLE}\n\nNot measured: {reason}.\n"
    return browser_latency.section(browser_latency.measure(presses, nagle=False))


def header() -> str:
    names = ("numpy", "matplotlib", "anywidget", "jupyterlab")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in names)
    return (
        "# Benchmark results\n\n"
        f"Written by `make bench` (`python -m benchmarks.run`) on {date.today().isoformat()}: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}, {versions}; load average {os.getloadavg()[0]:.1f} "
        "at the start. Times are medians of repeated runs; on a machine that other work shares, read the ratios "
        "rather than the absolute numbers. "
        "No test asserts on any of these times.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=PARTS, action="append", help="measure only this part (repeatable)")
    parser.add_argument("--nbval-runs", type=int, default=3, help="nbval runs per notebook (default 3)")
    parser.add_argument("--slider-steps", type=int, default=24, help="timed slider steps per explorer (default 24)")
    parser.add_argument("--mlp-rounds", type=int, default=20, help="alternating rounds of 5 MLP passes (default 20)")
    parser.add_argument("--browser-presses", type=int, default=browser_latency.DEFAULT_PRESSES,
                        help=f"key presses per slider in Chromium (default {browser_latency.DEFAULT_PRESSES})")
    args = parser.parse_args(argv)
    parts = args.only or list(PARTS)
    sections = {
        "notebooks": lambda: notebooks_section(args.nbval_runs),
        "sliders": lambda: sliders_section(args.slider_steps),
        "mlp": lambda: mlp_section(args.mlp_rounds),
        "browser": lambda: browser_section(args.browser_presses),
    }
    text = header()
    for part in parts:
        print(f"measuring {part} …", flush=True)
        section = sections[part]()
        print("\n" + section, flush=True)
        text += "\n" + section
    if args.only:
        print("(a partial run: benchmarks/results.md is written only by a full run)")
    else:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
