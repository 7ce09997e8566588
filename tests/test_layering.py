"""The package's layers hold: the core imports no lesson, and lessons import no explorer or exercise."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "course_utils"
CORE = sorted(path for path in PACKAGE.glob("*.py"))
LESSONS = sorted((PACKAGE / "lessons").rglob("*.py"))
MAX_TOP_LEVEL_MODULES = 14
MAX_MODULE_LINES = 400


def imported_modules(path: Path) -> set[str]:
    """Every course_utils module a file imports, by absolute dotted name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("course_utils"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("course_utils"))
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(
                f"{path.name}: use absolute imports (from course_utils.… import …), so a move cannot misroute them"
            )
    return found


def _below(modules: set[str], layers: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.startswith(tuple(f"course_utils.{layer}" for layer in layers)))


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_a_core_module_imports_no_lesson_explorer_or_exercise(path):
    wrong = _below(imported_modules(path), ("lessons", "explorers", "exercises"))
    assert not wrong, (
        f"core module {path.name} imports {wrong}: move the shared part into the core, or this module into lessons/"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_lesson_module_imports_no_explorer_or_exercise(path):
    wrong = _below(imported_modules(path), ("explorers", "exercises"))
    assert not wrong, f"{path.relative_to(PACKAGE)} imports {wrong}: explorers and exercises sit above the lessons"


def test_the_layer_check_sees_a_core_module_that_imports_a_lesson(tmp_path):
    module = tmp_path / "core.py"
    module.write_text("from course_utils.lessons.nb06.vanishing import chain_slope\n")
    assert _below(imported_modules(module), ("lessons",)) == ["course_utils.lessons.nb06.vanishing",
                                                              "course_utils.lessons.nb06.vanishing.chain_slope"]


def test_the_top_level_is_small_enough_to_read_as_the_core():
    assert len(CORE) <= MAX_TOP_LEVEL_MODULES, [path.name for path in CORE]


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_a_reader_holds_in_mind(path):
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES, f"{path.relative_to(PACKAGE)}: split it by idea"
