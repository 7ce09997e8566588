"""The notebook's environment: are the course's packages importable, and, in Google Colab, are widgets on?

Colab shows third-party widgets (the explorers' figures) only once its custom widget manager is on; outside Colab
`enable_colab_widgets` does nothing, so notebooks call it unconditionally through `setup_notebook()`.
"""
from __future__ import annotations

import sys
from importlib import metadata
from types import ModuleType

#: The packages a learner's kernel needs, in the order the check reports them.
REQUIRED = ["numpy", "matplotlib", "sympy", "ipywidgets", "anywidget", "jupyterlab"]
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


def colab_module() -> ModuleType | None:
    """The ``google.colab`` module when this kernel runs in Colab, otherwise None."""
    try:
        from google import colab
    except ImportError:
        return None
    return colab


def enable_colab_widgets() -> bool:
    """Turn on Colab's custom widget manager so third-party widgets (the explorers) render; False outside Colab."""
    colab = colab_module()
    if colab is None:
        return False
    colab.output.enable_custom_widget_manager()
    return True
