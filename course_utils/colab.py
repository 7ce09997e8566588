"""Google Colab support: Colab shows ipympl canvases (the explorers) only once its custom widget manager is on.

Outside Colab everything here does nothing, so notebooks call it unconditionally
through ``course_utils.setup_notebook()``.
"""
from __future__ import annotations

from types import ModuleType


def colab_module() -> ModuleType | None:
    """The ``google.colab`` module when this kernel runs in Colab, otherwise None."""
    try:
        from google import colab
    except ImportError:
        return None
    return colab


def enable_colab_widgets() -> bool:
    """Turn on Colab's custom widget manager so third-party widgets (ipympl) render; False outside Colab."""
    colab = colab_module()
    if colab is None:
        return False
    colab.output.enable_custom_widget_manager()
    return True
