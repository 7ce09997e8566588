"""Every explorer tells a screen reader what each control moves (the browser test checks the page's tree)."""
from __future__ import annotations

import ipywidgets as widgets
import pytest

from course_utils.explorers import all_explorers
from course_utils.explorers.base import float_slider
from course_utils.explorers.screen_reader import ScreenReaderLabels, spoken_name

EXPLORERS = {cls.__name__: cls for cls in all_explorers()}


def test_a_name_starts_with_the_visible_label_and_goes_on_with_the_tooltip():
    assert spoken_name(float_slider("h", 0.5, 0.0, 1.0, 0.1, says="the step of the secant")) == (
        "h, the step of the secant")
    assert spoken_name(widgets.Dropdown(options=["a"], description="curve")) == "curve"


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_control_of_every_explorer_is_named_for_what_it_moves(name):
    explorer = EXPLORERS[name].example()
    labels = [child for child in explorer.children if isinstance(child, ScreenReaderLabels)]
    assert len(labels) == 1, "an explorer's box holds one ScreenReaderLabels, which names its controls"
    assert len(labels[0].control_names) == len(explorer.controls)
    for control, spoken in zip(explorer.controls, labels[0].control_names, strict=True):
        assert spoken.startswith(control.description), "speech must start with what the eye reads"
        assert len(spoken.split()) >= 4, (
            f"{name}: the control {control.description!r} is spoken as {spoken!r}; give it a tooltip "
            "(float_slider's says=) that says what it moves"
        )
