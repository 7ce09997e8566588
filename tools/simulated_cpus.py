"""Run strict nbval natively and with other CPUs simulated (used by `make test-portable`).

Round-off digits differ between CPUs: numpy dispatches its loops to AVX-512, AVX2 or baseline
code, and OpenBLAS picks its kernels by CPU. One machine can imitate a smaller CPU by
switching features off (NPY_DISABLE_CPU_FEATURES, OPENBLAS_CORETYPE), never a bigger one, so
a variant this CPU cannot run is skipped with a message. Before each run a subprocess
reports what numpy really dispatches and which OpenBLAS kernel it really uses.

    python tools/simulated_cpus.py [--variants avx2,baseline] [--rounds 2]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBVAL = [sys.executable, "-m", "pytest", "--nbval", "notebooks", "-p", "no:cacheprovider"]


@dataclass(frozen=True)
class Variant:
    """One CPU to imitate: the environment that makes numpy and OpenBLAS act like it."""

    name: str
    disable: str | None  # NPY_DISABLE_CPU_FEATURES; None keeps the machine's own setting
    coretype: str | None  # OPENBLAS_CORETYPE; None keeps the machine's own setting
    needs: tuple[str, ...] = ()  # numpy's names of the CPU features the imitation runs on
    lacking: str = ""  # why a CPU without them is skipped
    blas_names: tuple[str, ...] = ()  # what OpenBLAS calls the forced kernel


VARIANTS = (
    Variant("native", None, None),
    Variant("avx2", "AVX512_SPR AVX512_ICL X86_V4", "Haswell",
            ("X86_V3", "AVX2", "FMA3"), "this CPU has no AVX2 and FMA", ("Haswell",)),
    Variant("avx512", "", "SkylakeX",
            ("X86_V4", "AVX512F"), "this CPU has no AVX-512", ("SkylakeX",)),
    # OpenBLAS reports its Prescott-class kernel as Katmai.
    Variant("baseline", "AVX512_SPR AVX512_ICL X86_V4 X86_V3", "Prescott",
            ("SSE3",), "this CPU is not x86-64", ("Prescott", "Katmai")),
)

# Run in a subprocess: what numpy dispatches, what the CPU has, which OpenBLAS kernel runs.
PROBE = r"""
import ctypes, glob, json, os, numpy
from numpy._core import _multiarray_umath as umath
features = {name: bool(on) for name, on in umath.__cpu_features__.items()}
libs = glob.glob(os.path.dirname(numpy.__file__) + ".libs/libscipy_openblas64_*.so")
core = None
try:
    corename = ctypes.CDLL(libs[0]).scipy_openblas_get_corename64_
    corename.restype = ctypes.c_char_p
    core = corename().decode()
except (IndexError, OSError, AttributeError):  # no such library, or it names the function otherwise
    pass
print(json.dumps({"compiled": list(umath.__cpu_dispatch__), "features": features, "blas": core}))
"""


def environment(variant: Variant, base: dict[str, str]) -> dict[str, str]:
    """The base environment with the variant's settings on top, so the machine's own cannot leak in."""
    env = dict(base)
    if variant.disable is not None:
        env["NPY_DISABLE_CPU_FEATURES"] = variant.disable
        env.pop("NPY_ENABLE_CPU_FEATURES", None)  # numpy refuses both at once
    if variant.coretype is not None:
        env["OPENBLAS_CORETYPE"] = variant.coretype
    return env


def probe(env: dict[str, str]) -> dict:
    """Ask a fresh Python what numpy and OpenBLAS will do: both read their settings once, on loading."""
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def dispatched(report: dict) -> list[str]:
    """numpy's dispatch targets that are switched on: the SIMD code its loops will run."""
    return [name for name in report["compiled"] if report["features"].get(name)]


def skip_reason(variant: Variant, machine: dict) -> str | None:
    """Why this machine cannot imitate the variant (features can be switched off, not on), or None."""
    if not all(machine["features"].get(name) for name in variant.needs):
        return variant.lacking
    unknown = [name for name in (variant.disable or "").split() if name not in machine["compiled"]]
    if unknown:
        return f"this numpy cannot switch off {' '.join(unknown)} (it dispatches to {' '.join(machine['compiled'])})"
    return None


