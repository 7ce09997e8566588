"""Shared code for the course 'From Slopes to Backprop'.

Import the modules by name, e.g. ``from course_utils import activations``. Heavy
dependencies (SymPy, ipywidgets, ipympl) load only when a module that needs them is used.
"""
from __future__ import annotations

import importlib
import pkgutil

#: Every module of the package (activations, calculus, mlp, autodiff, ...), loaded on first use.
MODULES = sorted(module.name for module in pkgutil.iter_modules(__path__))
__all__ = [*MODULES, "setup_notebook"]


def setup_notebook() -> None:
    """Start every notebook the same way: house plotting style, fixed numpy printing, widgets on in Colab."""
    import numpy as np

    from .colab import enable_colab_widgets
    from .plotting import use_house_style

    use_house_style()
    np.set_printoptions(precision=4, suppress=True, floatmode="fixed")
    enable_colab_widgets()


def __getattr__(name: str):
    """Load submodules on first use, so `import course_utils` stays light."""
    if name in MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'course_utils' has no attribute {name!r}")
