"""`import course_utils` stays light: SymPy and the widget stack load only when a lesson uses them."""
from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sympy", "ipywidgets", "anywidget")


def _loaded_after(statement: str) -> list[str]:
    probe = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return result.stdout.split()


@pytest.mark.parametrize("statement", [
    "import course_utils",
    "from course_utils import activations, calculus, formatting, validation",
    "import course_utils; course_utils.setup_notebook()",
])
def test_core_imports_do_not_load_sympy_or_widgets(statement):
    assert _loaded_after(statement) == []


def test_explorers_load_the_widget_stack_when_used():
    assert "ipywidgets" in _loaded_after("import course_utils.explorers")


def test_an_unknown_attribute_is_a_clear_attribute_error():
    import course_utils

    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        _ = course_utils.nothing_here


def test_every_module_is_reachable_as_an_attribute():
    import course_utils

    expected = {"activations", "mlp", "autodiff", "walkthrough", "lessons", "explorers", "exercises"}
    assert expected <= set(course_utils.MODULES)
    assert course_utils.walkthrough.starting_network()["x1"] == 0.05
