"""On Colab the course turns on the custom widget manager (the explorers need it); elsewhere it does nothing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from course_utils import environment

FAKE_COLAB = """
import sys, types
calls = []
google = types.ModuleType("google")
google.colab = types.ModuleType("google.colab")
google.colab.output = types.SimpleNamespace(enable_custom_widget_manager=lambda: calls.append("enabled"))
sys.modules.update({"google": google, "google.colab": google.colab})
"""


@pytest.fixture
def fake_colab(monkeypatch) -> list[str]:
    """Pretend to be Colab (modules restored afterwards); the list records each widget-manager call."""
    for name in ("google", "google.colab"):
        monkeypatch.setitem(sys.modules, name, None)
    namespace = {}
    exec(FAKE_COLAB, namespace)
    return namespace["calls"]


@pytest.fixture
def not_colab(monkeypatch) -> None:
    """Make `google.colab` unimportable, whatever this machine has installed."""
    monkeypatch.setitem(sys.modules, "google.colab", None)


def test_in_colab_the_custom_widget_manager_is_enabled(fake_colab):
    assert environment.enable_colab_widgets() is True
    assert fake_colab == ["enabled"]


def test_outside_colab_nothing_is_enabled(not_colab):
    assert environment.colab_module() is None
    assert environment.enable_colab_widgets() is False


def test_setup_notebook_enables_colab_widgets_and_prints_nothing():
    probe = FAKE_COLAB + "import course_utils\nresult = course_utils.setup_notebook()\nprint(result, calls)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "None ['enabled']"
    assert result.stderr == ""
