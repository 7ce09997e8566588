"""The start-here environment check: are the course's packages importable, and do widgets work?"""
from __future__ import annotations

import sys
from importlib import metadata

#: The packages a learner's kernel needs, in the order the check reports them.
REQUIRED = ["numpy", "matplotlib", "sympy", "ipywidgets", "ipympl", "jupyterlab"]
MINIMUM_PYTHON = (3, 11)


def package_versions(names=REQUIRED) -> dict[str, str | None]:
    """Installed version of each package, or None where it is missing."""
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def environment_report(versions: dict[str, str | None] | None = None, python=sys.version_info) -> str:
    """A short, machine-independent report with what to do about anything missing."""
    versions = package_versions() if versions is None else versions
    python_ok = tuple(python[:2]) >= MINIMUM_PYTHON
    lines = [f"Python {MINIMUM_PYTHON[0]}.{MINIMUM_PYTHON[1]} or newer: {'yes' if python_ok else 'NO'}"]
    lines += [f"{name:<11} {version or 'MISSING'}" for name, version in versions.items()]
    missing = [name for name, version in versions.items() if version is None]
    if not python_ok:
        lines.append("→ This course needs Python 3.11+. Create the environment with `make lab` (see README).")
    if missing:
        lines.append(
            f"→ Missing: {', '.join(missing)}. This kernel is not the course's environment: "
            "run `make lab` from the course folder, or pick the kernel of .venv (Kernel → Change Kernel)."
        )
    if python_ok and not missing:
        lines.append("All set: every package the course uses is installed.")
    return "\n".join(lines)
