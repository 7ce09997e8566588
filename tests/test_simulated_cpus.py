"""`make test-portable` imitates only CPUs this machine can run, says what it skipped, and fails when a run fails."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_tool():
    spec = importlib.util.spec_from_file_location("simulated_cpus", ROOT / "tools" / "simulated_cpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


simulated_cpus = _load_tool()
VARIANTS = {variant.name: variant for variant in simulated_cpus.VARIANTS}
X86_COMPILED = ["X86_V3", "X86_V4", "AVX512_ICL", "AVX512_SPR"]


def machine(compiled=X86_COMPILED, has=(), blas="SkylakeX") -> dict:
    """A probe report for a made-up machine: numpy's compiled targets and the CPU's features."""
    return {"compiled": list(compiled), "features": dict.fromkeys(has, True), "blas": blas}


ZEN4 = machine(has=["SSE3", "AVX2", "FMA3", "X86_V3", "AVX512F", "X86_V4", "AVX512_ICL"])
HASWELL = machine(has=["SSE3", "AVX2", "FMA3", "X86_V3"], blas="Haswell")
APPLE_M1 = machine(compiled=["ASIMDHP", "ASIMDDP", "ASIMDFHM"], has=["NEON", "ASIMD", "ASIMDHP", "ASIMDDP"], blas=None)


def test_the_matrix_runs_native_avx2_avx512_and_baseline_with_the_documented_settings():
    assert [(v.name, v.disable, v.coretype) for v in simulated_cpus.VARIANTS] == [
        ("native", None, None),
        ("avx2", "AVX512_SPR AVX512_ICL X86_V4", "Haswell"),
        ("avx512", "", "SkylakeX"),
        ("baseline", "AVX512_SPR AVX512_ICL X86_V4 X86_V3", "Prescott"),
    ]


def test_the_native_run_keeps_the_machines_own_settings():
    base = {"OPENBLAS_CORETYPE": "Zen", "NPY_DISABLE_CPU_FEATURES": "X86_V4", "HOME": "/root"}
    assert simulated_cpus.environment(VARIANTS["native"], base) == base


def test_a_simulated_cpu_overrides_whatever_the_machine_set():
    base = {"OPENBLAS_CORETYPE": "Haswell", "NPY_DISABLE_CPU_FEATURES": "X86_V4", "NPY_ENABLE_CPU_FEATURES": "X86_V3"}
    env = simulated_cpus.environment(VARIANTS["avx512"], base)
    assert env == {"OPENBLAS_CORETYPE": "SkylakeX", "NPY_DISABLE_CPU_FEATURES": ""}
    assert base["OPENBLAS_CORETYPE"] == "Haswell", "the caller's environment must not change"


def test_an_avx512_machine_runs_every_variant():
    assert {name: simulated_cpus.skip_reason(v, ZEN4) for name, v in VARIANTS.items()} == dict.fromkeys(VARIANTS)


def test_an_avx2_machine_skips_avx512_and_says_why():
    reasons = {name: simulated_cpus.skip_reason(v, HASWELL) for name, v in VARIANTS.items()}
    assert reasons == {"native": None, "avx2": None, "avx512": "this CPU has no AVX-512", "baseline": None}


def test_an_arm_machine_runs_only_native():
    reasons = {name: simulated_cpus.skip_reason(v, APPLE_M1) for name, v in VARIANTS.items()}
    assert reasons["native"] is None
    assert reasons["avx2"] == "this CPU has no AVX2 and FMA"
    assert reasons["avx512"] == "this CPU has no AVX-512"
    assert reasons["baseline"] == "this CPU is not x86-64"


def test_a_numpy_that_cannot_switch_a_target_off_skips_the_variant_naming_it():
    older_numpy = dict(ZEN4, compiled=["X86_V3", "X86_V4", "AVX512_ICL"])
    reason = simulated_cpus.skip_reason(VARIANTS["avx2"], older_numpy)
    assert reason is not None and "AVX512_SPR" in reason


def test_a_run_that_does_not_imitate_the_cpu_asked_for_is_caught():
    still_avx512 = dict(ZEN4, blas="Haswell")
    assert "X86_V4" in simulated_cpus.mismatch(VARIANTS["avx2"], ZEN4, still_avx512)
    wrong_kernel = dict(ZEN4, features=dict(ZEN4["features"], X86_V4=False, AVX512_ICL=False), blas="SkylakeX")
    assert "SkylakeX" in simulated_cpus.mismatch(VARIANTS["avx2"], ZEN4, wrong_kernel)


def test_the_run_asked_for_passes_the_check_even_when_openblas_renames_its_kernel():
    baseline = dict(ZEN4, features={"SSE3": True, "AVX2": True, "AVX512F": True}, blas="Katmai")
    assert simulated_cpus.mismatch(VARIANTS["baseline"], ZEN4, baseline) is None
    assert simulated_cpus.describe(baseline) == "numpy dispatch: baseline only; OpenBLAS kernel: Katmai"


def test_without_a_readable_openblas_only_numpys_dispatch_is_checked():
    avx2 = dict(ZEN4, features=dict(ZEN4["features"], X86_V4=False, AVX512_ICL=False), blas=None)
    assert simulated_cpus.mismatch(VARIANTS["avx2"], dict(ZEN4, blas=None), avx2) is None
    assert "OpenBLAS kernel: unknown" in simulated_cpus.describe(avx2)


def test_any_failed_run_fails_the_matrix_and_skips_do_not():
    assert simulated_cpus.exit_code(["passed", "skipped", "passed"]) == 0
    assert simulated_cpus.exit_code(["passed", "FAILED", "skipped"]) != 0


def test_a_summary_line_says_what_ran_how_it_went_and_how_long_it_took():
    line = simulated_cpus.summary_line("avx2", "passed", 21.04, "numpy dispatch: X86_V3; OpenBLAS kernel: Haswell")
    assert line.split() == [
        "avx2", "passed", "21.0", "s", "numpy", "dispatch:", "X86_V3;", "OpenBLAS", "kernel:", "Haswell",
    ]
    assert "skipped" in simulated_cpus.summary_line("avx512", "skipped", None, "this CPU has no AVX-512")


def test_variants_named_on_the_command_line_run_in_the_tables_order():
    assert [v.name for v in simulated_cpus.pick("baseline,avx2")] == ["avx2", "baseline"]
    with pytest.raises(SystemExit, match="choose from native, avx2, avx512, baseline"):
        simulated_cpus.pick("avx2,sse9")


def test_main_runs_every_variant_each_round_and_fails_when_one_run_fails(monkeypatch, capsys):
    def fake_probe(env):
        if env.get("OPENBLAS_CORETYPE") == "Prescott":
            return dict(HASWELL, features={"SSE3": True}, blas="Katmai")
        return HASWELL

    ran = []

    def fake_nbval(command, cwd, env):
        ran.append(env.get("OPENBLAS_CORETYPE"))
        return subprocess.CompletedProcess(command, 1 if env.get("OPENBLAS_CORETYPE") == "Prescott" else 0)

    monkeypatch.setattr(simulated_cpus, "probe", fake_probe)
    monkeypatch.setattr(simulated_cpus.subprocess, "run", fake_nbval)
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Haswell")
    assert simulated_cpus.main(["--rounds", "2"]) != 0
    assert ran == ["Haswell", "Haswell", "Prescott"] * 2
    summary = capsys.readouterr().out.split("strict nbval on simulated CPUs:\n")[1].splitlines()
    assert [line.split()[:2] for line in summary] == [
        ["native#1", "passed"], ["avx2#1", "passed"], ["avx512#1", "skipped"], ["baseline#1", "FAILED"],
        ["native#2", "passed"], ["avx2#2", "passed"], ["avx512#2", "skipped"], ["baseline#2", "FAILED"],
    ]


def test_the_probe_sees_a_target_switched_off_in_its_environment():
    report = simulated_cpus.probe(dict(os.environ, NPY_DISABLE_CPU_FEATURES=""))
    targets = simulated_cpus.dispatched(report)
    if not targets:
        pytest.skip("this numpy dispatches to nothing beyond its baseline here")
    switched_off = simulated_cpus.probe(dict(os.environ, NPY_DISABLE_CPU_FEATURES=targets[-1]))
    assert simulated_cpus.dispatched(switched_off) == targets[:-1]
