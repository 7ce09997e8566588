"""Shared code for the course 'From Slopes to Backprop'.

The package has three layers, and imports only point down:

- **core**, the modules at this level: the engines (``activations``, ``calculus``, ``chains``,
  ``autodiff``, ``mlp``, ``walkthrough``, ``path_sums``) and foundations (``validation``,
  ``formatting``, ``progress``, ``environment``, and ``style``, the one drawing style). A core
  module serves two or more notebooks, or is named in the prose, and imports nothing below.
- **lessons/nbNN/**: what serves notebook NN alone, keyed like ``notebooks/NN_*.ipynb``: its
  helpers and, in ``figures.py``, its figures. A lesson may import the core and earlier lessons.
- **explorers/** (slider widgets) and **exercises/** (``nbNN.py``: checks, hints, solutions):
  what the learner touches, built on the two layers above.

Import the modules by name, e.g. ``from course_utils import activations`` or
``from course_utils.lessons.nb04 import mazur``. Heavy dependencies (SymPy, ipywidgets,
anywidget) load only when a module that needs them is used.
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

    from course_utils.environment import enable_colab_widgets
    from course_utils.style import use_house_style

    use_house_style()
    np.set_printoptions(precision=4, suppress=True, floatmode="fixed")
    enable_colab_widgets()


def __getattr__(name: str):
    """Load submodules on first use, so `import course_utils` stays light."""
    if name in MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'course_utils' has no attribute {name!r}")