def mismatch(variant: Variant, machine: dict, report: dict) -> str | None:
    """How the probed run differs from the CPU asked for, or None: an imitation that failed proves nothing."""
    if variant.disable is not None:
        off = variant.disable.split()
        wanted = [name for name in dispatched(machine) if name not in off]
        if dispatched(report) != wanted:
            return f"numpy dispatches to {describe_dispatch(report)}, not {' '.join(wanted) or 'baseline only'}"
    if variant.coretype is not None and report["blas"] is not None and report["blas"] not in variant.blas_names:
        return f"OPENBLAS_CORETYPE={variant.coretype} gave OpenBLAS kernel {report['blas']}"
    return None


def describe_dispatch(report: dict) -> str:
    """numpy's dispatch list as one word list ('baseline only' when it dispatches nothing)."""
    return " ".join(dispatched(report)) or "baseline only"


def describe(report: dict) -> str:
    """What a run ran as: numpy's dispatch list and OpenBLAS's kernel."""
    blas = report["blas"] or "unknown (cannot be read here)"
    return f"numpy dispatch: {describe_dispatch(report)}; OpenBLAS kernel: {blas}"


def summary_line(name: str, outcome: str, seconds: float | None, detail: str) -> str:
    """One line of the final table: variant, outcome, time, what it ran as (or why not)."""
    took = f"{seconds:6.1f} s" if seconds is not None else " " * 8
    return f"{name:<11} {outcome:<8} {took}  {detail}"


def exit_code(outcomes: list[str]) -> int:
    """Non-zero when any run failed; a skip is not a failure, since this CPU cannot do more and says so."""
    return 1 if "FAILED" in outcomes else 0


def run_variant(variant: Variant, machine: dict) -> tuple[str, float | None, str]:
    """Check the imitation before running strict nbval in it, so the summary says what was really tested."""
    reason = skip_reason(variant, machine)
    if reason:
        print(f"skipped {variant.name}: {reason}", flush=True)
        return "skipped", None, reason
    env = environment(variant, dict(os.environ))
    report = probe(env)
    wrong = mismatch(variant, machine, report)
    if wrong:
        print(f"FAILED {variant.name}: not simulated: {wrong}", flush=True)
        return "FAILED", None, f"not simulated: {wrong}"
    print(f"\n=== {variant.name}: {describe(report)}", flush=True)
    start = time.monotonic()
    returncode = subprocess.run(NBVAL, cwd=ROOT, env=env).returncode
    return ("passed" if returncode == 0 else "FAILED"), time.monotonic() - start, describe(report)


def without_numpy_switches(env) -> dict[str, str]:
    """The environment without numpy's feature switches, to learn everything the CPU has."""
    switches = ("NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES")
    return {key: value for key, value in env.items() if key not in switches}


def announce(machine: dict) -> None:
    """Say what the native run inherits, since some machines set OPENBLAS_CORETYPE already."""
    for name in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES", "NPY_ENABLE_CPU_FEATURES"):
        print(f"native: {name}={os.environ[name]!r} (from this environment)" if name in os.environ
              else f"native: {name} is not set", flush=True)
    if machine["blas"] is None:
        print("OpenBLAS's kernel cannot be read here (no numpy.libs/libscipy_openblas64_*.so: not Linux, "
              "or a numpy without its bundled OpenBLAS): checking numpy's dispatch only", flush=True)


def pick(names: str | None) -> list[Variant]:
    """The variants named on the command line (comma-separated), in the table's order."""
    if names is None:
        return list(VARIANTS)
    wanted = set(names.split(","))
    unknown = wanted - {variant.name for variant in VARIANTS}
    if unknown:
        raise SystemExit(f"unknown variant(s) {', '.join(sorted(unknown))}; choose from "
                         + ", ".join(variant.name for variant in VARIANTS))
    return [variant for variant in VARIANTS if variant.name in wanted]


def main(argv: list[str] | None = None) -> int:
    """Run the chosen variants the chosen number of times; print one summary line per run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", help="comma-separated, from: " + ", ".join(v.name for v in VARIANTS))
    parser.add_argument("--rounds", type=int, default=1, help="run the whole matrix this many times")
    args = parser.parse_args(argv)
    variants = pick(args.variants)
    machine = probe(without_numpy_switches(os.environ))
    announce(machine)
    lines, outcomes = [], []
    for round_number in range(1, args.rounds + 1):
        for variant in variants:
            outcome, seconds, detail = run_variant(variant, machine)
            name = variant.name if args.rounds == 1 else f"{variant.name}#{round_number}"
            lines.append(summary_line(name, outcome, seconds, detail))
            outcomes.append(outcome)
    print("\nstrict nbval on simulated CPUs:\n" + "\n".join(lines), flush=True)
    return exit_code(outcomes)


if __name__ == "__main__":
    sys.exit(main())
