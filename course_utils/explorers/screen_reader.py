"""What a screen reader hears from an explorer: each control's name, and the readout as it changes.

A name starts with the control's visible label (so speech and sight agree, WCAG 2.5.3) and goes
on with its tooltip: what the slider moves, in words. The page-side half is screen_reader.js.
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets


def spoken_name(control) -> str:
    """A control's accessible name: its visible description, then its tooltip when it has one."""
    parts = (getattr(control, "description", ""), getattr(control, "tooltip", None))
    return ", ".join(part for part in parts if part)


class ScreenReaderLabels(anywidget.AnyWidget):
    """An invisible child of an explorer's box that names its sibling controls and makes its readout live."""

    _esm = Path(__file__).with_name("screen_reader.js")
    control_names = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(self, controls):
        super().__init__(control_names=[spoken_name(control) for control in controls])
