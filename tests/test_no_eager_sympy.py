"""SymPy is slow to import: the modules behind notebooks 01 and 02 load it only inside the functions that need it."""
from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = [
    "course_utils.lessons.nb01.curves",
    "course_utils.lessons.nb01.step_size_study",
    "course_utils.explorers.secant",
    "course_utils.explorers.step_size",
    "course_utils.exercises.nb01",
    "course_utils.chains",
    "course_utils.path_sums",
    "course_utils.explorers.chain",
    "course_utils.exercises.nb02",
]


@pytest.mark.parametrize("module", MODULES)
def test_importing_does_not_load_sympy(module):
    code = f"import sys, {module}; print('sympy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
